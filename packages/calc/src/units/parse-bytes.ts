import { checkBounds } from './parse-number.js';
import { fail, lookup, readQuantity, type ValueKind } from './read-quantity.js';

/** The largest size accepted: 10^18 B (1 EB). */
export const MAX_BYTES = 1e18;

const KIND: ValueKind = { code: 'calc/bad-size', what: 'a memory size', example: '80GB or 80GiB' };

// Decimal units (GPU data sheets) and binary units (what nvidia-smi and allocators report).
const SCALE: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
  pib: 1024 ** 5,
};

/**
 * Reads a memory size in bytes: `80GB` → 8e10 (GB = 10^9, as on data sheets), `80GiB` → 80·2^30,
 * `192 GB`. A unit is required, because a bare `80` could mean either.
 *
 * @throws UserError for a missing or unknown unit (`80G` asks for GB or GiB), zero, negatives, or
 *   more than {@link MAX_BYTES}.
 */
export function parseBytes(raw: string): number {
  const text = raw.trim();
  const quantity = readQuantity(text, KIND);
  if (quantity.unit === '') throw fail(KIND, `"${text}" needs a unit: GB (10^9 B) or GiB (2^30 B).`);
  const scale = lookup(SCALE, quantity.unit);
  if (scale === undefined) {
    throw fail(
      KIND,
      `"${text}" has an unknown unit "${quantity.rawUnit}"; use B, KB/KiB, MB/MiB, GB/GiB or TB/TiB.`,
    );
  }
  return checkBounds(quantity.value * scale, text, { min: 0, minExclusive: true, max: MAX_BYTES }, KIND);
}
