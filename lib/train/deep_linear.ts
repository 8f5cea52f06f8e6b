/**
 * Full-batch gradient descent on a two-layer linear network $\hat y = W_2 W_1 x$ in float64.
 *
 * Shapes (column convention of Saxe et al.): `W1` `[h, dIn]`, `W2` `[dOut, h]`, end-to-end map
 * $W = W_2W_1$ `[dOut, dIn]`. The loss $L = \tfrac12\mathbb E\|y - W_2W_1x\|^2$ depends on the data only
 * through $\Sigma_{xx} = \mathbb E[xx^\top]$ `[dIn, dIn]`, $\Sigma_{yx} = \mathbb E[yx^\top]$ `[dOut, dIn]` and
 * $\operatorname{tr}\Sigma_{yy}$:
 * $$L = \tfrac12\operatorname{tr}\Sigma_{yy} - \operatorname{tr}(W\Sigma_{yx}^\top) + \tfrac12\operatorname{tr}(W\Sigma_{xx}W^\top),
 * \qquad G_1 = \partial L/\partial W_1 = W_2^\top E,\quad G_2 = \partial L/\partial W_2 = E\,W_1^\top,$$
 * with $E = W\Sigma_{xx} - \Sigma_{yx}$. So one step costs $O(d^3)$ however many samples there are.
 *
 * **Why plain `Float64Array` loops.** Measured with `tools/dev/deep_linear_bench.ts` on the project's 2-core machine (Deno
 * 2.9; tfjs-wasm 4.22 with the matMul fix, float32), one GD step, shared machine so absolute times are inflated
 * ≈ 2–3×: at $d_{in} = h = d_{out} = 8$ ≈ 30 µs here versus ≈ 450 µs through tfjs (12–17× faster: a step is
 * ~2k multiply-adds, far below tfjs's per-op dispatch cost); at $d = 16$ ≈ 115 µs versus ≈ 560 µs (≈ 5×); at the
 * digits' $64 \to 16 \to 10$ both ≈ 0.4–0.5 ms (a tie). Float64 is also what lets notebook 02 check the
 * balancedness identity ({@linkcode deepLinearGradients}'s `G1`, `G2`) to ≈ 1e-10 relative; float32 rounding
 * of $W_1W_1^\top$ would be of the order of the per-step change itself.
 *
 * Reference: Saxe, McClelland & Ganguli 2014, arXiv:1312.6120. Introduced in notebook 02.
 *
 * @module
 */
import { type Divergence, divergenceWatch } from "./_divergence.ts";
import { matmul, type Matrix, type MatrixLike, randomOrthogonal, transpose } from "../linalg/mod.ts";
import { rng } from "../random.ts";
import { checkInterrupt } from "../interrupt.ts";

/** Sufficient statistics of a regression problem for a linear network. */
export interface DeepLinearProblem {
  dIn: number;
  dOut: number;
  /** $\Sigma_{xx}$ `[dIn, dIn]`, row-major flat. */
  sigmaXX: Float64Array;
  /** $\Sigma_{yx}$ `[dOut, dIn]`, row-major flat. */
  sigmaYX: Float64Array;
  /** $\operatorname{tr}\Sigma_{yy} = \mathbb E\|y\|^2$ (sets the loss offset). */
  traceYY: number;
}

/**
 * The problem of samples `X` `[n, dIn]`, `Y` `[n, dOut]`: $\Sigma_{xx} = X^\top X/n$, $\Sigma_{yx} = Y^\top X/n$.
 *
 * @example
 * ```ts
 * import { deepLinearProblemFromData } from "./deep_linear.ts";
 * const p = deepLinearProblemFromData([[1, 0], [0, 1]], [[2], [4]]);
 * if (p.sigmaYX[0] !== 1 || p.sigmaYX[1] !== 2 || p.traceYY !== 10) throw new Error("Σyx = [1, 2], tr Σyy = 10");
 * ```
 */
