/**
 * Scaling laws of a linear model with power-law data (notebook 09): power laws in, power laws out.
 *
 * Data covariance eigenvalues $\lambda_k = k^{-\alpha}$ and a target whose power in mode $k$ is
 * $u_k = \lambda_k (w^*_k)^2 = k^{-\beta}$ (`targetPower`), with $\alpha > 0$, $\beta > 1$. The population loss of
 * weights $w$ is $L = \tfrac12\sum_k\lambda_k(w_k - w^*_k)^2$. Then (Bordelon, Atanasov & Pehlevan 2024,
 * arXiv:2402.01092; Maloney, Roberts & Sully 2022, arXiv:2210.16859):
 * - **time**: gradient descent from zero leaves $L(t) = \tfrac12\sum_k u_k(1-\eta\lambda_k)^{2t}
 *   \approx \frac{\Gamma(\frac{\beta-1}{\alpha})}{2\alpha}(2\eta t)^{-(\beta-1)/\alpha}$;
 * - **size**: the best readout of $N$ random features leaves $L(N)\propto N^{-\min(\alpha,\,\beta-1)}$;
 * - **compute** $C = Nt$: if $L \approx A t^{-a} + B N^{-b}$, the best split gives
 *   $N_{\rm opt}\propto C^{a/(a+b)}$, $t_{\rm opt}\propto C^{b/(a+b)}$, $L^\star\propto C^{-ab/(a+b)}$.
 *
 * @module
 */
import { gamma } from "./_gamma.ts";
import { solveKappa } from "./eigenlearning.ts";

function checkAlphaBeta(where: string, alpha: number, beta: number): void {
  if (!(alpha > 0)) throw new RangeError(`${where}: expected a spectral exponent alpha > 0, got ${alpha}`);
  if (!(beta > 1)) {
    throw new RangeError(`${where}: expected a target exponent beta > 1 (finite total power), got ${beta}`);
  }
}

/**
 * Exponent of the gradient-descent learning curve, $L(t)\propto t^{-(\beta-1)/\alpha}$.
 *
 * @example
 * ```ts
 * import { gdTimeExponent } from "./scaling.ts";
 * if (gdTimeExponent(2, 3) !== 1) throw new Error("(3 − 1)/2");
 * ```
 */
export function gdTimeExponent(alpha: number, beta: number): number {
  checkAlphaBeta("gdTimeExponent", alpha, beta);
  return (beta - 1) / alpha;
}

/**
 * The asymptotic gradient-descent loss
 * $L(t)\approx\frac{\Gamma((\beta-1)/\alpha)}{2\alpha}(2\eta t)^{-(\beta-1)/\alpha}$, from replacing the sum over modes by
 * an integral and $(1-\eta\lambda)^{2t}$ by $e^{-2\eta\lambda t}$ (accurate once many modes are learned and many are
 * not: $1 \ll (2\eta t)^{1/\alpha} \ll$ the number of modes).
 */
export function gdAsymptoticLoss(t: number, options: { alpha: number; beta: number; eta: number }): number {
  const { alpha, beta, eta } = options;
  checkAlphaBeta("gdAsymptoticLoss", alpha, beta);
  if (!(t > 0) || !(eta > 0)) {
    throw new RangeError(`gdAsymptoticLoss: expected t > 0 and eta > 0, got t = ${t}, eta = ${eta}`);
  }
  const a = (beta - 1) / alpha;
  return (gamma(a) / (2 * alpha)) * (2 * eta * t) ** -a;
}

/**
 * Exact loss of gradient descent from zero after `t` steps on a model that can move only its first
 * `modes` coordinates (default: all): $L = \tfrac12\big(\sum_{k\le N}u_k(1-\eta\lambda_k)^{2t} + \sum_{k>N}u_k\big)$.
 * `t` may be fractional (needs $\eta\lambda_k < 1$).
 *
 * @example
 * ```ts
 * import { gdLossExact } from "./scaling.ts";
 * // Two modes, λ = (1, 0.5), u = (1, 1), η = 1: after one step mode 1 is learned, mode 2 halved.
 * if (gdLossExact([1, 0.5], [1, 1], { eta: 1, t: 1 }) !== 0.125) throw new Error("½ · 0.5²");
 * ```
 */
