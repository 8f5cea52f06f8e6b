/**
 * Full-batch AdamW training of the modular-arithmetic network (`lib/models/modular_mlp.ts`) with train and test
 * accuracy recorded along the way, and the first steps at which each reaches a threshold: the two numbers whose
 * ratio measures grokking (Power et al. 2022, arXiv:2201.02177, §3; Gromov 2023, arXiv:2301.02679).
 * Introduced in notebook 10.
 *
 * @module
 */
import { type Divergence, divergenceWatch } from "./_divergence.ts";
import type { ModularSplit } from "../data/modular.ts";
import { modularAccuracy, type ModularMlp, modularMlpGradients } from "../models/modular_mlp.ts";
import { float64AdamW } from "./adamw.ts";

/** Options of {@linkcode trainModularAddition}. */
export interface ModularTrainOptions {
  /** AdamW learning rate η. */
  eta: number;
  /** Decoupled weight decay λ. */
  weightDecay: number;
  /** Maximal number of steps. */
  steps: number;
  /** Record accuracies every this many steps. Default 10. */
  evalEvery?: number;
  /** Accuracy threshold of `trainStep`/`testStep`. Default 0.99. */
  threshold?: number;
  /** Stop this many steps after the test accuracy first reaches the threshold. Default: never stop early. */
  stopAfter?: number;
  /** Called at every evaluation (for progress displays). */
  onEval?: (record: ModularRecord) => void;
}

/** One evaluation. */
export interface ModularRecord {
  step: number;
  /** Training loss (MSE) at this step. */
  loss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** $\|W_1\|^2 + \|W_2\|^2$. */
  weightNorm: number;
}

/** What {@linkcode trainModularAddition} returns. */
export interface ModularTrainRun {
  /** The trained network (the object passed in, updated in place). */
  net: ModularMlp;
  history: ModularRecord[];
  /** First evaluated step with train accuracy ≥ threshold, or `null` if never. */
  trainStep: number | null;
  /** First evaluated step with test accuracy ≥ threshold, or `null` if never. */
  testStep: number | null;
  /** Steps actually taken. */
  steps: number;
  /** Set when the loss went non-finite or grew 10⁶-fold: `{ diverged: true, step, loss }` (lib/train/_divergence.ts). */
  divergence?: Divergence;
}

function sumSquares(...arrays: Float64Array[]): number {
  let s = 0;
  for (const a of arrays) for (const v of a) s += v * v;
  return s;
}

/**
 * Train `net` in place on `split.train`, evaluating on both parts every `evalEvery` steps (and at step 0).
 *
 * @example
 * ```ts
 * import { modularAdditionSplit } from "../data/modular.ts";
 * import { initModularMlp } from "../models/modular_mlp.ts";
 * import { trainModularAddition } from "./modular_addition.ts";
 * const split = modularAdditionSplit(7, { trainFraction: 0.6, seed: 0 });
 * const run = trainModularAddition(initModularMlp(7, { width: 32, seed: 0 }), split, { eta: 0.02, weightDecay: 0.5, steps: 100 });
 * if (run.trainStep === null) throw new Error("memorizes 29 pairs within 100 steps");
 * ```
 */
export function trainModularAddition(
  net: ModularMlp,
  split: ModularSplit,
  options: ModularTrainOptions,
): ModularTrainRun {
  if (split.p !== net.p) {
    throw new RangeError(`trainModularAddition: split is mod ${split.p} but the network is mod ${net.p}`);
  }
  const { steps, evalEvery = 10, threshold = 0.99 } = options;
  if (!(Number.isInteger(steps) && steps >= 0)) {
    throw new RangeError(`trainModularAddition: expected steps ≥ 0, got ${steps}`);
  }
  if (!(Number.isInteger(evalEvery) && evalEvery >= 1)) {
    throw new RangeError(`trainModularAddition: expected evalEvery ≥ 1, got ${evalEvery}`);
  }
  const opt = float64AdamW({ eta: options.eta, weightDecay: options.weightDecay });
  const history: ModularRecord[] = [];
  let trainStep: number | null = null, testStep: number | null = null;
  let t = 0;
  const watch = divergenceWatch();
  for (; t <= steps; t++) {
    const g = modularMlpGradients(net, split.train);
    if (t % evalEvery === 0 || t === steps) {
      const record: ModularRecord = {
        step: t,
        loss: g.loss,
        trainAccuracy: g.accuracy,
        testAccuracy: split.test.length > 0 ? modularAccuracy(net, split.test) : NaN,
        weightNorm: sumSquares(net.W1, net.W2),
      };
      history.push(record);
      watch.check(t, g.loss);
      options.onEval?.(record);
      if (trainStep === null && record.trainAccuracy >= threshold) trainStep = t;
      if (testStep === null && record.testAccuracy >= threshold) testStep = t;
      if (testStep !== null && options.stopAfter !== undefined && t >= testStep + options.stopAfter) break;
    }
    if (t === steps) break;
    opt.step([net.W1, net.W2], [g.W1, g.W2]);
  }
  return {
    net,
    history,
    trainStep,
    testStep,
    steps: t,
    ...(watch.divergence ? { divergence: watch.divergence } : {}),
  };
}
