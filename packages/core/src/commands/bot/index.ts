import type { ActionSpec } from '../../router/actions.js';
import type { AnyCommand } from '../define-command.js';
import { dailyActions } from './daily-actions.js';
import { dailyCommand } from './daily-command.js';
import { helpCommand, mlsysCommand } from './help-command.js';
import { leaderboardCommand } from './leaderboard-command.js';
import { questionActions } from './question-actions.js';
import { questionCommand } from './question-command.js';
import { quizActions } from './quiz-actions.js';
import { quizCommand } from './quiz-command.js';
import { reviewCommand } from './review-command.js';
import { statsCommand } from './stats-command.js';

/** Question, quiz, daily, leaderboard, stats, review and help (`models` lives with the calculators). */
export const botCommands: readonly AnyCommand[] = [
  questionCommand,
  quizCommand,
  dailyCommand,
  leaderboardCommand,
  statsCommand,
  reviewCommand,
  helpCommand,
  mlsysCommand,
];

/** Handlers of the buttons bot commands put in their replies (`createRouter({ actions: botActions })`). */
export const botActions: readonly ActionSpec[] = [...quizActions, ...dailyActions, ...questionActions];
