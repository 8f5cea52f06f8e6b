/**
 * Registers TensorFlow.js's gradient functions. `@tensorflow/tfjs-core` alone registers none (`tf.grad` then
 * fails with "gradient function not found"); the union package `@tensorflow/tfjs` registers all of them when
 * loaded, into the same tfjs-core instance (≈ 0.12 s). Its saved-output gradients (tanh, sigmoid, exp, softmax)
 * are right to first order only; `lib/autodiff` provides versions that are right to every order.
 *
 * @module
 */
import "@tensorflow/tfjs";
