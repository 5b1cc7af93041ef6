/**
 * `pnpm bench` for the kernels: `node dist/bench/main.js [--json] [--kernel NAME …]`.
 *
 * @module
 */

import { parseArgs } from 'node:util';
import { benchToJson, benchToText } from './bench-report.js';
import { runBench } from './run-bench.js';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, kernel: { type: 'string', multiple: true } },
});
const report = await runBench({
  ...(values.kernel ? { kernels: values.kernel } : {}),
  onProgress: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${values.json ? JSON.stringify(benchToJson(report), null, 2) : benchToText(report)}\n`);
