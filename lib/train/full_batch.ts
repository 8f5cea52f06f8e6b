/**
 * Full-batch gradient descent (optionally with EMA momentum) that records the loss at every step and the
 * sharpness — the top Hessian eigenvalue — every few steps: the measurement behind the edge of stability
 * (Cohen et al. 2021, arXiv:2103.00065, §3). Introduced in notebook 07.
 *
 * @module
 */
import { type Divergence, divergenceText } from "./_divergence.ts";
import * as tf from "@tensorflow/tfjs-core";
import "../autodiff/_register_gradients.ts";
import { display } from "../display.ts";
import type { LossFn } from "../measure/hvp.ts";
import { lanczosEigenvalues } from "../measure/lanczos.ts";
import { sharpness } from "../measure/sharpness.ts";
import { checkInterrupt } from "../interrupt.ts";

/** Options of {@linkcode trainFullBatch}. */
export interface FullBatchOptions {
  /** Learning rate η > 0. */
  eta: number;
  /** Number of steps. */
  steps: number;
  /** EMA momentum β ∈ [0, 1): $v \leftarrow \beta v + (1-\beta)\nabla L$, $\theta \leftarrow \theta - \eta v$. Default 0. */
  beta?: number;
  /** Measure the sharpness every this many steps (and after the last step); 0 never. Default 20. */
  sharpnessEvery?: number;
  /**
   * How to find the top eigenvalue: `"lanczos"` ({@linkcode lanczosEigenvalues}, default) or `"power"`
   * ({@linkcode sharpness}). At the edge of stability several eigenvalues crowd near the top, where power
   * iteration converges slowly and its estimate (always from below) can be off by a few per cent.
   */
  sharpnessMethod?: "lanczos" | "power";
  /** Relative tolerance of each measurement (Lanczos: residual bound; power: change per step). Default 1e-3. */
  sharpnessTol?: number;
  /** Most Hessian-vector products per measurement. Default 50. */
  sharpnessMaxIter?: number;
  /** Seed of the first power iteration's start vector (later ones warm-start). Default 0. */
  seed?: number;
  /** Stop, and mark the run diverged, when the loss is not finite or exceeds this. Default 1e6. */
  divergeAbove?: number;
  /** Show a live progress line with this label (re-displayed in place). Default: no progress output. */
  progress?: string;
}

/** One sharpness measurement. */
export interface SharpnessRecord {
  /** Step $t$: measured at $\theta_t$, before that step's update. */
  step: number;
  /** $\lambda_{\max}(\nabla^2 L(\theta_t))$. */
  sharpness: number;
  /** $L(\theta_t)$. */
  loss: number;
  /** Hessian-vector products this measurement used. */
  iterations: number;
}

/** What {@linkcode trainFullBatch} returns. */
export interface FullBatchRun {
  /** $L(\theta_t)$ for $t = 0, …, $ `stepsTaken` (entry $t$ is the loss before step $t$'s update). */
  losses: Float64Array;
  /** Sharpness every `sharpnessEvery` steps, and at the end. */
  sharpness: SharpnessRecord[];
  /** Steps actually taken. */
  stepsTaken: number;
  /** True when training stopped on a non-finite or huge loss. */
  diverged: boolean;
  /** Set when the loss went non-finite or grew 10⁶-fold: `{ diverged: true, step, loss }` (lib/train/_divergence.ts). */
  divergence?: Divergence;
  /** Hessian-vector products used in total (the cost of tracking sharpness). */
  hvps: number;
}

function checkOptions(options: FullBatchOptions): void {
  const { eta, steps, beta = 0, sharpnessEvery = 20 } = options;
  if (!(eta > 0) || !Number.isFinite(eta)) {
    throw new RangeError(`trainFullBatch: expected eta > 0, got ${eta}`);
  }
  if (!Number.isInteger(steps) || steps < 0) {
    throw new RangeError(`trainFullBatch: steps must be a non-negative integer, got ${steps}`);
  }
  if (!(beta >= 0 && beta < 1)) throw new RangeError(`trainFullBatch: expected beta in [0, 1), got ${beta}`);
  const method = options.sharpnessMethod ?? "lanczos";
  if (method !== "lanczos" && method !== "power") {
    throw new RangeError(`trainFullBatch: sharpnessMethod must be "lanczos" or "power", got "${method}"`);
  }
  if (!Number.isInteger(sharpnessEvery) || sharpnessEvery < 0) {
    throw new RangeError(
      `trainFullBatch: sharpnessEvery must be a non-negative integer, got ${sharpnessEvery}`,
    );
  }
}

