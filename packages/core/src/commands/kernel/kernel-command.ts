import { UserError } from '@mlsys/errors';
import { type AnyKernelDefinition, kernelRegistry, withDefaults } from '@mlsys/kernels/pure';
import { type CommandSpec, defineCommand, defineCommandGroup } from '../define-command.js';
import { type OptionMap, option } from '../option.js';
import { kernelReply } from './kernel-reply.js';

/** Relative cost of a kernel run for rate limiting (a calculator is 1): seconds of CPU at worst. */
const KERNEL_COST = 10;

/**
 * `/kernel <name> [params]`: one subcommand per registered kernel, its options taken from the
 * kernel's params, so new kernels appear without touching this file. Runs through
 * `services.kernels` (a child process that can be killed).
 */
export const kernelCommand = defineCommandGroup({
  name: 'kernel',
  description: 'Run an interview kernel as ONNX graphs vs plain TS: time, GFLOP/s, agreement',
  subcommands: kernelRegistry.map(toKernelSubcommand),
});

/** The subcommand of one kernel. */
export function toKernelSubcommand(kernel: AnyKernelDefinition): CommandSpec {
  const options: OptionMap = {};
  for (const [name, param] of Object.entries(kernel.params)) {
    options[name] = option({
      description: param.description,
      kind: param.kind,
      required: param.required ?? false,
      positional: param.positional ?? false,
      ...(param.default === undefined ? {} : { default: param.default }),
      ...(param.choices === undefined ? {} : { choices: param.choices }),
      example: param.example,
      // Each value stays text here; the kernel parses all of them together (caps, cross-checks).
      parse: (raw: string) => raw,
    });
  }
  if (!('seed' in options)) {
    options.seed = option({
      description: 'Seed of the random inputs',
      kind: 'integer',
      default: '1',
      example: '7',
      parse: parseSeed,
    });
  }
  return defineCommand({
    name: kernel.name,
    description: kernel.description,
    options,
    examples: kernel.examples,
    cost: KERNEL_COST,
    async run(input, { services }) {
      const values = input as Record<string, unknown>;
      const args: Record<string, string> = {};
      for (const name of Object.keys(kernel.params)) {
        const value = values[name];
        if (typeof value === 'string') args[name] = value;
      }
      kernel.parse(withDefaults(kernel, args)); // bad params fail here, before any process starts
      if (!services.kernels) {
        throw new UserError(
          'core/kernels-unavailable',
          'Kernels cannot run here: this bot was started without a kernel runner.',
          { example: `mlsys kernel ${kernel.name} ${kernel.examples[0] ?? ''}`.trim() },
        );
      }
      const seed = typeof values.seed === 'number' ? values.seed : 1;
      const result = await services.kernels.run({ kernel: kernel.name, args, seed });
      return kernelReply(result);
    },
  });
}

function parseSeed(raw: string): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0 || value > 2 ** 32 - 1) {
    throw new UserError('core/bad-seed', `seed must be a whole number from 0 to 4294967295; got "${raw}".`, {
      example: 'seed=7',
    });
  }
  return value;
}
