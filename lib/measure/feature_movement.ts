/**
 * Feature movement: how far training moved a hidden representation, relative to its size,
 * $\lVert h_T - h_0\rVert_F / \lVert h_0\rVert_F$, where $h_t$ (`[n, width]`) are a layer's features on a
 * fixed set of inputs at step $t$. Under the NTK parameterization it vanishes like $N^{-1/2}$ with width
 * $N$ (lazy training: features frozen at initialization); under µP it stays $\Theta(1)$ (feature learning).
 * Yang & Hu 2021, arXiv:2011.14522, §3 (Definition 3.4, "feature learning") and Theorem 3.5.
 *
 * Introduced in notebook 06 (µP and hyperparameter transfer).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";

/**
 * $\lVert \text{after} - \text{before}\rVert_F / \lVert \text{before}\rVert_F$ for two tensors of the same shape.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { featureMovement } from "./feature_movement.ts";
 * await tf.setBackend("cpu");
 * const h0 = tf.tensor2d([[3, 0], [0, 4]]); // ‖h0‖ = 5
 * const h1 = tf.tensor2d([[3, 1], [0, 4]]); // moved by 1
 * if (Math.abs(featureMovement(h0, h1) - 0.2) > 1e-7) throw new Error("1 / 5");
 * ```
 */
export function featureMovement(before: tf.Tensor, after: tf.Tensor): number {
  if (before.shape.length !== after.shape.length || before.shape.some((s, i) => s !== after.shape[i])) {
    throw new RangeError(
      `featureMovement: expected features of the same shape before and after, got [${before.shape}] and [${after.shape}]`,
    );
  }
  const [moved, size] = tf.tidy(() => [tf.norm(tf.sub(after, before)), tf.norm(before)]);
  const ratio = moved.dataSync()[0] / size.dataSync()[0];
  tf.dispose([moved, size]);
  if (!Number.isFinite(ratio)) {
    throw new RangeError(
      "featureMovement: the features before training are all zero; the ratio is undefined",
    );
  }
  return ratio;
}
