#!/usr/bin/env node
// Runs every package's benchmark (a `bench` script in its package.json) one after another, so that
// each measures the machine alone. Packages print their own ratios against in-run baselines.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(join(root, group))) {
    const manifest = join(root, group, name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!pkg.scripts?.bench) continue;
    console.log(`\n## ${pkg.name}\n`);
    execFileSync('pnpm', ['--filter', pkg.name, 'run', '-s', 'bench'], { stdio: 'inherit' });
  }
}