export function gdLossExact(
  eigenvalues: ArrayLike<number>,
  targetPower: ArrayLike<number>,
  options: { eta: number; t: number; modes?: number },
): number {
  const m = eigenvalues.length;
  if (targetPower.length !== m) {
    throw new RangeError(
      `gdLossExact: expected one target power per eigenvalue (${m}), got ${targetPower.length}`,
    );
  }
  const { eta, t } = options;
  const modes = Math.min(options.modes ?? m, m);
  let sum = 0;
  for (let k = 0; k < m; k++) {
    sum += k < modes ? targetPower[k] * Math.abs(1 - eta * eigenvalues[k]) ** (2 * t) : targetPower[k];
  }
  return 0.5 * sum;
}

/**
 * Exponent of the model-size law of random features, $L(N)\propto N^{-\min(\alpha,\,\beta-1)}$: the best readout
 * of $N$ random projections captures roughly the top $N$ modes, leaving the tail $\sum_{k>N}k^{-\beta}\sim N^{1-\beta}$,
 * unless the projection's own error on the learned modes, $\sim\kappa\sum_{k<N}k^{\alpha-\beta}$ with $\kappa\sim N^{-\alpha}$,
 * is larger (when $\beta - 1 > \alpha$).
 */
export function modelSizeExponent(alpha: number, beta: number): number {
  checkAlphaBeta("modelSizeExponent", alpha, beta);
  return Math.min(alpha, beta - 1);
}

/**
 * Deterministic-equivalent prediction of the random-feature loss with $N$ = `features` features at infinite
 * data and time: $L(N) \approx \tfrac12\sum_k u_k\,\kappa/(\lambda_k+\kappa)$, with $\kappa$ solving
 * $\sum_k\lambda_k/(\lambda_k+\kappa) = N$ (the projection onto $N$ Gaussian directions of covariance $\Lambda$ is,
 * on average, $\Lambda(\Lambda+\kappa)^{-1}$; cf. Atanasov, Zavatone-Veth & Pehlevan 2024, arXiv:2405.00592).
 */
export function randomFeatureLoss(
  eigenvalues: ArrayLike<number>,
  targetPower: ArrayLike<number>,
  options: { features: number },
): number {
  if (targetPower.length !== eigenvalues.length) {
    throw new RangeError(
      `randomFeatureLoss: expected one target power per eigenvalue (${eigenvalues.length}), got ${targetPower.length}`,
    );
  }
  const kappa = solveKappa(eigenvalues, options.features);
  let sum = 0;
  for (let k = 0; k < eigenvalues.length; k++) sum += (targetPower[k] * kappa) / (eigenvalues[k] + kappa);
  return 0.5 * sum;
}

/** Exponents of the compute-optimal frontier. */
export interface FrontierExponents {
  /** $L^\star \propto C^{-\text{loss}}$. */
  loss: number;
  /** $N_{\rm opt} \propto C^{\text{size}}$. */
  size: number;
  /** $t_{\rm opt} \propto C^{\text{steps}}$. */
  steps: number;
}

/**
 * Compute-optimal exponents from a time exponent $a$ and a size exponent $b$ ($L\approx At^{-a}+BN^{-b}$,
 * $C = Nt$): minimizing $AC^{-a}N^{a} + BN^{-b}$ over $N$ gives $N_{\rm opt}\propto C^{a/(a+b)}$,
 * $t_{\rm opt}\propto C^{b/(a+b)}$ and $L^\star\propto C^{-ab/(a+b)}$ (Hoffmann et al. 2022, arXiv:2203.15556,
 * §3.3; for the power-law model $a = (\beta-1)/\alpha$, $b = \beta-1$ give $1/(1+\alpha)$,
 * $\alpha/(1+\alpha)$ and $(\beta-1)/(1+\alpha)$).
 *
 * @example
 * ```ts
 * import { computeOptimalExponents } from "./scaling.ts";
 * const e = computeOptimalExponents(1, 1);
 * if (e.loss !== 0.5 || e.size !== 0.5 || e.steps !== 0.5) throw new Error("symmetric split");
 * ```
 */
export function computeOptimalExponents(timeExponent: number, sizeExponent: number): FrontierExponents {
  const a = timeExponent, b = sizeExponent;
  if (!(a > 0) || !(b > 0)) {
    throw new RangeError(`computeOptimalExponents: expected positive exponents, got time ${a} and size ${b}`);
  }
  return { loss: (a * b) / (a + b), size: a / (a + b), steps: b / (a + b) };
}
