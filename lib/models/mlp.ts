/**
 * A fully connected network written functionally: parameters are a flat list `[W1, b1, W2, b2, …]`, and
 * {@linkcode mlpForward} maps `(params, x)` to outputs. Functional form is what second-order autodiff,
 * empirical NTKs and linearization need (they differentiate with respect to the parameter list).
 *
 * Parameterizations (Jacot et al. 2018, arXiv:1806.07572 §2; Yang & Hu 2021, arXiv:2011.14522 §3):
 * - `"standard"`: $W_\ell \sim \mathcal N(0, \sigma_w^2/n_{\ell-1})$, $h_\ell = h_{\ell-1} W_\ell + b_\ell$;
 * - `"ntk"`: $W_\ell \sim \mathcal N(0, 1)$, $h_\ell = \frac{\sigma_w}{\sqrt{n_{\ell-1}}} h_{\ell-1} W_\ell + b_\ell$.
 * Both give the same function at initialization; they differ in how gradient descent moves it.
 *
 * Shapes: `x` is `[n, d]` (row-major samples), `W_ℓ` is `[n_{ℓ-1}, n_ℓ]`, `b_ℓ` is `[n_ℓ]`.
 * Introduced in notebook 00.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { rng } from "../random.ts";
import { type ActivationName, activation } from "./activation.ts";

/** Architecture of an MLP. */
export interface MlpSpec {
  /** Layer widths, input first: `[d, width, …, out]`. */
  sizes: number[];
  /** Hidden nonlinearity. Default "relu". */
  activation?: ActivationName;
  /** Default "standard". */
  parameterization?: "standard" | "ntk";
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

function scaleOf(spec: MlpSpec): number {
  return spec.weightScale ?? ((spec.activation ?? "relu") === "relu" ? Math.SQRT2 : 1);
}

/**
 * Seeded initial parameters `[W1, b1, …]` as tf.Variables (or `[W1, W2, …]` without biases).
 * The same seed gives the same weights on every backend.
 */
export function initMlp(spec: MlpSpec, options: { seed: number }): tf.Variable[] {
  checkSpec(spec);
  const r = rng(options.seed);
  const ntk = spec.parameterization === "ntk";
  const params: tf.Variable[] = [];
  for (let l = 1; l < spec.sizes.length; l++) {
    const fanIn = spec.sizes[l - 1];
    const std = ntk ? 1 : scaleOf(spec) / Math.sqrt(fanIn);
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
  checkSpec(spec);
  const hasBias = spec.bias ?? true;
  const layers = spec.sizes.length - 1;
  const expected = hasBias ? 2 * layers : layers;
  if (params.length !== expected) {
    throw new RangeError(`mlpForward: expected ${expected} parameter tensors for sizes [${spec.sizes}], got ${params.length}`);
  }
  const act = activation(spec.activation ?? "relu");
  const ntk = spec.parameterization === "ntk";
  return tf.tidy(() => {
    let h = x as tf.Tensor2D;
    for (let l = 0; l < layers; l++) {
      const w = params[hasBias ? 2 * l : l] as tf.Tensor2D;
      let z = tf.matMul(h, w);
      if (ntk) z = tf.mul(z, scaleOf(spec) / Math.sqrt(spec.sizes[l]));
      if (hasBias) z = tf.add(z, params[2 * l + 1]);
      h = (l < layers - 1 ? act(z) : z) as tf.Tensor2D;
    }
    return h;
  });
}
