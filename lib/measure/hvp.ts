/**
 * Exact Hessian-vector products (Pearlmutter 1994, "Fast exact multiplication by the Hessian", Neural
 * Computation 6(1):147–160), computed by double backpropagation: tfjs has no forward mode, so Pearlmutter's
 * forward-over-reverse $\mathcal R$-operator becomes reverse-over-reverse (same result).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import "../autodiff/_register_gradients.ts";
import { checkSameShapes, dot } from "./_tensor_list.ts";

/** A loss as a function of a parameter list, returning a scalar. */
export type LossFn = (params: tf.Tensor[]) => tf.Scalar;

/**
 * The Hessian of `lossFn` at `params` applied to the direction `v`, exactly:
 * $$Hv = \nabla_\theta\big(\nabla_\theta L(\theta)\cdot v\big),\qquad H = \nabla^2_\theta L(\theta),$$
 * computed as the gradient of the directional derivative (two backward passes, ≈ 2–4× the cost of one
 * gradient; no $P \times P$ matrix is formed).
 *
 * Shapes: `params` is a list of tensors $[\theta_1, …]$ (e.g. `[W1, b1, W2, b2]`, `tf.Variable`s are fine),
 * `v` a list of the same shapes; the result is a new list of those shapes, owned by the caller. All
 * intermediates are freed (the call runs inside `tf.tidy`).
 *
 * Exact only if every op in `lossFn` has a gradient computed from its inputs: use `tanh`, `sigmoid`,
 * `logSumExp`, `mse`, `softmaxCrossEntropy`, … from `lib/autodiff`, **not** `tf.tanh`, `tf.sigmoid`,
 * `tf.exp`, `tf.softmax` or `tf.losses.*`, whose second derivatives tfjs gets silently wrong (DESIGN.md,
 * "Second-order autodiff"). `relu` is fine (its second derivative is zero wherever it exists).
 *
 * Cost, measured (median of 9 after a warm-up; Deno 2.9, tfjs 4.22, one core of the project's 2-core
 * machine): MLP 64→512→512→1, ReLU, MSE, batch 256 — **wasm ≈ 130 ms** per HVP with the matMul fix of
 * `lib/wasm_matmul.ts` (one gradient ≈ 46 ms, so an HVP ≈ 2.8 gradients); ≈ 820 ms with tfjs's stock wasm
 * kernels; cpu backend ≈ 2.6 s. Reproduce with `deno run -A lib/measure/hvp_bench.ts`.
 *
 * Introduced in notebook 07 (edge of stability).
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { hessianVectorProduct } from "./hvp.ts";
 * await tf.setBackend("cpu");
 * // L(θ) = θ₀² θ₁ has Hessian [[2θ₁, 2θ₀], [2θ₀, 0]]; at θ = (1, 3), H·(1, 0) = (6, 2).
 * const quad = ([t]: tf.Tensor[]) => tf.sum(tf.mul(tf.square(tf.slice(t, 0, 1)), tf.slice(t, 1, 1))) as tf.Scalar;
 * const [hv] = hessianVectorProduct(quad, [tf.tensor1d([1, 3])], [tf.tensor1d([1, 0])]);
 * const [a, b] = hv.dataSync();
 * if (Math.abs(a - 6) > 1e-5 || Math.abs(b - 2) > 1e-5) throw new Error(`Hv = (${a}, ${b})`);
 * ```
 */
export function hessianVectorProduct(lossFn: LossFn, params: tf.Tensor[], v: tf.Tensor[]): tf.Tensor[] {
  checkSameShapes("hessianVectorProduct", params, v);
  const engine = tf.engine();
  const shape = { bad: null as string | null };
  const result = tf.tidy(() => {
    // allowNoGradients: a parameter the loss (or ∇L · v) does not depend on gets a zero row, not an error.
    const { grads } = engine.gradients(
      () => directionalDerivative(lossFn, params, v, shape),
      params,
      undefined,
      true,
    );
    return params.map((p, i) => grads[i] ?? tf.zerosLike(p));
  });
  if (shape.bad !== null) {
    tf.dispose(result);
    throw new RangeError(`hessianVectorProduct: lossFn must return a scalar tensor, got ${shape.bad}`);
  }
  return result;
}

/** $\nabla L(\theta) \cdot v$, recorded on the tape so that it can be differentiated again. */
function directionalDerivative(
  lossFn: LossFn,
  params: tf.Tensor[],
  v: tf.Tensor[],
  shape: { bad: string | null },
): tf.Scalar {
  const { grads } = tf.engine().gradients(
    () => {
      const loss = lossFn(params);
      // Checked here but thrown once the tapes are closed, so that the tensors they saved are freed.
      if (loss instanceof tf.Tensor && loss.rank !== 0) shape.bad = `a tensor of shape [${loss.shape}]`;
      return loss;
    },
    params,
    undefined,
    true,
  );
  const present = grads.map((g, i) => [g, v[i]] as const).filter(([g]) => g != null);
  if (present.length === 0) return tf.scalar(0);
  return dot(present.map(([g]) => g), present.map(([, u]) => u));
}
