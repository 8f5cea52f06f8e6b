/**
 * Seeded randomness for data and initialization: the same seed gives the same numbers, on every backend.
 *
 * The generator is SplitMix32-seeded xoshiro128** (Blackman & Vigna 2018, arXiv:1805.01407): fast,
 * 32-bit, statistically sound for simulation. Normals use the Box–Muller transform. Tensors are filled
 * from this generator in JavaScript, so a seed gives identical weights whichever tfjs backend runs.
 *
 * @module
 */

/** A seeded pseudo-random generator. */
export interface Rng {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** `n` i.i.d. N(mean, std²) values as a Float64Array. */
  normals(n: number, std?: number, mean?: number): Float64Array;
  /** `n` i.i.d. uniform values on [low, high). */
  uniforms(n: number, low?: number, high?: number): Float64Array;
  /** A uniformly random permutation of 0..n-1. */
  permutation(n: number): number[];
  /** `k` distinct indices from 0..n-1, in random order. */
  choice(n: number, k: number): number[];
  /** An independent generator derived from this one (for a sub-experiment). */
  fork(): Rng;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A generator seeded by `seed` (any finite number; non-integers are hashed by their bits).
 *
 * @example
 * ```ts
 * import { rng } from "./random.ts";
 * const a = rng(7).normals(3);
 * const b = rng(7).normals(3);
 * if (a.some((v, i) => v !== b[i])) throw new Error("same seed, same numbers");
 * ```
 */
export function rng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`rng(seed): expected a finite number, got ${seed}`);
  const f = new Float64Array([seed]);
  const u = new Uint32Array(f.buffer);
  const init = splitmix32((u[0] ^ Math.imul(u[1], 0x27d4eb2d)) >>> 0);
  let a = init(), b = init(), c = init(), d = init();
  if ((a | b | c | d) === 0) a = 1;
  const next32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  // 53 random bits → a double in [0, 1).
  const uniform = (): number => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u1 = 0;
    while (u1 === 0) u1 = uniform();
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
  const self: Rng = {
    uniform,
    normal,
    int(n: number): number {
      if (!(n >= 1) || !Number.isInteger(n)) {
        throw new RangeError(`int(n): expected a positive integer, got ${n}`);
      }
      return Math.floor(uniform() * n);
    },
    normals(n: number, std = 1, mean = 0): Float64Array {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = mean + std * normal();
      return out;
    },
    uniforms(n: number, low = 0, high = 1): Float64Array {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = low + (high - low) * uniform();
      return out;
    },
    permutation(n: number): number[] {
      const p = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        [p[i], p[j]] = [p[j], p[i]];
      }
      return p;
    },
    choice(n: number, k: number): number[] {
      if (k > n) throw new RangeError(`choice(n, k): cannot draw ${k} distinct indices from ${n}`);
      return self.permutation(n).slice(0, k);
    },
    fork(): Rng {
      return rng(next32() * 4294967296 + next32());
    },
  };
  return self;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
