import { readFile } from 'node:fs/promises';
import {
  allCommands,
  botActions,
  createRouter,
  errorReply,
  type KernelRunner,
  type Reply,
  replyToPlainText,
  systemClock,
  systemRandom,
} from '@mlsys/core';
import { isUserError, UserError } from '@mlsys/errors';
import { argvToCall } from './argv-to-invocation.js';
import { findExtra } from './extras/index.js';
import { storeServicesFor } from './extras/quiz-services.js';
import { helpText } from './help-text.js';

/** Where the CLI writes. */
export interface CliOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * Exit codes: 0 success, 2 bad input, 1 internal error. A failure writes one line on stderr: the
 * message, or with `--json` the error as JSON (`{"error": code, "message": …}`).
 */
export const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;

/**
 * Runs one CLI call: CLI-only subcommands (`corpus stats`, `kernel bench`, …) first, then any bot
 * command through the same router the bots use. Returns the exit code.
 */
export async function runCli(argv: readonly string[], out: CliOutput): Promise<number> {
  let json = argv.includes('--json'); // until the arguments are read
  const fail = (reply: Reply, code: number) => {
    const message = asTerminalText(reply.fallbackText);
    out.stderr.write(
      json ? `${JSON.stringify({ ...(reply.data as object), message })}\n` : `mlsys: ${message}\n`,
    );
    return code;
  };
  try {
    if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
      out.stdout.write(`${helpText(allCommands, argv[1])}\n`);
      return EXIT.ok;
    }
    const extra = findExtra(argv);
    if (extra) return await extra.run(argv.slice(extra.path.length), out);

    const call = argvToCall(argv);
    json = call.json;
    let text = call.text;
    if (call.configPath !== undefined) text = `${await readConfig(call.configPath)} ${text}`;
    const kernels = lazyKernelRunner();
    const stored = await storeServicesFor(call.command, out);
    const router = createRouter({
      commands: allCommands,
      actions: botActions,
      services: { clock: systemClock, random: systemRandom, kernels, ...stored?.services },
    });
    const { status, reply } = await router
      .dispatch({
        platform: 'cli',
        command: call.command,
        text,
        user: { id: 'cli', name: process.env.USER ?? 'you', isAdmin: true },
        channel: { id: 'cli' },
        team: { id: 'local' },
      })
      // stop the kernel child process and release the store so the CLI can exit
      .finally(() => Promise.all([kernels.close(), stored?.close()]));
    if (status === 'ok') {
      out.stdout.write(
        call.json ? `${JSON.stringify(reply.data ?? null, null, 2)}\n` : `${replyToPlainText(reply)}\n`,
      );
      return EXIT.ok;
    }
    return fail(reply, status === 'user-error' ? EXIT.badInput : EXIT.internal);
  } catch (error) {
    if (isUserError(error)) return fail(errorReply(error), EXIT.badInput);
    throw error;
  }
}

/** Slash commands in a chat message (`/kvcache llama-70b 128k`, `/mlsys help`) as this CLI's. */
const SLASH_COMMAND = new RegExp(
  `(^|[\\s(])/(mlsys|${allCommands.map((command) => command.name).join('|')})(?=\\s|$|\\))`,
  'g',
);

/**
 * A bot message for the terminal: on one line, with slash commands written as CLI commands
 * (`/kvcache llama-70b 128k` → `mlsys kvcache llama-70b 128k`).
 */
export function asTerminalText(text: string): string {
  return text
    .replaceAll('\n', ' — ')
    .replace(
      SLASH_COMMAND,
      (_, before: string, name: string) => `${before}mlsys${name === 'mlsys' ? '' : ` ${name}`}`,
    );
}

/**
 * A kernel runner that loads `@mlsys/kernels` (and onnxruntime) only when a command first uses it,
 * so other commands start as fast as before.
 */
function lazyKernelRunner(): KernelRunner {
  let runner: Promise<KernelRunner> | undefined;
  const load = () => {
    runner ??= import('@mlsys/kernels').then((kernels) => kernels.createKernelRunner());
    return runner;
  };
  return {
    run: async (request) => (await load()).run(request),
    close: async () => {
      if (runner) await (await runner).close();
    },
  };
}

async function readConfig(path: string): Promise<string> {
  try {
    const text = await readFile(path, 'utf8');
    JSON.parse(text);
    return text.replace(/\s+/g, ' ');
  } catch (error) {
    throw new UserError(
      'cli/bad-config',
      `Could not read ${path} as a JSON config: ${(error as Error).message}`,
      {
        example: 'mlsys kvcache --config ./config.json 32k',
        cause: error,
      },
    );
  }
}
