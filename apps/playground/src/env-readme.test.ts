import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from './env.js';

const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Slack and Discord'), readme.indexOf('## The packages'));

describe('README: Slack and Discord set-up', () => {
  it('names only variables the env schema reads', () => {
    const named = new Set(
      section.match(/\b(?:SLACK|DISCORD)_[A-Z_]+|\b(?:PLAYGROUND|DATABASE_URL|DATA_DIR|PORT)\b/g),
    );
    const known = Object.keys(envSchema.shape);
    expect([...named].filter((name) => !known.includes(name))).toEqual([]);
    for (const variable of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'SLACK_APP_TOKEN',
      'DISCORD_TOKEN',
      'DISCORD_APPLICATION_ID',
      'DISCORD_GUILD_ID',
    ]) {
      expect(named).toContain(variable);
    }
  });
});
