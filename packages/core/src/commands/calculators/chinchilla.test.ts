import { describe, expect, it } from 'vitest';
import { systemClock, systemRandom } from '../../ports/services.js';
import type { LineChartSpec } from '../../reply/chart.js';
import { createRouter } from '../../router/router.js';
import { chinchillaCommand } from './chinchilla.js';

const router = createRouter({
  commands: [chinchillaCommand],
  services: { clock: systemClock, random: systemRandom },
});
const run = (text: string) =>
  router.dispatch({
    platform: 'cli',
    command: 'chinchilla',
    text,
    user: { id: 'u', name: 'u', isAdmin: false },
    channel: { id: 'c' },
    team: { id: 't' },
  });

interface Data {
  params: number;
  tokens: number;
  flops: number;
  tokensPerParam: number;
  loss: number;
  gpus?: number;
  hours?: number;
}

describe('/chinchilla', () => {
  it('67b → 5.76e23 FLOPs (Hoffmann et al. 2022, Table 3)', async () => {
    const { status, reply } = await run('67b');
    expect(status).toBe('ok');
    const data = reply.data as Data;
    expect(data.flops).toBeCloseTo(5.76e23, -20);
    expect(data.tokensPerParam).toBeGreaterThan(20);
    const chart = reply.blocks.find((block) => block.type === 'chart');
    expect(chart?.type === 'chart' && (chart.chart as LineChartSpec).series).toHaveLength(3);
  });

  it('70b tokens=1.4t → C = 6ND and L = 1.9366 under the Hoffmann fit (formulas.md)', async () => {
    const data = (await run('70b tokens=1.4t')).reply.data as Data;
    expect(data.flops).toBe(6 * 70e9 * 1.4e12);
    expect(data.loss).toBeCloseTo(1.9366, 4);
  });

  it('method=hoffmann says the rounded constants put D/N near 90', async () => {
    const { reply } = await run('flops=5.76e23 method=hoffmann');
    expect((reply.data as Data).tokensPerParam).toBeGreaterThan(85);
    expect(reply.fallbackText + JSON.stringify(reply.blocks)).toContain('near 90');
  });

  it('a GPU budget: gpus × hours × peak × MFU', async () => {
    const data = (await run('gpus=1024 gpu=h100 hours=720 mfu=0.4')).reply.data as Data;
    // H100 SXM dense BF16 989.5 TFLOP/s (NVIDIA H100 data sheet, 1,979 with sparsity).
    expect(data.flops).toBeCloseTo(1024 * 720 * 3600 * 989.5e12 * 0.4, -12);
    expect(data.gpus).toBe(1024);
    expect(data.hours).toBe(720);
  });

  it.each([
    ['70', 'Did you mean: 70b, 70m?'],
    ['70b tokens=1.4', 'Did you mean: 1.4t, 1.4b?'],
  ])('refuses "%s": a number without a unit below 1e6 (%s)', async (text, hint) => {
    const { status, reply } = await run(text);
    expect(status).toBe('user-error');
    expect(reply.fallbackText).toContain('has no unit');
    expect(reply.fallbackText).toContain(hint);
  });

  it('70m: answered, with a warning under the headline that Table 3 starts at 400M', async () => {
    const { status, reply } = await run('70m');
    expect(status).toBe('ok');
    expect(reply.blocks[2]).toEqual({
      type: 'text',
      text: "⚠️ N = 70.0M parameters is below the smallest row of Hoffmann et al. 2022 Table 3 (400M): the tokens and FLOPs are extrapolated along the table's first segment.",
    });
    expect(reply.data).toMatchObject({ params: 70e6, extrapolated: true });
    expect((await run('70b')).reply.data).toMatchObject({ extrapolated: false, warnings: [] });
  });

  it('formats huge counts in scientific notation, never "1.00e15Q"', async () => {
    const { reply } = await run('70b tokens=1e30');
    expect(reply.fallbackText).toBe(
      'Chinchilla sizing: 70.0B parameters × 1.00e30 tokens (as given, method table) = 4.20e41 FLOPs',
    );
  });

  it.each(['', 'hours=10', '70b tokens=1t flops=1e23', 'method=kaplan 70b', '70q', '1e30'])(
    'answers "%s" with a user error',
    async (text) => {
      expect((await run(text)).status).toBe('user-error');
    },
  );
});