export function deepLinearProblemFromData(X: MatrixLike, Y: MatrixLike): DeepLinearProblem {
  const n = X.length;
  if (n === 0 || Y.length !== n) {
    throw new RangeError(
      `deepLinearProblemFromData: expected X and Y with the same (positive) number of rows, got ${n} and ${Y.length}`,
    );
  }
  const dIn = X[0].length, dOut = Y[0].length;
  const sigmaXX = new Float64Array(dIn * dIn), sigmaYX = new Float64Array(dOut * dIn);
  let traceYY = 0;
  for (let i = 0; i < n; i++) {
    const x = X[i], y = Y[i];
    for (let a = 0; a < dIn; a++) {
      const xa = x[a] / n;
      for (let b = 0; b < dIn; b++) sigmaXX[a * dIn + b] += xa * x[b];
    }
    for (let o = 0; o < dOut; o++) {
      const yo = y[o] / n;
      traceYY += yo * y[o];
      for (let b = 0; b < dIn; b++) sigmaYX[o * dIn + b] += yo * x[b];
    }
  }
  return { dIn, dOut, sigmaXX, sigmaYX, traceYY };
}

/**
 * A whitened problem ($\Sigma_{xx} = I$) with a planted input–output map $\Sigma_{yx} = M$ `[dOut, dIn]`,
 * noise-free ($y = Mx$, so $\operatorname{tr}\Sigma_{yy} = \|M\|_F^2$ and $L = \tfrac12\|W - M\|_F^2$).
 */
export function deepLinearProblemFromMap(M: MatrixLike): DeepLinearProblem {
  const dOut = M.length, dIn = M[0]?.length ?? 0;
  if (dOut === 0 || dIn === 0) {
    throw new RangeError(`deepLinearProblemFromMap: expected a non-empty [dOut, dIn] matrix`);
  }
  const sigmaXX = new Float64Array(dIn * dIn);
  for (let a = 0; a < dIn; a++) sigmaXX[a * dIn + a] = 1;
  const sigmaYX = Float64Array.from(M.flatMap((row) => Array.from(row)));
  return { dIn, dOut, sigmaXX, sigmaYX, traceYY: sigmaYX.reduce((s, v) => s + v * v, 0) };
}

/** A planted whitened problem and the singular vectors of its map. */
export interface PlantedDeepLinear {
  problem: DeepLinearProblem;
  /** $M = USV^\top$ `[dOut, dIn]`. */
  map: Matrix;
  /** `[dOut, dOut]` orthogonal; its first `r` columns are the left singular vectors $u_\alpha$. */
  U: Matrix;
  /** `[dIn, dIn]` orthogonal; its first `r` columns are the right singular vectors $v_\alpha$. */
  V: Matrix;
}

/**
 * A whitened problem with planted map $M = U\,\mathrm{diag}(s)\,V^\top$, Haar-random `U`, `V` from `seed`,
 * and the given singular values `s` `[r]`, r ≤ min(dIn, dOut) (in the order given: mode α has `s[α]`).
 *
 * @example
 * ```ts
 * import { plantedDeepLinearProblem } from "./deep_linear.ts";
 * const { problem } = plantedDeepLinearProblem([3, 1], { dIn: 4, dOut: 3, seed: 0 });
 * if (Math.abs(problem.traceYY - 10) > 1e-12) throw new Error("‖M‖² = 9 + 1");
 * ```
 */
export function plantedDeepLinearProblem(
  singularValues: ArrayLike<number>,
  options: { dIn: number; dOut: number; seed: number },
): PlantedDeepLinear {
  const { dIn, dOut } = options;
  const r = singularValues.length;
  if (r > Math.min(dIn, dOut)) {
    throw new RangeError(
      `plantedDeepLinearProblem: expected at most min(dIn, dOut) = ${
        Math.min(dIn, dOut)
      } singular values, got ${r}`,
    );
  }
  const g = rng(options.seed);
  const U = randomOrthogonal(dOut, g), V = randomOrthogonal(dIn, g);
  const S = Array.from(
    { length: dOut },
    (_, i) => Array.from({ length: dIn }, (_, j) => (i === j && i < r ? singularValues[i] : 0)),
  );
  const map = matmul(matmul(U, S), transpose(V));
  return { problem: deepLinearProblemFromMap(map), map, U, V };
}

