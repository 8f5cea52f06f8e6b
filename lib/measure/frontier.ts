/**
 * Reading the compute-optimal frontier off a loss surface $L(t, N)$, the "IsoFLOP" way (Hoffmann et al. 2022,
 * arXiv:2203.15556, §3.2; notebook 09).
 *
 * For each compute budget $C = N\,t$, evaluate $L(C/N, N)$ over a grid of model sizes, take the best, and refine
 * it with a parabola through the best grid point and its two neighbours in $\ln N$. Budgets whose best size is
 * at the edge of the grid are dropped (the optimum is then not bracketed).
 *
 * @module
 */

/** The frontier found by {@linkcode computeOptimalFrontier}. */
export interface Frontier {
  /** Budgets $C$ whose optimum is bracketed by the size grid. */
  compute: number[];
  /** Best loss $L^\star(C)$ (value of the parabola at its vertex). */
  loss: number[];
  /** Best size $N_{\rm opt}(C)$ (vertex of the parabola). */
  size: number[];
  /** Best number of steps $t_{\rm opt} = C/N_{\rm opt}$. */
  steps: number[];
}

/**
 * The compute-optimal frontier of `lossAt(t, n)` over model sizes `sizes` (increasing) and budgets `computes`.
 * Sizes with $t = C/N < 1$ are skipped for that budget.
 *
 * @example
 * ```ts
 * import { computeOptimalFrontier } from "./frontier.ts";
 * // L = 1/t + 1/N is minimized at N = t = √C, where L* = 2/√C.
 * const sizes = Array.from({ length: 41 }, (_, i) => 2 ** (i / 4));
 * const f = computeOptimalFrontier((t, n) => 1 / t + 1 / n, { sizes, computes: [16, 64, 256] });
 * if (Math.abs(f.size[1] - 8) > 0.1 || Math.abs(f.loss[1] - 0.25) > 1e-3) throw new Error("N_opt = 8 at C = 64");
 * ```
 */
export function computeOptimalFrontier(
  lossAt: (t: number, n: number) => number,
  options: { sizes: number[]; computes: number[] },
): Frontier {
  const { sizes, computes } = options;
  if (sizes.length < 3) {
    throw new RangeError(`computeOptimalFrontier: expected at least 3 sizes, got ${sizes.length}`);
  }
  for (let i = 1; i < sizes.length; i++) {
    if (!(sizes[i] > sizes[i - 1])) {
      throw new RangeError(
        `computeOptimalFrontier: expected increasing sizes, got ${sizes[i - 1]}, ${sizes[i]}`,
      );
    }
  }
  const out: Frontier = { compute: [], loss: [], size: [], steps: [] };
  const logN = sizes.map(Math.log);
  for (const c of computes) {
    const values = sizes.map((n) => (c / n >= 1 ? lossAt(c / n, n) : Infinity));
    let best = 0;
    for (let i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
    if (best === 0 || best === values.length - 1 || !Number.isFinite(values[best - 1])) continue;
    // Parabola through (x_j, ln L_j), j = best − 1 … best + 1 (unequal spacing allowed).
    const [x0, x1, x2] = [logN[best - 1], logN[best], logN[best + 1]];
    const [y0, y1, y2] = [Math.log(values[best - 1]), Math.log(values[best]), Math.log(values[best + 1])];
    const d01 = (y1 - y0) / (x1 - x0), d12 = (y2 - y1) / (x2 - x1);
    const a = (d12 - d01) / (x2 - x0); // curvature / 2
    let xv = x1, yv = y1;
    if (a > 0) {
      const slopeAt1 = d01 + a * (x1 - x0); // derivative at x1
      xv = x1 - slopeAt1 / (2 * a);
      yv = y1 - (slopeAt1 * slopeAt1) / (4 * a);
    }
    out.compute.push(c);
    out.loss.push(Math.exp(yv));
    out.size.push(Math.exp(xv));
    out.steps.push(c / Math.exp(xv));
  }
  return out;
}
