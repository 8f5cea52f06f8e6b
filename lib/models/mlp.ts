/**
 * A fully connected network written functionally: parameters are a flat list `[W1, b1, W2, b2, …]`, and
 * {@linkcode mlpForward} maps `(params, x)` to outputs. Functional form is what second-order autodiff,
 * empirical NTKs and linearization need (they differentiate with respect to the parameter list).
 *
 * Parameterizations (Jacot et al. 2018, arXiv:1806.07572 §2; Yang & Hu 2021, arXiv:2011.14522 §3):
 * - `"standard"`: $W_\ell \sim \mathcal N(0, \sigma_w^2/n_{\ell-1})$, $h_\ell = h_{\ell-1} W_\ell + b_\ell$;
 * - `"ntk"`: $W_\ell \sim \mathcal N(0, 1)$, $h_\ell = \frac{\sigma_w}{\sqrt{n_{\ell-1}}} h_{\ell-1} W_\ell + b_\ell$;
 * - `"mup"`: as standard, except the output layer's init variance is divided by the width multiplier
 *   $n_{L-1}/N_0$ (`baseWidth` $N_0$); its per-layer learning rates come from `mlpLearningRates`
 *   (`./parameterization.ts`, notebook 06).
 * Standard and NTK give the same function at initialization; they differ in how gradient descent moves it.
 *
 * Shapes: `x` is `[n, d]` (row-major samples), `W_ℓ` is `[n_{ℓ-1}, n_ℓ]`, `b_ℓ` is `[n_ℓ]`.
 * Introduced in notebook 00.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { rng } from "../random.ts";
import { activation, type ActivationName } from "./activation.ts";
import { layerScales, type ParameterizationName } from "./parameterization.ts";

/** Architecture of an MLP. */
export interface MlpSpec {
  /** Layer widths, input first: `[d, width, …, out]`. */
  sizes: number[];
  /** Hidden nonlinearity. Default "relu". */
  activation?: ActivationName;
  /** Default "standard". See `./parameterization.ts` for what each scheme does per layer. */
  parameterization?: ParameterizationName;
  /** µP only: the base width $N_0$ at which µP coincides with standard. Default 1 (Yang et al. 2022 Table 3). */
  baseWidth?: number;
  /** Weight scale σ_w (He init for ReLU is √2). Default √2 for relu, 1 otherwise. */
  weightScale?: number;
  /** Include biases. Default true (initialized to zero). */
  bias?: boolean;
}

function checkSpec(spec: MlpSpec): void {
  if (spec.sizes.length < 2 || spec.sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new RangeError(
      `MLP sizes must be at least two positive integers [d, …, out], got [${spec.sizes.join(", ")}]`,
    );
  }
}

/**
 * Seeded initial parameters `[W1, b1, …]` as tf.Variables (or `[W1, W2, …]` without biases).
 * The same seed gives the same weights on every backend.
 */
export function initMlp(spec: MlpSpec, options: { seed: number }): tf.Variable[] {
  checkSpec(spec);
  const r = rng(options.seed);
  const scales = layerScales(spec);
  const params: tf.Variable[] = [];
  for (let l = 1; l < spec.sizes.length; l++) {
    const fanIn = spec.sizes[l - 1];
    const std = scales[l - 1].initStd;
    const w = r.normals(fanIn * spec.sizes[l], std);
    // Inside tidy the initial value is disposed; the variable keeps its own reference to the data.
    params.push(tf.tidy(() => tf.variable(tf.tensor2d(Float32Array.from(w), [fanIn, spec.sizes[l]]), true)));
    if (spec.bias ?? true) params.push(tf.tidy(() => tf.variable(tf.zeros([spec.sizes[l]]), true)));
  }
  return params;
}

/**
 * Forward pass $f(\theta, x)$: `x` `[n, d]` → `[n, out]`. The last layer is linear.
 */
export function mlpForward(spec: MlpSpec, params: tf.Tensor[], x: tf.Tensor): tf.Tensor2D {
  return tf.tidy(() => {
    const states = mlpStates(spec, params, x, "mlpForward");
    return states[states.length - 1];
  });
}

/**
 * The hidden representations: post-activation features $h_1, …, h_{L-1}$ (`[n, n_ℓ]` each), followed by
 * the output `[n, out]`. What feature-learning measurements read (notebook 06). The caller disposes them.
 */
export function mlpFeatures(spec: MlpSpec, params: tf.Tensor[], x: tf.Tensor): tf.Tensor2D[] {
  return tf.tidy(() => mlpStates(spec, params, x, "mlpFeatures"));
}

function mlpStates(spec: MlpSpec, params: tf.Tensor[], x: tf.Tensor, fn: string): tf.Tensor2D[] {
  checkSpec(spec);
  const hasBias = spec.bias ?? true;
  const layers = spec.sizes.length - 1;
  const expected = hasBias ? 2 * layers : layers;
  if (params.length !== expected) {
    throw new RangeError(
      `${fn}: expected ${expected} parameter tensors for sizes [${spec.sizes}], got ${params.length}`,
    );
  }
  const act = activation(spec.activation ?? "relu");
  const scales = layerScales(spec);
  const states: tf.Tensor2D[] = [];
  let h = x as tf.Tensor2D;
  for (let l = 0; l < layers; l++) {
    const w = params[hasBias ? 2 * l : l] as tf.Tensor2D;
    let z = tf.matMul(h, w);
    if (scales[l].multiplier !== 1) z = tf.mul(z, scales[l].multiplier);
    if (hasBias) z = tf.add(z, params[2 * l + 1]);
    h = (l < layers - 1 ? act(z) : z) as tf.Tensor2D;
    states.push(h);
  }
  return states;
}
