import { describe, expect, it } from 'vitest';
import { findGpu } from '../gpus/parse-gpu.js';
import { countParams } from '../params/count-params.js';
import { architectureOf } from '../registry/architecture-of.js';
import { modelById } from '../registry/registry.js';
import type { ClusterSpec } from './cluster.js';
import { activeLayerParams, modelFlopsPerToken, recomputeFlopsPerToken } from './flops.js';
import { shapeFromArchitecture } from './from-architecture.js';
import { type Candidate, createEvaluation, createPlanContext, evaluateInto } from './layout.js';
import { layerParams } from './shape.js';

const SEQ = 4096;
const BATCH = 1024; // 1,024 × 4,096 = 4,194,304 tokens, the default batch at s = 4,096
const TOKENS = BATCH * SEQ;
const H100_PEAK = 989.5e12; // dense BF16, NVIDIA H100 SXM data sheet (1,979 with sparsity)

function shapeOf(id: string) {
  return shapeFromArchitecture(id, architectureOf(modelById(id)!)).shape;
}

/** H100 SXM nodes as /parallel builds them: 8 per node, NVLink 450 GB/s each way, 400 Gb/s NICs. */
function h100(gpus: number): ClusterSpec {
  const gpu = findGpu('h100')!;
  return {
    gpus,
    gpusPerNode: 8,
    gpuName: gpu.name,
    memoryBytes: gpu.memoryBytes,
    peakFlops: gpu.bf16Flops,
    intraNodeBandwidth: gpu.interconnect.bandwidth / 2,
    interNodeBandwidth: 50e9,
  };
}

function evaluate(id: string, gpus: number, candidate: Candidate) {
  const ctx = createPlanContext(shapeOf(id), h100(gpus), {
    seq: SEQ,
    globalBatch: BATCH,
    bytesPerParam: 16,
    sequenceParallel: true,
  });
  return { ctx, e: evaluateInto(ctx, candidate, createEvaluation()) };
}

