import { isUserError } from '@mlsys/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GPUS } from './gpu-table.js';
import { findGpu, parseGpu } from './parse-gpu.js';

describe('GPU table', () => {
  it.each([
    // id, memory bytes, bandwidth B/s, dense BF16 FLOP/s, source
    ['a100-40gb', 40e9, 1.555e12, 312e12, 'A100 data sheet: 40GB HBM2, 1,555 GB/s, BF16 312 TFLOPS'],
    ['a100-80gb', 80e9, 2.039e12, 312e12, 'A100 data sheet: 80GB HBM2e, 2,039 GB/s'],
    ['h100-sxm', 80e9, 3.35e12, 989.5e12, 'H100 data sheet: 1,979 TFLOPS BF16 with sparsity'],
    ['h100-pcie', 80e9, 2e12, 756.5e12, 'H100 data sheet: PCIe 1,513 TFLOPS BF16 with sparsity'],
    ['h200', 141e9, 4.8e12, 989.5e12, 'H200 data sheet: 141GB HBM3e, 4.8 TB/s'],
    ['b200', 180e9, 8e12, 2.25e15, 'DGX B200 data sheet: 1,440 GB over 8 GPUs'],
    ['mi300x', 192e9, 5.3e12, 1307.4e12, 'MI300X data sheet: 192 GB HBM3, 5.3 TB/s'],
    ['l4', 24e9, 300e9, 121e12, 'L4 data sheet: 242 TFLOPS BF16 with sparsity'],
    ['rtx-4090', 24e9, 1.008e12, 165.2e12, 'Ada whitepaper: BF16 FP32-accumulate 165.2 TFLOPS'],
  ])('%s: memory %d B, bandwidth %d B/s, BF16 %d FLOP/s (%s)', (id, memory, bandwidth, bf16) => {
    const gpu = parseGpu(id);
    expect(gpu.memoryBytes).toBe(memory);
    expect(gpu.memoryBandwidth).toBeCloseTo(bandwidth, -6);
    expect(gpu.bf16Flops).toBeCloseTo(bf16, -6);
  });

  it('states memory in the data sheet unit and has a source for every GPU', () => {
    for (const gpu of GPUS) {
      expect(gpu.memoryBytes).toBe(gpu.memory.value * (gpu.memory.unit === 'GB' ? 1e9 : 2 ** 30));
      expect(gpu.source.length).toBeGreaterThan(10);
      // FP8 tensor throughput is twice BF16 on every listed GPU (to the data sheets' rounding).
      if (gpu.fp8Flops !== undefined) expect(Math.abs(gpu.fp8Flops / gpu.bf16Flops - 2)).toBeLessThan(0.01);
    }
  });

  it('has unique ids and aliases', () => {
    const names = GPUS.flatMap((gpu) => [gpu.id, ...gpu.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('parseGpu', () => {
  it.each([
    ['h100', 'h100-sxm'],
    ['H100 SXM', 'h100-sxm'],
    ['NVIDIA H100', 'h100-sxm'],
    ['a100', 'a100-80gb'],
    ['A100_40GB', 'a100-40gb'],
    ['4090', 'rtx-4090'],
    ['MI300X', 'mi300x'],
  ])('%s → %s', (text, id) => {
    expect(parseGpu(text).id).toBe(id);
    expect(findGpu(text)?.id).toBe(id);
  });

  it('suggests close names for a typo', () => {
    try {
      parseGpu('h10');
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.code).toBe('calc/unknown-gpu');
      expect(isUserError(error) && error.suggestions).toContain('h100');
    }
  });

  it('returns a GPU or throws UserError for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.constantFrom('constructor', '__proto__', 'h100 ', 'NVIDIA'),
        ),
        (raw) => {
          try {
            return parseGpu(raw).memoryBytes > 0;
          } catch (error) {
            return isUserError(error);
          }
        },
      ),
      { seed: 7, numRuns: 1000 },
    );
  });
});
