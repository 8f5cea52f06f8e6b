/**
 * Feature movement across widths: train an MLP at each width with the same global learning rate and
 * measure how far its last hidden layer moved, $\lVert h_T - h_0\rVert_F/\lVert h_0\rVert_F$ on fixed probe
 * inputs ({@linkcode featureMovement}). Under the NTK parameterization it falls like $N^{-1/2}$ (lazy
 * training), under µP it stays $\Theta(1)$ (Yang & Hu 2021, arXiv:2011.14522, §3). Introduced in notebook 06.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { featureMovement } from "../measure/feature_movement.ts";
import { initMlp, mlpFeatures, mlpForward, type MlpSpec } from "../models/mlp.ts";
import { mlpLearningRates } from "../models/parameterization.ts";
import { trainLayerwiseSgd } from "./layerwise_sgd.ts";
import type { PredictionLoss } from "./lr_sweep.ts";

/** Options of {@linkcode featureMovementSweep}. */
export interface FeatureSweepOptions {
  spec: (width: number) => MlpSpec;
  widths: number[];
  /** Global learning rate η (the same at every width). */
  eta: number;
  /** Training inputs `[n, d]`, targets `[n, k]`, and the probe inputs `[m, d]` features are read on. */
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  probe: tf.Tensor2D;
  loss: PredictionLoss;
  steps: number;
  batchSize?: number;
  /** Seeds; movement and loss are averaged over them. */
  seeds: number[];
}

/** One width. */
export interface FeatureSweepRow {
  width: number;
  /** Mean relative movement of the last hidden layer. */
  movement: number;
  /** Mean final training loss. */
  loss: number;
}

/**
 * Train at every width and seed; returns the mean movement per width.
 *
 * @throws {RangeError} when a run diverges (naming the width, seed, step and loss), since a diverged run's
 *   features and loss mean nothing
 */
export function featureMovementSweep(options: FeatureSweepOptions): FeatureSweepRow[] {
  const { widths, seeds, x, y, probe, loss } = options;
  if (widths.length === 0 || seeds.length === 0) {
    throw new RangeError(
      `featureMovementSweep: expected widths and seeds, got ${widths.length} and ${seeds.length}`,
    );
  }
  return widths.map((width) => {
    const spec = options.spec(width);
    if (spec.sizes.length < 3) {
      throw new RangeError(
        `featureMovementSweep: expected a network with a hidden layer, got sizes [${spec.sizes}]`,
      );
    }
    let movement = 0, final = 0;
    for (const seed of seeds) {
      const params = initMlp(spec, { seed });
      const last = (): tf.Tensor2D =>
        tf.tidy(() => {
          const states = mlpFeatures(spec, params, probe);
          return states[states.length - 2];
        });
      const h0 = last();
      const run = trainLayerwiseSgd((ps, xb, yb) => loss(mlpForward(spec, ps, xb), yb), params, {
        x,
        y,
        learningRates: mlpLearningRates(spec, options.eta),
        steps: options.steps,
        batchSize: options.batchSize,
        seed,
      });
      if (run.diverged) {
        tf.dispose([h0, ...params]);
        throw new RangeError(
          `featureMovementSweep: training diverged at width ${width}, seed ${seed}, step ${run.stepsTaken} ` +
            `(loss ${run.losses[run.losses.length - 1]}); η = ${options.eta} is too large, lower it`,
        );
      }
      const h1 = last();
      movement += featureMovement(h0, h1);
      const l = tf.tidy(() => loss(mlpForward(spec, params, x), y));
      final += l.dataSync()[0];
      tf.dispose([h0, h1, l, ...params]);
    }
    return { width, movement: movement / seeds.length, loss: final / seeds.length };
  });
}
