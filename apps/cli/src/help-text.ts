import { type AnyCommand, type CommandSpec, usageOf } from '@mlsys/core';
import { cliExtras } from './extras/index.js';

/** The CLI's help: every bot command with its usage and first example, then the CLI-only commands. */
export function helpText(commands: readonly AnyCommand[], topic?: string): string {
  const specs = commands.flatMap((command) =>
    command.kind === 'command'
      ? [{ path: command.name, spec: command }]
      : command.subcommands.map((spec) => ({ path: `${command.name} ${spec.name}`, spec })),
  );
  const chosen = topic === undefined ? specs : specs.filter((entry) => entry.path.split(' ')[0] === topic);
  const lines = ['mlsys: ML-systems calculators, kernels and quizzes from the terminal.', ''];
  for (const { path, spec } of chosen) lines.push(...describe(path, spec, topic !== undefined));
  if (topic === undefined && cliExtras.length > 0) {
    lines.push('', 'Terminal-only:');
    for (const extra of cliExtras) lines.push(`  mlsys ${extra.path.join(' ')}  ${extra.summary}`);
  }
  lines.push('', 'Options go as --name value or name=value; add --json for machine-readable output.');
  return lines.join('\n');
}

function describe(path: string, spec: CommandSpec, detailed: boolean): string[] {
  const lines = [`  mlsys ${path} ${usageOf(spec)}`, `      ${spec.description}`];
  if (!detailed) return lines;
  for (const [name, option] of Object.entries(spec.options)) {
    lines.push(
      `      ${name.padEnd(16)} ${option.description}${option.default ? ` (default ${option.default})` : ''}`,
    );
  }
  for (const example of spec.examples) lines.push(`      e.g. mlsys ${path} ${example}`);
  return lines;
}
