/**
 * Autodiff that survives differentiating twice. Importing this folder also registers TensorFlow.js's gradients
 * (`./_register_gradients.ts`), without which `tf.grad` fails in a project that depends on `@tensorflow/tfjs-core`
 * alone.
 *
 * - `tanh`, `sigmoid`, `exp`, `softplus`: elementwise ops whose gradients are recomputed from the input;
 * - `logSumExp`, `softmax`, `logSoftmax`: the softmax family, built the same way;
 * - `mse`, `softmaxCrossEntropy`, `sigmoidCrossEntropy`: losses averaged over the batch.
 *
 * Why: DESIGN.md, "Second-order autodiff". Used by `lib/measure` (Hessian-vector products, sharpness).
 *
 * @module
 */
import "./_register_gradients.ts";
export { exp, sigmoid, softplus, tanh } from "./elementwise.ts";
export { logSoftmax, logSumExp, softmax } from "./log_sum_exp.ts";
export { mse, sigmoidCrossEntropy, softmaxCrossEntropy } from "./losses.ts";
