/**
 * The exact second moment of online SGD on Gaussian linear regression, and its stationary excess risk
 * (notebook 08).
 *
 * Setting (cf. Mandt, Hoffman & Blei 2017, arXiv:1704.04289 §3, who treat SGD near a minimum as an
 * Ornstein–Uhlenbeck process):
 * $x\sim\mathcal N(0,\Sigma)$, $y = w^{*\top}x+\sigma\xi$, step $w_{t+1} = w_t - \frac{\eta}{B}\sum_b x_b(x_b^\top w_t - y_b)$.
 * With $e = w - w^*$ and $M_t = \mathbb E[e_te_t^\top]$, Isserlis' theorem for Gaussian inputs,
 * $\mathbb E[xx^\top A xx^\top] = 2\Sigma A\Sigma + \mathrm{tr}(\Sigma A)\Sigma$, gives the exact recursion
 * $$M_{t+1} = M_t - \eta(\Sigma M_t + M_t\Sigma) + \eta^2\big(1+\tfrac1B\big)\Sigma M_t\Sigma
 *   + \tfrac{\eta^2}{B}\big(\mathrm{tr}(\Sigma M_t) + \sigma^2\big)\Sigma .$$
 * In the eigenbasis of $\Sigma$ the diagonal $m_i = M_{ii}$ evolves on its own:
 * $$m_i \leftarrow \big(1 - 2\eta\lambda_i + \eta^2(1+\tfrac1B)\lambda_i^2\big)m_i + \tfrac{\eta^2}{B}\lambda_i(S + \sigma^2),
 *   \qquad S = \textstyle\sum_j \lambda_j m_j ,$$
 * and the excess risk is $R = \tfrac12 S$. Its fixed point (the discrete Lyapunov equation's solution) is
 * $$m_i = \frac{\eta}{B}\,\frac{S+\sigma^2}{2-\eta(1+\frac1B)\lambda_i},\qquad
 *   \varphi = \frac{\eta}{B}\sum_i \frac{\lambda_i}{2-\eta(1+\frac1B)\lambda_i},\qquad
 *   R_\infty = \frac{\sigma^2}{2}\,\frac{\varphi}{1-\varphi},$$
 * finite iff $\eta(1+\frac1B)\lambda_{\max} < 2$ and $\varphi < 1$. For small $\eta$,
 * $R_\infty \approx \eta\sigma^2\,\mathrm{tr}\Sigma/(4B)$: a function of $\eta/B$ alone, the linear scaling rule
 * (Goyal et al. 2017, arXiv:1706.02677 §2.1; Malladi et al. 2022, arXiv:2205.10287 for its SDE form).
 *
 * @module
 */

/** Options shared by the SGD-noise predictions. */
export interface SgdNoiseOptions {
  /** Learning rate η > 0. */
  eta: number;
  /** Minibatch size B ≥ 1 (default 1). */
  batch?: number;
  /** Label-noise variance σ² ≥ 0. */
  noiseVar: number;
}

function checked(
  where: string,
  eigenvalues: ArrayLike<number>,
  options: SgdNoiseOptions,
): { eta: number; batch: number } {
  const { eta, noiseVar } = options;
  const batch = options.batch ?? 1;
  if (!(eta > 0)) throw new RangeError(`${where}: expected a learning rate eta > 0, got ${eta}`);
  if (!(batch >= 1)) throw new RangeError(`${where}: expected batch ≥ 1, got ${batch}`);
  if (!(noiseVar >= 0)) throw new RangeError(`${where}: expected noiseVar ≥ 0, got ${noiseVar}`);
  if (eigenvalues.length === 0) throw new RangeError(`${where}: expected at least one eigenvalue, got none`);
  for (let i = 0; i < eigenvalues.length; i++) {
    if (!(eigenvalues[i] >= 0)) {
      throw new RangeError(`${where}: expected eigenvalues ≥ 0, got eigenvalues[${i}] = ${eigenvalues[i]}`);
    }
  }
  return { eta, batch };
}

/**
 * $\varphi = \frac{\eta}{B}\sum_i \lambda_i/(2-\eta(1+\frac1B)\lambda_i)$; `Infinity` when some mode is
 * beyond its stability limit. The stationary risk is finite iff $\varphi < 1$.
 */
export function sgdNoiseFactor(eigenvalues: ArrayLike<number>, options: SgdNoiseOptions): number {
  const { eta, batch } = checked("sgdNoiseFactor", eigenvalues, options);
  const c = eta * (1 + 1 / batch);
  let phi = 0;
  for (let i = 0; i < eigenvalues.length; i++) {
    const denom = 2 - c * eigenvalues[i];
    if (!(denom > 0)) return Infinity;
    phi += eigenvalues[i] / denom;
  }
  return (eta / batch) * phi;
}

