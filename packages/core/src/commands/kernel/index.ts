import type { AnyCommand } from '../define-command.js';

/** The /kernel command. */
export const kernelCommands: readonly AnyCommand[] = [];
