/**
 * The top eigenvalues of a loss Hessian by the Lanczos method on Hessian-vector products: accurate where
 * power iteration is slow, i.e. when the top eigenvalues are nearly equal — as they are at the edge of
 * stability, where several of them sit at $2/\eta$ (notebook 07).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { eigh } from "../linalg/eigh.ts";
import { rng } from "../random.ts";
import { hessianVectorProduct, type LossFn } from "./hvp.ts";
import { countParams, flattenParams, unflattenParams } from "./params.ts";
import { checkInterrupt } from "../interrupt.ts";

/** Options of {@linkcode lanczosEigenvalues}. */
export interface LanczosOptions {
  /** Most Hessian-vector products (Lanczos steps). Default 30. */
  maxIter?: number;
  /** Stop when the top Ritz pair's residual $\lVert Hz - \theta z\rVert \le$ `tol`·|θ|. Default 1e-3. */
  tol?: number;
  /** Start vector of length $P$, e.g. the `vector` of a previous call (a warm start). Default: seeded normal. */
  init?: ArrayLike<number>;
  /** Seed of the random start vector. Default 0. */
  seed?: number;
}

/** What {@linkcode lanczosEigenvalues} found. */
export interface LanczosResult {
  /** Ritz values, descending: `values[0]` estimates $\lambda_{\max}$ (from below), the next ones the runners-up. */
  values: Float64Array;
  /** Unit Ritz vector of `values[0]`, flattened in parameter order. */
  vector: Float32Array;
  /** Residual bound $\lVert Hz - \theta_1 z\rVert$: some eigenvalue of $H$ lies within it of `values[0]`. */
  residual: number;
  /** Hessian-vector products used. */
  iterations: number;
  /** Whether the tolerance was met. */
  converged: boolean;
}

function dot64(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function hvpFlat(lossFn: LossFn, params: tf.Tensor[], q: Float64Array): Float64Array {
  const v = unflattenParams(q, params);
  const hv = hessianVectorProduct(lossFn, params, v);
  const flat = Float64Array.from(flattenParams(hv));
  tf.dispose(v);
  tf.dispose(hv);
  return flat;
}

/**
 * Lanczos iteration (Golub & Van Loan, *Matrix Computations*, 4th ed., §10.1) with full
 * reorthogonalization on $H = \nabla^2_\theta L(\theta)$: after $m$ Hessian-vector products the
 * tridiagonal matrix $T_m = Q_m^\top H Q_m$ has eigenvalues (Ritz values) that approach the extreme
 * eigenvalues of $H$ far faster than power iteration when they are clustered. The residual of the top Ritz
 * pair is $\beta_m |y_{m,1}|$, a rigorous bound: $H$ has an eigenvalue within it of `values[0]`.
 *
 * Shapes: `params` a list of tensors; `lossFn(params)` a scalar, second-order safe (see
 * {@linkcode hessianVectorProduct}). Vectors are kept in float64 ($m \times P$ numbers). Leaves no tensors.
 * Introduced in notebook 07 (edge of stability), where it tracks the sharpness during training.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { lanczosEigenvalues } from "./lanczos.ts";
 * await tf.setBackend("cpu");
 * // L(θ) = ½ θᵀ diag(3, 2.99, 1, −2) θ: λ_max = 3, barely above λ₂.
 * const h = tf.tensor1d([3, 2.99, 1, -2]);
 * const loss = ([t]: tf.Tensor[]) => tf.mul(0.5, tf.sum(tf.mul(h, tf.square(t)))) as tf.Scalar;
 * const { values } = lanczosEigenvalues(loss, [tf.zeros([4])], { seed: 1 });
 * if (Math.abs(values[0] - 3) > 1e-4) throw new Error(`λ_max ${values[0]}`);
 * ```
 */
export function lanczosEigenvalues(
  lossFn: LossFn,
  params: tf.Tensor[],
  options: LanczosOptions = {},
): LanczosResult {
  const { maxIter = 30, tol = 1e-3, seed = 0 } = options;
  if (!(tol > 0)) throw new RangeError(`lanczosEigenvalues: tol must be positive, got ${tol}`);
  if (!(Number.isInteger(maxIter) && maxIter >= 1)) {
    throw new RangeError(`lanczosEigenvalues: maxIter must be a positive integer, got ${maxIter}`);
  }
  const P = countParams(params);
  const start = options.init ?? rng(seed).normals(P);
  if (start.length !== P) {
    throw new RangeError(
      `lanczosEigenvalues: init has length ${start.length}, expected the parameter count ${P}`,
    );
  }
  const q0 = Float64Array.from(start);
  const norm0 = Math.sqrt(dot64(q0, q0));
  if (!(norm0 > 0)) throw new RangeError("lanczosEigenvalues: the start vector must be nonzero");
  for (let i = 0; i < P; i++) q0[i] /= norm0;
  const Q: Float64Array[] = [q0];
  const alpha: number[] = [], beta: number[] = [];
  let values: Float64Array = new Float64Array(0), top: number[] = [], residual = Infinity, converged = false;
  const m = Math.min(maxIter, P);
  for (let j = 0; j < m; j++) {
    checkInterrupt("lanczosEigenvalues", `iteration ${j}`);
    const w = hvpFlat(lossFn, params, Q[j]);
    alpha.push(dot64(Q[j], w));
    // Full reorthogonalization, twice ("twice is enough"): w ⟂ q_0 … q_j.
    for (let pass = 0; pass < 2; pass++) {
      for (const q of Q) {
        const c = dot64(q, w);
        for (let i = 0; i < P; i++) w[i] -= c * q[i];
      }
    }
    const b = Math.sqrt(dot64(w, w));
    const T = Array.from(
      { length: j + 1 },
      (_, r) =>
        Array.from(
          { length: j + 1 },
          (_, c) => (r === c ? alpha[r] : Math.abs(r - c) === 1 ? beta[Math.min(r, c)] : 0),
        ),
    );
    const ev = eigh(T);
    values = Float64Array.from(ev.values);
    top = ev.vectors.map((row) => row[0]);
    residual = b * Math.abs(top[j]);
    if (residual <= tol * Math.abs(values[0]) || b <= 1e-12 * Math.abs(values[0])) {
      converged = true;
      break;
    }
    if (j + 1 < m) {
      beta.push(b);
      Q.push(Float64Array.from(w, (x) => x / b));
    }
  }
  const z = new Float64Array(P);
  top.forEach((y, r) => {
    for (let i = 0; i < P; i++) z[i] += y * Q[r][i];
  });
  const zn = Math.sqrt(dot64(z, z));
  return {
    values,
    vector: Float32Array.from(z, (x) => x / zn),
    residual,
    iterations: alpha.length,
    converged,
  };
}
