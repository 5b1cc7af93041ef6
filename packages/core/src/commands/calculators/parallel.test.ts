import type { Layout } from '@mlsys/calc';
import { describe, expect, it } from 'vitest';
import { systemClock, systemRandom } from '../../ports/services.js';
import { createRouter } from '../../router/router.js';
import { parallelCommand } from './parallel.js';

const router = createRouter({
  commands: [parallelCommand],
  services: { clock: systemClock, random: systemRandom },
});
const run = (text: string) =>
  router.dispatch({
    platform: 'cli',
    command: 'parallel',
    text,
    user: { id: 'u', name: 'u', isAdmin: false },
    channel: { id: 'c' },
    team: { id: 't' },
  });

interface Data {
  best: Layout | null;
  layouts: Layout[];
  closest: Layout | null;
  searched: number;
  fitting: number;
}

describe('/parallel', () => {
  it('plans a derived 70B model on 64 H100s and ranks layouts that fit', async () => {
    const { status, reply } = await run('params=70b gpus=64 gpu=h100');
    expect(status).toBe('ok');
    const data = reply.data as Data;
    expect(data.best).not.toBeNull();
    expect(data.layouts.length).toBeLessThanOrEqual(20);
    for (const layout of data.layouts) {
      expect(layout.tp * layout.pp * layout.dp).toBe(64);
      expect(layout.memoryPerGpuBytes.total).toBeLessThanOrEqual(80e9);
    }
    const kinds = reply.blocks
      .filter((block) => block.type === 'chart')
      .map((block) => block.type === 'chart' && block.chart.kind);
    expect(kinds).toEqual(['stacked-bar', 'gpu-grid']);
    expect(JSON.stringify(reply.blocks)).toContain('Shape derived from the parameter count');
  });

  it('plans a registry model: Llama-3.1-70B on 64 H100s (8 KV heads bound TP to 1, 2, 4 or 8)', async () => {
    const { status, reply } = await run('llama-3.1-70b gpus=64 gpu=h100');
    expect(status).toBe('ok');
    const data = reply.data as Data & { model: { params: number; layers: number } };
    // Llama-3.1-70B config: 80 layers (shared/reference/models.md); 70.6B parameters counted from it.
    expect(data.model.layers).toBe(80);
    expect(data.model.params / 1e9).toBeCloseTo(70.6, 1);
    for (const layout of data.layouts) expect(8 % layout.tp).toBe(0);
    expect(JSON.stringify(reply.blocks)).toContain('GQA (8 KV heads)');
  });

  it('ties on the shown step time go to less memory, and the runner-up sentence says which has more', async () => {
    const { reply } = await run('llama-3.1-70b gpus=256 tp=8 pp=4 zero=3 interleave=1 micro_batch=1');
    const data = reply.data as Data;
    // Estimates: selective 33.4726 s at 16.64 GB, none 33.4685 s at 69.65 GB (both shown as 33.5 s: a
    // tie), full 34.9 s at 10.74 GB. The 0.012% that none saves is below the digits shown.
    expect(data.layouts.map((l) => l.recompute)).toEqual(['selective', 'none', 'full']);
    expect(data.layouts.map((l) => Number((l.memoryPerGpuBytes.total / 1e9).toFixed(1)))).toEqual([
      16.6, 69.7, 10.7,
    ]);
    expect(data.layouts[0]!.estimate.stepSeconds).toBeCloseTo(33.4726, 4);
    expect(data.layouts[1]!.estimate.stepSeconds).toBeCloseTo(33.4685, 4);
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain(
      'The runner-up (tp=8 pp=4 dp=8 ZeRO-3 b=1 recompute=none) ties on time at 33.5 s and needs more memory, 69.7 GB vs 16.6 GB per GPU; ties go to the layout with less memory.',
    );
    // 128 micro-batches, 4 in flight on the first stage: plural; nothing here says "nothing fits".
    expect(text).toContain('4 micro-batches · 20 layers');
    expect(text).not.toMatch(/Without the pinned choices|With [\d,]+ GPUs/);
  });

  it('does not suggest more GPUs when a layout already fits', async () => {
    const { reply } = await run('llama-3.1-70b gpus=64 gpu=h100');
    expect((reply.data as Data).best).not.toBeNull();
    expect(JSON.stringify(reply.blocks)).not.toMatch(/With [\d,]+ GPUs/);
  });

  it('writes one micro-batch in the singular', async () => {
    // pp=1: one micro-batch in flight.
    const { reply } = await run('llama-3.1-8b gpus=8 tp=8 pp=1 micro_batch=1 recompute=full');
    expect(JSON.stringify(reply.blocks)).toContain('1 micro-batch · 32 layers');
  });

  it('MoE compute counts the active experts: Mixtral-8x7B on 64 H100s', async () => {
    const { reply } = await run('mixtral-8x7b gpus=64');
    const data = reply.data as Data & { model: { params: number; activeParams: number } };
    expect(data.model).toMatchObject({ params: 46_702_792_704, activeParams: 12_879_925_248 });
    // Model FLOPs per token 6·(12,879,925,248 − 2·32,000·4,096 + 32,000·4,096) + 12·4,096·32·4,096
    // = 82,935,570,432; × 4,194,304 tokens / (64 · 989.5e12) = 5.4929 s. MFU = that / step time for
    // every layout (was 18.93 s and MFU 0.98 when all 8 experts were charged).
    for (const layout of data.layouts) {
      expect(layout.estimate.mfu * layout.estimate.stepSeconds).toBeCloseTo(5.4929, 4);
    }
    // Best is selective recomputation: + 4·4,096·32·4,096 = 2,147,483,648 FLOPs/token → 5.6352 s.
    expect(data.best!.recompute).toBe('selective');
    expect(data.best!.estimate.computeSeconds).toBeCloseTo(5.6352, 4);
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('46.7B parameters (12.9B active per token)');
    expect(text).toContain(
      'compute, step time and MFU count the 2 of 8 routed experts each token uses (12.9B active parameters). Expert parallelism is not modelled',
    );
  });

  it('MoE compute counts the active experts: DeepSeek-V3 on 2,048 H100s', async () => {
    const { reply } = await run('deepseek-v3 gpus=2048');
    const data = reply.data as Data;
    // 6·(37,552,297,472 − 2·129,280·7,168 + 129,280·7,168) + 12·4,096·61·7,168 = 241,245,324,288
    // FLOPs/token; × 4,194,304 / (2,048 · 989.5e12) = 0.49931 s (all 671B: 8.366 s).
    for (const layout of data.layouts) {
      expect(layout.estimate.mfu * layout.estimate.stepSeconds).toBeCloseTo(0.49931, 5);
    }
    expect(JSON.stringify(reply.blocks)).toContain('8 of 256 routed experts plus 1 shared each token uses');
  });

  it('refuses a named model together with shape hints', async () => {
    expect((await run('llama-3.1-70b gpus=64 layers=10')).status).toBe('user-error');
  });

  it('evaluates a pinned layout (GPT-3 shape, tp=8 pp=8 on 1,024 A100s)', async () => {
    const { reply } = await run(
      'params=175b layers=96 hidden=12288 heads=96 gpus=1024 gpu=a100 seq=2048 global_batch=1536 tp=8 pp=8 recompute=full bytes_per_param=18',
    );
    const data = reply.data as Data;
    expect(data.best).toMatchObject({ tp: 8, pp: 8, dp: 16, recompute: 'full', fits: true });
  });

  it('says plainly when nothing fits and what would', async () => {
    const { status, reply } = await run('params=1t gpus=8 gpu=h100');
    expect(status).toBe('ok');
    expect((reply.data as Data).best).toBeNull();
    expect(reply.fallbackText).toContain('Nothing fits');
    expect(JSON.stringify(reply.blocks)).toMatch(/With [\d,]+ GPUs/);
  });

  it.each([
    ['gpus=64', 'core/parallel-no-model'],
    ['params=70b', 'missing gpus'],
    ['params=70b gpus=64 tp=3', 'tp=3'],
    ['params=70b gpus=64 zero=4', 'zero'],
    ['params=70b gpus=64 gpu=h1000', 'gpu'],
  ])('answers "%s" with a user error', async (text) => {
    const { status, reply } = await run(text);
    expect(status).toBe('user-error');
    expect(reply.visibility).toBe('ephemeral');
  });
});
