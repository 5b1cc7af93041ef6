import { botCommands } from './bot/index.js';
import { calculatorCommands } from './calculators/index.js';
import type { AnyCommand } from './define-command.js';
import { kernelCommands } from './kernel/index.js';

/** Every command of the bot, in help order. Platforms generate their command lists from this. */
export const allCommands: readonly AnyCommand[] = [...calculatorCommands, ...kernelCommands, ...botCommands];
