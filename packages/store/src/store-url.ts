import { UserError } from '@mlsys/errors';

/** Where a store lives, parsed from its URL. */
export type StoreLocation =
  | { engine: 'sqlite'; path: string }
  | { engine: 'postgres'; url: string; schema: string };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Reads a store URL: `postgres://…` or `postgresql://…` (an optional `?schema=name` picks the
 * PostgreSQL schema, default `public`), `sqlite:path`, `:memory:` (or `sqlite::memory:`), or a plain
 * file path (SQLite).
 *
 * @param schema PostgreSQL schema; overrides the URL's `schema` parameter.
 * @throws UserError `store/bad-url` for an empty URL, another scheme or a bad schema name.
 */
export function parseStoreUrl(url: string, schema?: string): StoreLocation {
  const text = url.trim();
  const example = 'postgres://postgres@127.0.0.1:5432/mlsys, sqlite:./data/mlsys.db or ./data/mlsys.db';
  if (text === '') throw new UserError('store/bad-url', 'The store URL is empty.', { example });
  if (/^postgres(ql)?:\/\//i.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch (cause) {
      throw new UserError('store/bad-url', 'The PostgreSQL URL could not be read.', { example, cause });
    }
    const chosen = schema ?? parsed.searchParams.get('schema') ?? 'public';
    parsed.searchParams.delete('schema');
    if (!SCHEMA_NAME.test(chosen)) {
      throw new UserError('store/bad-url', `"${chosen}" is not a plain PostgreSQL schema name.`, {
        example: 'postgres://postgres@127.0.0.1:5432/mlsys?schema=bot',
      });
    }
    return { engine: 'postgres', url: parsed.toString(), schema: chosen };
  }
  if (text === ':memory:' || text === 'sqlite::memory:') return { engine: 'sqlite', path: ':memory:' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
  if (scheme !== undefined && scheme.length > 1) {
    if (scheme.toLowerCase() !== 'sqlite') {
      throw new UserError('store/bad-url', `Stores are SQLite or PostgreSQL; "${scheme}:" is neither.`, {
        example,
      });
    }
    const path = text.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') throw new UserError('store/bad-url', 'The sqlite: URL names no file.', { example });
    return { engine: 'sqlite', path };
  }
  return { engine: 'sqlite', path: text };
}

/** The URL with any password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
