import { randomUUID } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { UserError } from '@mlsys/errors';

/** What a lock file holds: who owns it. */
interface LockOwner {
  pid: number;
  host: string;
  token: string;
  since: string;
}

/** An exclusive lock held through a file; release it when done (it is also released at exit). */
export interface FileLock {
  readonly path: string;
  release(): void;
}

/**
 * Takes the lock file `path` (created with O_EXCL, holding the owner's pid, host and a token), so a
 * second process on the same database refuses to start. A lock left by a process that no longer
 * runs on this host is stale and taken over.
 *
 * @param what The locked resource, for the message (e.g. the database path).
 * @throws UserError `store/locked` when a live process (this one included) holds the lock.
 */
export function acquireFileLock(path: string, what: string): FileLock {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomUUID(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, owner)) return heldLock(path, owner);
    const current = readOwner(path);
    if (current === undefined) continue; // released (or unreadable) between our two calls: try again
    if (isAlive(current)) throw lockedError(path, what, current);
    takeOverStale(path, current);
  }
  throw new UserError(
    'store/locked',
    `Could not take the lock ${path} for ${what}: it keeps changing hands.`,
  );
}

function tryCreate(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return undefined;
    return { pid: parsed.pid, host: parsed.host, token: String(parsed.token), since: String(parsed.since) };
  } catch {
    return undefined;
  }
}

/** A lock is live if its process runs here, or if it belongs to another host (we cannot tell). */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves a stale lock aside atomically (only one contender's rename succeeds); if what was moved is
 * not the stale lock that was read (someone took over meanwhile), puts it back.
 */
function takeOverStale(path: string, stale: LockOwner): void {
  const aside = `${path}.stale-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  if (readOwner(aside)?.token !== stale.token) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone else holds the path now; the moved lock's owner will find its lock gone.
    }
  }
  unlinkSync(aside);
}

function lockedError(path: string, what: string, owner: LockOwner): UserError {
  const who =
    owner.pid === process.pid && owner.host === hostname()
      ? 'This process already has it open'
      : `Another process (pid ${owner.pid} on ${owner.host}, since ${owner.since}) is using it`;
  return new UserError(
    'store/locked',
    `${what} is locked: ${who}. Run one bot per SQLite file (for several instances use PostgreSQL ` +
      `with DATABASE_URL=postgres://…). If no such process runs, delete ${path}.`,
  );
}

function heldLock(path: string, owner: LockOwner): FileLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (readOwner(path)?.token === owner.token) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone.
      }
    }
  };
  process.on('exit', release);
  return { path, release };
}
