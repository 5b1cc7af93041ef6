#!/usr/bin/env node
import { isUserError } from '@mlsys/errors';
import { runCli } from './run-cli.js';

try {
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
} catch (error) {
  // runCli answers every expected failure itself; this is the last line against a stack trace.
  process.stderr.write(
    `mlsys: ${isUserError(error) ? error.message : 'internal error (run with NODE_DEBUG=mlsys for details)'}\n`,
  );
  if (process.env.NODE_DEBUG?.includes('mlsys')) console.error(error);
  process.exitCode = 1;
}
