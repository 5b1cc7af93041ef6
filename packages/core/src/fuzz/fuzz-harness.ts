import { isUserError } from '@mlsys/errors';
import { allCommands } from '../commands/all-commands.js';
import { botActions } from '../commands/bot/index.js';
import type { Caller, Invocation } from '../commands/invocation.js';
import { sampleResult } from '../commands/kernel/sample-result.js';
import { createManualClock } from '../ports/manual-clock.js';
import { createRecordingMessenger } from '../ports/messenger-recording.js';
import { createSeededRandom } from '../ports/seeded-random.js';
import { createListQuestionSource } from '../quiz/question-list-source.js';
import { createRouter, type Dispatched, type Router } from '../router/router.js';
import { createMemoryStore } from '../testing/memory-store.js';
import { SAMPLE_QUESTIONS } from '../testing/sample-questions.js';
import { T0 } from '../testing/store-contract.js';

/** How one fuzzed input ended: a value, a user error with a message, or something that must not happen. */
export type Outcome = 'ok' | 'user-error' | 'bad';

/** A router over every command and button of the bot, with in-memory fakes for every port. */
export function fuzzRouter(seed: number): { router: Router; incidents: unknown[] } {
  const incidents: unknown[] = [];
  const router = createRouter({
    commands: allCommands,
    actions: botActions,
    services: {
      clock: createManualClock(T0),
      random: createSeededRandom(seed),
      store: createMemoryStore(),
      messenger: createRecordingMessenger(),
      questions: createListQuestionSource(SAMPLE_QUESTIONS),
      kernels: {
        run: async (request) => ({ ...sampleResult, kernel: request.kernel, seed: request.seed ?? 1 }),
        close: async () => {},
      },
    },
    logger: { error: (_message, fields) => incidents.push(fields) },
    incidentId: () => 'fuzz',
  });
  return { router, incidents };
}

/** A caller numbered `n`; every 7th is a channel admin. */
export function fuzzCaller(n: number): Caller {
  return { id: `U${n}`, name: `Player ${n}`, isAdmin: n % 7 === 0 };
}

/** An invocation of `command` with `text` from caller `n` in channel `C<channel>`. */
export function fuzzInvocation(command: string, text: string, n: number, channel: number): Invocation {
  return {
    platform: 'slack',
    command,
    text,
    user: fuzzCaller(n),
    channel: { id: `C${channel}` },
    team: { id: 'T1' },
  };
}

/** A thrown error is fine only when it is a `UserError` with a message to show. */
export function outcomeOfThrown(error: unknown): Outcome {
  return isUserError(error) && error.message.trim() !== '' ? 'user-error' : 'bad';
}

/** A router answer is fine unless it is an internal error or an empty reply. */
export function outcomeOfDispatched(result: Dispatched): Outcome {
  if (result.status === 'internal-error') return 'bad';
  if (result.reply.fallbackText.trim() === '') return 'bad';
  return result.status;
}

/** Shortens an input for a failure message. */
export function preview(text: string): string {
  return text.length > 120
    ? `${JSON.stringify(text.slice(0, 120))}… (${text.length} chars)`
    : JSON.stringify(text);
}
