/**
 * Parameterizations of an MLP: how each layer's initial weights, forward multiplier and learning rate scale
 * with width. Three named schemes, all giving the same network at a chosen base width:
 *
 * | layer $\ell$ (fan-in $n_{\ell-1}$) | standard (SP) | NTK | µP (SGD) |
 * |---|---|---|---|
 * | init std of $W_\ell$ | $\sigma/\sqrt{n_{\ell-1}}$ | $1$ | $\sigma/\sqrt{n_{\ell-1}}$, output layer $\times\sqrt{1/m_{\rm in}}$ |
 * | forward multiplier | $1$ | $\sigma/\sqrt{n_{\ell-1}}$ | $1$ |
 * | learning rate of $W_\ell$ | $\eta$ | $\eta$ | $\eta\, m_{\rm out}/m_{\rm in}$ |
 * | learning rate of $b_\ell$ | $\eta$ | $\eta$ | $\eta\, m_{\rm out}$ |
 *
 * Here $m = n/N_0$ is a hidden dimension's *width multiplier* relative to a base width $N_0$
 * (`spec.baseWidth`), and $m = 1$ for the input and output dimensions, which stay finite as the network
 * widens. So under µP the input layer's learning rate grows like $m$, hidden layers keep $\eta$, and the
 * output layer's learning rate shrinks like $1/m$, its initial variance like $1/m$ too. With $N_0 = 1$ (the
 * default) this is Table 3 of Yang et al. 2022 (arXiv:2203.03466) literally: output init variance
 * $\sigma^2/\text{fan\_in}^2$, learning rates $\eta\,\text{fan\_out}$, $\eta$, $\eta/\text{fan\_in}$. At
 * width $N_0$, µP and SP coincide, which is how µTransfer tunes a small "base" model and reuses its $\eta$.
 *
 * The µP rule is the *spectral condition* of Yang, Simon & Bernstein 2023 (arXiv:2310.17813, §3): a layer's
 * weights and their updates should have spectral norm $\Theta(\sqrt{\text{fan\_out}/\text{fan\_in}})$, so
 * that features and their changes stay $\Theta(1)$ per coordinate at every width; for SGD this gives a
 * learning rate $\propto \text{fan\_out}/\text{fan\_in}$. The abc-parameterizations behind the table are
 * Yang & Hu 2021 (arXiv:2011.14522, §3 and Table 3).
 *
 * Introduced in notebook 06 (µP and hyperparameter transfer).
 *
 * @module
 */
import type { MlpSpec } from "./mlp.ts";

/** Names accepted by `MlpSpec.parameterization`. */
export type ParameterizationName = "standard" | "ntk" | "mup";

/** How one layer `W_ℓ` (`[fanIn, fanOut]`) and its bias scale. */
export interface LayerScale {
  fanIn: number;
  fanOut: number;
  /** Standard deviation of the initial entries of `W_ℓ`. */
  initStd: number;
  /** The forward pass computes `multiplier · (h W_ℓ) + b_ℓ`. */
  multiplier: number;
  /** Learning rate of `W_ℓ` relative to the global η. */
  learningRate: number;
  /** Learning rate of `b_ℓ` relative to the global η. */
  biasLearningRate: number;
}

const NAMES: readonly string[] = ["standard", "ntk", "mup"];

/** σ_w of a spec: the given `weightScale`, else √2 for ReLU (He init) and 1 otherwise. */
export function weightScaleOf(spec: MlpSpec): number {
  return spec.weightScale ?? ((spec.activation ?? "relu") === "relu" ? Math.SQRT2 : 1);
}

/**
 * Per-layer init scale, forward multiplier and learning-rate factors of an MLP spec (table above).
 * Shapes: one entry per weight matrix, `sizes.length − 1` in all.
 *
 * @example
 * ```ts
 * import { layerScales } from "./parameterization.ts";
 * const mup = layerScales({ sizes: [16, 1024, 10], parameterization: "mup", baseWidth: 64 });
 * // width multiplier m = 16: input layer learns 16× faster, output layer 16× slower.
 * if (mup[0].learningRate !== 16 || mup[1].learningRate !== 1 / 16) throw new Error("µP learning rates");
 * ```
 */
export function layerScales(spec: MlpSpec): LayerScale[] {
  const kind = spec.parameterization ?? "standard";
  if (!NAMES.includes(kind)) {
    throw new RangeError(`Unknown parameterization "${kind}"; expected standard, ntk or mup`);
  }
  const base = spec.baseWidth ?? 1;
  if (!(base > 0)) throw new RangeError(`baseWidth must be a positive number, got ${spec.baseWidth}`);
  const { sizes } = spec;
  const last = sizes.length - 1;
  // Width multiplier of dimension k: hidden dimensions grow with width, input and output stay finite.
  const m = (k: number): number => (k === 0 || k === last ? 1 : sizes[k] / base);
  const sigma = weightScaleOf(spec);
  const scales: LayerScale[] = [];
  for (let l = 1; l <= last; l++) {
    const fanIn = sizes[l - 1], fanOut = sizes[l];
    const sp = sigma / Math.sqrt(fanIn);
    if (kind === "ntk") {
      scales.push({ fanIn, fanOut, initStd: 1, multiplier: sp, learningRate: 1, biasLearningRate: 1 });
    } else if (kind === "standard") {
      scales.push({ fanIn, fanOut, initStd: sp, multiplier: 1, learningRate: 1, biasLearningRate: 1 });
    } else {
      scales.push({
        fanIn,
        fanOut,
        initStd: l === last ? sp / Math.sqrt(m(l - 1)) : sp,
        multiplier: 1,
        learningRate: m(l) / m(l - 1),
        biasLearningRate: m(l),
      });
    }
  }
  return scales;
}

/**
 * Learning rates for each tensor of `initMlp(spec)`'s parameter list (`[W1, b1, W2, b2, …]`, or
 * `[W1, W2, …]` without biases): the global `eta` times {@linkcode layerScales}' factors.
 *
 * @example
 * ```ts
 * import { mlpLearningRates } from "./parameterization.ts";
 * const lrs = mlpLearningRates({ sizes: [16, 256, 10], parameterization: "mup", baseWidth: 64 }, 0.5);
 * // [W1, b1, W2, b2] with m = 4: [0.5·4, 0.5·4, 0.5/4, 0.5]
 * if (lrs.join() !== [2, 2, 0.125, 0.5].join()) throw new Error("µP per-tensor learning rates");
 * ```
 */
export function mlpLearningRates(spec: MlpSpec, eta: number): number[] {
  if (!(eta >= 0) || !Number.isFinite(eta)) {
    throw new RangeError(`mlpLearningRates: expected a finite learning rate η ≥ 0, got ${eta}`);
  }
  const bias = spec.bias ?? true;
  return layerScales(spec).flatMap((s) =>
    bias ? [eta * s.learningRate, eta * s.biasLearningRate] : [eta * s.learningRate]
  );
}
