import { describe, expect, it } from 'vitest';
import { runCaptured as run } from './testing/run-captured.js';

/** Bad input: exit 2 and exactly one line on stderr. */
async function expectBadInput(...argv: string[]) {
  const { code, stdout, stderr } = await run(...argv);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.indexOf('\n')).toBe(stderr.length - 1);
  if (argv.includes('--json')) expect(JSON.parse(stderr)).toMatchObject({ error: expect.any(String) });
  else expect(stderr.startsWith('mlsys: ')).toBe(true);
}

describe('mlsys chinchilla --json', () => {
  it('--params 67b: Table 3 budget 5.76e23 FLOPs (Hoffmann et al. 2022, Table 3)', async () => {
    const { code, stdout } = await run('chinchilla', '--params', '67b', '--json');
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining(['params', 'tokens', 'flops', 'tokensPerParam', 'loss']),
    );
    expect(data.params).toBe(67e9);
    expect(data.flops).toBeCloseTo(5.76e23, -20);
    expect(data.tokens).toBeCloseTo(data.flops / (6 * data.params), -3);
  });

  it('--params 70b --tokens 1.4t --method hoffmann: L = 1.9366 (formulas.md)', async () => {
    const data = JSON.parse(
      (await run('chinchilla', '--params', '70b', '--tokens', '1.4t', '--method', 'hoffmann', '--json'))
        .stdout,
    );
    expect(data.loss).toBeCloseTo(1.9366, 4);
    expect(data.tokensPerParam).toBe(20);
  });

  it('--flops with --method epoch sizes near 20 tokens per parameter (Besiroglu et al. 2024)', async () => {
    const data = JSON.parse(
      (await run('chinchilla', '--flops', '5.76e23', '--method', 'epoch', '--json')).stdout,
    );
    expect(data.tokensPerParam).toBeGreaterThan(15);
    expect(data.tokensPerParam).toBeLessThan(25);
  });

  it('a GPU budget carries gpus, hours, gpu and mfu', async () => {
    const data = JSON.parse(
      (await run('chinchilla', '--gpus', '1024', '--gpu', 'h100', '--hours', '720', '--mfu', '0.4', '--json'))
        .stdout,
    );
    expect(data).toMatchObject({ gpus: 1024, hours: 720, mfu: 0.4 });
    expect(data.gpu).toContain('H100');
  });

  it.each([
    [['chinchilla', '--json']],
    [['chinchilla', '--params', '70q', '--json']],
    [['chinchilla', '--params', '70b', '--tokens', '1t', '--flops', '1e23']],
    [['chinchilla', '--method', 'kaplan', '--params', '70b']],
  ])('bad input %j exits 2 with one line', async (argv) => {
    await expectBadInput(...argv);
  });
});

describe('mlsys specdec --json', () => {
  it('--alpha 0.6 --gamma 4 → 2.3056 (formulas.md; Leviathan et al. 2023 Eq. 1, c = 0)', async () => {
    const data = JSON.parse((await run('specdec', '--alpha', '0.6', '--gamma', '4', '--json')).stdout);
    expect(data.expectedTokensPerStep).toBeCloseTo(2.3056, 4);
    expect(data.speedup).toBeCloseTo(2.3056, 4);
  });

  it('--draft-cost maps to draft_cost', async () => {
    const data = JSON.parse(
      (await run('specdec', '--alpha', '0.8', '--gamma', '4', '--draft-cost', '0.05', '--json')).stdout,
    );
    expect(data.speedup).toBeCloseTo((1 - 0.8 ** 5) / (0.2 * 1.2), 10);
  });

  it.each([
    [['specdec', '--alpha', '2', '--gamma', '4']],
    [['specdec', '--gamma', '4']],
    [['specdec', '--alpha', '0.5', '--gamma', '-1']],
  ])('bad input %j exits 2 with one line', async (argv) => {
    await expectBadInput(...argv);
  });
});

describe('mlsys parallel --json', () => {
  it('llama-3.1-70b --gpus 64: best and ranked layouts in the contract shape', async () => {
    const { code, stdout } = await run(
      'parallel',
      'llama-3.1-70b',
      '--gpus',
      '64',
      '--gpu',
      'h100',
      '--json',
    );
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.best).not.toBeNull();
    expect(data.layouts.length).toBeGreaterThan(0);
    expect(data.layouts.length).toBeLessThanOrEqual(20);
    for (const layout of data.layouts) {
      expect(layout).toMatchObject({
        tp: expect.any(Number),
        pp: expect.any(Number),
        dp: expect.any(Number),
        zero: expect.any(Number),
        microBatch: expect.any(Number),
        microBatches: expect.any(Number),
        bubbleFraction: expect.any(Number),
        fits: true,
        memoryPerGpuBytes: {
          params: expect.any(Number),
          grads: expect.any(Number),
          optimizer: expect.any(Number),
          activations: expect.any(Number),
          total: expect.any(Number),
        },
      });
      expect(layout.tp * layout.pp * layout.dp).toBe(64);
    }
  });

  it('--params with pinned --tp/--pp, --global-batch and --bytes-per-param evaluates that layout', async () => {
    const data = JSON.parse(
      (
        await run(
          'parallel',
          '--params',
          '175b',
          '--layers',
          '96',
          '--hidden',
          '12288',
          '--heads',
          '96',
          '--gpus',
          '1024',
          '--gpu',
          'a100',
          '--seq',
          '2048',
          '--global-batch',
          '1536',
          '--tp',
          '8',
          '--pp',
          '8',
          '--recompute',
          'full',
          '--bytes-per-param',
          '18',
          '--json',
        )
      ).stdout,
    );
    expect(data.best).toMatchObject({ tp: 8, pp: 8, dp: 16, microBatch: expect.any(Number), fits: true });
    expect(data.best.microBatch * data.best.microBatches * 16).toBe(1536);
  });

  it('nothing fits: best is null', async () => {
    const data = JSON.parse((await run('parallel', '--params', '1t', '--gpus', '8', '--json')).stdout);
    expect(data.best).toBeNull();
    expect(data.layouts).toEqual([]);
  });

  it.each([
    [['parallel', 'llama-3.1-70b']],
    [['parallel', 'lama-70b', '--gpus', '64']],
    [['parallel', '--params', '70b', '--gpus', '64', '--tp', '3']],
    [['parallel', '--params', '70b', '--gpus', '64', '--zero', '5']],
    [['parallel', '--params', '70b', '--gpus', '64', '--bytes-per-param', '17']],
  ])('bad input %j exits 2 with one line', async (argv) => {
    await expectBadInput(...argv);
  });
});
