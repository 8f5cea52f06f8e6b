/**
 * The kernel's eigensystem on a finite pool of real data, treated as the population: what eigenlearning
 * needs to predict a learning curve (Simon et al. 2023, arXiv:2110.03922; Bordelon, Canatar & Pehlevan
 * 2020, arXiv:2002.02561).
 *
 * Take the uniform distribution over $M$ pool points $x_1..x_M$. The kernel operator's eigenvalues are
 * $\lambda_i = \mu_i/M$, with $\mu_i$ the eigenvalues of the kernel matrix $K$ `[M, M]`, and its eigenfunctions
 * on the pool are $\phi_i = \sqrt M\,u_i$ (orthonormal: $\frac1M\sum_x \phi_i(x)\phi_j(x) = \delta_{ij}$). A target
 * $y$ `[M]` has eigencoefficients $v_i = \frac1M\sum_x \phi_i(x)\,y(x) = u_i^\top y/\sqrt M$, so
 * $\sum_i v_i^2 = \frac1M\|y\|^2$. Cost: one symmetric eigendecomposition ($M = 400$ takes ≈ 0.5 s).
 * Introduced in notebook 14.
 *
 * @module
 */
import { eigh } from "../linalg/eigh.ts";
import type { MatrixLike } from "../linalg/matrix.ts";

/** Eigenvalues and target power of a kernel on a pool. */
export interface KernelSpectrum {
  /** $\lambda_i = \mu_i/M$, descending, negative rounding errors set to 0 `[M]`. */
  eigenvalues: Float64Array;
  /** $v_i^2$, the target's power in each eigenfunction `[M]`. */
  targetPower: Float64Array;
}

/**
 * The spectrum of `K` `[M, M]` on its own pool and the power of target `y` `[M]` in each eigenfunction.
 *
 * @throws {RangeError} if `K` is not square and symmetric, or `y` does not have one value per pool point
 *
 * @example
 * ```ts
 * import { kernelSpectrum } from "./kernel_spectrum.ts";
 * // K = diag(4, 2) on two points: λ = (2, 1); y = (1, 1) puts power 1/2 in each eigenfunction.
 * const { eigenvalues, targetPower } = kernelSpectrum([[4, 0], [0, 2]], [1, 1]);
 * if (eigenvalues[0] !== 2 || Math.abs(targetPower[1] - 0.5) > 1e-15) throw new Error("λ = (2, 1), v² = 1/2");
 * ```
 */
export function kernelSpectrum(K: MatrixLike, y: ArrayLike<number>): KernelSpectrum {
  if (K.length !== y.length) {
    throw new RangeError(
      `kernelSpectrum: expected one target value per pool point (${K.length}), got ${y.length}`,
    );
  }
  const M = K.length;
  const { values, vectors } = eigh(K);
  const eigenvalues = Float64Array.from(values, (mu) => Math.max(mu, 0) / M);
  const targetPower = new Float64Array(M);
  for (let i = 0; i < M; i++) {
    let dot = 0;
    for (let j = 0; j < M; j++) dot += vectors[j][i] * y[j];
    targetPower[i] = (dot * dot) / M;
  }
  return { eigenvalues, targetPower };
}
