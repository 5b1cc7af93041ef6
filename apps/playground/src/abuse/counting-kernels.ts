import type { KernelRunner, KernelRunRequest } from '@mlsys/core';

/** One call to the kernel runner and how it ended so far. */
export interface KernelCall {
  request: KernelRunRequest;
  /** `pending` while in flight, `ok`, or the error code it failed with (e.g. `kernels/timeout`). */
  outcome: string;
}

/** Records every call the bot makes to its (real) kernel runner. */
export interface CountingKernels {
  /** Calls in the order the bot made them. */
  readonly calls: readonly KernelCall[];
  /** Wraps the real runner; pass as `wrapKernels` to `startBot`. */
  wrap(runner: KernelRunner): KernelRunner;
  /** Resolves with the `n`-th call (1-based) once the bot has made it. */
  called(n: number): Promise<KernelCall>;
}

/** Creates a recorder that counts and orders kernel runs without replacing the runner. */
export function countingKernels(): CountingKernels {
  const calls: KernelCall[] = [];
  const waiters: { n: number; resolve: (call: KernelCall) => void }[] = [];
  const notify = () => {
    for (const waiter of [...waiters]) {
      const call = calls[waiter.n - 1];
      if (!call) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(call);
    }
  };
  return {
    calls,
    wrap: (runner) => ({
      async run(request) {
        const call: KernelCall = { request, outcome: 'pending' };
        calls.push(call);
        notify();
        try {
          const result = await runner.run(request);
          call.outcome = 'ok';
          return result;
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          call.outcome = typeof code === 'string' ? code : 'error';
          throw error;
        }
      },
      close: () => runner.close(),
    }),
    called: (n) =>
      new Promise((resolve) => {
        waiters.push({ n, resolve });
        notify();
      }),
  };
}
