#!/usr/bin/env node
// Makes a fresh machine ready: Node 20+ and npm are all it needs. Installs the pinned pnpm
// (from package.json's packageManager) when it is missing, then installs the workspace.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).packageManager;
const wanted = pinned.split('@')[1];

function pnpmVersion() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

if (pnpmVersion() !== wanted) {
  console.log(`setup: installing pnpm ${wanted} from the npm registry`);
  execFileSync('npm', ['install', '--global', `pnpm@${wanted}`], { stdio: 'inherit' });
}

// onnxruntime-node's install script only downloads CUDA add-ons; the CPU binary ships in the package.
const env = { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' };
const args = ['install', '--reporter=append-only'];
if (process.env.CI) args.push('--frozen-lockfile');
execFileSync('pnpm', args, { stdio: 'inherit', env });

// The playground's browser test drives Debian's Chromium; install it when running the tests on a
// machine that lacks it (root on Debian, as on these machines; otherwise say what to install).
if (process.argv.includes('--with-browser') && !existsSync('/usr/bin/chromium')) {
  if (process.getuid?.() === 0) {
    console.log("setup: installing Debian's chromium for the browser test");
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: aptEnv });
  } else {
    console.error('setup: the browser test needs /usr/bin/chromium: run `sudo apt-get install chromium`');
    process.exit(1);
  }
}
