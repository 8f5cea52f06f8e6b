/**
 * Stability thresholds of gradient descent, with and without momentum, on a quadratic — the sharpness that
 * training drives itself to at the edge of stability (notebook 07).
 *
 * Along a Hessian eigenvector with eigenvalue (curvature) $\lambda$ the loss is locally
 * $\tfrac12\lambda x^2$, and one step of each optimizer is a linear map of a small state:
 * - plain GD: $x_{t+1} = (1-\eta\lambda)x_t$, stable iff $\lambda < 2/\eta$;
 * - EMA momentum, $v_{t+1} = \beta v_t + (1-\beta)\lambda x_t$, $x_{t+1} = x_t - \eta v_{t+1}$: stable iff
 *   $\lambda < \frac{2+2\beta}{(1-\beta)\eta}$;
 * - heavy-ball momentum, $x_{t+1} = x_t - \eta\lambda x_t + \beta(x_t - x_{t-1})$: stable iff
 *   $\lambda < \frac{2+2\beta}{\eta}$.
 * In each case the threshold is where an eigenvalue of the iteration matrix crosses $-1$ (a period-2
 * oscillation). An EMA step is a heavy-ball step with learning rate $(1-\beta)\eta$, hence the two forms.
 * Cohen et al. 2021 (arXiv:2103.00065, §3; heavy-ball and Nesterov momentum in its appendix) show that
 * full-batch training raises the sharpness to this threshold and keeps it there.
 *
 * @module
 */

/** Which momentum rule: exponential moving average of gradients, or Polyak's heavy ball. */
export type MomentumKind = "ema" | "heavy-ball";

/** Options of {@linkcode stabilityThreshold} and {@linkcode quadraticIterationRadius}. */
export interface StabilityOptions {
  /** Momentum coefficient β ∈ [0, 1). Default 0 (plain gradient descent). */
  beta?: number;
  /** Momentum rule. Default "ema". */
  momentum?: MomentumKind;
}

function checkArgs(
  fn: string,
  eta: number,
  options: StabilityOptions,
): { beta: number; momentum: MomentumKind } {
  const beta = options.beta ?? 0, momentum = options.momentum ?? "ema";
  if (!(eta > 0) || !Number.isFinite(eta)) {
    throw new RangeError(`${fn}: expected a positive learning rate eta, got ${eta}`);
  }
  if (!(beta >= 0 && beta < 1)) throw new RangeError(`${fn}: expected momentum beta in [0, 1), got ${beta}`);
  if (momentum !== "ema" && momentum !== "heavy-ball") {
    throw new RangeError(`${fn}: expected momentum "ema" or "heavy-ball", got "${momentum}"`);
  }
  return { beta, momentum };
}

/**
 * The largest curvature a step size can follow stably — the sharpness at the edge of stability:
 * $2/\eta$ for gradient descent, $\frac{2+2\beta}{(1-\beta)\eta}$ for EMA momentum and $\frac{2+2\beta}{\eta}$
 * for heavy-ball momentum (Cohen et al. 2021, arXiv:2103.00065, §3 and appendix).
 *
 * @example
 * ```ts
 * import { stabilityThreshold } from "./edge_of_stability.ts";
 * if (stabilityThreshold(0.5) !== 4) throw new Error("2/η");
 * if (Math.abs(stabilityThreshold(0.5, { beta: 0.5 }) - 12) > 1e-12) throw new Error("(2+2β)/((1−β)η)");
 * ```
 */
export function stabilityThreshold(eta: number, options: StabilityOptions = {}): number {
  const { beta, momentum } = checkArgs("stabilityThreshold", eta, options);
  return momentum === "ema" ? (2 + 2 * beta) / ((1 - beta) * eta) : (2 + 2 * beta) / eta;
}

/**
 * Spectral radius of one optimizer step on the one-dimensional quadratic $\tfrac12\lambda x^2$ (the factor by
 * which the slowest-decaying component of $x$ shrinks per step; above 1, training diverges along that
 * direction). Iteration matrices, for the state $(x_t, v_t)$ (EMA) or $(x_t, x_{t-1})$ (heavy ball):
 * $$M_{\text{EMA}} = \begin{pmatrix}1-\eta(1-\beta)\lambda & -\eta\beta\\ (1-\beta)\lambda & \beta\end{pmatrix},\qquad
 *   M_{\text{HB}} = \begin{pmatrix}1+\beta-\eta\lambda & -\beta\\ 1 & 0\end{pmatrix}.$$
 * With β = 0 both reduce to $|1-\eta\lambda|$. The radius is 1 exactly at {@linkcode stabilityThreshold}.
 *
 * @example
 * ```ts
 * import { quadraticIterationRadius } from "./edge_of_stability.ts";
 * if (Math.abs(quadraticIterationRadius(3, 1) - 2) > 1e-12) throw new Error("|1 − ηλ| = 2");
 * ```
 */
export function quadraticIterationRadius(
  curvature: number,
  eta: number,
  options: StabilityOptions = {},
): number {
  const { beta, momentum } = checkArgs("quadraticIterationRadius", eta, options);
  if (!Number.isFinite(curvature)) {
    throw new RangeError(`quadraticIterationRadius: expected a finite curvature, got ${curvature}`);
  }
  const [trace, det] = momentum === "ema"
    ? [1 - eta * (1 - beta) * curvature + beta, beta]
    : [1 + beta - eta * curvature, beta];
  // Eigenvalues of a 2×2 matrix: z² − trace·z + det = 0.
  const disc = trace * trace - 4 * det;
  if (disc < 0) return Math.sqrt(det); // complex pair, |z|² = det
  const root = Math.sqrt(disc);
  return Math.max(Math.abs((trace + root) / 2), Math.abs((trace - root) / 2));
}
