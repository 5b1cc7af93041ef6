/**
 * onnxruntime sessions by graph: the key is a hash of the model bytes (which hold every shape), so a
 * repeated `/kernel` call skips session creation (0.7–3.5 ms plus graph optimisation).
 *
 * @module
 */

import { createHash } from 'node:crypto';
import * as ort from 'onnxruntime-node';

/** Sessions created with fixed options, least recently used evicted (and released) past `capacity`. */
export interface SessionCache {
  get(model: Uint8Array): Promise<ort.InferenceSession>;
  /** Releases every session. */
  clear(): Promise<void>;
  readonly size: number;
}

/**
 * A session cache. `threads` sets onnxruntime's intra-op thread pool explicitly (its default is one
 * thread per core, which would fight other processes on a shared machine without saying so).
 */
export function createSessionCache(threads: number, capacity = 16): SessionCache {
  const sessions = new Map<string, Promise<ort.InferenceSession>>();
  const options: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    logSeverityLevel: 3, // errors only: failures reach us as exceptions anyway
  };
  return {
    async get(model) {
      const key = createHash('sha256').update(model).digest('hex');
      const cached = sessions.get(key);
      if (cached) {
        sessions.delete(key); // re-insert: most recently used last
        sessions.set(key, cached);
        return cached;
      }
      const created = ort.InferenceSession.create(model, options);
      sessions.set(key, created);
      created.catch(() => sessions.delete(key));
      while (sessions.size > capacity) {
        const [oldestKey, oldest] = sessions.entries().next().value!;
        sessions.delete(oldestKey);
        void oldest.then((session) => session.release()).catch(() => undefined);
      }
      return created;
    },
    async clear() {
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.allSettled(all.map(async (session) => (await session).release()));
    },
    get size() {
      return sessions.size;
    },
  };
}
