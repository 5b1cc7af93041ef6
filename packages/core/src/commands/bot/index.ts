import type { ActionSpec } from '../../router/actions.js';
import type { AnyCommand } from '../define-command.js';
import { quizActions } from './quiz-actions.js';
import { quizCommand } from './quiz-command.js';

/** Question, quiz, daily, leaderboard, stats, review, models and help. */
export const botCommands: readonly AnyCommand[] = [quizCommand];

/** Handlers of the buttons bot commands put in their replies (`createRouter({ actions: botActions })`). */
export const botActions: readonly ActionSpec[] = [...quizActions];
