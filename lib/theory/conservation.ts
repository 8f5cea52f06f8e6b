/**
 * Conservation laws of gradient descent from symmetries, with their exact discrete-step corrections (Kunin,
 * Sagastuy-Brena, Ganguli, Yamins & Tanaka 2021, *Neural Mechanics*, arXiv:2012.04728).
 *
 * If the loss is invariant under a symmetry, its gradient $g$ is orthogonal to the symmetry's generator, and
 * gradient flow conserves a "charge". One GD step $w \to w - \eta g$ changes a quadratic charge by
 * $\eta^2\times$(the same quadratic form of $g$), since the first-order term is the (zero) inner product:
 * - rescale: $\Delta Q_i = \eta^2(\|g^{in}_i\|^2 - \|g^{out}_i\|^2)$;
 * - scale: $\Delta S_i = \eta^2\|g_i\|^2$ (norms of scale-invariant weights only grow);
 * - translation (a linear charge): $\Delta T_i = 0$ exactly.
 * With L2 weight decay λ the step is $w \to (1-\eta\lambda)w - \eta g$, so
 * $Q_{t+1} = (1-\eta\lambda)^2 Q_t + \eta^2(\dots)$: the charge decays at rate $-2\ln(1-\eta\lambda)\approx 2\eta\lambda$
 * per step (gradient flow: $\dot Q = -2\lambda Q$). Introduced in notebook 03.
 *
 * @module
 */
import type { Float64MlpParams } from "../models/float64_mlp.ts";
import { rescaleCharges, scaleCharges } from "../models/charges.ts";

/**
 * Predicted change of each rescale charge in one SGD step, $\eta^2(\|g^{in}_i\|^2 - \|g^{out}_i\|^2)$ `[h]`,
 * from the gradient `grads` used by that step.
 *
 * @example
 * ```ts
 * import { rescaleChargeIncrement } from "./conservation.ts";
 * const g = { W1: new Float64Array([2]), b1: new Float64Array([0]), W2: new Float64Array([1, 0]), b2: new Float64Array(2) };
 * if (Math.abs(rescaleChargeIncrement(g, { eta: 0.1 })[0] - 0.03) > 1e-15) throw new Error("0.01·(4 − 1)");
 * ```
 */
export function rescaleChargeIncrement(grads: Float64MlpParams, options: { eta: number }): Float64Array {
  const e2 = options.eta * options.eta;
  return rescaleCharges(grads).map((v) => e2 * v);
}

/**
 * Predicted change of each scale charge in one SGD step, $\eta^2\|g_i\|^2$ `[h]` (`grads.W1` `[d, h]`).
 *
 * @example
 * ```ts
 * import { scaleChargeIncrement } from "./conservation.ts";
 * const g = { W1: new Float64Array([3, 4]), b1: new Float64Array(0), W2: new Float64Array(2), b2: new Float64Array(2) };
 * if (Math.abs(scaleChargeIncrement(g, { eta: 0.1 })[0] - 0.25) > 1e-15) throw new Error("0.01·25");
 * ```
 */
export function scaleChargeIncrement(grads: Float64MlpParams, options: { eta: number }): Float64Array {
  const e2 = options.eta * options.eta;
  return scaleCharges(grads).map((v) => e2 * v);
}

/**
 * Decay rate per step of a quadratic charge under SGD with L2 weight decay λ: gradient flow gives
 * $2\eta\lambda$ (`exact: false`, the default); the discrete step gives $-2\ln(1-\eta\lambda)$ (`exact: true`),
 * larger by a relative $\approx\eta\lambda/2$.
 *
 * @example
 * ```ts
 * import { weightDecayChargeRate } from "./conservation.ts";
 * if (weightDecayChargeRate({ eta: 0.1, weightDecay: 0.01 }) !== 0.002) throw new Error("2ηλ");
 * ```
 */
export function weightDecayChargeRate(
  options: { eta: number; weightDecay: number; exact?: boolean },
): number {
  const { eta, weightDecay: lambda } = options;
  if (!(eta > 0) || !(lambda >= 0) || !(eta * lambda < 1)) {
    throw new RangeError(
      `weightDecayChargeRate: expected η > 0 and 0 ≤ ηλ < 1, got η = ${eta}, λ = ${lambda}`,
    );
  }
  return options.exact ? -2 * Math.log(1 - eta * lambda) : 2 * eta * lambda;
}
