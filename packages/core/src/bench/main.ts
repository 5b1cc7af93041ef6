/**
 * Command-latency benchmark: parse + compute + reply for every calculator command through the core
 * router, each next to an empty router dispatch measured in the same run. Two goals per row: p99
 * under 2 ms (issue 2) and p99 under 5 ms from request to reply payload (issue 8).
 * Run with `pnpm --filter @mlsys/core bench` (after a build).
 */
import { cpus, loadavg } from 'node:os';
import { calculatorCommands } from '../commands/calculators/index.js';
import { defineCommand } from '../commands/define-command.js';
import type { Invocation } from '../commands/invocation.js';
import { systemClock, systemRandom } from '../ports/services.js';
import { createRouter } from '../router/router.js';
import { percentile } from '../stats/percentile.js';

/** Goals on each command's p99, ms, with the issue that set them. */
const GOALS = [
  { ms: 2, issue: 2 },
  { ms: 5, issue: 8 },
] as const;
const RUNS = 2_000;

const noop = defineCommand({
  name: 'noop',
  description: 'Does nothing (benchmark baseline)',
  options: {},
  examples: [''],
  cost: 1,
  run: () => ({ visibility: 'public', blocks: [], fallbackText: '' }),
});
const router = createRouter({
  commands: [...calculatorCommands, noop],
  services: { clock: systemClock, random: systemRandom },
});

const invocation = (command: string, text: string): Invocation => ({
  platform: 'cli',
  command,
  text,
  user: { id: 'bench', name: 'bench', isAdmin: false },
  channel: { id: 'bench' },
  team: { id: 'bench' },
});

/** p50 and p99 in ms of awaiting `fn` `RUNS` times after a warm-up. */
async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < RUNS / 10; i++) await fn();
  const samples = new Float64Array(RUNS);
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples[i] = performance.now() - start;
  }
  samples.sort();
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

const fmt = (value: number) => (value >= 1 ? `${value.toFixed(2)} ms` : `${(value * 1000).toFixed(1)} µs`);

console.log(
  `machine: ${cpus().length} CPUs, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} (p99 on a busy machine measures preemption as much as the code)`,
);
const baseline = await time(() => router.dispatch(invocation('noop', '')));
console.log(`baseline: empty router dispatch  p50 ${fmt(baseline.p50)}  p99 ${fmt(baseline.p99)}`);
console.log(
  `goals per calculator command (${RUNS} runs each): ${GOALS.map((goal) => `p99 < ${goal.ms} ms (issue ${goal.issue})`).join(', ')}`,
);
const missed = GOALS.map(() => 0);
const verdict = (met: boolean) => (met ? 'met' : 'MISSED').padEnd(6);
for (const command of calculatorCommands) {
  const examples = command.kind === 'command' ? command.examples : [];
  for (const text of examples) {
    const { status } = await router.dispatch(invocation(command.name, text));
    const t = await time(() => router.dispatch(invocation(command.name, text)));
    const met = GOALS.map((goal, i) => {
      if (t.p99 >= goal.ms) missed[i]!++;
      return `${goal.ms} ms ${verdict(t.p99 < goal.ms)}`;
    });
    console.log(
      `  /${command.name} ${text}`.padEnd(58) +
        `p50 ${fmt(t.p50).padStart(9)}  p99 ${fmt(t.p99).padStart(9)}  ${(t.p99 / baseline.p99).toFixed(0).padStart(5)}× baseline p99  ${met.join('  ')}${status === 'ok' ? '' : ` (${status})`}`.trimEnd(),
    );
  }
}
GOALS.forEach((goal, i) => {
  const count = missed[i]!;
  console.log(
    `p99 < ${goal.ms} ms (issue ${goal.issue}): ${count === 0 ? 'all commands met the goal' : `${count} example(s) MISSED the goal`}`,
  );
});