/**
 * Train `params` in place by full-batch gradient descent,
 * $\theta_{t+1} = \theta_t - \eta\nabla L(\theta_t)$, or with EMA momentum β,
 * $v_{t+1} = \beta v_t + (1-\beta)\nabla L(\theta_t)$, $\theta_{t+1} = \theta_t - \eta v_{t+1}$ ($v_0 = 0$).
 * Records $L(\theta_t)$ every step and the sharpness every `sharpnessEvery` steps by power iteration on
 * exact Hessian-vector products ({@linkcode sharpness}), each measurement warm-started from the previous
 * eigenvector, so that a measurement usually costs 2–5 HVPs.
 *
 * Shapes: `params` a list of `tf.Variable`s (e.g. from `initMlp`); `lossFn(params)` a scalar that must be
 * second-order safe (build it from `lib/autodiff`: `mse`, `tanh`, …). Leaves no tensors behind.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { trainFullBatch } from "./full_batch.ts";
 * await tf.setBackend("cpu");
 * // L(θ) = ½ · 3 θ², sharpness 3; η = 0.1 converges.
 * const theta = tf.variable(tf.tensor1d([1]));
 * const loss = ([t]: tf.Tensor[]) => tf.mul(1.5, tf.sum(tf.square(t))) as tf.Scalar;
 * const run = await trainFullBatch(loss, [theta], { eta: 0.1, steps: 50, sharpnessEvery: 25 });
 * if (Math.abs(run.sharpness[0].sharpness - 3) > 1e-4 || run.losses[50] > 1e-6) throw new Error("GD");
 * ```
 */
export async function trainFullBatch(
  lossFn: LossFn,
  params: tf.Variable[],
  options: FullBatchOptions,
): Promise<FullBatchRun> {
  checkOptions(options);
  const { eta, steps, beta = 0, sharpnessEvery = 20, seed = 0 } = options;
  const tol = options.sharpnessTol ?? 1e-3, maxIter = options.sharpnessMaxIter ?? 50;
  const limit = options.divergeAbove ?? 1e6;
  const losses = new Float64Array(steps + 1).fill(NaN);
  const records: SharpnessRecord[] = [];
  const valueAndGrads = tf.valueAndGrads((...p: tf.Tensor[]) => lossFn(p));
  const progressId = options.progress !== undefined ? `train-full-batch-${crypto.randomUUID()}` : "";
  let velocity: tf.Tensor[] | null = beta > 0 ? params.map((p) => tf.zerosLike(p)) : null;
  let vector: Float32Array | undefined, hvps = 0, diverged = false, t = 0;
  let divergence: Divergence | undefined;

  for (; t <= steps; t++) {
    checkInterrupt("trainFullBatch", t);
    const last = t === steps;
    // Sharpness of θ_t, before this step's update; warm-started from the previous eigenvector.
    const s = sharpnessEvery > 0 && (t % sharpnessEvery === 0 || last)
      ? topEigenvalue(
        lossFn,
        params,
        { seed, tol, maxIter, init: vector },
        options.sharpnessMethod ?? "lanczos",
      )
      : null;
    // One tidy per step: returns [L(θ_t), ...new velocity] and frees everything else.
    const [lossTensor, ...nextVelocity] = tf.tidy((): tf.Tensor[] => {
      if (last) return [lossFn(params)];
      const { value, grads } = valueAndGrads(params);
      if (velocity === null) {
        params.forEach((p, i) => p.assign(tf.sub(p, tf.mul(grads[i], eta))));
        return [value];
      }
      const v = velocity.map((old, i) => tf.add(tf.mul(old, beta), tf.mul(grads[i], 1 - beta)));
      params.forEach((p, i) => p.assign(tf.sub(p, tf.mul(v[i], eta))));
      return [value, ...v];
    });
    if (velocity !== null && nextVelocity.length > 0) {
      tf.dispose(velocity);
      velocity = nextVelocity;
    }
    const loss = lossTensor.dataSync()[0];
    lossTensor.dispose();
    losses[t] = loss;
    if (s !== null) {
      vector = s.vector;
      hvps += s.iterations;
      records.push({ step: t, sharpness: s.value, loss, iterations: s.iterations });
      if (progressId) {
        const text = `${options.progress}: step ${t}/${steps}  loss ${loss.toPrecision(4)}  ` +
          `sharpness ${s.value.toPrecision(4)}`;
        await display({ "text/plain": text }, { displayId: progressId, update: records.length > 1 });
      }
    }
    if (!Number.isFinite(loss) || loss > limit) {
      diverged = true;
      divergence = { diverged: true, step: t, loss };
      if (progressId) {
        const text = `${options.progress}: ${divergenceText(divergence)}`;
        await display({ "text/plain": text }, { displayId: progressId, update: records.length > 0 });
      }
      break;
    }
  }
  if (velocity !== null) tf.dispose(velocity);
  return {
    losses,
    sharpness: records,
    stepsTaken: Math.min(t, steps),
    diverged,
    hvps,
    ...(divergence ? { divergence } : {}),
  };
}

function topEigenvalue(
  lossFn: LossFn,
  params: tf.Tensor[],
  options: { seed: number; tol: number; maxIter: number; init?: Float32Array },
  method: "lanczos" | "power",
): { value: number; iterations: number; vector: Float32Array } {
  if (method === "power") return sharpness(lossFn, params, options);
  const r = lanczosEigenvalues(lossFn, params, options);
  return { value: r.values[0], iterations: r.iterations, vector: r.vector };
}
