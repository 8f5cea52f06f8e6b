/**
 * Losses whose Hessians autodiff gets right: mean squared error, softmax cross-entropy and sigmoid
 * cross-entropy, each averaged over the batch (the first axis). Built only from ops whose gradients are
 * computed from their inputs (`./elementwise.ts`, `./log_sum_exp.ts`, tfjs's `sub`/`square`/`mul`/`sum`),
 * so `tf.grad` of `tf.grad` of these losses is exact. `tf.losses.softmaxCrossEntropy` and
 * `tf.losses.sigmoidCrossEntropy` are not (measured: Hessian-vector products off by ≈ 86% and ≈ 170%;
 * DESIGN.md, "Second-order autodiff").
 *
 * Conventions (NOTATION: `n` samples, `k` outputs, row-major `[n, k]`):
 * - {@linkcode mse}: $\frac{1}{2n}\sum_{i=1}^{n}\sum_{k}(f_{ik} - y_{ik})^2$, i.e. ½ × (sum over outputs,
 *   mean over samples). The ½ makes the gradient $\frac1n J^\top (f - y)$ and the Gauss–Newton term of the
 *   Hessian $\frac1n J^\top J$ (for a linear model $f = X\theta$, exactly $X^\top X / n$).
 * - {@linkcode softmaxCrossEntropy}: $\frac1n \sum_i \sum_k -y_{ik}\log\operatorname{softmax}(z_i)_k$.
 * - {@linkcode sigmoidCrossEntropy}: mean over *all* entries of $\operatorname{softplus}(z) - y z$ (tfjs's
 *   convention for `tf.losses.sigmoidCrossEntropy`; for `[n]` or `[n, 1]` logits that is the mean over samples).
 *
 * Introduced in notebook 07 (edge of stability).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { softplus } from "./elementwise.ts";
import { logSoftmax } from "./log_sum_exp.ts";

function checkPair(fn: string, a: tf.Tensor, b: tf.Tensor, names: [string, string]): void {
  if (a.rank < 1 || a.shape.length !== b.shape.length || a.shape.some((s, i) => s !== b.shape[i])) {
    throw new RangeError(
      `${fn}: expected ${names[0]} and ${
        names[1]
      } of the same shape [n, …], got [${a.shape}] and [${b.shape}]`,
    );
  }
}

/**
 * Half the mean over samples of the squared error summed over outputs:
 * $\frac{1}{2n}\sum_i \lVert f_i - y_i\rVert^2$. Shapes: `pred` and `target` both `[n]` or `[n, k]`.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { mse } from "./losses.ts";
 * await tf.setBackend("cpu");
 * const loss = mse(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[1, 0], [3, 1]])); // (4 + 9) / (2·2)
 * if (loss.dataSync()[0] !== 3.25) throw new Error("mse = ½ mean_i Σ_k (f − y)²");
 * ```
 */
export function mse(pred: tf.Tensor, target: tf.Tensor): tf.Scalar {
  checkPair("mse", pred, target, ["pred", "target"]);
  return tf.tidy(() => tf.div(tf.sum(tf.square(tf.sub(pred, target))), 2 * pred.shape[0]) as tf.Scalar);
}

/**
 * Softmax cross-entropy averaged over the batch: $\frac1n\sum_i -\sum_k y_{ik}\log\operatorname{softmax}(z_i)_k$.
 * Shapes: `logits` and `labels` `[n, k]`; labels are one-hot rows or probability rows. Note the argument
 * order (logits first), the reverse of `tf.losses.softmaxCrossEntropy(labels, logits)`, whose value it equals.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { softmaxCrossEntropy } from "./losses.ts";
 * await tf.setBackend("cpu");
 * const loss = softmaxCrossEntropy(tf.tensor2d([[0, 0, 0]]), tf.tensor2d([[0, 1, 0]]));
 * if (Math.abs(loss.dataSync()[0] - Math.log(3)) > 1e-6) throw new Error("uniform logits give log k");
 * ```
 */
export function softmaxCrossEntropy(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  checkPair("softmaxCrossEntropy", logits, labels, ["logits", "labels"]);
  if (logits.rank !== 2) {
    throw new RangeError(`softmaxCrossEntropy: expected logits of shape [n, k], got [${logits.shape}]`);
  }
  return tf.tidy(() =>
    tf.div(tf.neg(tf.sum(tf.mul(labels, logSoftmax(logits, 1)))), logits.shape[0]) as tf.Scalar
  );
}

/**
 * Sigmoid (binary) cross-entropy, mean over all entries: $\operatorname{mean}\,[\operatorname{softplus}(z) - yz]
 * = \operatorname{mean}\,[-y\log\sigma(z) - (1-y)\log(1-\sigma(z))]$. Shapes: `logits` and `labels` equal, e.g.
 * `[n]` or `[n, k]`; labels in [0, 1]. Equals `tf.losses.sigmoidCrossEntropy(labels, logits)`.
 */
export function sigmoidCrossEntropy(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  checkPair("sigmoidCrossEntropy", logits, labels, ["logits", "labels"]);
  return tf.tidy(() => tf.mean(tf.sub(softplus(logits), tf.mul(labels, logits))) as tf.Scalar);
}
