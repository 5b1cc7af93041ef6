/**
 * Seeded random numbers for kernel inputs, so every run (and every failing property test) can be
 * reproduced from its seed.
 *
 * @module
 */

import type { KernelRandom } from './kernel-definition.js';

/**
 * A seeded generator: mulberry32 for uniforms (Tommy Ettinger's 32-bit generator, public domain) and
 * the Box–Muller transform for normals (Box & Muller, Ann. Math. Statist. 29(2), 1958).
 */
export function createRandom(seed: number): KernelRandom {
  let state = seed >>> 0;
  let spare: number | undefined;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal() {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      const u1 = 1 - uniform(); // (0, 1]: log is finite
      const u2 = uniform();
      const radius = Math.sqrt(-2 * Math.log(u1));
      spare = radius * Math.sin(2 * Math.PI * u2);
      return radius * Math.cos(2 * Math.PI * u2);
    },
  };
}

/** A float32 array of `count` standard-normal values times `scale`. */
export function randomNormalArray(random: KernelRandom, count: number, scale = 1): Float32Array {
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = random.normal() * scale;
  return data;
}
