import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built bot (`npm test` builds before it tests). */
const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
/** The development clock moves at most this far per request (`advanceRequest`), minutes. */
const MAX_ADVANCE_MINUTES = 60 * 24 * 14;

/** A bot instance running as its own process, as in production (`node apps/playground/dist/main.js`). */
export interface BotProcess {
  readonly port: number;
  /** Resolves when the process has ended, with its signal (`SIGKILL` when killed). */
  readonly exited: Promise<NodeJS.Signals | null>;
  /** Moves the instance's clock forward (`POST /api/dev/advance`), which also runs its timers once. */
  advance(minutes: number): Promise<void>;
  /** Kills the process with SIGKILL: no clean-up of any kind runs. */
  kill(): void;
}

/**
 * Starts the built bot with `env` (plus the parent's PATH) on a free port and resolves once it
 * listens (its start-up line names the port).
 *
 * @throws Error when the bot is not built, exits during start-up, or prints no start-up line in 30 s.
 */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (pnpm exec turbo run build)`);
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4_000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no start-up line in 30 s: ${output}${errors}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the bot exited during start-up: ${output}${errors}`));
    });
  });
  return {
    port,
    exited,
    async advance(minutes) {
      for (let left = minutes; left > 0; left -= MAX_ADVANCE_MINUTES) {
        const response = await fetch(`http://127.0.0.1:${port}/api/dev/advance`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ minutes: Math.min(left, MAX_ADVANCE_MINUTES) }),
        });
        if (!response.ok) throw new Error(`advance answered ${response.status}: ${await response.text()}`);
      }
    },
    kill: () => child.kill('SIGKILL'),
  };
}
