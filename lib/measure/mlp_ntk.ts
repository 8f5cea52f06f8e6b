/**
 * The empirical NTK of an MLP by the layer-wise formula: the same kernel as `empiricalNtk` (per-sample
 * Jacobian rows, $JJ^\top$) without forming the Jacobian, in a handful of matrix products instead of one
 * backward pass per sample.
 *
 * For the MLP of `mlpForward`, $z_\ell = m_\ell\,h_{\ell-1}W_\ell + b_\ell$, $h_\ell = \phi(z_\ell)$, output
 * $f = z_L$ (multipliers $m_\ell$ from `layerScales`), the gradient of the output on sample $x$ with respect to
 * $W_\ell$ is the outer product $m_\ell\,h_{\ell-1}(x)^\top\delta_\ell(x)$ and with respect to $b_\ell$ is
 * $\delta_\ell(x)$, where the back-propagated signals are $\delta_L = 1$,
 * $\delta_\ell = m_{\ell+1}\big(\delta_{\ell+1}W_{\ell+1}^\top\big)\odot\phi'(z_\ell)$. Since
 * $\langle a\,b^\top, a'\,b'^\top\rangle = (a\cdot a')(b\cdot b')$,
 * $$\hat\Theta(x,x') = \sum_{\ell=1}^{L}\Big(m_\ell^2\,h_{\ell-1}(x)\cdot h_{\ell-1}(x') + [\text{bias}]\Big)\,\delta_\ell(x)\cdot\delta_\ell(x')$$
 * (Jacot et al. 2018, arXiv:1806.07572; the same decomposition underlies the infinite-width recursion of
 * `reluNtk`). Introduced in notebook 05.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import type { Matrix } from "../linalg/matrix.ts";
import { activation } from "../models/activation.ts";
import type { MlpSpec } from "../models/mlp.ts";
import { layerScales } from "../models/parameterization.ts";

function derivative(name: MlpSpec["activation"], z: tf.Tensor): tf.Tensor {
  switch (name ?? "relu") {
    case "relu":
      return tf.cast(tf.greater(z, 0), "float32");
    case "tanh":
      return tf.sub(1, tf.square(tf.tanh(z)));
    case "sigmoid": {
      const s = tf.sigmoid(z);
      return tf.mul(s, tf.sub(1, s));
    }
    case "linear":
      return tf.onesLike(z);
    default:
      throw new RangeError(`mlpNtk: unknown activation "${name}"; expected relu, tanh, sigmoid or linear`);
  }
}

/** Per-layer inputs $h_{\ell-1}$ `[n, n_{ℓ-1}]` and signals $\delta_\ell$ `[n, n_ℓ]`, ℓ = 1…L. */
function layerFactors(
  spec: MlpSpec,
  params: tf.Tensor[],
  x: tf.Tensor2D,
): { h: tf.Tensor2D[]; delta: tf.Tensor2D[] } {
  const hasBias = spec.bias ?? true, L = spec.sizes.length - 1;
  const scales = layerScales(spec), act = activation(spec.activation ?? "relu");
  const W = (l: number) => params[hasBias ? 2 * l : l] as tf.Tensor2D;
  const h: tf.Tensor2D[] = [x], z: tf.Tensor2D[] = [];
  for (let l = 0; l < L; l++) {
    let zl = tf.mul(tf.matMul(h[l], W(l)), scales[l].multiplier) as tf.Tensor2D;
    if (hasBias) zl = tf.add(zl, params[2 * l + 1]);
    z.push(zl);
    if (l < L - 1) h.push(act(zl) as tf.Tensor2D);
  }
  const delta: tf.Tensor2D[] = new Array(L);
  delta[L - 1] = tf.onesLike(z[L - 1]);
  for (let l = L - 2; l >= 0; l--) {
    const back = tf.mul(tf.matMul(delta[l + 1], W(l + 1), false, true), scales[l + 1].multiplier);
    delta[l] = tf.mul(back, derivative(spec.activation, z[l])) as tf.Tensor2D;
  }
  return { h, delta };
}

/**
 * The empirical NTK $\hat\Theta$ `[n1, n2]` of a scalar-output MLP (`initMlp`/`mlpForward` conventions, any
 * parameterization) between the rows of `x1` `[n1, d]` and `x2` `[n2, d]` (default `x1`). Equal to
 * `empiricalNtk((ps, x) => mlpForward(spec, ps, x), params, x1, x2)` up to float32 rounding, and much faster.
 *
 * @throws {RangeError} when the output is not scalar or the parameter list does not match `spec`
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { mlpNtk } from "./mlp_ntk.ts";
 * await tf.setBackend("cpu");
 * // A linear model f = x·w (sizes [2, 1], standard parameterization, no bias) has NTK x xᵀ.
 * const K = mlpNtk({ sizes: [2, 1], bias: false }, [tf.zeros([2, 1])], tf.tensor2d([[1, 2], [3, 4]]));
 * if (K[0][1] !== 11 || K[1][1] !== 25) throw new Error("x xᵀ");
 * ```
 */
export function mlpNtk(spec: MlpSpec, params: tf.Tensor[], x1: tf.Tensor2D, x2?: tf.Tensor2D): Matrix {
  const L = spec.sizes.length - 1, hasBias = spec.bias ?? true;
  if (spec.sizes[L] !== 1) {
    throw new RangeError(`mlpNtk: expected a scalar-output MLP (sizes ending in 1), got [${spec.sizes}]`);
  }
  if (params.length !== (hasBias ? 2 * L : L)) {
    throw new RangeError(
      `mlpNtk: expected ${
        hasBias ? 2 * L : L
      } parameter tensors for sizes [${spec.sizes}], got ${params.length}`,
    );
  }
  const scales = layerScales(spec);
  const K = tf.tidy(() => {
    const a = layerFactors(spec, params, x1);
    const b = x2 === undefined ? a : layerFactors(spec, params, x2);
    let sum: tf.Tensor2D | null = null;
    for (let l = 0; l < L; l++) {
      let inputs = tf.mul(tf.matMul(a.h[l], b.h[l], false, true), scales[l].multiplier ** 2) as tf.Tensor2D;
      if (hasBias) inputs = tf.add(inputs, 1);
      const term = tf.mul(inputs, tf.matMul(a.delta[l], b.delta[l], false, true)) as tf.Tensor2D;
      sum = sum === null ? term : tf.add(sum, term);
    }
    return sum!;
  });
  const [n1, n2] = K.shape;
  const data = K.dataSync();
  K.dispose();
  return Array.from({ length: n1 }, (_, i) => Array.from(data.subarray(i * n2, (i + 1) * n2)));
}
