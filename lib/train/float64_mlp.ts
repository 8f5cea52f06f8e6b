/**
 * Minibatch training of the float64 classifier of `lib/models/float64_mlp.ts` with any optimizer of
 * `./float64_optimizer.ts`, calling back at every step with the parameters and the loss gradient the update
 * is about to use, so a notebook can follow conserved quantities step by step (notebook 03).
 *
 * @module
 */
import { type Divergence, divergenceWatch } from "./_divergence.ts";
import { float64MlpGradients, type Float64MlpParams, type Float64MlpSpec } from "../models/float64_mlp.ts";
import { rng } from "../random.ts";
import { float64Optimizer, type Float64OptimizerOptions } from "./float64_optimizer.ts";
import { checkInterrupt } from "../interrupt.ts";

/** Options of {@linkcode trainFloat64Mlp}. */
export interface Float64TrainOptions {
  optimizer: Float64OptimizerOptions;
  steps: number;
  /** Minibatch size; batches are drawn without replacement, reshuffling every epoch. Default: full batch. */
  batchSize?: number;
  /** Seed of the batch order. Default 0. */
  seed?: number;
  /**
   * Called before every update with the step, the current parameters and the minibatch loss gradient
   * (without weight decay). Both are live: read or copy, do not modify. Also called once after the last
   * step with `grads` = null.
   */
  onStep?: (step: number, params: Float64MlpParams, grads: Float64MlpParams | null) => void;
}

/** What {@linkcode trainFloat64Mlp} returns. */
export interface Float64TrainRun {
  /** The trained parameters (the same objects as passed in, updated in place). */
  params: Float64MlpParams;
  /** Minibatch loss and accuracy before each update `[steps]`. */
  loss: Float64Array;
  accuracy: Float64Array;
  /** Set when the minibatch loss went non-finite or grew 10⁶-fold (lib/train/_divergence.ts). */
  divergence?: Divergence;
}

/**
 * Train `params` in place on `x` `[n, d]` (row-major flat), labels `y` `[n]`.
 *
 * @example
 * ```ts
 * import { initFloat64Mlp } from "../models/float64_mlp.ts";
 * import { trainFloat64Mlp } from "./float64_mlp.ts";
 * const spec = { sizes: [2, 8, 2] as [number, number, number] };
 * const x = new Float64Array([1, 0, 0, 1, -1, 0, 0, -1]), y = new Int32Array([0, 1, 0, 1]);
 * const run = trainFloat64Mlp(spec, initFloat64Mlp(spec, { seed: 0 }), x, y, { optimizer: { kind: "sgd", eta: 0.5 }, steps: 200 });
 * if (!(run.loss[199] < run.loss[0])) throw new Error("the loss goes down");
 * ```
 */
export function trainFloat64Mlp(
  spec: Float64MlpSpec,
  params: Float64MlpParams,
  x: Float64Array,
  y: Int32Array,
  options: Float64TrainOptions,
): Float64TrainRun {
  const n = y.length, d = spec.sizes[0];
  const batchSize = options.batchSize ?? n;
  if (!(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= n)) {
    throw new RangeError(`trainFloat64Mlp: expected a batch size in 1..${n}, got ${batchSize}`);
  }
  const opt = float64Optimizer(options.optimizer);
  const order = rng(options.seed ?? 0);
  let perm: number[] = [], cursor = n;
  const bx = new Float64Array(batchSize * d), by = new Int32Array(batchSize);
  const loss = new Float64Array(options.steps), accuracy = new Float64Array(options.steps);
  const list = [params.W1, params.b1, params.W2, params.b2];
  const watch = divergenceWatch();
  for (let t = 0; t < options.steps; t++) {
    checkInterrupt("trainFloat64Mlp", t);
    if (batchSize === n) {
      bx.set(x);
      by.set(y);
    } else {
      for (let b = 0; b < batchSize; b++) {
        if (cursor === n) [perm, cursor] = [order.permutation(n), 0];
        const i = perm[cursor++];
        bx.set(x.subarray(i * d, (i + 1) * d), b * d);
        by[b] = y[i];
      }
    }
    const out = float64MlpGradients(spec, params, bx, by);
    loss[t] = out.loss;
    watch.check(t, out.loss);
    accuracy[t] = out.accuracy;
    options.onStep?.(t, params, out.grads);
    const g = out.grads;
    opt.step(list, [g.W1, g.b1, g.W2, g.b2]);
  }
  options.onStep?.(options.steps, params, null);
  return { params, loss, accuracy, ...(watch.divergence ? { divergence: watch.divergence } : {}) };
}
