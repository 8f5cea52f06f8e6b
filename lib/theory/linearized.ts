/**
 * Gradient descent on a linearized network, solved in closed form (Lee et al. 2019, arXiv:1902.06720,
 * §2; Jacot et al. 2018, arXiv:1806.07572).
 *
 * Replace the network by its first-order Taylor expansion around the initialization $\theta_0$,
 * $f^{\rm lin}(\theta, x) = f(\theta_0, x) + \nabla_\theta f(\theta_0, x)\cdot(\theta - \theta_0)$. Its NTK is
 * the constant $K = \hat\Theta_0$, and full-batch GD on $L = \frac1{2n}\sum_i (f(x_i)-y_i)^2$ with
 * learning rate $\eta$ moves the training residual $r_t = f_t(X) - y$ and any output linearly:
 * $$r_{t+1} = \big(I - \tfrac{\eta}{n}K\big) r_t \;\Rightarrow\; r_t = \big(I - \tfrac{\eta}{n}K\big)^t r_0,\qquad
 *   f_t(x) = f_0(x) - K(x, X)\,K^{-1}\Big(I - \big(I - \tfrac{\eta}{n}K\big)^t\Big) r_0 .$$
 * In the eigenbasis $K = V\Lambda V^\top$ the middle factor is $V\,\mathrm{diag}\big((1-(1-\eta\lambda_i/n)^t)/\lambda_i\big)V^\top$,
 * which stays finite (→ $\eta t/n$) as $\lambda_i \to 0$. Introduced in notebook 05.
 *
 * @module
 */
import { eigh } from "../linalg/eigh.ts";
import { checkMatrix, checkSquare } from "../linalg/_check.ts";
import type { MatrixLike } from "../linalg/matrix.ts";

/** Options of {@linkcode linearizedGd}. */
export interface LinearizedGdOptions {
  /** Outputs of the network at initialization on the training inputs `[n]`. */
  f0Train: ArrayLike<number>;
  /** Outputs at initialization on the other inputs `[m]` (rows of `Kcross`). */
  f0Test: ArrayLike<number>;
  /** Training targets `[n]`. */
  y: ArrayLike<number>;
  /** Learning rate $\eta$ (of GD on the loss $\frac1{2n}\sum_i(f-y)^2$). */
  eta: number;
  /** Number of GD steps $t$ (need not be an integer: a continuous time $t$ in units of steps). */
  steps: number;
}

/** Outputs of the linearized model after `steps` GD steps. */
export interface LinearizedGdPrediction {
  /** $f_t(X)$ on the training inputs `[n]`. */
  train: Float64Array;
  /** $f_t(x)$ on the other inputs `[m]`. */
  test: Float64Array;
}

/**
 * Outputs of the linearized network after `steps` steps of full-batch GD (equations above), from the NTK
 * at initialization on the training inputs `K` `[n, n]` and between other inputs and the training inputs
 * `Kcross` `[m, n]`. Uses one symmetric eigendecomposition of `K` (keep n ≤ 400).
 *
 * @throws {RangeError} for mismatched shapes, or a learning rate with $\eta\lambda_i/n \ge 2$ for some mode
 *   (GD on the linearized model would diverge)
 *
 * @example
 * ```ts
 * import { linearizedGd } from "./linearized.ts";
 * // K = [[2]] with n = 1, η = 0.25: the residual shrinks by 1 − 0.5 per step; after 1 step f = 0 + 0.5·(1 − 0) = 0.5.
 * // The test input has K(x, X) = 1, so it moves by K(x,X)/K(X,X) = 1/2 of the training move: 0.25.
 * const p = linearizedGd([[2]], [[1]], { f0Train: [0], f0Test: [0], y: [1], eta: 0.25, steps: 1 });
 * if (Math.abs(p.train[0] - 0.5) > 1e-12 || Math.abs(p.test[0] - 0.25) > 1e-12) throw new Error("0.5, 0.25");
 * ```
 */
export function linearizedGd(
  K: MatrixLike,
  Kcross: MatrixLike,
  options: LinearizedGdOptions,
): LinearizedGdPrediction {
  const where = "linearizedGd(K, Kcross)";
  const n = checkSquare(where, "K", K);
  const [m, n2] = checkMatrix(where, "Kcross", Kcross);
  const { f0Train, f0Test, y, eta, steps } = options;
  if (n2 !== n) {
    throw new RangeError(`${where}: expected Kcross with ${n} columns (one per training input), got ${n2}`);
  }
  if (f0Train.length !== n || y.length !== n) {
    throw new RangeError(
      `${where}: expected f0Train and y of length ${n}, got ${f0Train.length} and ${y.length}`,
    );
  }
  if (f0Test.length !== m) {
    throw new RangeError(`${where}: expected f0Test of length ${m}, got ${f0Test.length}`);
  }
  if (!(eta > 0) || !(steps >= 0)) {
    throw new RangeError(`${where}: expected eta > 0 and steps ≥ 0, got ${eta}, ${steps}`);
  }
  const { values, vectors } = eigh(K, { symmetryTol: 1e-5 });
  const r0 = Float64Array.from(f0Train, (f, i) => f - y[i]);
  // Coordinates of r0 in the eigenbasis, then the two spectral filters.
  const c = Float64Array.from(values, (_, k) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += vectors[i][k] * r0[i];
    return s;
  });
  const decay = new Float64Array(n), gain = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const rate = 1 - (eta * values[k]) / n;
    if (rate <= -1) {
      throw new RangeError(
        `${where}: η = ${eta} is unstable for eigenvalue ${values[k]} (ηλ/n = ${1 - rate} ≥ 2)`,
      );
    }
    decay[k] = rate ** steps;
    gain[k] = Math.abs(values[k]) > 1e-12 * Math.abs(values[0])
      ? (1 - decay[k]) / values[k]
      : (eta * steps) / n;
  }
  const train = new Float64Array(n), u = new Float64Array(n); // u = K⁻¹(I − (I − ηK/n)^t) r0
  for (let i = 0; i < n; i++) {
    let r = 0, v = 0;
    for (let k = 0; k < n; k++) {
      r += vectors[i][k] * decay[k] * c[k];
      v += vectors[i][k] * gain[k] * c[k];
    }
    train[i] = y[i] + r;
    u[i] = v;
  }
  const test = Float64Array.from({ length: m }, (_, a) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += Kcross[a][i] * u[i];
    return f0Test[a] - s;
  });
  return { train, test };
}
