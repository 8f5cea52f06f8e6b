/**
 * The gradient noise scale and the critical batch size (McCandlish, Kaplan, Amodei et al. 2018,
 * arXiv:1812.06162 §2.2; notebook 08).
 *
 * Near a point $w$ with true gradient $G$, Hessian $H$ and per-example gradient covariance $C$, one SGD step
 * with batch $B$ and rate $\eta$ lowers the loss on average by
 * $$\Delta L(\eta, B) = \eta\|G\|^2 - \tfrac{\eta^2}{2}\Big(G^\top HG + \frac{\mathrm{tr}(HC)}{B}\Big)$$
 * (exact when the loss is quadratic). The best rate and the best gain are
 * $$\eta_{\rm opt}(B) = \frac{\eta_{\max}}{1+B_{\rm noise}/B},\qquad \Delta L_{\rm opt}(B) = \frac{\Delta L_{\max}}{1+B_{\rm noise}/B},
 *   \qquad B_{\rm noise} = \frac{\mathrm{tr}(HC)}{G^\top HG},$$
 * with $\eta_{\max} = \|G\|^2/G^\top HG$ and $\Delta L_{\max} = \tfrac12\|G\|^4/G^\top HG$. Batches much smaller than
 * $B_{\rm noise}$ waste steps; much larger ones waste samples. The *simple* noise scale
 * $B_{\rm simple} = \mathrm{tr}\,C/\|G\|^2$ drops the Hessian (equal to $B_{\rm noise}$ when $H\propto I$) and can be
 * measured from gradient norms alone.
 *
 * For Gaussian linear regression ($H = \Sigma$, error $e = w - w^*$, $G = \Sigma e$) Isserlis' theorem gives
 * the per-example covariance exactly: $C = \Sigma ee^\top\Sigma + (e^\top\Sigma e + \sigma^2)\Sigma$.
 *
 * @module
 */

/** Noise scales and step gains at one point. */
export interface NoiseScales {
  /** $\|G\|^2$. */
  gradNormSq: number;
  /** $\mathrm{tr}\,C$, the total per-example gradient variance. */
  traceCov: number;
  /** $B_{\rm simple} = \mathrm{tr}\,C / \|G\|^2$. */
  simple: number;
  /** $B_{\rm noise} = \mathrm{tr}(HC) / G^\top HG$. */
  noise: number;
  /** $\eta_{\max} = \|G\|^2/G^\top HG$, the best rate with an infinite batch. */
  maxEta: number;
  /** $\Delta L_{\max} = \tfrac12\|G\|^4/G^\top HG$, the best one-step gain with an infinite batch. */
  maxGain: number;
}

/**
 * Exact noise scales of Gaussian linear regression at error `error` $= w - w^*$ `[d]` (eigenbasis of $\Sigma$,
 * spectrum `eigenvalues` `[d]`), label-noise variance `noiseVar`.
 *
 * @example
 * ```ts
 * import { regressionNoiseScales } from "./noise_scale.ts";
 * // Isotropic Σ = I in d = 3, e = (1, 0, 0), σ² = 0: C = eeᵀ + I, tr C = 4, ‖G‖² = 1.
 * const s = regressionNoiseScales([1, 1, 1], [1, 0, 0], { noiseVar: 0 });
 * if (s.simple !== 4 || s.noise !== 4) throw new Error("B_simple = B_noise = 4 when H ∝ I");
 * ```
 */
export function regressionNoiseScales(
  eigenvalues: ArrayLike<number>,
  error: ArrayLike<number>,
  options: { noiseVar: number },
): NoiseScales {
  const d = eigenvalues.length;
  if (error.length !== d) {
    throw new RangeError(`regressionNoiseScales: expected error of length ${d}, got ${error.length}`);
  }
  if (!(options.noiseVar >= 0)) {
    throw new RangeError(`regressionNoiseScales: expected noiseVar ≥ 0, got ${options.noiseVar}`);
  }
  let eSe = 0, g2 = 0, gHg = 0, tr = 0, tr2 = 0;
  for (let i = 0; i < d; i++) {
    const l = eigenvalues[i], e2 = error[i] * error[i];
    eSe += l * e2;
    g2 += l * l * e2;
    gHg += l * l * l * e2;
    tr += l;
    tr2 += l * l;
  }
  if (!(g2 > 0)) {
    throw new RangeError(
      "regressionNoiseScales: the gradient is zero at this point (error = 0), no noise scale",
    );
  }
  const traceCov = g2 + (eSe + options.noiseVar) * tr;
  const traceHC = gHg + (eSe + options.noiseVar) * tr2;
  return {
    gradNormSq: g2,
    traceCov,
    simple: traceCov / g2,
    noise: traceHC / gHg,
    maxEta: g2 / gHg,
    maxGain: (0.5 * g2 * g2) / gHg,
  };
}

/**
 * Expected one-step loss decrease $\Delta L(\eta, B) = \eta\|G\|^2 - \frac{\eta^2}{2}\,G^\top HG\,(1 + B_{\rm noise}/B)$,
 * written with the scales of {@linkcode regressionNoiseScales}.
 */
export function expectedStepGain(scales: NoiseScales, options: { eta: number; batch: number }): number {
  const { eta, batch } = options;
  const gHg = scales.gradNormSq / scales.maxEta;
  return eta * scales.gradNormSq - 0.5 * eta * eta * gHg * (1 + scales.noise / batch);
}

/**
 * The best one-step gain at batch size `batch`: $\Delta L_{\rm opt}(B) = \Delta L_{\max}/(1 + B_{\rm noise}/B)$.
 *
 * @example
 * ```ts
 * import { optimalStepGain } from "./noise_scale.ts";
 * if (optimalStepGain(10, { maxGain: 1, noiseScale: 10 }) !== 0.5) throw new Error("half the gain at B = B_noise");
 * ```
 */
export function optimalStepGain(batch: number, options: { maxGain: number; noiseScale: number }): number {
  if (!(batch > 0)) throw new RangeError(`optimalStepGain: expected batch > 0, got ${batch}`);
  return options.maxGain / (1 + options.noiseScale / batch);
}
