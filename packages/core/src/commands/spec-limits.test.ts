import { describe, expect, it } from 'vitest';
import { allCommands } from './all-commands.js';
import type { AnyCommand, CommandSpec } from './define-command.js';

/**
 * Command limits of both platforms (shared/reference/quiz-and-platforms.md, "Discord — Commands"):
 * names `^[-_\p{L}\p{N}]{1,32}$` in lower case, descriptions 1–100 characters, at most 25 options
 * and 25 choices, autocomplete never combined with choices. Slack's slash commands (lower case, no
 * spaces) fit inside the same rules.
 */
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const MAX_DESCRIPTION = 100;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;
/** Discord: at most 25 subcommands in a command. */
const MAX_SUBCOMMANDS = 25;

/** Every runnable spec with its path, subcommands included. */
function specs(command: AnyCommand): { path: string; spec: CommandSpec }[] {
  return command.kind === 'command'
    ? [{ path: command.name, spec: command }]
    : command.subcommands.map((spec) => ({ path: `${command.name} ${spec.name}`, spec }));
}

const checkName = (name: string) => NAME.test(name) && name === name.toLowerCase();
const checkDescription = (text: string) => text.length >= 1 && text.length <= MAX_DESCRIPTION;

describe('every command spec fits Slack and Discord', () => {
  it('has unique top-level names', () => {
    const names = allCommands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(allCommands.map((c) => [c.name, c] as const))(
    '/%s: name, description, subcommands',
    (_name, command) => {
      expect(checkName(command.name), `name "${command.name}"`).toBe(true);
      expect(
        checkDescription(command.description),
        `description of /${command.name} (${command.description.length} chars)`,
      ).toBe(true);
      if (command.kind === 'group') {
        expect(command.subcommands.length).toBeGreaterThan(0);
        expect(command.subcommands.length).toBeLessThanOrEqual(MAX_SUBCOMMANDS);
        const names = command.subcommands.map((s) => s.name);
        expect(new Set(names).size).toBe(names.length);
      }
    },
  );

  const all = allCommands.flatMap(specs);
  it.each(all.map(({ path, spec }) => [path, spec] as const))(
    '/%s: options, choices, examples',
    (path, spec) => {
      expect(checkName(spec.name), `name "${spec.name}"`).toBe(true);
      expect(
        checkDescription(spec.description),
        `description of /${path} (${spec.description.length} chars)`,
      ).toBe(true);
      const options = Object.entries(spec.options);
      expect(options.length).toBeLessThanOrEqual(MAX_OPTIONS);
      for (const [name, option] of options) {
        expect(checkName(name), `option name "${name}" of /${path}`).toBe(true);
        expect(
          checkDescription(option.description),
          `description of ${name} in /${path} (${option.description.length} chars)`,
        ).toBe(true);
        expect(option.choices?.length ?? 0, `choices of ${name} in /${path}`).toBeLessThanOrEqual(
          MAX_CHOICES,
        );
        for (const choice of option.choices ?? []) {
          expect(
            choice.length >= 1 && choice.length <= MAX_DESCRIPTION,
            `choice "${choice}" of ${name}`,
          ).toBe(true);
        }
        expect(
          option.choices !== undefined && option.complete !== undefined,
          `${name} in /${path} has both choices and autocomplete`,
        ).toBe(false);
      }
      // (Discord also wants required options first: apps/discord's generator orders them so.)
      expect(spec.examples.length).toBeGreaterThan(0);
      expect(spec.cost).toBeGreaterThan(0);
    },
  );
});
