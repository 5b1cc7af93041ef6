import { closestNames, UserError } from '@mlsys/errors';
import type { Block, Reply } from '../../reply/reply.js';
import { type AnyCommand, type CommandSpec, defineCommand } from '../define-command.js';
import { option } from '../option.js';
import { usageOf } from '../usage.js';

/** Every command; read at run time (the list includes this command, so it cannot be imported eagerly). */
async function commands(): Promise<readonly AnyCommand[]> {
  return (await import('../all-commands.js')).allCommands;
}

/** The runnable specs of a command with their paths: the command itself, or each subcommand. */
function specsOf(command: AnyCommand): { path: string; spec: CommandSpec }[] {
  return command.kind === 'command'
    ? [{ path: command.name, spec: command }]
    : command.subcommands.map((spec) => ({ path: `${command.name} ${spec.name}`, spec }));
}

/** `/path usage` and the first example. */
function usageLines(path: string, spec: CommandSpec): string {
  const usage = usageOf(spec);
  const example = spec.examples[0];
  return [
    `\`/${path}${usage ? ` ${usage}` : ''}\``,
    example === undefined ? '' : `  e.g. \`/${`${path} ${example}`.trim()}\``,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The help of one command: every subcommand's usage, examples and options. */
function commandHelp(command: AnyCommand): Reply {
  const blocks: Block[] = [
    { type: 'header', text: `/${command.name}` },
    { type: 'text', text: command.description },
  ];
  for (const { path, spec } of specsOf(command)) {
    const options = Object.entries(spec.options).map(([name, o]) => {
      const extra = [o.required ? 'required' : o.default !== undefined ? `default ${o.default}` : 'optional'];
      if (o.choices) extra.push(`one of ${o.choices.join(', ')}`);
      return `• \`${name}\`: ${o.description} (${extra.join('; ')})`;
    });
    const examples = spec.examples.map((e) => `\`/${`${path} ${e}`.trim()}\``).join('  ');
    blocks.push({
      type: 'text',
      text: [
        `**/${path}**: ${spec.description}`,
        `\`/${`${path} ${usageOf(spec)}`.trim()}\``,
        ...options,
        `Examples: ${examples}`,
      ].join('\n'),
    });
  }
  return {
    visibility: 'ephemeral',
    blocks,
    fallbackText: `/${command.name}: ${command.description}`,
    data: {
      command: command.name,
      usage: specsOf(command).map(({ path, spec }) => ({
        path,
        usage: usageOf(spec),
        examples: spec.examples,
      })),
    },
  };
}

const helpOptions = {
  command: option({
    description: 'A command to explain in full, e.g. kvcache or quiz',
    positional: true,
    example: 'kvcache',
    parse: (raw: string) => raw.replace(/^\//, '').toLowerCase(),
  }),
};

/**
 * Help from the specs themselves: each command's usage and first example, or one command in full.
 *
 * @throws UserError `help/unknown-command` with close names.
 */
async function runHelp(input: { command: string | undefined }): Promise<Reply> {
  const all = await commands();
  if (input.command !== undefined && input.command !== '') {
    const command = all.find((c) => c.name === input.command);
    if (!command) {
      throw new UserError('help/unknown-command', `There is no command /${input.command}.`, {
        suggestions: closestNames(
          input.command,
          all.map((c) => c.name),
        ).map((n) => `/help ${n}`),
        example: '/help kvcache',
      });
    }
    return commandHelp(command);
  }
  const blocks: Block[] = [{ type: 'header', text: 'mlsys commands' }];
  for (const command of all) {
    const lines = specsOf(command).map(({ path, spec }) => usageLines(path, spec));
    blocks.push({
      type: 'text',
      text: [`**/${command.name}**: ${command.description}`, ...lines].join('\n'),
    });
  }
  blocks.push({
    type: 'context',
    text: '`/help <command>` explains one command in full. On Slack, `/mlsys` is this help.',
  });
  return {
    visibility: 'ephemeral',
    blocks,
    fallbackText: `Commands: ${all.map((c) => `/${c.name}`).join(', ')}`,
    data: {
      commands: all.flatMap((c) =>
        specsOf(c).map(({ path, spec }) => ({
          path,
          usage: usageOf(spec),
          example: spec.examples[0] ?? null,
        })),
      ),
    },
  };
}

/** `/help [command]`. */
export const helpCommand = defineCommand({
  name: 'help',
  description: 'Every command with its usage and an example, or one command in full',
  options: helpOptions,
  examples: ['', 'kvcache', 'daily'],
  cost: 1,
  run: runHelp,
});

/** `/mlsys [help] [command]`: the same help under the Slack app's name. */
export const mlsysCommand = defineCommand({
  name: 'mlsys',
  description: 'Help: every command with its usage and an example (same as /help)',
  options: {
    ...helpOptions,
    more: option({
      description: 'After help: the command to explain, as in /mlsys help kvcache',
      positional: true,
      example: 'kvcache',
      parse: (raw: string) => raw.replace(/^\//, '').toLowerCase(),
    }),
  },
  examples: ['', 'help kvcache', 'quiz'],
  cost: 1,
  // `/mlsys help kvcache` and `/mlsys help` read as `/help kvcache` and `/help`.
  run: (input) => runHelp({ command: input.command === 'help' ? input.more : input.command }),
});
