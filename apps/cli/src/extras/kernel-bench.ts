import { UserError } from '@mlsys/errors';
import type { CliExtra } from './index.js';

const USAGE = 'mlsys kernel bench [--json] [--kernel NAME]…';

/**
 * `mlsys kernel bench`: every registered kernel at its bench sizes — composed graph, fused ops and
 * plain-TS reference side by side — against the machine's MatMul GFLOP/s and copy GB/s measured in
 * the same run. `--json` prints `{ machine, results, goals }`. Takes one to two minutes.
 */
export const kernelBenchExtra: CliExtra = {
  path: ['kernel', 'bench'],
  summary: 'Benchmark every kernel (composed vs fused vs plain TS) against measured ceilings; --json',
  async run(args, out) {
    let json = false;
    const kernels: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--json') json = true;
      else if (arg === '--kernel' && args[i + 1] !== undefined) kernels.push(args[++i]!);
      else throw new UserError('cli/bad-flag', `Unknown argument "${arg}".`, { example: USAGE });
    }
    // Loaded here, not at the top: onnxruntime is only needed when a kernel actually runs.
    const { benchToJson, benchToText, findKernel, runBench } = await import('@mlsys/kernels');
    for (const name of kernels) findKernel(name); // a UserError with suggestions for a typo
    const report = await runBench({
      ...(kernels.length > 0 ? { kernels } : {}),
      onProgress: (line) => out.stderr.write(`${line}\n`),
    });
    out.stdout.write(`${json ? JSON.stringify(benchToJson(report), null, 2) : benchToText(report)}\n`);
    return 0;
  },
};
