import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';

/** The README's Slack and Discord section. */
const readme = readFileSync(join(import.meta.dirname, '../../../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Slack and Discord'), readme.indexOf('## The packages'));

/** `pnpm -s mlsys …` lines of the section that need no credentials, as argv (redirects and comments cut). */
const offline = [...section.matchAll(/^\s*(?:[A-Z_]+=\S+\s+)*pnpm -s mlsys (.+)$/gm)]
  .map((match) => match[1]!.replace(/#.*$/, '').replace(/>.*$/, '').trim())
  .filter((line) => line.startsWith('slack manifest') || line.includes('--dry-run'));

describe('README: Create the Slack app / Create the Discord app', () => {
  it('shows the manifest commands for both modes and the dry run', () => {
    expect(offline).toEqual([
      'slack manifest --url https://bot.example.com',
      'slack manifest',
      'discord register --dry-run',
    ]);
  });

  it.each(offline)('mlsys %s runs and prints JSON', async (line) => {
    let stdout = '';
    const code = await runCli(line.split(/\s+/), {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => {} },
    });
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout)).not.toThrow();
  });
});
