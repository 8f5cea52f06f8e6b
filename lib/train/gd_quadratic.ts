/**
 * Full-batch gradient descent on a quadratic $L(w) = \tfrac12 w^\top H w - b^\top w$ in float64.
 *
 * For least squares, $L(w) = \frac{1}{2n}\|Xw-y\|^2$ gives $H = X^\top X/n$ and $b = X^\top y/n$
 * ({@linkcode leastSquaresQuadratic}). Plain `Float64Array` loops: for d ≤ 64 one step costs ~4k
 * multiply-adds, far below tfjs's per-op dispatch cost, and float64 lets notebook 01 check the exact
 * solution to 1e-4 (DESIGN.md, "Linear algebra"). Introduced in notebook 01.
 *
 * @module
 */
import { type Divergence, divergenceWatch } from "./_divergence.ts";
import type { MatrixLike } from "../linalg/mod.ts";

/** A quadratic objective: Hessian `H` `[d, d]` and linear term `b` `[d]`. */
export interface Quadratic {
  H: Float64Array;
  b: Float64Array;
  d: number;
}

/** $H = X^\top X / n$, $b = X^\top y / n$ for `X` `[n, d]`. */
export function leastSquaresQuadratic(X: MatrixLike, y: ArrayLike<number>): Quadratic {
  const n = X.length, d = X[0]?.length ?? 0;
  if (y.length !== n) {
    throw new RangeError(`leastSquaresQuadratic: X has ${n} rows but y has ${y.length} entries`);
  }
  const H = new Float64Array(d * d), b = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const row = X[i];
    for (let j = 0; j < d; j++) {
      const xj = row[j] / n;
      b[j] += xj * y[i];
      for (let k = 0; k < d; k++) H[j * d + k] += xj * row[k];
    }
  }
  return { H, b, d };
}

/** Options of {@linkcode gradientDescent}. */
export interface GdOptions {
  eta: number;
  steps: number;
  /** Start. Default: zeros. */
  w0?: ArrayLike<number>;
  /** Steps at which to keep a copy of w (0 = the start). Default: none. */
  snapshots?: number[];
}

/** Trajectory of {@linkcode gradientDescent}. */
export interface GdRun {
  w: Float64Array;
  /** w at each requested step. */
  snapshots: Map<number, Float64Array>;
  /** $\tfrac12 w^\top H w - b^\top w$ at steps 0..steps. */
  objective: Float64Array;
  /** Set when the objective went non-finite or grew 10⁶-fold in size (lib/train/_divergence.ts). */
  divergence?: Divergence;
}

/** $w_{t+1} = w_t - \eta (H w_t - b)$, `steps` times. */
export function gradientDescent(q: Quadratic, options: GdOptions): GdRun {
  const { H, b, d } = q;
  const w = options.w0 ? Float64Array.from(options.w0) : new Float64Array(d);
  if (w.length !== d) throw new RangeError(`gradientDescent: w0 has ${w.length} entries, expected ${d}`);
  const want = new Set(options.snapshots ?? []);
  const snapshots = new Map<number, Float64Array>();
  const objective = new Float64Array(options.steps + 1);
  const g = new Float64Array(d);
  const watch = divergenceWatch();
  for (let t = 0; t <= options.steps; t++) {
    let value = 0;
    for (let j = 0; j < d; j++) {
      let hw = 0;
      for (let k = 0; k < d; k++) hw += H[j * d + k] * w[k];
      g[j] = hw - b[j];
      value += w[j] * (0.5 * hw - b[j]);
    }
    objective[t] = value;
    watch.check(t, value);
    if (want.has(t)) snapshots.set(t, w.slice());
    if (t === options.steps) break;
    for (let j = 0; j < d; j++) w[j] -= options.eta * g[j];
  }
  const divergence = watch.divergence;
  return { w, snapshots, objective, ...(divergence ? { divergence } : {}) };
}

/** `H` as a `number[][]` (for the eigensolver). */
export function hessianRows(q: Quadratic): number[][] {
  return Array.from({ length: q.d }, (_, j) => Array.from(q.H.subarray(j * q.d, (j + 1) * q.d)));
}
