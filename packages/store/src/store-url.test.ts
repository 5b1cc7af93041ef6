import { describe, expect, it } from 'vitest';
import { parseStoreUrl, redactUrl } from './store-url.js';

describe('parseStoreUrl', () => {
  it.each([
    [
      'postgres://postgres@127.0.0.1:5432/test',
      { engine: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test', schema: 'public' },
    ],
    ['postgresql://u:p@db/x?schema=bot', { engine: 'postgres', url: 'postgresql://u:p@db/x', schema: 'bot' }],
    [
      'postgres://db/x?schema=bot&sslmode=require',
      { engine: 'postgres', url: 'postgres://db/x?sslmode=require', schema: 'bot' },
    ],
    ['sqlite:./data/mlsys.db', { engine: 'sqlite', path: './data/mlsys.db' }],
    ['sqlite:///var/lib/mlsys.db', { engine: 'sqlite', path: '/var/lib/mlsys.db' }],
    [':memory:', { engine: 'sqlite', path: ':memory:' }],
    ['sqlite::memory:', { engine: 'sqlite', path: ':memory:' }],
    ['/tmp/x.db', { engine: 'sqlite', path: '/tmp/x.db' }],
    ['data/x.db', { engine: 'sqlite', path: 'data/x.db' }],
    ['C:\\data\\x.db', { engine: 'sqlite', path: 'C:\\data\\x.db' }],
  ])('%s', (url, location) => {
    expect(parseStoreUrl(url)).toEqual(location);
  });

  it.each([
    ['', /empty/],
    ['mysql://db/x', /"mysql:" is neither/],
    ['sqlite:', /names no file/],
    ['postgres://db/x?schema=Robert"; drop', /not a plain PostgreSQL schema name/],
  ])('refuses %j', (url, message) => {
    expect(() => parseStoreUrl(url)).toThrow(message);
  });

  it('lets an explicit schema override the URL', () => {
    expect(parseStoreUrl('postgres://db/x?schema=a', 'b')).toMatchObject({ schema: 'b' });
  });
});

describe('redactUrl', () => {
  it('hides the password only', () => {
    expect(redactUrl('postgres://u:secret@db:5432/x')).toBe('postgres://u:***@db:5432/x');
    expect(redactUrl('postgres://u@db/x')).toBe('postgres://u@db/x');
  });
});
