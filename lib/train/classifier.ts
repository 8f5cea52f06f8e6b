/**
 * Minibatch training of an MLP classifier (`lib/models/mlp.ts`) with softmax cross-entropy (or the squared error
 * to one-hot labels) and Adam or SGD, logging the full training-set loss and accuracy: the loop behind the
 * neural-collapse and representation experiments of notebook 11 (Papyan, Han & Donoho 2020, arXiv:2008.08186,
 * §2 train far past 100% training accuracy, the "terminal phase of training"; Han, Papyan & Donoho 2022,
 * arXiv:2106.02073, collapse under the squared error).
 *
 * @module
 */
import { type Divergence, divergenceWatch } from "./_divergence.ts";
import * as tf from "@tensorflow/tfjs-core";
import "../autodiff/_register_gradients.ts";
import { mse, softmaxCrossEntropy } from "../autodiff/losses.ts";
import { type Dataset, oneHot } from "../data/digits.ts";
import { mlpForward, type MlpSpec } from "../models/mlp.ts";
import { rng } from "../random.ts";
import { checkInterrupt } from "../interrupt.ts";

/** Options of {@linkcode trainClassifier}. */
export interface ClassifierTrainOptions {
  /** Learning rate. */
  lr: number;
  steps: number;
  /** Default 128 (full batch if larger than the data set). */
  batchSize?: number;
  /** Default "adam" (tfjs defaults β₁ = 0.9, β₂ = 0.999). */
  optimizer?: "adam" | "sgd";
  /** L2 weight decay λ: the loss minimized is CE + (λ/2)·Σ‖W‖² over weight matrices (not biases). Default 0. */
  weightDecay?: number;
  /** Loss: softmax cross-entropy (default) or the squared error to the one-hot labels ({@linkcode mse}). */
  loss?: "cross-entropy" | "mse";
  /** Seed of the batch order. Default 0. */
  seed?: number;
  /** Steps at which to log (besides 0 and the end). Default: every steps/20. */
  logAt?: number[];
  /** Called after each log with the live parameters (read, do not modify). */
  onLog?: (record: ClassifierRecord, params: tf.Variable[]) => void;
}

/** One log entry. */
export interface ClassifierRecord {
  step: number;
  /** The loss (mean cross-entropy, or the squared error) on the whole training set, without weight decay. */
  loss: number;
  /** Training accuracy. */
  accuracy: number;
  /** Set on the last record when the loss stopped being finite: training stopped at this step. */
  diverged?: true;
}

/** The log of {@linkcode trainClassifier}, with `divergence` set when the logged loss went non-finite or exploded. */
export type ClassifierLog = ClassifierRecord[] & { divergence?: Divergence };

/**
 * Train `params` in place on `data` (inputs `[n, d]`, integer labels); returns the log.
 *
 * @example
 * ```ts
 * import { initBackend } from "../backend.ts";
 * import { initMlp } from "../models/mlp.ts";
 * import { trainClassifier } from "./classifier.ts";
 * await initBackend();
 * const data = { x: new Float64Array([1, 0, 0, 1, -1, 0, 0, -1]), y: new Int32Array([0, 1, 0, 1]), n: 4, d: 2, classes: 2 };
 * const spec = { sizes: [2, 16, 2] };
 * const params = initMlp(spec, { seed: 0 });
 * const log = trainClassifier(spec, params, data, { lr: 0.05, steps: 100 });
 * if (log[log.length - 1].accuracy !== 1) throw new Error("fits 4 points");
 * params.forEach((p) => p.dispose());
 * ```
 */
export function trainClassifier(
  spec: MlpSpec,
  params: tf.Variable[],
  data: Dataset,
  options: ClassifierTrainOptions,
): ClassifierLog {
  const { lr, steps, optimizer = "adam", weightDecay = 0 } = options;
  const weights = params.filter((p) => p.rank === 2);
  if (!(lr > 0 && Number.isInteger(steps) && steps >= 0)) {
    throw new RangeError(`trainClassifier: expected lr > 0 and steps ≥ 0, got lr = ${lr}, steps = ${steps}`);
  }
  if (spec.sizes[0] !== data.d || spec.sizes[spec.sizes.length - 1] !== data.classes) {
    throw new RangeError(
      `trainClassifier: spec sizes [${spec.sizes}] do not match data d = ${data.d}, classes = ${data.classes}`,
    );
  }
  const n = data.n, batch = Math.min(options.batchSize ?? 128, n);
  const every = Math.max(1, Math.floor(steps / 20));
  const logAt = new Set(
    options.logAt ?? Array.from({ length: Math.floor(steps / every) + 1 }, (_, k) => k * every),
  );
  logAt.add(0).add(steps);
  const x = tf.tensor2d(Float32Array.from(data.x), [n, data.d]);
  const y = tf.tensor2d(Float32Array.from(oneHot(data.y, data.classes)), [n, data.classes]);
  const lossOf = options.loss === "mse" ? mse : softmaxCrossEntropy;
  const opt = optimizer === "adam" ? tf.train.adam(lr) : tf.train.sgd(lr);
  const r = rng(options.seed ?? 0);
  const log: ClassifierLog = [];
  const watch = divergenceWatch();
  let order: number[] = [];
  const record = (step: number): void => {
    const [loss, correct] = tf.tidy(() => {
      const logits = mlpForward(spec, params, x);
      const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)), "float32"));
      return [lossOf(logits, y), hits];
    });
    const entry: ClassifierRecord = { step, loss: loss.dataSync()[0], accuracy: correct.dataSync()[0] / n };
    if (!Number.isFinite(entry.loss)) entry.diverged = true;
    tf.dispose([loss, correct]);
    log.push(entry);
    if (watch.check(step, entry.loss)) log.divergence = watch.divergence;
    options.onLog?.(entry, params);
  };
  try {
    for (let step = 0; step < steps; step++) {
      checkInterrupt("trainClassifier", step);
      if (logAt.has(step)) {
        record(step);
        if (log[log.length - 1].diverged) return log;
      }
      tf.tidy(() => {
        let xb: tf.Tensor2D = x, yb: tf.Tensor2D = y;
        if (batch < n) {
          if (order.length < batch) order = r.permutation(n);
          const idx = tf.tensor1d(order.splice(0, batch), "int32");
          xb = tf.gather(x, idx);
          yb = tf.gather(y, idx);
        }
        opt.minimize(
          () => {
            const ce = lossOf(mlpForward(spec, params, xb), yb);
            if (!weightDecay) return ce;
            const l2 = tf.addN(weights.map((w) => tf.sum(tf.square(w))));
            return tf.add(ce, tf.mul(l2, weightDecay / 2));
          },
          false,
          params,
        );
      });
    }
    record(steps);
  } finally {
    tf.dispose([x, y]);
    opt.dispose();
  }
  return log;
}
