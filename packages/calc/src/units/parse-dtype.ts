import { closestNames, UserError } from '@mlsys/errors';
import { lookup } from './read-quantity.js';

/** The element types a calculator distinguishes (weights, KV cache, activations). */
export type DtypeId = 'fp32' | 'fp16' | 'bf16' | 'fp8' | 'int8' | 'int4';

/** An element type with its storage size. */
export interface Dtype {
  id: DtypeId;
  /** Bytes per element (int4 = 0.5), without quantisation scales. */
  bytes: number;
  /** Display name, e.g. `fp8 (e4m3)`. */
  label: string;
}

/** Bytes per element of each dtype (IEEE 754 binary32/binary16, bfloat16, OCP FP8, integer formats). */
export const DTYPE_BYTES: Readonly<Record<DtypeId, number>> = {
  fp32: 4,
  fp16: 2,
  bf16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
};

// Spellings people type, after lower-casing and removing "-", "_", " " and ".".
const ALIASES: Record<string, { id: DtypeId; label?: string }> = {
  fp32: { id: 'fp32' },
  float32: { id: 'fp32' },
  f32: { id: 'fp32' },
  float: { id: 'fp32' },
  fp16: { id: 'fp16' },
  float16: { id: 'fp16' },
  f16: { id: 'fp16' },
  half: { id: 'fp16' },
  bf16: { id: 'bf16' },
  bfloat16: { id: 'bf16' },
  fp8: { id: 'fp8' },
  float8: { id: 'fp8' },
  f8: { id: 'fp8' },
  e4m3: { id: 'fp8', label: 'fp8 (e4m3)' },
  fp8e4m3: { id: 'fp8', label: 'fp8 (e4m3)' },
  float8e4m3: { id: 'fp8', label: 'fp8 (e4m3)' },
  float8e4m3fn: { id: 'fp8', label: 'fp8 (e4m3)' },
  e5m2: { id: 'fp8', label: 'fp8 (e5m2)' },
  fp8e5m2: { id: 'fp8', label: 'fp8 (e5m2)' },
  float8e5m2: { id: 'fp8', label: 'fp8 (e5m2)' },
  int8: { id: 'int8' },
  i8: { id: 'int8' },
  int4: { id: 'int4' },
  i4: { id: 'int4' },
};

/** The dtype with this id. */
export function dtypeOf(id: DtypeId): Dtype {
  return { id, bytes: DTYPE_BYTES[id], label: id };
}

/**
 * Reads an element type: `fp32`/`float32`, `fp16`/`half`, `bf16`, `fp8` (`e4m3`, `e5m2`), `int8`,
 * `int4` → its bytes per element (4, 2, 2, 1, 1, 0.5).
 *
 * @throws UserError naming the text, with close spellings, for anything else.
 */
export function parseDtype(raw: string): Dtype {
  const text = raw.trim();
  const key = text.toLowerCase().replace(/[-_ .]/g, '');
  const entry = text.length <= 32 ? lookup(ALIASES, key) : undefined;
  if (entry === undefined) {
    const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
    throw new UserError(
      'calc/bad-dtype',
      `Unknown data type "${shown}". Known: fp32, fp16, bf16, fp8, int8, int4.`,
      {
        example: 'dtype=fp8',
        suggestions: closestNames(key.slice(0, 32), Object.keys(DTYPE_BYTES)),
      },
    );
  }
  return { id: entry.id, bytes: DTYPE_BYTES[entry.id], label: entry.label ?? entry.id };
}