/** Loss and gradients at one point, returned by {@linkcode deepLinearGradients}. */
export interface DeepLinearGradients {
  loss: number;
  /** $\partial L/\partial W_1$ `[h, dIn]`. */
  G1: Matrix;
  /** $\partial L/\partial W_2$ `[dOut, h]`. */
  G2: Matrix;
}

/** Dimensions and flat copies of a weight pair, with checks. */
function flatten(
  problem: DeepLinearProblem,
  W1: MatrixLike,
  W2: MatrixLike,
): { h: number; w1: Float64Array; w2: Float64Array } {
  const h = W1.length;
  if (h === 0 || W1[0].length !== problem.dIn || W1.some((r) => r.length !== problem.dIn)) {
    throw new RangeError(
      `deep linear network: expected W1 of shape [h, ${problem.dIn}], got [${W1.length}, ${W1[0]?.length}]`,
    );
  }
  if (W2.length !== problem.dOut || W2.some((r) => r.length !== h)) {
    throw new RangeError(
      `deep linear network: expected W2 of shape [${problem.dOut}, ${h}], got [${W2.length}, ${
        W2[0]?.length
      }]`,
    );
  }
  return {
    h,
    w1: Float64Array.from(W1.flatMap((r) => Array.from(r))),
    w2: Float64Array.from(W2.flatMap((r) => Array.from(r))),
  };
}

function rows(flat: Float64Array, r: number, c: number): Matrix {
  return Array.from({ length: r }, (_, i) => Array.from(flat.subarray(i * c, (i + 1) * c)));
}

/** Workspace and the step kernel: fills `g1`, `g2`, `w` (= W2W1) and returns the loss. */
function makeKernel(p: DeepLinearProblem, h: number) {
  const { dIn, dOut, sigmaXX, sigmaYX } = p;
  const w = new Float64Array(dOut * dIn), e = new Float64Array(dOut * dIn);
  const g1 = new Float64Array(h * dIn), g2 = new Float64Array(dOut * h);
  const kernel = (w1: Float64Array, w2: Float64Array): number => {
    w.fill(0);
    for (let o = 0; o < dOut; o++) {
      for (let k = 0; k < h; k++) {
        const a = w2[o * h + k];
        for (let i = 0; i < dIn; i++) w[o * dIn + i] += a * w1[k * dIn + i];
      }
    }
    let loss = 0.5 * p.traceYY;
    for (let o = 0; o < dOut; o++) {
      for (let i = 0; i < dIn; i++) {
        let s = 0;
        for (let j = 0; j < dIn; j++) s += w[o * dIn + j] * sigmaXX[j * dIn + i];
        const oi = o * dIn + i;
        loss += w[oi] * (0.5 * s - sigmaYX[oi]);
        e[oi] = s - sigmaYX[oi];
      }
    }
    g1.fill(0);
    for (let o = 0; o < dOut; o++) {
      for (let k = 0; k < h; k++) {
        const a = w2[o * h + k];
        for (let i = 0; i < dIn; i++) g1[k * dIn + i] += a * e[o * dIn + i];
      }
    }
    for (let o = 0; o < dOut; o++) {
      for (let k = 0; k < h; k++) {
        let s = 0;
        for (let i = 0; i < dIn; i++) s += e[o * dIn + i] * w1[k * dIn + i];
        g2[o * h + k] = s;
      }
    }
    return loss;
  };
  return { kernel, w, g1, g2 };
}

/**
 * Loss $L$ and gradients $G_1 = W_2^\top E$, $G_2 = EW_1^\top$ at (`W1`, `W2`).
 *
 * @example
 * ```ts
 * import { deepLinearGradients, deepLinearProblemFromMap } from "./deep_linear.ts";
 * const p = deepLinearProblemFromMap([[3]]);         // L = ½(3 − w2 w1)²
 * const { loss, G1, G2 } = deepLinearGradients(p, [[1]], [[2]]);
 * if (loss !== 0.5 || G1[0][0] !== -2 || G2[0][0] !== -1) throw new Error("L = ½, G1 = −2, G2 = −1");
 * ```
 */
