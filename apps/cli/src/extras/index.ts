import type { CliOutput } from '../run-cli.js';
import { corpusCheckExtra } from './corpus-check.js';
import { corpusStatsExtra } from './corpus-stats.js';
import { dailyPreviewExtra } from './daily-preview.js';
import { dailySimulateExtra } from './daily-simulate.js';
import { discordRegisterExtra } from './discord-register.js';
import { kernelBenchExtra } from './kernel-bench.js';
import { questionExtra } from './question.js';
import { quizPlayExtra } from './quiz-play.js';
import { quizSimulateExtra } from './quiz-simulate.js';
import { slackManifestExtra } from './slack-manifest.js';

/** A CLI-only subcommand (not a bot command), e.g. `corpus stats` or `kernel bench`. */
export interface CliExtra {
  /** The words that select it, e.g. `['corpus', 'stats']`. */
  path: readonly string[];
  summary: string;
  run(args: readonly string[], out: CliOutput): Promise<number>;
}

/** Every CLI-only subcommand; each lives in its own file in this folder. */
export const cliExtras: readonly CliExtra[] = [
  corpusCheckExtra,
  corpusStatsExtra,
  dailyPreviewExtra,
  dailySimulateExtra,
  kernelBenchExtra,
  questionExtra,
  quizPlayExtra,
  quizSimulateExtra,
  slackManifestExtra,
  discordRegisterExtra,
];

/** The extra whose path starts `argv`, the longest match first. */
export function findExtra(argv: readonly string[]): CliExtra | undefined {
  return [...cliExtras]
    .sort((a, b) => b.path.length - a.path.length)
    .find((extra) => extra.path.every((word, i) => argv[i] === word));
}
