/**
 * The empirical neural tangent kernel of a finite network, from per-sample gradients (Jacobian rows).
 *
 * For a scalar-output model $f(\theta, x)$ with $P$ parameters,
 * $$\hat\Theta(x, x') = \nabla_\theta f(\theta, x)\cdot\nabla_\theta f(\theta, x') = (J J'^\top)_{xx'},$$
 * where row $i$ of the Jacobian $J$ `[n, P]` is the gradient of the output on sample $i$. Under gradient
 * descent on $L = \frac1{2n}\sum_i (f(x_i) - y_i)^2$ with learning rate $\eta$, the outputs move by
 * $\Delta f(x) \approx -\frac{\eta}{n}\sum_i \hat\Theta(x, x_i)(f(x_i) - y_i)$ (Jacot et al. 2018,
 * arXiv:1806.07572; Lee et al. 2019, arXiv:1902.06720). Introduced in notebook 05.
 *
 * Cost: one backward pass per sample (≈ 0.5–1 ms each for a one-hidden-layer net on wasm), then one
 * matMul `[n1, P] × [P, n2]`. Memory: the Jacobians, $4nP$ bytes each.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import "../autodiff/_register_gradients.ts";
import type { Matrix } from "../linalg/matrix.ts";

/** A scalar-output model: `(params, x [n, d]) → [n, 1]`, e.g. `(ps, x) => mlpForward(spec, ps, x)`. */
export type ScalarModel = (params: tf.Tensor[], x: tf.Tensor2D) => tf.Tensor;

/**
 * The Jacobian `[n, P]` of the outputs on the rows of `x` `[n, d]` with respect to all parameters,
 * flattened in the order of `params` (as `flattenParams`). One backward pass per row; the caller disposes
 * the result.
 *
 * @throws {RangeError} when the model's output is not `[rows, 1]`
 */
export function outputJacobian(model: ScalarModel, params: tf.Tensor[], x: tf.Tensor2D): tf.Tensor2D {
  const n = x.shape[0];
  return tf.tidy(() => {
    const rows: tf.Tensor1D[] = [];
    for (let i = 0; i < n; i++) {
      const xi = tf.slice(x, [i, 0], [1, -1]);
      const grads = tf.grads((...ps: tf.Tensor[]) => {
        const out = model(ps, xi);
        if (out.size !== 1) {
          throw new RangeError(
            `outputJacobian: expected a scalar-output model ([rows, 1]), got output shape [${out.shape}]`,
          );
        }
        return tf.sum(out);
      })(params);
      rows.push(tf.concat(grads.map((g) => tf.reshape(g, [-1]))) as tf.Tensor1D);
    }
    return tf.stack(rows) as tf.Tensor2D;
  });
}

/**
 * The empirical NTK $\hat\Theta$ `[n1, n2]` between the rows of `x1` `[n1, d]` and `x2` `[n2, d]`
 * (default `x2 = x1`), as a float64 row-major matrix (computed in float32: relative rounding ≈ 1e-7·√P).
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { empiricalNtk } from "./empirical_ntk.ts";
 * await tf.setBackend("cpu");
 * // A linear model f = x·w has Jacobian rows x, so its NTK is the Gram matrix x xᵀ.
 * const w = tf.zeros([2, 1]);
 * const K = empiricalNtk((ps, x) => tf.matMul(x, ps[0] as tf.Tensor2D), [w], tf.tensor2d([[1, 2], [3, 4]]));
 * if (K[0][1] !== 11 || K[1][1] !== 25) throw new Error("x xᵀ");
 * ```
 */
export function empiricalNtk(
  model: ScalarModel,
  params: tf.Tensor[],
  x1: tf.Tensor2D,
  x2?: tf.Tensor2D,
): Matrix {
  const J1 = outputJacobian(model, params, x1);
  const J2 = x2 === undefined ? J1 : outputJacobian(model, params, x2);
  const K = tf.matMul(J1, J2, false, true);
  const [n1, n2] = K.shape;
  const data = K.dataSync();
  K.dispose();
  J1.dispose();
  if (J2 !== J1) J2.dispose();
  return Array.from({ length: n1 }, (_, i) => Array.from(data.subarray(i * n2, (i + 1) * n2)));
}
