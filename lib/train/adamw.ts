/**
 * AdamW on lists of `Float64Array`s, updated in place: Adam with *decoupled* weight decay
 * (Loshchilov & Hutter 2019, arXiv:1711.05101, Alg. 2). With gradient $g_t$ at step $t = 1, 2, …$:
 * $$m \leftarrow \beta_1 m + (1-\beta_1) g,\quad s \leftarrow \beta_2 s + (1-\beta_2) g^2,\quad
 *   w \leftarrow w - \eta\Big(\frac{m/(1-\beta_1^t)}{\sqrt{s/(1-\beta_2^t)}+\epsilon} + \lambda w\Big).$$
 * Unlike L2 regularization (`float64Optimizer` with `weightDecay`, where $\lambda w$ enters $g$ and is then
 * rescaled by Adam), the decay here shrinks every weight by the same factor $1-\eta\lambda$ per step: without
 * a gradient, weights decay as $e^{-\eta\lambda t}$. This is the optimizer of the grokking experiments
 * (Power et al. 2022, arXiv:2201.02177, §3; Gromov 2023, arXiv:2301.02679). Introduced in notebook 10.
 *
 * @module
 */
import type { Float64Optimizer } from "./float64_optimizer.ts";

/** Options of {@linkcode float64AdamW}. */
export interface AdamWOptions {
  /** Learning rate η. */
  eta: number;
  /** Decoupled weight decay λ. Default 0 (plain Adam). */
  weightDecay?: number;
  /** Defaults 0.9, 0.98 (Power et al. 2022), 1e-8. */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/**
 * An AdamW optimizer with its own moment estimates (created at the first step).
 *
 * @example
 * ```ts
 * import { float64AdamW } from "./adamw.ts";
 * const w = [new Float64Array([1])];
 * // zero gradient: only the decay acts, w ← (1 − ηλ) w
 * float64AdamW({ eta: 0.1, weightDecay: 0.5 }).step(w, [new Float64Array([0])]);
 * if (Math.abs(w[0][0] - 0.95) > 1e-15) throw new Error("w = 0.95");
 * ```
 */
export function float64AdamW(options: AdamWOptions): Float64Optimizer {
  const { eta, weightDecay = 0, beta1 = 0.9, beta2 = 0.98, epsilon = 1e-8 } = options;
  if (!(eta > 0)) throw new RangeError(`float64AdamW: expected a learning rate η > 0, got ${eta}`);
  if (!(weightDecay >= 0)) {
    throw new RangeError(`float64AdamW: expected weight decay λ ≥ 0, got ${weightDecay}`);
  }
  if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
    throw new RangeError(`float64AdamW: expected β₁, β₂ in [0, 1), got ${beta1}, ${beta2}`);
  }
  let first: Float64Array[] | null = null, second: Float64Array[] | null = null;
  let t = 0;
  return {
    step(params: Float64Array[], grads: Float64Array[]): void {
      if (params.length !== grads.length || params.some((p, i) => p.length !== grads[i].length)) {
        throw new RangeError("float64AdamW.step: expected one gradient per parameter with the same lengths");
      }
      if (!first) {
        first = params.map((p) => new Float64Array(p.length));
        second = params.map((p) => new Float64Array(p.length));
      }
      t++;
      const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t, decay = 1 - eta * weightDecay;
      params.forEach((w, l) => {
        const g = grads[l], m = first![l], s = second![l];
        for (let k = 0; k < w.length; k++) {
          const gk = g[k];
          m[k] = beta1 * m[k] + (1 - beta1) * gk;
          s[k] = beta2 * s[k] + (1 - beta2) * gk * gk;
          w[k] = decay * w[k] - (eta * (m[k] / c1)) / (Math.sqrt(s[k] / c2) + epsilon);
        }
      });
    },
  };
}
