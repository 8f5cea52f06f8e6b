/**
 * The ideal denoiser of a finite training set: the exact posterior mean $\mathbb E[x_0 \mid x_t]$ when the data
 * distribution is the empirical one, $p_0 = \frac1N\sum_\mu \delta_{x^\mu}$ (Kamb & Ganguli 2025,
 * arXiv:2412.20292, the "ideal score machine").
 *
 * Forward (variance-preserving) noising: $x_t = \sqrt{\bar\alpha}\,x_0 + \sqrt{1-\bar\alpha}\,\varepsilon$ with
 * $\varepsilon \sim \mathcal N(0, I)$. The noised density is a mixture of $N$ Gaussians,
 * $p_t(x) = \frac1N\sum_\mu \mathcal N\big(x;\ \sqrt{\bar\alpha}\,x^\mu,\ (1-\bar\alpha) I\big)$, and Bayes' rule gives
 * $$D(x) = \mathbb E[x_0\mid x_t = x] = \sum_\mu w_\mu(x)\, x^\mu,\qquad
 *   w_\mu(x) = \operatorname{softmax}_\mu\Big(-\frac{\|x-\sqrt{\bar\alpha}\,x^\mu\|^2}{2(1-\bar\alpha)}\Big),$$
 * a softmax-weighted average of training images. Tweedie's formula links it to the score,
 * $\nabla_x\log p_t(x) = (\sqrt{\bar\alpha}\,D(x) - x)/(1-\bar\alpha)$. As the noise vanishes the weights collapse
 * onto the nearest training image, so a sampler driven by this denoiser can only return training images.
 * Introduced in notebook 12.
 *
 * @module
 */

/** Images as the rows of a flat row-major `[n, d]` array (a `Dataset` from `loadDigits` fits). */
export interface ImageRows {
  /** `[n, d]` row-major. */
  x: Float64Array;
  n: number;
  d: number;
}

/** Options of the ideal-denoiser functions. */
export interface NoiseLevel {
  /** Signal fraction $\bar\alpha \in (0, 1)$: $x_t = \sqrt{\bar\alpha}x_0 + \sqrt{1-\bar\alpha}\,\varepsilon$. */
  alphaBar: number;
}

/** Validate ᾱ and the shape of a batch; returns the number of rows of `x`. */
export function checkNoisedBatch(where: string, x: ArrayLike<number>, d: number, alphaBar: number): number {
  if (!(alphaBar > 0 && alphaBar < 1)) {
    throw new RangeError(`${where}: expected a noise level 0 < alphaBar < 1, got ${alphaBar}`);
  }
  if (x.length === 0 || x.length % d !== 0) {
    throw new RangeError(
      `${where}: expected x to hold whole images of d = ${d} pixels, got ${x.length} values`,
    );
  }
  return x.length / d;
}

function checkTrain(where: string, train: ImageRows): void {
  if (train.n < 1 || train.x.length !== train.n * train.d) {
    throw new RangeError(
      `${where}: expected a training set with x of length n·d = ${train.n}·${train.d}, got ${train.x.length}`,
    );
  }
}

/** Unnormalized log-weights $-\|x-\sqrt{\bar\alpha}x^\mu\|^2/(2(1-\bar\alpha))$ of row `s` of `x`, into `out`. */
function logWeights(
  x: ArrayLike<number>,
  s: number,
  train: ImageRows,
  alphaBar: number,
  out: Float64Array,
): number {
  const { d, n } = train, a = Math.sqrt(alphaBar), scale = 1 / (2 * (1 - alphaBar));
  let max = -Infinity;
  for (let mu = 0; mu < n; mu++) {
    let sq = 0;
    for (let j = 0; j < d; j++) {
      const diff = x[s * d + j] - a * train.x[mu * d + j];
      sq += diff * diff;
    }
    out[mu] = -sq * scale;
    if (out[mu] > max) max = out[mu];
  }
  return max;
}

/**
 * The posterior weights $w_\mu(x)$ `[n]` of the training images given one noised image `x` `[d]`.
 *
 * @example
 * ```ts
 * import { idealPosteriorWeights } from "./ideal_denoiser.ts";
 * const train = { x: Float64Array.from([0, 0, 4, 4]), n: 2, d: 2 };
 * const w = idealPosteriorWeights([0.1, 0], train, { alphaBar: 0.5 });
 * if (!(w[0] > 0.99 && Math.abs(w[0] + w[1] - 1) < 1e-15)) throw new Error("the nearer image dominates");
 * ```
 */
