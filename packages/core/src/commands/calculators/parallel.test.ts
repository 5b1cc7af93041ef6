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
