/**
 * Sharpness seen by SGD with per-layer learning rates. With learning rates $\eta\rho_k$ for parameter
 * tensor $k$ (`P = diag(ρ)` over all scalars), one GD step near a minimum is
 * $\delta\theta \leftarrow (I - \eta P H)\,\delta\theta$, which is stable iff $\eta\,\lambda_{\max} < 2$ with
 * $\lambda_{\max}$ the top eigenvalue of $P^{1/2} H P^{1/2}$ (same spectrum as $PH$). It is computed as
 * the ordinary sharpness of the loss in the rescaled coordinates $\varphi_k = \theta_k/\sqrt{\rho_k}$.
 *
 * Under SP ($\rho_k = 1$) on a two-layer network it grows like the width $N$, so the largest stable η falls
 * like $1/N$; under µP it is width-independent (Yang et al. 2022, arXiv:2203.03466, §2; the plain
 * threshold $2/\lambda_{\max}$ is Cohen et al. 2021, arXiv:2103.00065, §2). Introduced in notebook 06.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import type { LossFn } from "./hvp.ts";
import { sharpness, type SharpnessOptions, type SharpnessResult } from "./sharpness.ts";

/** Options of {@linkcode preconditionedSharpness}. */
export interface PreconditionedSharpnessOptions extends SharpnessOptions {
  /** Relative learning rate $\rho_k > 0$ of each parameter tensor (e.g. `mlpLearningRates(spec, 1)`). */
  learningRates: number[];
}

/**
 * Top eigenvalue of $P^{1/2}\nabla^2L\,P^{1/2}$: GD with learning rates $\eta\rho_k$ is locally stable iff
 * $\eta < 2/\lambda_{\max}$. The returned `vector` lives in the rescaled coordinates.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { preconditionedSharpness } from "./preconditioned_sharpness.ts";
 * await tf.setBackend("cpu");
 * // L = ½(3a² + b²) with learning rates (1, 10)·η: PH = diag(3, 10), λ_max = 10.
 * const loss = ([a, b]: tf.Tensor[]) => tf.mul(0.5, tf.add(tf.mul(3, tf.sum(tf.square(a))), tf.sum(tf.square(b)))) as tf.Scalar;
 * const { value } = preconditionedSharpness(loss, [tf.zeros([1]), tf.zeros([1])], { learningRates: [1, 10] });
 * if (Math.abs(value - 10) > 1e-3) throw new Error(`λ ${value}`);
 * ```
 */
export function preconditionedSharpness(
  lossFn: LossFn,
  params: tf.Tensor[],
  options: PreconditionedSharpnessOptions,
): SharpnessResult {
  const { learningRates } = options;
  if (learningRates.length !== params.length || learningRates.some((r) => !(r > 0) || !Number.isFinite(r))) {
    throw new RangeError(
      `preconditionedSharpness: expected ${params.length} positive finite learning rates, got [${learningRates}]`,
    );
  }
  const roots = learningRates.map(Math.sqrt);
  const scaled = params.map((p, k) => tf.tidy(() => tf.div(p, roots[k])));
  try {
    return sharpness((phi) => lossFn(phi.map((t, k) => tf.mul(t, roots[k]))), scaled, options);
  } finally {
    tf.dispose(scaled);
  }
}
