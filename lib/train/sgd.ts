/**
 * Minibatch stochastic gradient descent on tfjs variables:
 * $\theta_{t+1} = \theta_t - \eta\, \nabla_\theta \frac1B\sum_{i\in\mathcal B_t} \ell(f_\theta(x_i), y_i)$,
 * with batches drawn by a seeded generator (full batch when `batchSize` ≥ n). Introduced in notebook 00.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { rng } from "../random.ts";
import { progress } from "../progress.ts";
import { checkInterrupt } from "../interrupt.ts";
import { type Divergence, divergenceText, divergenceWatch } from "./_divergence.ts";

/** A loss of the parameters on a batch: `(params, x [B, d], y [B, k]) → scalar`. */
export type BatchLoss = (params: tf.Tensor[], x: tf.Tensor2D, y: tf.Tensor2D) => tf.Scalar;

/** Options of {@linkcode trainSgd}. */
export interface SgdOptions {
  /** Learning rate η. */
  lr: number;
  steps: number;
  /** Default: full batch. */
  batchSize?: number;
  /** Seed of the batch order. Default 0. */
  seed?: number;
  /** Record the full-data loss every `logEvery` steps (and at 0 and the end). Default max(1, steps/100). */
  logEvery?: number;
  /** Extra metrics evaluated at each log, e.g. test loss: name → function of the parameters. */
  metrics?: Record<string, (params: tf.Tensor[]) => number>;
  /** Show live progress under the cell. Default false. */
  showProgress?: boolean;
}

/** One logged point. */
export type LogEntry = { step: number; loss: number } & Record<string, number>;

/** The log of {@linkcode trainSgd}, with `divergence` set when the logged loss went non-finite or exploded. */
export type SgdLog = LogEntry[] & { divergence?: Divergence };

/**
 * Train `params` in place; returns the log. A run whose logged full-data loss becomes non-finite or grows
 * 10⁶-fold is marked `log.divergence = { diverged: true, step, loss }` (lib/train/_divergence.ts), and its
 * progress line says "diverged at step k (loss …)"; training still runs all its steps.
 */
export async function trainSgd(
  loss: BatchLoss,
  params: tf.Variable[],
  data: { x: tf.Tensor2D; y: tf.Tensor2D },
  options: SgdOptions,
): Promise<SgdLog> {
  const n = data.x.shape[0];
  const batch = Math.min(options.batchSize ?? n, n);
  const every = options.logEvery ?? Math.max(1, Math.floor(options.steps / 100));
  const r = rng(options.seed ?? 0);
  const log: SgdLog = [];
  const watch = divergenceWatch();
  const bar = options.showProgress ? await progress("training") : null;
  const record = (step: number) => {
    const value = tf.tidy(() => loss(params, data.x, data.y));
    const entry: LogEntry = { step, loss: value.dataSync()[0] };
    value.dispose();
    for (const [name, fn] of Object.entries(options.metrics ?? {})) entry[name] = fn(params);
    log.push(entry);
    if (watch.check(step, entry.loss)) log.divergence = watch.divergence;
    return entry;
  };
  let order: number[] = [];
  for (let step = 0; step < options.steps; step++) {
    checkInterrupt("trainSgd", step);
    if (step % every === 0) {
      const e = record(step);
      const state = log.divergence ? divergenceText(log.divergence) : `loss ${e.loss.toPrecision(4)}`;
      await bar?.update(`step ${step} / ${options.steps}, ${state}`);
    }
    tf.tidy(() => {
      let xb = data.x, yb = data.y;
      if (batch < n) {
        if (order.length < batch) order = r.permutation(n);
        const idx = tf.tensor1d(order.splice(0, batch), "int32");
        xb = tf.gather(data.x, idx);
        yb = tf.gather(data.y, idx);
      }
      const { grads } = tf.variableGrads(() => loss(params, xb, yb), params);
      for (const v of params) v.assign(tf.sub(v, tf.mul(grads[v.name], options.lr)));
    });
  }
  const last = record(options.steps);
  const end = log.divergence ? divergenceText(log.divergence) : `loss ${last.loss.toPrecision(4)}`;
  await bar?.update(`done: ${options.steps} steps, ${end}`, true);
  return log;
}
