import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { fromFloat16Bits, toFloat16Bits } from './float16.js';
import { attr, createGraphBuilder } from './graph-builder.js';
import { ProtobufWriter } from './protobuf-writer.js';

describe('ProtobufWriter', () => {
  it.each([
    // Values from the protobuf encoding guide (https://protobuf.dev/programming-guides/encoding/):
    // 150 → 96 01; field 1 = 150 → 08 96 01; -1 as int64 → ten bytes ending in 01.
    [1, 150, [0x08, 0x96, 0x01]],
    [1, 1, [0x08, 0x01]],
    [2, -1, [0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]],
  ])('encodes field %i = %i as varint', (field, value, bytes) => {
    expect([...new ProtobufWriter().int(field, value).finish()]).toEqual(bytes);
  });

  it('encodes a string with its length prefix (guide: field 2 = "testing" → 12 07 74 65 73 74 69 6e 67)', () => {
    expect([...new ProtobufWriter().string(2, 'testing').finish()]).toEqual([
      0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67,
    ]);
  });

  it('encodes a float as 4 little-endian bytes with wire type 5', () => {
    expect([...new ProtobufWriter().float(2, 1).finish()]).toEqual([0x15, 0x00, 0x00, 0x80, 0x3f]);
  });
});

describe('float16 bits', () => {
  it.each([
    // IEEE 754 binary16 reference patterns: 1 = 0x3c00, -2 = 0xc000, 65504 = max = 0x7bff,
    // 2^-24 = smallest subnormal = 0x0001, 1/3 → 0x3555 (round to nearest).
    [1, 0x3c00],
    [-2, 0xc000],
    [65504, 0x7bff],
    [2 ** -24, 0x0001],
    [1 / 3, 0x3555],
    [1e6, 0x7c00],
  ])('%d ↔ 0x%s', (value, bits) => {
    expect(toFloat16Bits(value)).toBe(bits);
    if (Number.isFinite(fromFloat16Bits(bits)) && value !== 1 / 3) expect(fromFloat16Bits(bits)).toBe(value);
  });
});

describe('createGraphBuilder', () => {
  it('builds a MatMul + Add model that onnxruntime loads and runs', async () => {
    const g = createGraphBuilder({ name: 'linear' });
    const x = g.input('x', 'float32', ['batch', 2]);
    const w = g.constant('w', 'float32', [2, 3], [1, 2, 3, 4, 5, 6]);
    const b = g.constant('b', 'float32', [3], Float32Array.of(0.5, -0.5, 1));
    const y = g.node('Add', [g.node('MatMul', [x, w]), b], {}, { outputs: ['y'] });
    g.output(y, 'float32', ['batch', 3]);
    expect(g.opTypes()).toEqual(['MatMul', 'Add']);

    const session = await ort.InferenceSession.create(g.build());
    const feeds = { x: new ort.Tensor('float32', Float32Array.of(1, 1, 2, -1), [2, 2]) };
    const { y: out } = await session.run(feeds);
    // [1,1]·W = [5,7,9] + b; [2,-1]·W = [-2,-1,0] + b
    expect([...(out!.data as Float32Array)]).toEqual([5.5, 6.5, 10, -1.5, -1.5, 1]);
    expect(out!.dims).toEqual([2, 3]);
    await session.release();
  });

  it('writes negative int attributes, float attributes, int64 constants and com.microsoft nodes', async () => {
    const g = createGraphBuilder({ name: 'attributes' });
    const x = g.input('x', 'float32', [2, 3]);
    const scaled = g.node('Mul', [x, g.constant('half', 'float32', [], [0.5])]);
    const soft = g.node('Softmax', [scaled], { axis: -1 });
    const [values, indices] = g.nodeOutputs('TopK', [soft, g.constant('k', 'int64', [1], [2])], 2, {
      axis: -1,
      largest: 1,
    });
    const gelu = g.node('Gelu', [x], {}, { domain: 'com.microsoft' });
    const clipped = g.node('LeakyRelu', [x], { alpha: attr.float(0.25) });
    g.output(values!, 'float32', [2, 2]);
    g.output(indices!, 'int64', [2, 2]);
    g.output(gelu, 'float32', [2, 3]);
    g.output(clipped, 'float32', [2, 3]);

    const session = await ort.InferenceSession.create(g.build());
    const input = Float32Array.of(0, 2, 4, -4, -2, 0);
    const out = await session.run({ x: new ort.Tensor('float32', input, [2, 3]) });
    const idx = out[indices!]!.data as BigInt64Array;
    expect(idx).toBeInstanceOf(BigInt64Array);
    expect([...idx]).toEqual([2n, 1n, 2n, 1n]);
    const top = out[values!]!.data as Float32Array;
    const e = Math.E;
    expect(top[0]).toBeCloseTo(e ** 2 / (1 + e + e ** 2), 6);
    expect([...(out[clipped]!.data as Float32Array)]).toEqual([0, 2, 4, -1, -0.5, 0]);
    expect((out[gelu]!.data as Float32Array)[1]).toBeCloseTo(1.9545, 4); // GELU(2) = 2·Φ(2) = 1.95450
    await session.release();
  });

  it('rejects a non-integer bare number attribute and undefined inputs', () => {
    const g = createGraphBuilder({ name: 'bad' });
    const x = g.input('x', 'float32', [1]);
    expect(() => g.node('LeakyRelu', [x], { alpha: 0.5 })).toThrow(/attr\.float/);
    expect(() => g.node('Add', [x, 'nope'])).toThrow(/before it is defined/);
    expect(() => g.input('x', 'float32', [1])).toThrow(/used twice/);
  });

  it('builds If branches as subgraphs that read the enclosing graph by name', async () => {
    const g = createGraphBuilder({ name: 'branches' });
    const x = g.input('x', 'float32', [2]);
    const flag = g.input('flag', 'bool', []);
    const then = g.subgraph('double');
    then.output(then.node('Mul', [x, then.constant('two', 'float32', [], [2])]), 'float32', [2]);
    const otherwise = g.subgraph('negate');
    otherwise.output(otherwise.node('Neg', [x]), 'float32', [2]);
    expect(() => then.constant('x', 'float32', [], [0])).toThrow(/used twice/);
    const y = g.node('If', [flag], { then_branch: attr.graph(then), else_branch: attr.graph(otherwise) });
    g.output(y, 'float32', [2]);

    const session = await ort.InferenceSession.create(g.build());
    const run = async (value: boolean) => {
      const feeds = {
        x: new ort.Tensor('float32', Float32Array.of(1.5, -3), [2]),
        flag: new ort.Tensor('bool', Uint8Array.of(value ? 1 : 0), []),
      };
      return [...((await session.run(feeds))[y]!.data as Float32Array)];
    };
    expect(await run(true)).toEqual([3, -6]);
    expect(await run(false)).toEqual([-1.5, 3]);
    await session.release();
  });
});
