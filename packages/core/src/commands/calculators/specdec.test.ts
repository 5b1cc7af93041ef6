import { describe, expect, it } from 'vitest';
import { systemClock, systemRandom } from '../../ports/services.js';
import { createRouter } from '../../router/router.js';
import { specdecCommand } from './specdec.js';

const router = createRouter({
  commands: [specdecCommand],
  services: { clock: systemClock, random: systemRandom },
});
const run = (text: string) =>
  router.dispatch({
    platform: 'cli',
    command: 'specdec',
    text,
    user: { id: 'u', name: 'u', isAdmin: false },
    channel: { id: 'c' },
    team: { id: 't' },
  });

describe('/specdec', () => {
  it('α = 0.6, γ = 4, c = 0 → 2.3056 tokens per pass and speed-up (formulas.md; Leviathan Eq. 1, Thm 3.8)', async () => {
    const { status, reply } = await run('alpha=0.6 gamma=4');
    expect(status).toBe('ok');
    const data = reply.data as { expectedTokensPerStep: number; speedup: number; bestGamma: number };
    expect(data.expectedTokensPerStep).toBeCloseTo(2.3056, 4);
    expect(data.speedup).toBeCloseTo(2.3056, 4);
    expect(reply.blocks.map((block) => block.type)).toEqual([
      'header',
      'text',
      'fields',
      'code',
      'chart',
      'context',
    ]);
    expect(reply.fallbackText).toContain('2.31×');
  });

  it('says there is no best γ when drafting is free, and names the 1/(1 − α) limit', async () => {
    const { reply } = await run('alpha=0.8 gamma=4');
    const fields = reply.blocks.find((block) => block.type === 'fields');
    // With c = 0 the speed-up (1 − α^(γ+1))/(1 − α) rises with γ toward 1/(1 − α) = 5 at α = 0.8.
    expect(fields).toMatchObject({
      fields: expect.arrayContaining([
        {
          label: 'Best γ for this α, c',
          value: 'none at c = 0: longer drafts always help, toward 1/(1 − α) = 5.00×',
        },
      ]),
    });
  });

  it('accepts a percentage and a draft cost', async () => {
    const { reply } = await run('alpha=80% gamma=1 draft_cost=0.05');
    // Leviathan et al. 2023, Corollary 3.9: at γ = 1 the improvement is (1 + α)/(1 + c).
    expect((reply.data as { speedup: number }).speedup).toBeCloseTo(1.8 / 1.05, 10);
  });

  it.each(['alpha=1.5 gamma=4', 'alpha=0.5 gamma=0', 'alpha=0.5', 'alpha=x gamma=4'])(
    'answers bad input "%s" with a user error',
    async (text) => {
      const { status, reply } = await run(text);
      expect(status).toBe('user-error');
      expect(reply.visibility).toBe('ephemeral');
    },
  );
});
