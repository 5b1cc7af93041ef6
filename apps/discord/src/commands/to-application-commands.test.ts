import { allCommands, defineCommand, defineCommandGroup, option } from '@mlsys/core';
import { describe, expect, it } from 'vitest';
import { checkApplicationCommands } from './check-application-commands.js';
import {
  type ApplicationCommandJson,
  OPTION_TYPE,
  toApplicationCommands,
} from './to-application-commands.js';

const text = (raw: string) => raw;

describe('toApplicationCommands', () => {
  const generated = toApplicationCommands(allCommands);

  it("generates commands that keep every one of Discord's rules", () => {
    expect(checkApplicationCommands(generated)).toEqual([]);
    expect(generated.map((command) => command.name)).toEqual(allCommands.map((command) => command.name));
  });

  it('types options and puts required ones first (specdec as exact JSON)', () => {
    expect(generated.find((command) => command.name === 'specdec')).toEqual({
      type: 1,
      name: 'specdec',
      description: 'Speculative decoding: tokens per target pass and speed-up (Leviathan et al. 2023)',
      dm_permission: true,
      options: [
        {
          type: OPTION_TYPE.number,
          name: 'alpha',
          description: 'Acceptance rate α, 0–1 (0.8 or 80%)',
          required: true,
        },
        {
          type: OPTION_TYPE.integer,
          name: 'gamma',
          description: 'Draft tokens per target pass γ',
          required: true,
        },
        {
          type: OPTION_TYPE.number,
          name: 'draft_cost',
          description: 'Draft-model time per run over target-model time per run, c (default 0)',
        },
      ],
    });
  });

  it('makes groups into subcommands (/quiz start) and completes models by autocomplete, never with choices', () => {
    const quiz = generated.find((command) => command.name === 'quiz')!;
    expect(quiz.options.map((sub) => [sub.type, sub.name])).toEqual(
      ['start', 'join', 'leave', 'stop', 'status'].map((name) => [OPTION_TYPE.subcommand, name]),
    );
    const model = generated
      .find((command) => command.name === 'kvcache')!
      .options.find((o) => o.name === 'model')!;
    expect(model).toMatchObject({ type: OPTION_TYPE.string, required: true, autocomplete: true });
    expect(model.choices).toBeUndefined();
  });

  it('turns a long choice list into autocomplete and marks admin commands with Manage Server', () => {
    const many = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const [command] = toApplicationCommands([
      defineCommandGroup({
        name: 'daily',
        description: 'Daily question',
        subcommands: [
          defineCommand({
            name: 'subscribe',
            description: 'Subscribe',
            options: {
              zone: option({ description: 'Time zone', choices: many, parse: text }),
              days: option({ description: 'Days', choices: ['weekdays', 'every'], parse: text }),
            },
            examples: [''],
            cost: 1,
            run: () => ({ visibility: 'public', blocks: [], fallbackText: '' }),
          }),
        ],
      }),
    ]);
    // MANAGE_GUILD = 1 << 5 (Discord API v10, "Permissions").
    expect(command!.default_member_permissions).toBe('32');
    expect(command!.dm_permission).toBe(false);
    const [zone, days] = command!.options[0]!.options!;
    expect(zone).toMatchObject({ autocomplete: true });
    expect(zone!.choices).toBeUndefined();
    expect(days!.choices).toEqual([
      { name: 'weekdays', value: 'weekdays' },
      { name: 'every', value: 'every' },
    ]);
  });
});

describe('checkApplicationCommands', () => {
  const good: ApplicationCommandJson = {
    type: 1,
    name: 'kvcache',
    description: 'KV cache',
    dm_permission: false,
    options: [{ type: OPTION_TYPE.string, name: 'model', description: 'Model', required: true }],
  };
  const withOption = (option: Record<string, unknown>): ApplicationCommandJson => ({
    ...good,
    options: [{ ...good.options[0]!, ...option }],
  });

  it.each([
    ['an upper-case name', { ...good, name: 'KVCache' }, 'bad name'],
    ['a name of 33 characters', { ...good, name: 'k'.repeat(33) }, 'bad name'],
    ['a space in a name', { ...good, name: 'kv cache' }, 'bad name'],
    ['an empty description', { ...good, description: '' }, 'description is 0'],
    ['a description of 101 characters', { ...good, description: 'd'.repeat(101) }, 'description is 101'],
    [
      '26 choices',
      withOption({ choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })) }),
      '26 choices',
    ],
    [
      'autocomplete with choices',
      withOption({ autocomplete: true, choices: [{ name: 'a', value: 'a' }] }),
      'autocomplete combined',
    ],
    [
      'choices on a boolean',
      withOption({ type: OPTION_TYPE.boolean, choices: [{ name: 'a', value: 'a' }] }),
      'cannot have them',
    ],
    [
      'a string value on an integer',
      withOption({ type: OPTION_TYPE.integer, choices: [{ name: 'a', value: 'a' }] }),
      'wrong type',
    ],
    [
      'a required option after an optional one',
      {
        ...good,
        options: [
          { type: 3, name: 'a', description: 'a' },
          { type: 3, name: 'b', description: 'b', required: true },
        ],
      },
      'required option after',
    ],
    [
      'two options with one name',
      {
        ...good,
        options: [
          { type: 3, name: 'a', description: 'a' },
          { type: 3, name: 'a', description: 'a' },
        ],
      },
      'appears twice',
    ],
    [
      '26 options',
      {
        ...good,
        options: Array.from({ length: 26 }, (_, i) => ({ type: 3, name: `o${i}`, description: 'o' })),
      },
      '26 options',
    ],
    [
      'subcommands mixed with options',
      {
        ...good,
        options: [
          { type: 1, name: 's', description: 's', options: [] },
          { type: 3, name: 'a', description: 'a' },
        ],
      },
      'mixed',
    ],
  ] as [string, ApplicationCommandJson, string][])('refuses %s', (_name, command, problem) => {
    const problems = checkApplicationCommands([command]);
    expect(problems.join('\n')).toContain(problem);
  });

  it('refuses more than 100 global commands', () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ ...good, name: `c${i}` }));
    expect(checkApplicationCommands(many)[0]).toContain('101 commands');
  });
});