/**
 * Exact stationary excess risk $R_\infty = \frac{\sigma^2}{2}\frac{\varphi}{1-\varphi}$ of online SGD on Gaussian
 * linear regression with input spectrum `eigenvalues` `[d]`; `Infinity` beyond the stability limit.
 *
 * @example
 * ```ts
 * import { stationaryExcessRisk } from "./sgd_noise.ts";
 * // One mode, λ = 1, η = 0.5, B = 1: φ = 0.5 · 1/(2 − 0.5·2·1) = 0.5, so R = (σ²/2) · 0.5/0.5 = σ²/2.
 * if (Math.abs(stationaryExcessRisk([1], { eta: 0.5, noiseVar: 2 }) - 1) > 1e-12) throw new Error("R = 1");
 * ```
 */
export function stationaryExcessRisk(eigenvalues: ArrayLike<number>, options: SgdNoiseOptions): number {
  const phi = sgdNoiseFactor(eigenvalues, options);
  if (!(phi < 1)) return Infinity;
  return (0.5 * options.noiseVar * phi) / (1 - phi);
}

/**
 * The small-learning-rate limit $R_\infty \approx \eta\sigma^2\,\mathrm{tr}\Sigma/(4B)$ (first order in η): what
 * the continuous-time (SDE / Ornstein–Uhlenbeck) picture predicts. Depends on η/B only.
 */
export function smallStepExcessRisk(eigenvalues: ArrayLike<number>, options: SgdNoiseOptions): number {
  const { eta, batch } = checked("smallStepExcessRisk", eigenvalues, options);
  let trace = 0;
  for (let i = 0; i < eigenvalues.length; i++) trace += eigenvalues[i];
  return (eta * options.noiseVar * trace) / (4 * batch);
}

/**
 * The largest learning rate with a finite stationary risk at batch size `batch`: the root of
 * $\varphi(\eta) = 1$ below $2/((1+\frac1B)\lambda_{\max})$ (bisection to relative 1e-12).
 */
export function sgdStabilityLimit(eigenvalues: ArrayLike<number>, options: { batch?: number } = {}): number {
  const batch = options.batch ?? 1;
  const base = { batch, noiseVar: 0 };
  let max = 0;
  for (let i = 0; i < eigenvalues.length; i++) max = Math.max(max, eigenvalues[i]);
  if (!(max > 0)) throw new RangeError(`sgdStabilityLimit: expected a positive eigenvalue, got max ${max}`);
  let lo = 0, hi = 2 / ((1 + 1 / batch) * max);
  while (hi - lo > 1e-12 * hi) {
    const mid = 0.5 * (lo + hi);
    if (sgdNoiseFactor(eigenvalues, { ...base, eta: mid }) < 1) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Options of {@linkcode sgdRiskCurve}. */
export interface SgdRiskCurveOptions extends SgdNoiseOptions {
  /** Number of SGD steps. */
  steps: number;
  /** Return the risk every `every` steps, from 0 (default 1). */
  every?: number;
}

/**
 * Exact expected excess risk $\mathbb E R(w_t) = \tfrac12\sum_i\lambda_i m_i(t)$ along online SGD, from the
 * diagonal second moments `m0` `[d]` of $w_0 - w^*$ in the eigenbasis (for a deterministic start,
 * $m_i(0) = (w_0 - w^*)_i^2$). Returned at steps 0, every, 2·every, … (and the last step).
 *
 * @example
 * ```ts
 * import { sgdRiskCurve, stationaryExcessRisk } from "./sgd_noise.ts";
 * const opts = { eta: 0.2, batch: 2, noiseVar: 1 };
 * const curve = sgdRiskCurve([1, 0.5], [4, 4], { ...opts, steps: 2000, every: 2000 });
 * const limit = stationaryExcessRisk([1, 0.5], opts);
 * if (Math.abs(curve.risk[1] - limit) > 1e-9 * limit) throw new Error("the curve reaches the fixed point");
 * ```
 */
export function sgdRiskCurve(
  eigenvalues: ArrayLike<number>,
  m0: ArrayLike<number>,
  options: SgdRiskCurveOptions,
): { steps: number[]; risk: Float64Array } {
  const { eta, batch } = checked("sgdRiskCurve", eigenvalues, options);
  const d = eigenvalues.length;
  if (m0.length !== d) throw new RangeError(`sgdRiskCurve: expected m0 of length ${d}, got ${m0.length}`);
  const every = options.every ?? 1;
  const m = Float64Array.from(m0);
  const steps: number[] = [], risk: number[] = [];
  const a = Float64Array.from(eigenvalues, (l) => 1 - 2 * eta * l + eta * eta * (1 + 1 / batch) * l * l);
  const c = (eta * eta) / batch;
  for (let t = 0; t <= options.steps; t++) {
    let s = 0;
    for (let i = 0; i < d; i++) s += eigenvalues[i] * m[i];
    if (t % every === 0 || t === options.steps) {
      steps.push(t);
      risk.push(0.5 * s);
    }
    const source = c * (s + options.noiseVar);
    for (let i = 0; i < d; i++) m[i] = a[i] * m[i] + source * eigenvalues[i];
  }
  return { steps, risk: Float64Array.from(risk) };
}
