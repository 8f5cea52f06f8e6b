/**
 * The Gamma function for positive arguments (Lanczos approximation, g = 7, 9 coefficients; relative error
 * ≈ 1e-15). Private helper of `scaling.ts`.
 *
 * @module
 */

const G = 7;
const C = [
  0.99999999999980993,
  676.5203681218851,
  -1259.1392167224028,
  771.32342877765313,
  -176.61502916214059,
  12.507343278686905,
  -0.13857109526572012,
  9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** $\Gamma(x)$ for $x > 0$. */
export function gamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`gamma: expected x > 0, got ${x}`);
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const z = x - 1;
  let a = C[0];
  const t = z + G + 0.5;
  for (let i = 1; i < G + 2; i++) a += C[i] / (z + i);
  return Math.sqrt(2 * Math.PI) * t ** (z + 0.5) * Math.exp(-t) * a;
}
