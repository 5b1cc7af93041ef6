import fc from 'fast-check';
import type { AnyCommand, CommandSpec } from '../commands/define-command.js';
import { MAX_ARGUMENT_TEXT } from '../commands/tokenize-args.js';

/** One command grammar to fuzz: the top-level command and, for a group, the subcommand. */
export interface Grammar {
  command: AnyCommand;
  spec: CommandSpec;
  /** `quiz start` for a subcommand, `kvcache` otherwise. */
  path: string;
  /** The word that picks the subcommand, `''` for a plain command. */
  prefix: string;
}

/** Every grammar of a command list: plain commands and each subcommand of each group. */
export function grammarsOf(commands: readonly AnyCommand[]): Grammar[] {
  return commands.flatMap((command): Grammar[] =>
    command.kind === 'command'
      ? [{ command, spec: command, path: command.name, prefix: '' }]
      : command.subcommands.map((spec) => ({
          command,
          spec,
          path: `${command.name} ${spec.name}`,
          prefix: spec.name,
        })),
  );
}

const deep = (open: string, close: string, depth: number) => open.repeat(depth) + close.repeat(depth);

/**
 * Values known to hurt number parsers, expression evaluators, JSON readers and object lookups:
 * magnitudes past float64 (`1e400`, `0x1p1024`, `171!` > 1.8e308), mathjs's process-killing range
 * `1:1e400` (reference/quiz-and-platforms.md "Input safety"), brackets 10,000 deep (open and
 * balanced), prototype names, lone surrogates and look-alike digits.
 */
export const HOSTILE_VALUES: readonly string[] = [
  '1e400',
  '-1e400',
  '1e-400',
  '1:1e400',
  '1:171!',
  '171!',
  '-0',
  '+0',
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  'inf',
  '0x1p1024',
  '0x10',
  '0b101',
  '1_000',
  '1,000',
  '1e308',
  '1.7976931348623157e309',
  '9'.repeat(400),
  `0.${'0'.repeat(400)}1`,
  '1e9',
  '1e12',
  '1e21',
  '2^1024',
  '2**1024',
  '-1',
  '0',
  '0.0',
  '1.',
  '.5',
  '1e',
  'e5',
  '128k',
  '128K',
  '1m',
  '1t',
  '1e400k',
  '999999999999999999999t',
  '-128k',
  'k',
  '1-5',
  '5-1',
  '0-0',
  '1e400-1e400',
  '',
  ' ',
  '=',
  '==',
  'a=b=c',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"model_type":"llama","__proto__":{"polluted":1},"hidden_size":"1e400"}',
  '{"hidden_size":1e400,"num_hidden_layers":-1,"num_attention_heads":0}',
  '{}',
  '[]',
  '{"text_config":{"text_config":{"text_config":{}}}}',
  '('.repeat(10_000),
  '{'.repeat(10_000),
  '['.repeat(10_000),
  deep('(', ')', 10_000),
  deep('[', ']', 9_000),
  `${'{"a":'.repeat(4_000)}1${'}'.repeat(4_000)}`,
  `${'{"text_config":'.repeat(1_000)}{}${'}'.repeat(1_000)}`,
  '"unclosed',
  "'unclosed",
  '“smart',
  '‘smart',
  '"',
  "'",
  '""',
  "''",
  '}',
  ']',
  '{"a":"}"',
  'import("fs")',
  'createUnit("foo")',
  'evaluate("1+1")',
  'constructor.constructor("return process")()',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the payload
  '${process.exit(1)}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the payload
  '`${1}`',
  '\u0000',
  '\u202e',
  '\ud800',
  '\udfff',
  '\ufeff128k',
  '１２８ｋ',
  '١٢٨',
  '𝟙𝟚𝟠k',
  '🦙-70b',
  'llama-70b',
  'deepseek-v3',
  'h100',
  'fp8',
  'x'.repeat(19_990),
];

const SEPARATORS = [' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\r\n'];
const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** One word of argument text for `spec`: named, positional, an example's word, or noise. */
function wordFor(spec: CommandSpec): fc.Arbitrary<string> {
  const names = Object.keys(spec.options);
  const exampleWords = spec.examples.flatMap((example) => example.split(/\s+/)).filter(Boolean);
  const name = fc.oneof(
    { weight: 6, arbitrary: names.length > 0 ? fc.constantFrom(...names) : fc.constant('x') },
    { weight: 2, arbitrary: fc.constantFrom(...PROTO_NAMES) },
    { weight: 1, arbitrary: names.length > 0 ? fc.constantFrom(...names).map(shout) : fc.constant('X') },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,12}$/) },
  );
  const value = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 2, arbitrary: fc.double().map(String) },
    { weight: 2, arbitrary: fc.bigInt().map(String) },
    { weight: 2, arbitrary: exampleWords.length > 0 ? fc.constantFrom(...exampleWords) : fc.constant('1') },
    { weight: 1, arbitrary: fc.constantFrom(...(spec.examples.length > 0 ? spec.examples : [''])) },
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(name, value).map(([n, v]) => `${n}=${v}`) },
    { weight: 1, arbitrary: name.map((n) => `${n}=`) },
    { weight: 3, arbitrary: value },
    { weight: 3, arbitrary: exampleWords.length > 0 ? fc.constantFrom(...exampleWords) : value },
  );
}

function shout(name: string): string {
  return name.toUpperCase().replaceAll('_', '-');
}

/** The argument text of one fuzzed invocation of `grammar` (may exceed the 20,000-character cap). */
export function argumentTextFor(grammar: Grammar): fc.Arbitrary<string> {
  const words = fc.array(fc.tuple(wordFor(grammar.spec), fc.constantFrom(...SEPARATORS)), {
    maxLength: 8,
  });
  const prefix =
    grammar.prefix === ''
      ? fc.constant('')
      : fc.oneof(
          { weight: 20, arbitrary: fc.constant(`${grammar.prefix} `) },
          { weight: 1, arbitrary: fc.constant(`${grammar.prefix.toUpperCase()} `) },
          { weight: 1, arbitrary: fc.constantFrom('', ' ', '__proto__ ', 'constructor ', 'x ') },
        );
  const body = words.map((pairs) => pairs.map(([word, sep]) => word + sep).join(''));
  const huge = fc
    .tuple(
      fc.integer({ min: MAX_ARGUMENT_TEXT - 20, max: MAX_ARGUMENT_TEXT + 20 }),
      fc.constantFrom('x', '{', '(', ' ', '"'),
    )
    .map(([length, ch]) => ch.repeat(length));
  return fc.oneof(
    { weight: 60, arbitrary: fc.tuple(prefix, body).map(([p, b]) => p + b) },
    { weight: 1, arbitrary: fc.tuple(prefix, huge).map(([p, b]) => p + b) },
  );
}
