/**
 * Points on the sphere of radius $\sqrt d$ in $\mathbb R^d$, where every coordinate is $O(1)$ and
 * $x\cdot x'/d = \cos\angle(x, x')$: the inputs of the NTK experiments (Jacot et al. 2018, arXiv:1806.07572,
 * use the unit circle). Introduced in notebook 05.
 *
 * @module
 */
import type { Matrix } from "../linalg/matrix.ts";
import { rng } from "../random.ts";

function checkDims(where: string, n: number, d: number): void {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 2) {
    throw new RangeError(`${where}: expected integers n ≥ 1 and d ≥ 2, got n = ${n}, d = ${d}`);
  }
}

/**
 * `n` points drawn uniformly from the sphere $\{x\in\mathbb R^d: \|x\| = \sqrt d\}$, as rows `[n, d]`.
 *
 * @example
 * ```ts
 * import { spherePoints } from "./sphere.ts";
 * const [x] = spherePoints(1, 8, { seed: 0 });
 * if (Math.abs(x.reduce((s, v) => s + v * v, 0) - 8) > 1e-12) throw new Error("|x|² = d");
 * ```
 */
export function spherePoints(n: number, d: number, options: { seed: number }): Matrix {
  checkDims("spherePoints", n, d);
  const r = rng(options.seed);
  return Array.from({ length: n }, () => {
    const z = Array.from(r.normals(d));
    const scale = Math.sqrt(d) / Math.hypot(...z);
    return z.map((v) => v * scale);
  });
}

/**
 * `n` points along a random great circle of the same sphere, $x(\gamma) = \sqrt d\,(\cos\gamma\,e + \sin\gamma\,u)$
 * with $e \perp u$ random unit vectors and $\gamma$ evenly spaced in $[0, \pi]$: `x(γ)·x(0)/d = cos γ`.
 * Returns the angles `[n]` and the points `[n, d]`.
 */
export function greatCircle(
  n: number,
  d: number,
  options: { seed: number },
): { angles: number[]; points: Matrix } {
  checkDims("greatCircle", n, d);
  const [e, w] = spherePoints(2, d, options).map((x) => x.map((v) => v / Math.sqrt(d)));
  const dot = e.reduce((s, v, i) => s + v * w[i], 0);
  const u0 = w.map((v, i) => v - dot * e[i]);
  const norm = Math.hypot(...u0);
  const u = u0.map((v) => v / norm);
  const angles = Array.from({ length: n }, (_, k) => (n === 1 ? 0 : (Math.PI * k) / (n - 1)));
  const points = angles.map((g) => e.map((v, i) => Math.sqrt(d) * (Math.cos(g) * v + Math.sin(g) * u[i])));
  return { angles, points };
}
