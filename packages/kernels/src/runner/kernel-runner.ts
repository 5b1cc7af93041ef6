/**
 * The kernel runner the bot uses: kernels run in a child process that is killed (SIGKILL) when a run
 * exceeds its time limit, because `session.run()` blocks its thread and cannot be cancelled
 * (onnxruntime.md). The next request starts a fresh child. Requests are checked in this process first,
 * so bad input never costs a child round trip.
 *
 * @example
 * const runner = createKernelRunner({ timeoutMs: 30_000 });
 * const result = await runner.run({ kernel: 'attention', args: { seq: '512', kv_heads: '2' } });
 * await runner.close();
 *
 * @module
 */

import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { UserError } from '@mlsys/errors';
import { type ChildRequest, type ChildResponse, deserializeError } from './child-protocol.js';
import { DEFAULT_MAX_WORK_BYTES, type PreparedRun, prepareRun } from './prepare-run.js';
import type { KernelRunRequest, KernelRunResult } from './run-types.js';

/** Options of {@link createKernelRunner}; every one has a default. */
export interface KernelRunnerOptions {
  /** onnxruntime intra-op threads; default `min(2, cores)`. */
  threads?: number;
  /** Wall-clock limit of one run, ms, after which the child is killed; default 60,000. */
  timeoutMs?: number;
  /** Cap on a run's estimated working memory; default 1 GiB. */
  maxWorkBytes?: number;
  /** Skip the plain-TS reference above this many FLOPs; default 2·10⁹ (a few seconds of JS). */
  maxReferenceFlops?: number;
  /**
   * After a run whose working memory exceeds this, the child is retired so the memory onnxruntime's
   * arena kept (≈600 MiB after a seq-2048 attention, onnxruntime.md) goes back to the system;
   * default 256 MiB.
   */
  recycleAboveBytes?: number;
  /** Limit on starting the child (loading onnxruntime), ms, not counted in `timeoutMs`; default 30,000. */
  startupTimeoutMs?: number;
}

/** Runs kernels out of process. Structurally the `KernelRunner` port of `@mlsys/core`. */
export interface KernelRunner {
  /**
   * Runs one request.
   * @throws UserError for bad input, input above the caps, or a run that hit the time limit.
   */
  run(request: KernelRunRequest): Promise<KernelRunResult>;
  /** Stops the child process. The runner may be used again afterwards (a new child starts). */
  close(): Promise<void>;
}

interface Child {
  process: ChildProcess;
  ready: Promise<void>;
  pending: Map<number, { resolve: (response: ChildResponse) => void; reject: (error: Error) => void }>;
}

/** Creates a runner; the child process starts on the first run. */
export function createKernelRunner(options: KernelRunnerOptions = {}): KernelRunner {
  const threads = options.threads ?? Math.min(2, availableParallelism());
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxWorkBytes = options.maxWorkBytes ?? DEFAULT_MAX_WORK_BYTES;
  const recycleAboveBytes = options.recycleAboveBytes ?? 256 * 2 ** 20;
  const startupTimeoutMs = options.startupTimeoutMs ?? 30_000;
  const args = [
    '--threads',
    String(threads),
    '--max-reference-flops',
    String(options.maxReferenceFlops ?? 2e9),
    '--max-work-bytes',
    String(maxWorkBytes),
  ];
  let child: Child | undefined;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const stop = (target: Child | undefined, signal: NodeJS.Signals) => {
    if (!target) return;
    if (child === target) child = undefined;
    target.process.kill(signal);
  };

  const send = async (request: KernelRunRequest): Promise<KernelRunResult> => {
    child ??= startChild(args, (dead) => {
      if (child === dead) child = undefined;
    });
    const current = child;
    await waitUntilReady(current, startupTimeoutMs, () => stop(current, 'SIGKILL'));
    const id = nextId++;
    // The clock runs from the send: a run that outlives it is killed with its process.
    const response = await new Promise<ChildResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        current.pending.delete(id);
        stop(current, 'SIGKILL');
        reject(
          new UserError(
            'kernels/timeout',
            `The ${request.kernel} run took longer than ${timeoutMs / 1000} s and was stopped.`,
            { example: `/kernel ${request.kernel} with smaller sizes, e.g. seq=512` },
          ),
        );
      }, timeoutMs);
      current.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      current.process.send({ id, request } satisfies ChildRequest);
    });
    if (!response.ok) throw deserializeError(response.error);
    return response.result;
  };

  return {
    run(request) {
      let prepared: PreparedRun;
      try {
        prepared = prepareRun(request, maxWorkBytes); // bad input fails here, before the child
      } catch (error) {
        return Promise.reject(error);
      }
      const result = queue.then(async () => {
        try {
          return await send(request);
        } finally {
          if (prepared.workBytes > recycleAboveBytes) stop(child, 'SIGTERM');
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      const current = child;
      if (!current) return;
      const exited = new Promise<void>((resolve) => current.process.once('exit', () => resolve()));
      stop(current, 'SIGTERM');
      await exited;
    },
  };
}

/** Resolves when the child is ready; kills it (via `kill`) and rejects if that takes over `limitMs`. */
async function waitUntilReady(child: Child, limitMs: number, kill: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      kill();
      reject(new Error(`The kernel process did not start within ${limitMs / 1000} s.`));
    }, limitMs);
  });
  try {
    await Promise.race([child.ready, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Forks the child; on sources (tests) it runs the .ts entry through the source hooks. */
function startChild(args: string[], onExit: (dead: Child) => void): Child {
  const here = import.meta.url;
  const onSource = here.endsWith('.ts');
  const entry = new URL(onSource ? './child-main.ts' : './child-main.js', here);
  const execArgv = onSource
    ? ['--conditions=@mlsys/source', '--import', new URL('./source-register.mjs', here).href]
    : [];
  const processHandle = fork(entry, args, {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending: Child['pending'] = new Map();
  let markReady: () => void = () => undefined;
  let failReady: (error: Error) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  processHandle.on('message', (message: ChildResponse | { ready: true }) => {
    if ('ready' in message) return markReady();
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    waiter?.resolve(message);
  });
  processHandle.on('exit', (code, signal) => {
    onExit(self);
    const error = new Error(`The kernel process exited (${signal ?? `code ${code}`}) during a run.`);
    failReady(error);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  processHandle.on('error', (error) => failReady(error));
  ready.catch(() => undefined);
  const self: Child = { process: processHandle, ready, pending };
  return self;
}
