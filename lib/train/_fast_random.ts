/**
 * Fast seeded streams of uniforms and standard normals for simulations that draw tens of millions of them
 * (online SGD in notebook 08, quanta sampling in notebook 09). The course's `rng(seed).normal()` costs
 * ≈ 100–300 ns per draw; these streams, an SFC32 generator (Chris Doty-Humphrey's PractRand "small fast
 * counting" generator) and, for normals, Marsaglia's polar method, cost ≈ 10–90 ns. They are seeded through
 * `rng(seed)`, so the same seed gives the same numbers.
 *
 * @module
 */
import { rng } from "../random.ts";

/** A function returning i.i.d. N(0, 1) draws. */
export type NormalSource = () => number;

/** SFC32: a function returning uniformly random signed 32-bit integers. */
function sfc32(seed: number): () => number {
  const init = rng(seed);
  let a = init.int(4294967296) | 0, b = init.int(4294967296) | 0, c = init.int(4294967296) | 0, d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A seeded stream of uniform draws on [0, 1) (32 random bits each). */
export function uniformSource(seed: number): () => number {
  const next = sfc32(seed);
  return (): number => (next() >>> 0) * 2.3283064365386963e-10;
}

/** A seeded N(0, 1) stream (SFC32 + polar method). */
export function normalSource(seed: number): NormalSource {
  const next = sfc32(seed);
  let spare = 0, hasSpare = false;
  return (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    for (;;) {
      // Two signed 32-bit integers scaled to (−1, 1).
      const u = next() * 4.656612873077393e-10, v = next() * 4.656612873077393e-10;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * f;
      hasSpare = true;
      return u * f;
    }
  };
}
