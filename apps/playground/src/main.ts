#!/usr/bin/env node
import { startBot } from './start-bot.js';

try {
  const bot = await startBot(process.env);
  const platforms =
    bot.platforms.length > 0 ? bot.platforms.join(', ') : 'no Slack/Discord tokens: local channel only';
  console.log(`mlsys-bot on http://localhost:${bot.port} (${platforms})`);
  const stop = () => void bot.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  // Start-up problems (a bad variable, a locked database) are stated in one line, without a stack.
  console.error(`mlsys-bot: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
