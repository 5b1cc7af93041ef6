import { describe, expect, it } from 'vitest';
import { kernelReply } from './kernel-reply.js';
import { sampleResult } from './sample-result.js';

describe('kernelReply', () => {
  const reply = kernelReply(sampleResult);

  it('lays out the summary, output, table, figures, ops and units exactly', () => {
    expect(reply.blocks).toEqual([
      { type: 'header', text: 'Kernel · attention' },
      {
        type: 'text',
        text:
          '`kind=MQA batch=1 seq=1 past=3 heads=2 kv_heads=1 head_dim=4 causal=true`\n' +
          // 192 B / 0.15 ms = 1.28e-3 GB/s (memory-bound, so GB/s is the rate shown)
          'Fastest: **gqa** 0.150 ms, 0.00128 GB/s.\n' +
          '2 of 2 ONNX implementations agree with the float64 plain-TS reference (max abs err 2.5e-7).',
      },
      {
        type: 'code',
        text: 'Output [1, 2, 1, 4]\n0.5000, -1.250, 2.000, 0.1250, 1.000, 2.000, 3.000, 4.000',
      },
      {
        type: 'table',
        columns: [
          { title: 'Implementation' },
          { title: 'Variant' },
          { title: 'Time', align: 'right' },
          { title: 'GB/s', align: 'right' },
          { title: 'Max abs err', align: 'right' },
          { title: 'Agrees' },
        ],
        rows: [
          ['MatMul · scale + mask → Softmax → MatMul', 'composed', '0.200 ms', '0.000960', '2.5e-7', 'yes'],
          ['com.microsoft.GroupQueryAttention', 'fused', '0.150 ms', '0.00128', '1.5e-7', 'yes'],
          [
            'com.microsoft.MultiHeadAttention',
            'fused',
            '—',
            '—',
            '—',
            'MultiHeadAttention needs kv_heads = heads (no grouped key/value heads).',
          ],
          ['plain TypeScript (float64)', 'reference', '1.50 ms', '0.000128', 'baseline', 'yes'],
        ],
      },
      {
        type: 'fields',
        fields: [
          { label: 'Useful FLOPs', value: '128' },
          { label: 'Bytes moved (ideal)', value: '192 B' },
          { label: 'Arithmetic intensity', value: '0.667 FLOP/B' },
          { label: 'Bound by', value: 'memory' },
          { label: 'score matrix Q·Kᵀ', value: '32 B (`B·heads·S·T·4 = 1·2·1·4·4`)' },
        ],
      },
      {
        type: 'code',
        text:
          'Graph ops\n' +
          'composed: Reshape · Transpose · MatMul · Concat · Mul · Add · Softmax · Split\n' +
          'gqa: Transpose · Reshape · com.microsoft.GroupQueryAttention',
      },
      {
        type: 'context',
        text:
          'Time: median of the timed runs after one warm-up, onnxruntime-node CPU with 2 intra-op threads; the plain-TS reference is timed once. Inputs not given in the command are seeded random values (seed 1).\n' +
          'GFLOP/s counts useful FLOPs only (masked work excluded), 10⁹ FLOP/s; GB/s = 10⁹ B/s of the bytes an ideal kernel moves; KiB/MiB/GiB = 2¹⁰/2²⁰/2³⁰ B.\n' +
          'Agrees: every element within atol + rtol·|baseline| (numpy.allclose), with the kernel’s float32 tolerance.',
      },
    ]);
    expect(reply.fallbackText).toBe(
      'Kernel attention (kind=MQA batch=1 seq=1 past=3 heads=2 kv_heads=1 head_dim=4 causal=true): ' +
        'Fastest: gqa 0.150 ms, 0.00128 GB/s. 2 of 2 ONNX implementations agree with the float64 plain-TS reference (max abs err 2.5e-7).',
    );
  });

  it('puts the result with rates in data', () => {
    const data = reply.data as { implementations: { id: string; gflops?: number; gbps?: number }[] };
    const gqa = data.implementations.find((impl) => impl.id === 'gqa')!;
    expect(gqa.gflops).toBeCloseTo(128 / 0.15e6, 12); // 128 FLOP in 0.15 ms
    expect(gqa.gbps).toBeCloseTo(192 / 0.15e6, 12);
    expect(data.implementations.find((impl) => impl.id === 'mha')).not.toHaveProperty('gflops');
  });

  it('shows only the first values of a large output', () => {
    const large = kernelReply({
      ...sampleResult,
      outputDims: [1, 8, 512, 64],
      preview: Array.from({ length: 64 }, (_, i) => i),
    });
    expect(large.blocks[2]).toEqual({
      type: 'code',
      text: 'Output [1, 8, 512, 64], first 8 of 262,144 values\n0, 1, 2, 3, 4, 5, 6, 7, …',
    });
  });

  it('says so when no ONNX implementation could run (softmax at T = 0: only the argmax reference)', () => {
    const referenceOnly = kernelReply({
      ...sampleResult,
      implementations: sampleResult.implementations.map(({ ms, ...impl }) =>
        impl.variant === 'reference'
          ? { ...impl, ...(ms === undefined ? {} : { ms }) }
          : { ...impl, status: 'unavailable' as const, note: 'not at these values' },
      ),
    });
    const summary = referenceOnly.blocks[1] as { text: string };
    expect(summary.text.split('\n').slice(1)).toEqual([
      'No ONNX implementation runs at these values (the table says why); the output is the plain-TS reference’s.',
    ]);
  });
});
