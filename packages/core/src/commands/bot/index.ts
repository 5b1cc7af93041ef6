import type { AnyCommand } from '../define-command.js';

/** Question, quiz, daily, leaderboard, stats, review, models and help. */
export const botCommands: readonly AnyCommand[] = [];