describe('MoE compute counts the experts a token uses, memory all of them', () => {
  it('Mixtral-8x7B: 6·(12.75B) + attention FLOPs per token, not 6·(46.4B)', () => {
    const shape = shapeOf('mixtral-8x7b');
    // countParams: 46,702,792,704 total, 12,879,925,248 active (2 of 8 experts; Mixtral's 12.9B).
    expect(shape.params).toBe(46_702_792_704);
    expect(shape.activeParams).toBe(countParams(architectureOf(modelById('mixtral-8x7b')!)).active);
    expect(shape.activeParams).toBe(12_879_925_248);
    // Untied embeddings: 2 · 32,000 · 4,096 = 262,144,000. Active per layer (12,879,925,248 − 262,144,000)/32
    // = 394,305,664; memory per layer (46,702,792,704 − 262,144,000)/32 = 1,451,270,272.
    expect(activeLayerParams(shape)).toBe(394_305_664);
    expect(layerParams(shape)).toBe(1_451_270_272);
    // 6·(32 · 394,305,664 + 32,000 · 4,096) + 12 · 4,096 · 32 · 4,096
    // = 6 · 12,748,853,248 + 6,442,450,944 = 82,935,570,432 FLOPs per token.
    expect(modelFlopsPerToken(shape, SEQ)).toBe(82_935_570_432);
    // Selective: + 4 · 4,096 · 32 · 4,096 = 2,147,483,648; full: + 2 · 12,617,781,248 + 2,147,483,648.
    expect(recomputeFlopsPerToken(shape, SEQ, 'selective')).toBe(2_147_483_648);
    expect(recomputeFlopsPerToken(shape, SEQ, 'full')).toBe(27_383_046_144);
  });

  it('Mixtral-8x7B on 64 H100s, tp=1 pp=1 dp=64 ZeRO-1: 5.49 s of compute, MFU 61%', () => {
    const { e } = evaluate('mixtral-8x7b', 64, {
      tp: 1,
      pp: 1,
      dp: 64,
      zero: 1,
      microBatch: 1,
      microBatches: 16,
      interleave: 1,
      recompute: 'none',
    });
    // Compute: 82,935,570,432 · 4,194,304 / (64 · 989.5e12) = 5.4929 s (every expert: 18.93 s, MFU 0.98).
    expect(e.computeSeconds).toBeCloseTo(5.4929, 4);
    expect(e.computeSeconds).toBeCloseTo((82_935_570_432 * TOKENS) / (64 * H100_PEAK), 9);
    // Memory keeps all 8 experts: one GPU holds all 46,702,792,704 parameters (pp = 1, untied head).
    expect(e.paramsPerGpu).toBe(46_702_792_704);
    // ZeRO-1 traffic: 63/64 · 46.70B · (2 + 2) B = 183.89 GB at 50 GB/s = 3.6778 s, of which
    // 2/3 · 5.4929/16 = 0.2289 s hides behind the last backward: exposed 3.4490 s.
    expect(e.dpExposedSeconds).toBeCloseTo(3.449, 3);
    // Step 5.4929 + 3.4490 = 8.9419 s; MFU = 5.4929 / 8.9419 = 0.6143.
    expect(e.stepSeconds).toBeCloseTo(8.9419, 3);
    expect(e.mfu).toBeCloseTo(0.6143, 3);
  });

  it('DeepSeek-V3 on 2,048 H100s: 37.6B active of 671B, 0.499 s of compute per 4M-token step', () => {
    const shape = shapeOf('deepseek-v3');
    // countParams: 671,026,419,200 total; active 37,552,297,472 (8 of 256 routed + 1 shared expert, the
    // 3 dense layers, MLA, both embedding tables; DeepSeek-V3 report: 37B activated of 671B).
    expect(shape.params).toBe(671_026_419_200);
    expect(shape.activeParams).toBe(37_552_297_472);
    // Untied: 2 · 129,280 · 7,168 = 1,853,358,080. 6·(37,552,297,472 − 1,853,358,080 + 926,679,040)
    // + 12 · 4,096 · 61 · 7,168 = 219,753,710,592 + 21,491,613,696 = 241,245,324,288 FLOPs per token.
    expect(modelFlopsPerToken(shape, SEQ)).toBe(241_245_324_288);
    const { e } = evaluate('deepseek-v3', 2048, {
      tp: 8,
      pp: 1,
      dp: 256,
      zero: 1,
      microBatch: 1,
      microBatches: 4,
      interleave: 1,
      recompute: 'none',
    });
    // 241,245,324,288 · 4,194,304 / (2,048 · 989.5e12) = 0.49931 s (all 671B: 8.366 s).
    expect(e.computeSeconds).toBeCloseTo(0.49931, 5);
    // MFU counts the same model FLOPs: compute / step.
    expect(e.mfu).toBeCloseTo(0.49931 / e.stepSeconds, 5);
    // Memory: the GPU holds 1/8 of every parameter, all 256 experts: 671,026,419,200 / 8.
    expect(e.paramsPerGpu).toBe(671_026_419_200 / 8);
  });

  it('dense models are unchanged: Llama-3.1-70B keeps 6·(Ψ − V·h) + 12·s·L·h', () => {
    const shape = shapeOf('llama-3.1-70b');
    expect(shape.activeParams).toBeUndefined();
    expect(activeLayerParams(shape)).toBe(layerParams(shape));
    // 6·(70,553,706,496 − 2 · 128,256 · 8,192 + 128,256 · 8,192) + 12 · 4,096 · 80 · 8,192
    // = 417,018,200,064 + 32,212,254,720 = 449,230,454,784 FLOPs per token.
    expect(modelFlopsPerToken(shape, SEQ)).toBe(449_230_454_784);
    const { e } = evaluate('llama-3.1-70b', 256, {
      tp: 8,
      pp: 4,
      dp: 8,
      zero: 3,
      microBatch: 1,
      microBatches: 128,
      interleave: 1,
      recompute: 'none',
    });
    // 449,230,454,784 · 4,194,304 / (256 · 989.5e12) = 7.4383 s, as before the MoE fix.
    expect(e.computeSeconds).toBeCloseTo(7.4383, 4);
  });
});
