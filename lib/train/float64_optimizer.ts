/**
 * SGD, heavy-ball momentum and Adam on lists of `Float64Array`s, updated in place, with optional L2 weight
 * decay added to the gradient ($g \leftarrow g + \lambda w$). Used with the float64 models of notebook 03,
 * where the question is exactly which update rules respect which conservation laws (Kunin et al. 2021,
 * arXiv:2012.04728).
 *
 * - `"sgd"`: $w \leftarrow w - \eta g$.
 * - `"momentum"`: $v \leftarrow \beta v + g$, $w \leftarrow w - \eta v$ (heavy ball; $v_0 = 0$).
 * - `"adam"`: $m \leftarrow \beta_1 m + (1-\beta_1)g$, $s \leftarrow \beta_2 s + (1-\beta_2)g^2$,
 *   $w \leftarrow w - \eta\,\hat m/(\sqrt{\hat s}+\epsilon)$ with bias corrections $\hat m = m/(1-\beta_1^t)$,
 *   $\hat s = s/(1-\beta_2^t)$ (Kingma & Ba 2015, arXiv:1412.6980, Alg. 1).
 *
 * @module
 */

/** Options of {@linkcode float64Optimizer}. */
export interface Float64OptimizerOptions {
  kind: "sgd" | "momentum" | "adam";
  /** Learning rate η. */
  eta: number;
  /** Momentum β of `"momentum"`. Default 0.9. */
  beta?: number;
  /** Adam's β₁, β₂, ε. Defaults 0.9, 0.999, 1e-8. */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** L2 weight decay λ (added to the gradient). Default 0. */
  weightDecay?: number;
}

/** An optimizer: `step(params, grads)` updates `params` in place (grads are not modified). */
export interface Float64Optimizer {
  step(params: Float64Array[], grads: Float64Array[]): void;
}

/**
 * An optimizer with its own state (velocities, moments), created lazily at the first step.
 *
 * @example
 * ```ts
 * import { float64Optimizer } from "./float64_optimizer.ts";
 * const w = [new Float64Array([1, 2])];
 * float64Optimizer({ kind: "sgd", eta: 0.5 }).step(w, [new Float64Array([2, 2])]);
 * if (w[0][0] !== 0 || w[0][1] !== 1) throw new Error("w − ηg");
 * ```
 */
export function float64Optimizer(options: Float64OptimizerOptions): Float64Optimizer {
  const { kind, eta, beta = 0.9, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, weightDecay = 0 } = options;
  if (!(eta > 0)) throw new RangeError(`float64Optimizer: expected a learning rate η > 0, got ${eta}`);
  if (!["sgd", "momentum", "adam"].includes(kind)) {
    throw new RangeError(`float64Optimizer: expected kind "sgd", "momentum" or "adam", got "${kind}"`);
  }
  let first: Float64Array[] | null = null, second: Float64Array[] | null = null;
  let t = 0;
  return {
    step(params: Float64Array[], grads: Float64Array[]): void {
      if (params.length !== grads.length || params.some((p, i) => p.length !== grads[i].length)) {
        throw new RangeError(
          `float64Optimizer.step: expected one gradient per parameter with the same lengths`,
        );
      }
      if (!first) {
        first = params.map((p) => new Float64Array(p.length));
        second = params.map((p) => new Float64Array(p.length));
      }
      t++;
      const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
      params.forEach((w, l) => {
        const g = grads[l], m = first![l], s = second![l];
        for (let k = 0; k < w.length; k++) {
          const gk = g[k] + weightDecay * w[k];
          if (kind === "sgd") {
            w[k] -= eta * gk;
          } else if (kind === "momentum") {
            m[k] = beta * m[k] + gk;
            w[k] -= eta * m[k];
          } else {
            m[k] = beta1 * m[k] + (1 - beta1) * gk;
            s[k] = beta2 * s[k] + (1 - beta2) * gk * gk;
            w[k] -= (eta * (m[k] / c1)) / (Math.sqrt(s[k] / c2) + epsilon);
          }
        }
      });
    },
  };
}
