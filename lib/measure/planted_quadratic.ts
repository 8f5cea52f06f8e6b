/**
 * A quadratic loss whose Hessian spectrum is planted, the reference problem for curvature measurements:
 * $L(\theta) = \tfrac12 \theta^\top H \theta$ with $H = Q\,\mathrm{diag}(\lambda)\,Q^\top$, $Q$ a seeded random
 * orthogonal matrix. Its Hessian is exactly $H$ everywhere, so sharpness is $\lambda_{\max}$ and the top
 * eigenvector is $Q$'s first column, whatever the iterate. $\theta$ is split over several tensors so that code
 * under test must handle a parameter list, as it does on a network. Used by the tests of `sharpness` and
 * `lanczosEigenvalues` and by notebook 07's exercise checks.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { matmul, transpose } from "../linalg/matrix.ts";
import { randomOrthogonal } from "../linalg/orthogonal.ts";
import { rng } from "../random.ts";
import type { LossFn } from "./hvp.ts";
import { unflattenParams } from "./params.ts";

/** A planted quadratic: its loss, parameters at a seeded random point, its Hessian and top eigenvector. */
export interface PlantedQuadratic {
  /** `L(θ) = ½ θᵀ H θ`, θ the concatenation of the flattened tensors. */
  lossFn: LossFn;
  /** A random point (standard normal entries), split over the requested shapes. */
  params: tf.Tensor[];
  /** `H` `[d, d]`, float32. */
  H: tf.Tensor2D;
  /** Unit eigenvector of `spectrum[0]` (`Q`'s first column) `[d]`. */
  top: Float64Array;
  /** Frees `H` and `params`. */
  dispose(): void;
}

/**
 * The planted quadratic with Hessian eigenvalues `spectrum` (`d` of them; `spectrum[0]` is the one whose
 * eigenvector is reported as `top`). `Q` comes from `randomOrthogonal(d, seed)`, the point θ from
 * `rng(seed + 1)`.
 *
 * @param shapes shapes of the parameter tensors, sizes summing to `d` (default `[[d − 6], [2, 3]]`)
 *
 * @example
 * ```ts
 * import { initBackend } from "../backend.ts";
 * import { plantedQuadratic } from "./planted_quadratic.ts";
 * await initBackend();
 * const q = plantedQuadratic([3, 2, 1, 1, 1, 1, 1, 1], 0);
 * if (q.params.length !== 2 || q.top.length !== 8) throw new Error("two tensors, 8 parameters");
 * q.dispose();
 * ```
 */
export function plantedQuadratic(
  spectrum: readonly number[],
  seed: number,
  shapes: number[][] = [[spectrum.length - 6], [2, 3]],
): PlantedQuadratic {
  const d = spectrum.length;
  const Q = randomOrthogonal(d, seed);
  const h = matmul(Q.map((row) => row.map((v, k) => v * spectrum[k])), transpose(Q));
  const H = tf.tensor2d(Float32Array.from(h.flat()), [d, d]);
  const params = unflattenParams(rng(seed + 1).normals(d), shapes);
  const lossFn: LossFn = (ps) =>
    tf.tidy(() => {
      const theta = tf.reshape(tf.concat(ps.map((p) => tf.reshape(p, [-1]))), [d, 1]);
      return tf.mul(0.5, tf.sum(tf.mul(theta, tf.matMul(H, theta)))) as tf.Scalar;
    });
  const top = Float64Array.from(Q, (row) => row[0]);
  return { lossFn, params, H, top, dispose: () => tf.dispose([H, ...params]) };
}
