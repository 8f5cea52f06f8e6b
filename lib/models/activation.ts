/**
 * Nonlinearities by name. Each is safe for second-order autodiff: tfjs computes the gradient of `tf.tanh`
 * and `tf.sigmoid` from their saved *output*, which makes `tf.grad(tf.grad(…))` silently wrong
 * (DESIGN.md, "Second-order autodiff"); `tanh` and `sigmoid` here come from `lib/autodiff`, whose gradients
 * are recomputed from the input. `relu` is tfjs's own: its gradient uses the input, and its second
 * derivative is zero wherever it exists. `linear` is the identity (deep linear networks).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { sigmoid, tanh } from "../autodiff/elementwise.ts";

/** Names accepted by {@linkcode activation}. */
export type ActivationName = "relu" | "tanh" | "sigmoid" | "linear";

/**
 * The function for a name.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { activation } from "./activation.ts";
 * await tf.setBackend("cpu");
 * const y = activation("tanh")(tf.tensor1d([0, 1])).dataSync();
 * if (Math.abs(y[1] - Math.tanh(1)) > 1e-6) throw new Error("tanh");
 * ```
 */
export function activation(name: ActivationName): (z: tf.Tensor) => tf.Tensor {
  switch (name) {
    case "relu":
      return (z) => tf.relu(z);
    case "tanh":
      return (z) => tanh(z);
    case "sigmoid":
      return (z) => sigmoid(z);
    case "linear":
      return (z) => z;
    default:
      throw new RangeError(`Unknown activation "${name}"; expected relu, tanh, sigmoid or linear`);
  }
}
