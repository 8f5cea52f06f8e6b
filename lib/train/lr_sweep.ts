/**
 * Learning-rate sweeps across widths: the experiment behind µTransfer (Yang et al. 2022,
 * arXiv:2203.03466, Figure 1 and §3). For every width and every global learning rate $\eta = 2^k$ on a grid,
 * train a fresh MLP with per-layer learning rates `mlpLearningRates(spec, η)` by minibatch SGD
 * ({@linkcode trainLayerwiseSgd}) and record the final loss on the whole training set, averaged over seeds.
 * A run that blows up counts as loss $+\infty$. {@linkcode bestLearningRates} then reads off, per width,
 * the grid point with the lowest loss: under µP it stays put as the width grows, under SP it drifts like
 * $\log_2(1/N)$.
 *
 * Shapes: `x` `[n, d]`, `y` `[n, k]`. Introduced in notebook 06.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { initMlp, mlpForward, type MlpSpec } from "../models/mlp.ts";
import { mlpLearningRates } from "../models/parameterization.ts";
import { progress } from "../progress.ts";
import { trainLayerwiseSgd } from "./layerwise_sgd.ts";
import { checkInterrupt } from "../interrupt.ts";

/** A loss of predictions against targets, e.g. `mse` or `softmaxCrossEntropy` from lib/autodiff. */
export type PredictionLoss = (pred: tf.Tensor, target: tf.Tensor) => tf.Scalar;

/** Options of {@linkcode sweepLearningRates}. */
export interface LearningRateSweepOptions {
  /** The network at each width, e.g. `(N) => ({ sizes: [16, N, 10], parameterization: "mup" })`. */
  spec: (width: number) => MlpSpec;
  widths: number[];
  /** Grid of $\log_2\eta$. */
  log2Etas: number[];
  /** Training inputs `[n, d]` and targets `[n, k]`. */
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  loss: PredictionLoss;
  steps: number;
  batchSize?: number;
  /** Seeds (init and batch order); the loss is averaged over them. */
  seeds: number[];
  /** A run whose recorded batch loss exceeds this (or is not finite) counts as diverged. Default 1e3. */
  divergeAbove?: number;
  /** Label of a live progress line under the cell; none when omitted. */
  progressLabel?: string;
}

/** One grid point. */
export interface SweepPoint {
  width: number;
  log2Eta: number;
  /** Mean final training loss over seeds; `Infinity` if any seed diverged. */
  loss: number;
  /** Seeds that diverged. */
  diverged: number;
}

/** Train every (width, η, seed) of the grid; returns one point per (width, η). */
export async function sweepLearningRates(options: LearningRateSweepOptions): Promise<SweepPoint[]> {
  const { widths, log2Etas, seeds, x, y, loss } = options;
  if (widths.length === 0 || log2Etas.length === 0 || seeds.length === 0) {
    throw new RangeError(
      `sweepLearningRates: expected non-empty widths, log2Etas and seeds, got ${widths.length}, ${log2Etas.length}, ${seeds.length}`,
    );
  }
  const bar = options.progressLabel ? await progress(options.progressLabel) : null;
  const points: SweepPoint[] = [];
  const total = widths.length * log2Etas.length * seeds.length;
  let done = 0;
  for (const width of widths) {
    const spec = options.spec(width);
    for (const log2Eta of log2Etas) {
      let sum = 0, diverged = 0;
      for (const seed of seeds) {
        checkInterrupt("sweepLearningRates", `run ${done + 1} of ${total}`);
        const params = initMlp(spec, { seed });
        const run = trainLayerwiseSgd((ps, xb, yb) => loss(mlpForward(spec, ps, xb), yb), params, {
          x,
          y,
          learningRates: mlpLearningRates(spec, 2 ** log2Eta),
          steps: options.steps,
          batchSize: options.batchSize,
          seed,
          divergeAbove: options.divergeAbove ?? 1e3,
        });
        if (run.diverged) diverged++;
        else {
          const final = tf.tidy(() => loss(mlpForward(spec, params, x), y));
          sum += final.dataSync()[0];
          final.dispose();
        }
        tf.dispose(params);
        done++;
        await bar?.update(`${done} / ${total} runs (width ${width}, log₂η = ${log2Eta})`, done === total);
      }
      const mean = sum / seeds.length;
      points.push({
        width,
        log2Eta,
        loss: diverged > 0 || !Number.isFinite(mean) ? Infinity : mean,
        diverged,
      });
    }
  }
  return points;
}

/** The best grid point of one width. */
export interface BestLearningRate {
  width: number;
  log2Eta: number;
  loss: number;
}

/**
 * Per width, the grid point with the lowest loss (ties: the smaller η).
 *
 * @example
 * ```ts
 * import { bestLearningRates } from "./lr_sweep.ts";
 * const best = bestLearningRates([
 *   { width: 64, log2Eta: -2, loss: 0.3, diverged: 0 },
 *   { width: 64, log2Eta: -1, loss: 0.2, diverged: 0 },
 *   { width: 64, log2Eta: 0, loss: Infinity, diverged: 1 },
 * ]);
 * if (best[0].log2Eta !== -1) throw new Error("lowest loss at log2 η = −1");
 * ```
 */
export function bestLearningRates(points: readonly SweepPoint[]): BestLearningRate[] {
  const byWidth = new Map<number, BestLearningRate>();
  for (const p of points) {
    const b = byWidth.get(p.width);
    if (!b || p.loss < b.loss || (p.loss === b.loss && p.log2Eta < b.log2Eta)) {
      byWidth.set(p.width, { width: p.width, log2Eta: p.log2Eta, loss: p.loss });
    }
  }
  return [...byWidth.values()];
}
