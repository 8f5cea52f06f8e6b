/**
 * Kernel regression on the hypercube measured exactly, for one training set: the test error over all $2^d$
 * points and the learnability of every parity.
 *
 * The learnability of a target $f$ (Simon et al. 2023, arXiv:2110.03922) on training set $D$ is
 * $\mathcal L^{(D)}(f) = \langle f, \hat f_D\rangle / \langle f, f\rangle$: how much of $f$ the learned
 * function $\hat f_D = K(\cdot, X)(K_{XX}+\delta I)^{-1}f(X)$ recovers. For an eigenfunction $\phi_i$ with
 * eigenvalue $\lambda_i$, $\langle \phi_i, K(\cdot, x)\rangle = \lambda_i\phi_i(x)$ gives
 * $$\mathcal L^{(D)}(\phi_i) = \lambda_i\,\phi_i(X)^\top (K_{XX}+\delta I)^{-1}\phi_i(X).$$
 * Summed over a complete basis this is $\operatorname{tr}\big((K_{XX}+\delta I)^{-1}K_{XX}\big)$, which is
 * exactly $n$ when $\delta = 0$ (their conservation law of learnability). Introduced in notebook 04.
 *
 * @module
 */
import { choleskySolve } from "../linalg/cholesky.ts";
import { walshHadamard } from "../linalg/walsh_hadamard.ts";
import { paritySpectrum } from "../data/hypercube.ts";
import { kernelRegression } from "../train/kernel_regression.ts";

function checkTrain(where: string, N: number, train: readonly number[]): void {
  const repeats = train.length - new Set(train).size;
  if (repeats > 0) {
    throw new RangeError(`${where}: expected distinct training vertices, got ${repeats} repeats`);
  }
  for (const v of train) {
    if (!(Number.isInteger(v) && v >= 0 && v < N)) {
      throw new RangeError(`${where}: vertex ${v} is outside 0…${N - 1}`);
    }
  }
}

/**
 * Test MSE of kernel (ridge) regression for several targets on one training set, measured over **all**
 * $2^d$ vertices (the uniform distribution): for each target $f$ (values on every vertex, `[2^d]`),
 * fit $\hat f = K(\cdot, X)(K_{XX}+\delta I)^{-1}f(X)$ and return $2^{-d}\sum_x(\hat f(x)-f(x))^2$.
 * All targets share one Cholesky factorization. `k` is the XOR-tabulated kernel (`overlapKernel`).
 *
 * @returns `[targets.length]` test MSEs
 *
 * @example
 * ```ts
 * import { hypercubeTestMse } from "./hypercube_regression.ts";
 * import { overlapKernel } from "../data/hypercube.ts";
 * // Training on all 2^d points interpolates: zero test error.
 * const k = overlapKernel((t) => Math.exp(t), 3);
 * const [mse] = hypercubeTestMse(k, [0, 1, 2, 3, 4, 5, 6, 7], [[1, -1, 2, 0, 0, 3, 1, 1]]);
 * if (mse > 1e-20) throw new Error(`MSE = ${mse}`);
 * ```
 */
export function hypercubeTestMse(
  k: ArrayLike<number>,
  train: readonly number[],
  targets: readonly ArrayLike<number>[],
  options: { ridge?: number } = {},
): Float64Array {
  const N = k.length, n = train.length;
  checkTrain("hypercubeTestMse", N, train);
  targets.forEach((f, t) => {
    if (f.length !== N) {
      throw new RangeError(`hypercubeTestMse: expected target ${t} to have ${N} values, got ${f.length}`);
    }
  });
  const K = train.map((a) => train.map((b) => k[a ^ b]));
  const A = kernelRegression(K, train.map((v) => targets.map((f) => f[v])), options); // [n, targets]
  const mse = new Float64Array(targets.length);
  const pred = new Float64Array(targets.length);
  for (let x = 0; x < N; x++) {
    pred.fill(0);
    for (let i = 0; i < n; i++) {
      const kx = k[x ^ train[i]], row = A[i];
      for (let t = 0; t < targets.length; t++) pred[t] += kx * row[t];
    }
    for (let t = 0; t < targets.length; t++) mse[t] += (pred[t] - targets[t][x]) ** 2;
  }
  return mse.map((v) => v / N);
}

/**
 * $\mathcal L^{(D)}(\chi_S)$ for **every** parity $S$ at once `[2^d]`, for the XOR-tabulated kernel `k`
 * `[2^d]` (`k[a ^ b]` = $K(x_a,x_b)$, see `overlapKernel`) and training vertices `train` `[n]` (distinct).
 *
 * Fast route, exact: with $M = (K_{XX}+\delta I)^{-1}$ and $\chi_S(x_a)\chi_S(x_b) = \chi_S(x_{a\oplus b})$,
 * $\chi_S(X)^\top M\chi_S(X) = \sum_z h[z]\chi_S(z)$ where $h[z] = \sum_{a\oplus b = z} M_{ab}$: one
 * Walsh–Hadamard transform of $h$. The eigenvalues $\lambda_S$ are read off `k` numerically
 * (`paritySpectrum`). Cost: one $n\times n$ inverse (≈ 0.4 s at n = 256) plus $O(n^2 + 2^d d)$.
 *
 * @example
 * ```ts
 * import { hypercubeLearnabilities } from "./hypercube_regression.ts";
 * import { overlapKernel } from "../data/hypercube.ts";
 * const k = overlapKernel((t) => Math.exp(t), 4);
 * const L = hypercubeLearnabilities(k, [0, 3, 5, 9, 14]);
 * const total = L.reduce((s, v) => s + v, 0); // = n = 5 without ridge
 * if (Math.abs(total - 5) > 1e-9) throw new Error(`Σ L = ${total}`);
 * ```
 */
export function hypercubeLearnabilities(
  k: ArrayLike<number>,
  train: readonly number[],
  options: { ridge?: number } = {},
): Float64Array {
  const N = k.length, n = train.length;
  const ridge = options.ridge ?? 0;
  checkTrain("hypercubeLearnabilities", N, train);
  const K = train.map((a, i) => train.map((b, j) => k[a ^ b] + (i === j ? ridge : 0)));
  const identity = train.map((_, i) => train.map((_, j) => (i === j ? 1 : 0)));
  const M = choleskySolve(K, identity);
  const h = new Float64Array(N);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) h[train[i] ^ train[j]] += M[i][j];
  const quad = walshHadamard(h);
  const lambda = paritySpectrum(k);
  return Float64Array.from(quad, (q, S) => lambda[S] * q);
}
