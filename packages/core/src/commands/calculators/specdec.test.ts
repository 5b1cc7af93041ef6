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

  it.each([
    // γ = 1 is best when α ≤ c: (1 + α)/(1 + c) = 1.8/2 = 0.900× (Leviathan et al. 2023, Corollary 3.9).
    [
      'alpha=0.8 gamma=4 draft_cost=1',
      "none: with α ≤ c no draft length beats plain decoding (at best 0.900× at γ = 1); don't speculate",
    ],
    // α = 0: nothing is ever accepted, every γ gives exactly 1× at c = 0.
    [
      'alpha=0 gamma=4',
      "none: with α ≤ c no draft length beats plain decoding (at best 1.00× at γ = 1); don't speculate",
    ],
  ])('%s: says not to speculate rather than naming a "best" γ that is a slowdown', async (text, value) => {
    const { reply } = await run(text);
    const fields = reply.blocks.find((block) => block.type === 'fields');
    expect(fields).toMatchObject({
      fields: expect.arrayContaining([{ label: 'Best γ for this α, c', value }]),
    });
    const chart = reply.blocks.find((block) => block.type === 'chart') as { chart: { markers: unknown[] } };
    expect(chart.chart.markers).toHaveLength(1); // only the γ asked for
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
