#!/usr/bin/env node
// Runs every package's benchmark (a `bench` script in its package.json) one after another, so each
// measures the machine alone, prints their output, and writes it with the machine's description to
// docs/benchmarks.md. Packages print their own figures as ratios against baselines from the same run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sections = [];
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(join(root, group)).sort()) {
    const manifest = join(root, group, name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!pkg.scripts?.bench) continue;
    console.log(`\n## ${pkg.name}\n`);
    const started = Date.now();
    let output;
    try {
      output = execFileSync('pnpm', ['--filter', pkg.name, 'run', '-s', 'bench'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      output = `${error.stdout ?? ''}\n(bench failed: ${error.message.split('\n')[0]})`;
    }
    process.stdout.write(output);
    sections.push({ name: pkg.name, seconds: (Date.now() - started) / 1000, output: output.trim() });
  }
}

const cpu = cpus();
const report = [
  '# Benchmarks',
  '',
  'Written by `pnpm bench` (scripts/bench.mjs); every figure is measured in the same run as its baseline.',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory`,
  `- Load average at the end (1/5/15 min): ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ')}`,
  `- Node.js ${process.version}; command: \`pnpm bench\``,
  '',
  ...sections.flatMap((section) => [
    `## ${section.name}`,
    '',
    `(${section.seconds.toFixed(0)} s)`,
    '',
    '```',
    section.output,
    '```',
    '',
  ]),
].join('\n');
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'benchmarks.md'), report);
console.log('\nwrote docs/benchmarks.md');
