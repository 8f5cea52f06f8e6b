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
import { divergenceText } from "./_divergence.ts";
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
  /**
   * Count a *loss spike* as unstable too: a run whose batch loss, read at every step, ever exceeds this multiple
   * of its initial loss on the whole training set (as in a catapult, Lewkowycz et al. 2020, arXiv:2003.02218)
   * is stopped and counted with the diverged runs. Off by default (losses read every 10 steps, only
   * `divergeAbove` applies).
   */
  spikeAbove?: number;
  /** Label of a live progress line under the cell; none when omitted. */
  progressLabel?: string;
}

/** One grid point. */
export interface SweepPoint {
  width: number;
  log2Eta: number;
  /** Mean final training loss over seeds; `Infinity` if any seed diverged (or spiked, with `spikeAbove`). */
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
  if (options.spikeAbove !== undefined && !(options.spikeAbove > 1)) {
    throw new RangeError(
      `sweepLearningRates: spikeAbove must be a factor above 1 (a loss that far above its start), got ${options.spikeAbove}`,
    );
  }
  const bar = options.progressLabel ? await progress(options.progressLabel) : null;
  const points: SweepPoint[] = [];
  const total = widths.length * log2Etas.length * seeds.length;
  let done = 0, divergedRuns = 0, lastDivergence = "";
  for (const width of widths) {
    const spec = options.spec(width);
    for (const log2Eta of log2Etas) {
      let sum = 0, diverged = 0;
      for (const seed of seeds) {
        checkInterrupt("sweepLearningRates", `run ${done + 1} of ${total}`);
        const params = initMlp(spec, { seed });
        let limit = options.divergeAbove ?? 1e3;
        if (options.spikeAbove !== undefined) {
          const initial = tf.tidy(() => loss(mlpForward(spec, params, x), y).dataSync()[0]);
          limit = Math.min(limit, options.spikeAbove * initial);
        }
        const run = trainLayerwiseSgd((ps, xb, yb) => loss(mlpForward(spec, ps, xb), yb), params, {
          x,
          y,
          learningRates: mlpLearningRates(spec, 2 ** log2Eta),
          steps: options.steps,
          batchSize: options.batchSize,
          seed,
          divergeAbove: limit,
          recordEvery: options.spikeAbove !== undefined ? 1 : undefined,
        });
        if (run.diverged) {
          diverged++;
          divergedRuns++;
          if (run.divergence) {
            lastDivergence = ` (last: width ${width}, log₂η = ${log2Eta}, ${divergenceText(run.divergence)})`;
          }
        } else {
          const final = tf.tidy(() => loss(mlpForward(spec, params, x), y));
          sum += final.dataSync()[0];
          final.dispose();
        }
        tf.dispose(params);
        done++;
        const note = divergedRuns ? `; ${divergedRuns} diverged${lastDivergence}` : "";
        await bar?.update(
          `${done} / ${total} runs (width ${width}, log₂η = ${log2Eta})${note}`,
          done === total,
        );
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
