/**
 * Nonlinearities by name. Each is safe for second-order autodiff: tfjs computes the gradient of `tanh`
 * and `sigmoid` from their saved *output*, which makes `tf.grad(tf.grad(…))` silently wrong
 * (DESIGN.md, "Second-order autodiff"); the versions here recompute the gradient from the input.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";

/** Names accepted by {@linkcode activation}. */
export type ActivationName = "relu" | "tanh" | "linear";

/** The function for a name. */
export function activation(name: ActivationName): (z: tf.Tensor) => tf.Tensor {
  switch (name) {
    case "relu":
      return (z) => tf.relu(z);
    case "tanh":
      return (z) => tf.tanh(z);
    case "linear":
      return (z) => z;
    default:
      throw new RangeError(`Unknown activation "${name}"; expected relu, tanh or linear`);
  }
}
