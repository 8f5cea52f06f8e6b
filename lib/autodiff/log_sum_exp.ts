/**
 * Log-sum-exp and the softmax family, with gradients that stay right under repeated differentiation.
 *
 * $$\operatorname{lse}(z) = \log \sum_k e^{z_k},\qquad \nabla \operatorname{lse}(z) = \operatorname{softmax}(z),
 *   \qquad \operatorname{softmax}(z) = e^{z - \operatorname{lse}(z)},\qquad
 *   \log\operatorname{softmax}(z) = z - \operatorname{lse}(z).$$
 *
 * tfjs's `tf.logSumExp`, `tf.softmax` and `tf.logSoftmax` compute their gradients from saved outputs, which
 * second-order autodiff cannot see through (DESIGN.md, "Second-order autodiff"). Here `logSumExp` is a
 * `tf.customGrad` whose gradient, the softmax, is recomputed from the saved *input* with safe ops
 * (`exp` of `./elementwise.ts` and `logSumExp` itself), and `softmax`/`logSoftmax` are composed from it.
 *
 * Introduced in notebook 07 (edge of stability), whose classifiers need the Hessian of cross-entropy.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { exp } from "./elementwise.ts";

/**
 * $\log \sum e^{x}$ over `axis` (default: all axes), computed stably (tfjs's kernel). `keepDims` keeps the
 * reduced axes with length 1. Shapes: `x` any; output `x.shape` without (or with length-1) `axis`.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { logSumExp } from "./log_sum_exp.ts";
 * await tf.setBackend("cpu");
 * const z = tf.tensor2d([[0, 0], [1000, 1000]]);
 * const v = logSumExp(z, 1).dataSync(); // [log 2, 1000 + log 2], no overflow
 * if (Math.abs(v[1] - 1000 - Math.LN2) > 1e-3) throw new Error("lse must be stable");
 * ```
 */
export function logSumExp(x: tf.Tensor, axis: number | number[] | null = null, keepDims = false): tf.Tensor {
  const axes = axis === null ? x.shape.map((_, i) => i) : tf.util.parseAxisParam(axis, x.shape);
  const op = tf.customGrad((input: tf.Tensor | tf.GradSaveFunc, save: tf.Tensor | tf.GradSaveFunc) => {
    (save as tf.GradSaveFunc)([input as tf.Tensor]);
    return {
      value: tf.logSumExp(input as tf.Tensor, axes, keepDims),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [z] = saved;
        const dyKeep = keepDims ? dy : tf.reshape(dy, tf.backend_util.expandShapeToKeepDim(dy.shape, axes));
        return tf.mul(dyKeep, softmaxOver(z, axes));
      },
    };
  });
  return op(x);
}

function softmaxOver(z: tf.Tensor, axes: number[]): tf.Tensor {
  return exp(tf.sub(z, logSumExp(z, axes, true)));
}

/**
 * $\operatorname{softmax}(x) = e^{x - \operatorname{lse}(x)}$ along `axis` (default: the last). Output has
 * the shape of `x`.
 */
export function softmax(x: tf.Tensor, axis = -1): tf.Tensor {
  return softmaxOver(x, tf.util.parseAxisParam(axis, x.shape));
}

/** $\log\operatorname{softmax}(x) = x - \operatorname{lse}(x)$ along `axis` (default: the last). */
export function logSoftmax(x: tf.Tensor, axis = -1): tf.Tensor {
  return tf.sub(x, logSumExp(x, axis, true));
}
