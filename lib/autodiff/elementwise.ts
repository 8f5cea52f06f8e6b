/**
 * Smooth elementwise functions whose gradients stay right under repeated differentiation: `tanh`, `sigmoid`,
 * `exp`, `softplus`.
 *
 * Why they exist: tfjs computes the gradient of `tf.tanh`, `tf.sigmoid` and `tf.exp` from the op's saved
 * *output* $y$ (e.g. $\tanh' = 1 - y^2$), and the engine saves that output through a copy it records on the
 * tape *before* the op that produced it, so the copy is cut off from the input. The first derivative is right;
 * the second is silently wrong or throws "Cannot compute gradient" (DESIGN.md, "Second-order autodiff").
 * Here each op is a `tf.customGrad` that saves its *input* $x$ and recomputes the derivative from it with the
 * same safe ops, so `tf.grad` nested to any depth is exact:
 * $$\tanh'(x) = 1 - \tanh^2 x,\quad \sigma'(x) = \sigma(x)(1 - \sigma(x)),\quad \exp' = \exp,\quad
 *   \operatorname{softplus}'(x) = \sigma(x).$$
 *
 * Shapes: any; the output has the shape of the input. Values equal tfjs's ops exactly (the forward pass is
 * tfjs's own kernel). Introduced in notebook 07 (edge of stability), which needs Hessians.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import "./_register_gradients.ts";

type Unary = (x: tf.Tensor) => tf.Tensor;

/** An op with value `forward(x)` and derivative `derivative(x)`, recomputed from the saved input. */
function fromInput(forward: Unary, derivative: Unary): Unary {
  const op = tf.customGrad((x: tf.Tensor | tf.GradSaveFunc, save: tf.Tensor | tf.GradSaveFunc) => {
    (save as tf.GradSaveFunc)([x as tf.Tensor]);
    return {
      value: forward(x as tf.Tensor),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, derivative(saved[0])),
    };
  });
  return (x) => op(x);
}

const tanhOp = fromInput((x) => tf.tanh(x), (x) => tf.sub(1, tf.square(tanh(x))));
const sigmoidOp = fromInput((x) => tf.sigmoid(x), (x) => {
  const s = sigmoid(x);
  return tf.mul(s, tf.sub(1, s));
});
const expOp = fromInput((x) => tf.exp(x), (x) => exp(x));
const softplusOp = fromInput((x) => tf.softplus(x), (x) => sigmoid(x));

/**
 * $\tanh x$, elementwise, differentiable to any order.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { tanh } from "./elementwise.ts";
 * await tf.setBackend("cpu");
 * const x = tf.scalar(0.5);
 * const second = tf.grad((x: tf.Tensor) => tf.grad((z: tf.Tensor) => tanh(z))(x))(x).dataSync()[0];
 * const t = Math.tanh(0.5); // tanh'' = −2 tanh (1 − tanh²)
 * if (Math.abs(second - -2 * t * (1 - t * t)) > 1e-6) throw new Error("tanh'' is wrong");
 * ```
 */
export function tanh<R extends tf.Rank>(x: tf.Tensor<R>): tf.Tensor<R> {
  return tanhOp(x) as tf.Tensor<R>;
}

/** The logistic function $\sigma(x) = 1 / (1 + e^{-x})$, elementwise, differentiable to any order. */
export function sigmoid<R extends tf.Rank>(x: tf.Tensor<R>): tf.Tensor<R> {
  return sigmoidOp(x) as tf.Tensor<R>;
}

/** $e^x$, elementwise, differentiable to any order. */
export function exp<R extends tf.Rank>(x: tf.Tensor<R>): tf.Tensor<R> {
  return expOp(x) as tf.Tensor<R>;
}

/** $\operatorname{softplus}(x) = \log(1 + e^x)$ (computed stably), elementwise, differentiable to any order. */
export function softplus<R extends tf.Rank>(x: tf.Tensor<R>): tf.Tensor<R> {
  return softplusOp(x) as tf.Tensor<R>;
}
