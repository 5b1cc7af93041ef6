/**
 * Calculator benchmark: the 3D-parallelism planner's full search for a 1T-parameter model on 4,096
 * GPUs (goal: under 200 ms), next to JSON.parse of a model config measured in the same run; then the
 * accuracy table of issue 8 (our KV-cache and parameter figures next to published ones).
 * Run with `pnpm --filter @mlsys/calc bench` (after a build).
 */
import { cpus, loadavg } from 'node:os';

import { formatInt } from '../format/format-number.js';
import { parseGpu } from '../gpus/parse-gpu.js';
import { DEFAULT_NETWORK_GBITS } from '../parallel/cluster.js';
import { planParallel } from '../parallel/planner.js';
import { shapeFromParams } from '../parallel/shape.js';
import { describeLayout } from '../parallel/suggest.js';
import { modelById } from '../registry/registry.js';
import { accuracyTable } from './accuracy.js';
import { ms, time } from './timing.js';

const GOAL_MS = 200;

const gpu = parseGpu('h100');
const models = [
  shapeFromParams(1e12),
  // Narayanan et al. 2021 Table 1: the 1T model (128 layers, h = 25,600, 160 heads, V = 51,200).
  {
    ...shapeFromParams(1e12, { layers: 128, hidden: 25_600, heads: 160 }),
    name: '1T GPT (Megatron-LM Table 1 shape)',
  },
];
const inputFor = (model: (typeof models)[number]) => ({
  model,
  cluster: {
    gpus: 4096,
    gpusPerNode: 8,
    gpuName: gpu.name,
    memoryBytes: gpu.memoryBytes,
    peakFlops: gpu.bf16Flops,
    intraNodeBandwidth: gpu.interconnect.bandwidth / 2,
    interNodeBandwidth: (DEFAULT_NETWORK_GBITS * 1e9) / 8,
  },
  seq: 4096,
  globalBatch: 4096,
  bytesPerParam: 16 as const,
  sequenceParallel: true,
});
const config = JSON.stringify(modelById('llama-3.1-70b')?.config ?? {});

console.log(
  `machine: ${cpus().length} CPUs, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} (p99 on a busy machine measures preemption as much as the code)`,
);
const baseline = time(() => JSON.parse(config), 20_000, 2_000);
console.log(
  `baseline: JSON.parse of the Llama-3.1-70B config (${config.length} chars)  p50 ${ms(baseline.p50)}  p99 ${ms(baseline.p99)}`,
);
for (const model of models) {
  const input = inputFor(model);
  const plan = planParallel(input);
  const planner = time(() => planParallel(input), 1_000, 100);
  console.log(
    `planner: ${model.name} (${model.layers} layers, h = ${model.hidden}) on 4,096 × ${gpu.name}, global batch 4,096 × 4,096 tokens`,
  );
  console.log(
    `  ${formatInt(plan.searched)} layouts searched, ${formatInt(plan.fitting)} fit, best ${plan.best ? describeLayout(plan.best) : 'none'}`,
  );
  console.log(
    `  full search  p50 ${ms(planner.p50)}  p99 ${ms(planner.p99)}  goal < ${GOAL_MS} ms: ${planner.p99 < GOAL_MS ? 'met' : 'MISSED'} (p99 = ${((planner.p99 / GOAL_MS) * 100).toFixed(2)}% of the goal)`,
  );
  console.log(
    `  vs baseline: p50 ${(planner.p50 / baseline.p50).toFixed(0)}×, p99 ${(planner.p99 / baseline.p99).toFixed(0)}× a JSON.parse; ${ms(planner.p50 / plan.searched)} per layout`,
  );
}
console.log('');
for (const line of accuracyTable()) console.log(line);
