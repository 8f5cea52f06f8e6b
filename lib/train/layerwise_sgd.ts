/**
 * Minibatch (or full-batch) SGD with one learning rate per parameter tensor — what µP needs, since its
 * learning rates differ from layer to layer (`mlpLearningRates`, lib/models/parameterization.ts).
 *
 * One step on a batch $B$: $\theta_k \leftarrow \theta_k - \eta_k \nabla_{\theta_k} L_B(\theta)$ for every
 * tensor $\theta_k$ of the parameter list. Batches are drawn without replacement, epoch by epoch, in an
 * order fixed by `seed`, so two runs with the same seed see the same batches whatever their learning rates.
 * A run stops early, marked diverged, when a recorded loss is not finite or exceeds `divergeAbove`: a
 * learning-rate sweep then spends almost nothing on rates that blow up.
 *
 * Shapes: `x` `[n, d]`, `y` `[n, k]` (row-major samples). The parameters are `tf.Variable`s, updated in
 * place. Introduced in notebook 06 (µP and hyperparameter transfer); `trainSgd` (`./sgd.ts`) is the
 * single-learning-rate loop with full-data logging.
 *
 * @module
 */
import { type Divergence } from "./_divergence.ts";
import * as tf from "@tensorflow/tfjs-core";
import "../autodiff/_register_gradients.ts";
import { rng } from "../random.ts";
import type { BatchLoss } from "./sgd.ts";

/** Options of {@linkcode trainLayerwiseSgd}. */
export interface LayerwiseSgdOptions {
  /** Inputs `[n, d]`. */
  x: tf.Tensor2D;
  /** Targets `[n, k]`. */
  y: tf.Tensor2D;
  /** One learning rate per parameter tensor, in the order of the parameter list. */
  learningRates: number[];
  /** Number of SGD steps. */
  steps: number;
  /** Samples per batch. Default `n` (full-batch gradient descent). */
  batchSize?: number;
  /** Seed of the batch order. Default 0. */
  seed?: number;
  /** Read the batch loss every this many steps and at the last step (reading forces a sync). Default 10. */
  recordEvery?: number;
  /** Stop, and mark the run diverged, when a recorded loss is not finite or exceeds this. Default 1e4. */
  divergeAbove?: number;
}

/** What {@linkcode trainLayerwiseSgd} returns. */
export interface LayerwiseSgdRun {
  /** Steps at which the batch loss was read (the loss *before* that step's update). */
  steps: number[];
  /** The batch losses read. */
  losses: number[];
  /** True when training stopped early on a non-finite or too large loss. */
  diverged: boolean;
  /** Set when the loss went non-finite or grew 10⁶-fold: `{ diverged: true, step, loss }` (lib/train/_divergence.ts). */
  divergence?: Divergence;
  /** Steps actually taken. */
  stepsTaken: number;
}

/**
 * Train `params` in place by SGD with per-tensor learning rates.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs-core";
 * import "@tensorflow/tfjs-backend-cpu";
 * import { trainLayerwiseSgd } from "./layerwise_sgd.ts";
 * await tf.setBackend("cpu");
 * // Least squares y = 2x with one weight, full batch: w ← w − η·mean(x(wx − y)).
 * const w = tf.variable(tf.tensor2d([[0]]));
 * const x = tf.tensor2d([[1], [2]]), y = tf.tensor2d([[2], [4]]);
 * const loss = (ps: tf.Tensor[], xb: tf.Tensor2D, yb: tf.Tensor2D) =>
 *   tf.div(tf.mean(tf.square(tf.sub(tf.matMul(xb, ps[0] as tf.Tensor2D), yb))), 2) as tf.Scalar;
 * trainLayerwiseSgd(loss, [w], { x, y, learningRates: [0.2], steps: 100 });
 * if (Math.abs(w.dataSync()[0] - 2) > 1e-4) throw new Error("SGD converges to w = 2");
 * ```
 */
export function trainLayerwiseSgd(
  lossFn: BatchLoss,
  params: tf.Variable[],
  options: LayerwiseSgdOptions,
): LayerwiseSgdRun {
  const { x, y, learningRates, steps } = options;
  const n = x.shape[0];
  if (learningRates.length !== params.length) {
    throw new RangeError(
      `trainLayerwiseSgd: expected one learning rate per parameter tensor (${params.length}), ` +
        `got ${learningRates.length}`,
    );
  }
  if (y.shape[0] !== n) {
    throw new RangeError(
      `trainLayerwiseSgd: x has ${n} rows but y has ${y.shape[0]}; expected the same number`,
    );
  }
  if (!Number.isInteger(steps) || steps < 0) {
    throw new RangeError(`trainLayerwiseSgd: steps must be a non-negative integer, got ${steps}`);
  }
  const batchSize = options.batchSize ?? n;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > n) {
    throw new RangeError(`trainLayerwiseSgd: batchSize must be an integer in [1, ${n}], got ${batchSize}`);
  }
  const every = options.recordEvery ?? 10;
  const limit = options.divergeAbove ?? 1e4;
  const order = rng(options.seed ?? 0);
  let perm: number[] = [], cursor = n;
  const nextBatch = (): number[] => {
    if (cursor + batchSize > n) {
      perm = order.permutation(n);
      cursor = 0;
    }
    cursor += batchSize;
    return perm.slice(cursor - batchSize, cursor);
  };
  const run: LayerwiseSgdRun = { steps: [], losses: [], diverged: false, stepsTaken: 0 };
  for (let t = 0; t < steps; t++) {
    const lossTensor = tf.tidy(() => {
      let xb = x, yb = y;
      if (batchSize < n) {
        const idx = tf.tensor1d(nextBatch(), "int32");
        xb = tf.gather(x, idx);
        yb = tf.gather(y, idx);
      }
      const { value, grads } = tf.variableGrads(() => lossFn(params, xb, yb), params);
      params.forEach((p, k) => {
        if (learningRates[k] !== 0) p.assign(tf.sub(p, tf.mul(grads[p.name], learningRates[k])));
      });
      return value;
    });
    run.stepsTaken = t + 1;
    if (t % every !== 0 && t !== steps - 1) {
      lossTensor.dispose();
      continue;
    }
    const loss = lossTensor.dataSync()[0];
    lossTensor.dispose();
    run.steps.push(t);
    run.losses.push(loss);
    if (!Number.isFinite(loss) || loss > limit) {
      run.diverged = true;
      run.divergence = { diverged: true, step: t, loss };
      break;
    }
  }
  return run;
}
