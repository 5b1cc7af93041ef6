import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireFileLock } from './file-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'mlsys-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lockAt = (name: string) => join(dir, name);
const owner = (pid: number, host = hostname()) =>
  JSON.stringify({ pid, host, token: 'other', since: '2025-01-01T00:00:00.000Z' });

describe('acquireFileLock', () => {
  it('writes the owner and removes the file on release', () => {
    const path = lockAt('a.lock');
    const lock = acquireFileLock(path, 'db a');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a second holder in the same process', () => {
    const path = lockAt('b.lock');
    const lock = acquireFileLock(path, 'db b');
    expect(() => acquireFileLock(path, 'db b')).toThrow(/db b is locked: This process already has it open/);
    lock.release();
    acquireFileLock(path, 'db b').release();
  });

  it('refuses while another live process holds it, naming its pid', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const path = lockAt('c.lock');
      writeFileSync(path, owner(child.pid!));
      expect(() => acquireFileLock(path, 'db c')).toThrow(
        new RegExp(`Another process \\(pid ${child.pid} on .*delete ${path.replaceAll('.', '\\.')}`),
      );
    } finally {
      child.kill();
    }
  });

  it('takes over a lock whose process is gone', async () => {
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => child.on('exit', resolve));
    const path = lockAt('d.lock');
    writeFileSync(path, owner(child.pid!));
    const lock = acquireFileLock(path, 'db d');
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('treats a lock from another host as live', () => {
    const path = lockAt('e.lock');
    writeFileSync(path, owner(1, 'some-other-host'));
    expect(() => acquireFileLock(path, 'db e')).toThrow(/pid 1 on some-other-host/);
  });
});
