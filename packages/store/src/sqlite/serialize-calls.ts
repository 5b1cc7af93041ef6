/**
 * Runs the methods of `target` one at a time, first come first served. better-sqlite3 has one
 * connection and runs statements one by one anyway; Kysely's connection mutex wakes every waiter on
 * each release (quadratic in the number waiting), so 1,000 simultaneous answers queue here instead,
 * in a plain promise chain.
 *
 * A method must not call another method through the wrapped object (it would wait for itself);
 * calls between the target's own functions are not queued.
 *
 * @param queue Shared by every object whose calls must not interleave.
 */
export function serializeCalls<T extends object>(target: T, queue: { tail: Promise<unknown> }): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(target)) {
    if (typeof value !== 'function') {
      wrapped[name] = value;
      continue;
    }
    wrapped[name] = (...args: unknown[]) => {
      const run = queue.tail.then(
        () => value.apply(target, args),
        () => value.apply(target, args),
      );
      queue.tail = run.catch(() => undefined);
      return run;
    };
  }
  return wrapped as T;
}
