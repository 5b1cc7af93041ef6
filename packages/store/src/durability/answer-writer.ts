/**
 * A child process for the crash test: opens the store, then answers round 1 of one quiz for the
 * players it is given, several at a time, as fast as it can, and reports every answer the store
 * ACKNOWLEDGED (or refused) to the parent over IPC. The parent kills it with SIGKILL at any moment.
 *
 * Protocol: the parent sends one {@link WriterJob}; the child sends `{ type: 'ready' }` once the store
 * is open, one {@link WriterReport} per answer, and `{ type: 'done' }` at the end.
 *
 * @module
 */
import { createStore } from '../create-store.js';

/** What a writer is asked to do. */
export interface WriterJob {
  url: string;
  schema?: string;
  quizId: string;
  userIds: string[];
  /** When the answers arrive, ms (inside the round). */
  at: number;
  /** Answers in flight at once. */
  concurrency: number;
}

/** One answer's outcome as the store returned it. */
export interface WriterReport {
  type: 'answer';
  userId: string;
  accepted: boolean;
  reason?: string;
}

/** Every message a writer sends. */
export type WriterMessage =
  | { type: 'ready' }
  | WriterReport
  | { type: 'done' }
  | { type: 'error'; message: string };

const send = (message: WriterMessage) =>
  new Promise<void>((resolve, reject) =>
    process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );

async function run(job: WriterJob): Promise<void> {
  const store = await createStore({
    url: job.url,
    ...(job.schema === undefined ? {} : { schema: job.schema }),
    poolSize: job.concurrency,
  });
  await send({ type: 'ready' });
  let next = 0;
  const worker = async () => {
    while (next < job.userIds.length) {
      const userId = job.userIds[next++]!;
      const result = await store.quiz.submitAnswer({
        quizId: job.quizId,
        round: 1,
        userId,
        answer: userId.slice(-1),
        at: job.at,
      });
      await send(
        result.accepted
          ? { type: 'answer', userId, accepted: true }
          : { type: 'answer', userId, accepted: false, reason: result.reason },
      );
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  await store.close();
  await send({ type: 'done' });
}

process.once('message', (job: WriterJob) => {
  run(job).then(
    () => process.disconnect(),
    async (error: unknown) => {
      await send({ type: 'error', message: String((error as Error)?.stack ?? error) });
      process.exit(1);
    },
  );
});
