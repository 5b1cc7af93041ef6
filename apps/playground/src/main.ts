#!/usr/bin/env node
import { startBot } from './start-bot.js';

try {
  await startBot(process.env);
} catch (error) {
  // Start-up problems (a bad variable, a locked database) are stated in one line, without a stack.
  console.error(`mlsys-bot: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