export function idealPosteriorWeights(
  x: ArrayLike<number>,
  train: ImageRows,
  options: NoiseLevel,
): Float64Array {
  checkTrain("idealPosteriorWeights", train);
  if (checkNoisedBatch("idealPosteriorWeights", x, train.d, options.alphaBar) !== 1) {
    throw new RangeError(
      `idealPosteriorWeights: expected one image of ${train.d} pixels, got ${x.length} values`,
    );
  }
  const w = new Float64Array(train.n);
  const max = logWeights(x, 0, train, options.alphaBar, w);
  let z = 0;
  for (let mu = 0; mu < train.n; mu++) z += w[mu] = Math.exp(w[mu] - max);
  for (let mu = 0; mu < train.n; mu++) w[mu] /= z;
  return w;
}

/**
 * The ideal denoiser $D(x) = \sum_\mu w_\mu(x)\,x^\mu$ for a batch `x` `[s, d]` (flat), returned as `[s, d]`.
 * Cost $O(s\,n\,d)$.
 *
 * @throws {RangeError} unless $0 < \bar\alpha < 1$ and `x` holds whole images of `train.d` pixels
 *
 * @example
 * ```ts
 * import { idealDenoiser } from "./ideal_denoiser.ts";
 * // One training image: the posterior mean is that image, whatever the noisy input.
 * const train = { x: Float64Array.from([1, 2]), n: 1, d: 2 };
 * const out = idealDenoiser([5, -3], train, { alphaBar: 0.3 });
 * if (out[0] !== 1 || out[1] !== 2) throw new Error("D(x) = x¹");
 * ```
 */
export function idealDenoiser(x: ArrayLike<number>, train: ImageRows, options: NoiseLevel): Float64Array {
  checkTrain("idealDenoiser", train);
  const s = checkNoisedBatch("idealDenoiser", x, train.d, options.alphaBar);
  const { n, d } = train;
  const out = new Float64Array(s * d), w = new Float64Array(n);
  for (let row = 0; row < s; row++) {
    const max = logWeights(x, row, train, options.alphaBar, w);
    let z = 0;
    for (let mu = 0; mu < n; mu++) z += w[mu] = Math.exp(w[mu] - max);
    for (let mu = 0; mu < n; mu++) {
      const weight = w[mu] / z;
      if (weight === 0) continue;
      for (let j = 0; j < d; j++) out[row * d + j] += weight * train.x[mu * d + j];
    }
  }
  return out;
}

/**
 * The exact score $\nabla_x \log p_t(x) = (\sqrt{\bar\alpha}\,D(x)-x)/(1-\bar\alpha)$ (Tweedie's formula) for a batch
 * `x` `[s, d]`, returned as `[s, d]`.
 */
export function idealScore(x: ArrayLike<number>, train: ImageRows, options: NoiseLevel): Float64Array {
  const denoised = idealDenoiser(x, train, options);
  const a = Math.sqrt(options.alphaBar), v = 1 - options.alphaBar;
  return denoised.map((dx, k) => (a * dx - x[k]) / v);
}

/**
 * $\log p_t(x)$ of one image `x` `[d]` under the noised empirical distribution (a Gaussian mixture), computed
 * stably by log-sum-exp. Its gradient is {@linkcode idealScore}.
 */
export function noisedEmpiricalLogDensity(
  x: ArrayLike<number>,
  train: ImageRows,
  options: NoiseLevel,
): number {
  checkTrain("noisedEmpiricalLogDensity", train);
  if (checkNoisedBatch("noisedEmpiricalLogDensity", x, train.d, options.alphaBar) !== 1) {
    throw new RangeError(
      `noisedEmpiricalLogDensity: expected one image of ${train.d} pixels, got ${x.length} values`,
    );
  }
  const w = new Float64Array(train.n);
  const max = logWeights(x, 0, train, options.alphaBar, w);
  let z = 0;
  for (let mu = 0; mu < train.n; mu++) z += Math.exp(w[mu] - max);
  return max + Math.log(z / train.n) - (train.d / 2) * Math.log(2 * Math.PI * (1 - options.alphaBar));
}
