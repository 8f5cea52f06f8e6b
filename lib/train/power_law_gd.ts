/**
 * A linear model on power-law data, and gradient descent on it (notebook 09).
 *
 * In the eigenbasis of the data covariance (rotating the inputs changes nothing for gradient descent,
 * notebook 01), the population loss is $L(w) = \tfrac12\sum_k\lambda_k(w_k-w^*_k)^2$ with $\lambda_k = k^{-\alpha}$,
 * and the teacher's power per mode is $u_k = \lambda_k(w^*_k)^2 = k^{-\beta}$.
 *
 * @module
 */
import { rng } from "../random.ts";

/** A power-law regression task in the eigenbasis. */
export interface PowerLawTask {
  /** `[M]` eigenvalues $\lambda_k = k^{-\alpha}$. */
  eigenvalues: Float64Array;
  /** `[M]` teacher $w^*_k = \pm k^{(\alpha-\beta)/2}$ (random signs). */
  wStar: Float64Array;
  /** `[M]` target power per mode $u_k = \lambda_k(w^*_k)^2 = k^{-\beta}$. */
  targetPower: Float64Array;
  alpha: number;
  beta: number;
}

/**
 * A task with `modes` modes, spectrum $k^{-\alpha}$ and target power $k^{-\beta}$; the seed draws the teacher's
 * signs (which leave every loss below unchanged, but not the random features' view of the teacher).
 *
 * @example
 * ```ts
 * import { powerLawTask } from "./power_law_gd.ts";
 * const task = powerLawTask(3, { alpha: 2, beta: 3, seed: 0 });
 * if (Math.abs(task.targetPower[1] - 1 / 8) > 1e-15) throw new Error("u_2 = 2^-3");
 * ```
 */
export function powerLawTask(
  modes: number,
  options: { alpha: number; beta: number; seed: number },
): PowerLawTask {
  const { alpha, beta, seed } = options;
  if (!(modes >= 1) || !Number.isInteger(modes)) {
    throw new RangeError(`powerLawTask: expected an integer modes ≥ 1, got ${modes}`);
  }
  if (!(alpha > 0) || !(beta > 1)) {
    throw new RangeError(
      `powerLawTask: expected alpha > 0 and beta > 1, got alpha = ${alpha}, beta = ${beta}`,
    );
  }
  const r = rng(seed);
  const eigenvalues = new Float64Array(modes),
    wStar = new Float64Array(modes),
    targetPower = new Float64Array(modes);
  for (let k = 0; k < modes; k++) {
    eigenvalues[k] = (k + 1) ** -alpha;
    wStar[k] = (r.uniform() < 0.5 ? -1 : 1) * (k + 1) ** ((alpha - beta) / 2);
    targetPower[k] = eigenvalues[k] * wStar[k] ** 2;
  }
  return { eigenvalues, wStar, targetPower, alpha, beta };
}

/**
 * Runs gradient descent $w \leftarrow w - \eta\Lambda(w - w^*)$ from $w = 0$ for `steps` steps and records the
 * population loss at the steps listed in `record` (sorted or not; steps beyond `steps` are ignored). It refuses a
 * learning rate at or above the stability threshold $2/\lambda_{\max}$, so its runs cannot diverge (and it has no
 * `divergence` field, unlike the other trainers).
 */
export function gdOnPowerLaw(
  task: PowerLawTask,
  options: { eta: number; steps: number; record: number[] },
): { steps: number[]; loss: Float64Array } {
  const { eta, steps } = options;
  const { eigenvalues: lambda, wStar } = task;
  if (!(eta > 0) || !(eta * lambda[0] < 2)) {
    throw new RangeError(`gdOnPowerLaw: expected 0 < eta < 2/λ_max = ${2 / lambda[0]}, got ${eta}`);
  }
  const want = new Set(options.record.filter((t) => t >= 0 && t <= steps));
  const m = lambda.length;
  const w = new Float64Array(m);
  const recorded: number[] = [], loss: number[] = [];
  for (let t = 0; t <= steps; t++) {
    if (want.has(t)) {
      let l = 0;
      for (let k = 0; k < m; k++) l += lambda[k] * (w[k] - wStar[k]) ** 2;
      recorded.push(t);
      loss.push(0.5 * l);
    }
    if (t === steps) break;
    for (let k = 0; k < m; k++) w[k] -= eta * lambda[k] * (w[k] - wStar[k]);
  }
  return { steps: recorded, loss: Float64Array.from(loss) };
}