export function deepLinearGradients(
  problem: DeepLinearProblem,
  W1: MatrixLike,
  W2: MatrixLike,
): DeepLinearGradients {
  const { h, w1, w2 } = flatten(problem, W1, W2);
  const { kernel, g1, g2 } = makeKernel(problem, h);
  const loss = kernel(w1, w2);
  return { loss, G1: rows(g1, h, problem.dIn), G2: rows(g2, problem.dOut, h) };
}

/** Options of {@linkcode trainDeepLinear}. */
export interface DeepLinearTrainOptions {
  /** Initial `W1` `[h, dIn]`. */
  W1: MatrixLike;
  /** Initial `W2` `[dOut, h]`. */
  W2: MatrixLike;
  eta: number;
  steps: number;
  /** Keep the end-to-end map $W_2W_1$ every `every` steps (and at the last). Default: only at 0 and the end. */
  every?: number;
  /** Called before every update with the step, copies of the current weights and their gradients. */
  onStep?: (step: number, state: { W1: Matrix; W2: Matrix; G1: Matrix; G2: Matrix }) => void;
}

/** Trajectory of {@linkcode trainDeepLinear}. */
export interface DeepLinearRun {
  /** Final weights. */
  W1: Matrix;
  W2: Matrix;
  /** $L$ at steps 0..steps `[steps + 1]`. */
  loss: Float64Array;
  /** Steps at which `maps` were kept. */
  mapSteps: number[];
  /** $W_2W_1$ `[dOut, dIn]` at each of `mapSteps`. */
  maps: Matrix[];
  /** Set when the loss went non-finite or grew 10⁶-fold (lib/train/_divergence.ts). */
  divergence?: Divergence;
}

/**
 * `steps` steps of $W_1 \leftarrow W_1 - \eta G_1$, $W_2 \leftarrow W_2 - \eta G_2$ (both from the same point).
 * Gradient-flow time after $k$ steps is $t = k\eta$.
 *
 * @example
 * ```ts
 * import { deepLinearProblemFromMap, trainDeepLinear } from "./deep_linear.ts";
 * const run = trainDeepLinear(deepLinearProblemFromMap([[2, 0], [0, 1]]), {
 *   W1: [[0.1, 0], [0, 0.1]], W2: [[0.1, 0], [0, 0.1]], eta: 0.05, steps: 2000,
 * });
 * if (Math.abs(run.maps[1][0][0] - 2) > 1e-6) throw new Error("learns the map");
 * ```
 */
export function trainDeepLinear(problem: DeepLinearProblem, options: DeepLinearTrainOptions): DeepLinearRun {
  const { eta, steps } = options;
  if (!(eta > 0) || !Number.isInteger(steps) || steps < 0) {
    throw new RangeError(
      `trainDeepLinear: expected eta > 0 and an integer steps ≥ 0, got eta = ${eta}, steps = ${steps}`,
    );
  }
  const every = options.every ?? Math.max(steps, 1);
  const { h, w1, w2 } = flatten(problem, options.W1, options.W2);
  const { dIn, dOut } = problem;
  const { kernel, w, g1, g2 } = makeKernel(problem, h);
  const loss = new Float64Array(steps + 1);
  const mapSteps: number[] = [], maps: Matrix[] = [];
  const watch = divergenceWatch();
  for (let t = 0; t <= steps; t++) {
    checkInterrupt("trainDeepLinear", t);
    loss[t] = kernel(w1, w2);
    watch.check(t, loss[t]);
    if (t % every === 0 || t === steps) {
      mapSteps.push(t);
      maps.push(rows(w, dOut, dIn));
    }
    if (t === steps) break;
    options.onStep?.(t, {
      W1: rows(w1, h, dIn),
      W2: rows(w2, dOut, h),
      G1: rows(g1, h, dIn),
      G2: rows(g2, dOut, h),
    });
    for (let k = 0; k < w1.length; k++) w1[k] -= eta * g1[k];
    for (let k = 0; k < w2.length; k++) w2[k] -= eta * g2[k];
  }
  const divergence = watch.divergence;
  return {
    W1: rows(w1, h, dIn),
    W2: rows(w2, dOut, h),
    loss,
    mapSteps,
    maps,
    ...(divergence ? { divergence } : {}),
  };
}
