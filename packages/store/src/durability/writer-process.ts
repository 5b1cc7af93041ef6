import { type ChildProcess, fork } from 'node:child_process';
import type { WriterJob, WriterMessage, WriterReport } from './answer-writer.js';

/** A forked answer writer: what it reported, and how it ended. */
export interface Writer {
  readonly child: ChildProcess;
  /** Starts the job (the child loads its modules before it reads this, so fork early). */
  start(job: WriterJob, onReport: (report: WriterReport) => void): void;
  /** Resolves when the child has exited (and been reaped), with its exit code or signal. */
  readonly exited: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    done: boolean;
    error?: string;
  }>;
  kill(): void;
}

const here = new URL('.', import.meta.url);

/**
 * Forks `answer-writer.ts` from source: `--conditions=@mlsys/source` makes workspace packages resolve
 * to their `src/index.ts`, and `source-register.mjs` compiles TypeScript on load.
 */
export function forkWriter(): Writer {
  const child = fork(new URL('./answer-writer.ts', here), [], {
    execArgv: ['--conditions=@mlsys/source', '--import', new URL('./source-register.mjs', here).href],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let done = false;
  let error: string | undefined;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2_000);
  });
  let onReport: (report: WriterReport) => void = () => {};
  child.on('message', (message: WriterMessage) => {
    if (message.type === 'answer') onReport(message);
    else if (message.type === 'done') done = true;
    else if (message.type === 'error') error = message.message;
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    done: boolean;
    error?: string;
  }>((resolve) =>
    child.on('exit', (code, signal) =>
      resolve({
        code,
        signal,
        done,
        ...(error !== undefined || (code !== 0 && signal === null) ? { error: error ?? stderr } : {}),
      }),
    ),
  );
  return {
    child,
    start(job, report) {
      onReport = report;
      child.send(job);
    },
    exited,
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}
