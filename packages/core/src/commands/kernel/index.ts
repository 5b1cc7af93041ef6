import type { AnyCommand } from '../define-command.js';
import { kernelCommand } from './kernel-command.js';

/** The /kernel command: one subcommand per registered kernel. */
export const kernelCommands: readonly AnyCommand[] = [kernelCommand];
