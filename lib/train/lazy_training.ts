/**
 * Train a scalar-output MLP by full-batch gradient descent and lay its run over the closed-form run of its
 * own linearization: the measurements behind lazy training (Jacot et al. 2018, arXiv:1806.07572;
 * Lee et al. 2019, arXiv:1902.06720; Chizat, Oyallon & Bach 2019, arXiv:1812.07956).
 *
 * One run: initialize $\theta_0$; measure the empirical NTK $\hat\Theta_0$ on training and test inputs (`mlpNtk`);
 * predict the linearized network's outputs after $T$ steps (`linearizedGd`); train the real network for
 * $T$ steps on $L = \frac1{2n}\sum_i (f(x_i) - y_i)^2$; measure how far the weights, the NTK and the outputs
 * moved, and how far the network ended from its linearization.
 *
 * Centring (as in Chizat et al. 2019): with `centre: true` the model trained is $f(\theta, x) - f(\theta_0, x)$,
 * which starts at exactly 0, so every width fits the same residual $-y$ (the random initial output
 * $f(\theta_0, \cdot)$, of variance $\Theta(1)$ at every width, would otherwise add noise to every
 * measurement). Equivalently the network is trained on targets $y + f(\theta_0, X)$, which is what is done.
 * Introduced in notebook 05.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import "../autodiff/_register_gradients.ts";
import { mse } from "../autodiff/losses.ts";
import type { Matrix } from "../linalg/matrix.ts";
import { mlpNtk } from "../measure/mlp_ntk.ts";
import { flattenParams } from "../measure/params.ts";
import { initMlp, mlpForward, type MlpSpec } from "../models/mlp.ts";
import { linearizedGd } from "../theory/linearized.ts";

/** Options of {@linkcode lazyTrainingRun}. */
export interface LazyTrainingOptions {
  /** Training inputs `[n, d]` (row-major). */
  xTrain: Matrix;
  /** Training targets `[n]`. */
  yTrain: ArrayLike<number>;
  /** Held-out inputs `[m, d]` on which the network is compared with its linearization. */
  xTest: Matrix;
  /** Learning rate $\eta$ (stable for the linearized model: $\eta\lambda_{\max}(\hat\Theta_0)/n < 2$). */
  eta: number;
  /** Number of full-batch GD steps $T$. */
  steps: number;
  /** Seed of the initialization. */
  seed: number;
  /** Train the centred model $f(\theta,\cdot) - f(\theta_0,\cdot)$. Default true. */
  centre?: boolean;
}

/** What one {@linkcode lazyTrainingRun} measured. */
export interface LazyTrainingRun {
  /** $\|\theta_T - \theta_0\| / \|\theta_0\|$. */
  relativeWeightChange: number;
  /** $\|\theta_T - \theta_0\|$. */
  weightChange: number;
  /** Empirical NTK at initialization on the training inputs `[n, n]`. */
  ntkInit: Matrix;
  /** Empirical NTK at initialization between test and training inputs `[m, n]`. */
  ntkInitCross: Matrix;
  /** Empirical NTK after training on the training inputs `[n, n]`. */
  ntkFinal: Matrix;
  /** $\|\hat\Theta_T - \hat\Theta_0\|_F / \|\hat\Theta_0\|_F$ on the training inputs. */
  relativeNtkChange: number;
  /** Test outputs of the trained network `[m]` (minus the initial outputs if centred). */
  networkTest: Float64Array;
  /** Test outputs of the linearized network after the same steps `[m]` (same convention). */
  linearizedTest: Float64Array;
  /** $\|f_T - f^{\rm lin}_T\| / \|f^{\rm lin}_T - f_0\|$ on the test inputs: the network's departure from its linearization, relative to how far training moved the outputs. */
  relativeGap: number;
  /** Training loss after $T$ steps. */
  finalTrainLoss: number;
  /** The parameters at initialization, one flat row-major array per tensor of `initMlp`'s list. */
  paramsInit: Float32Array[];
  /** The parameters after $T$ steps (same layout). */
  paramsFinal: Float32Array[];
}

function frobenius(A: Matrix, B?: Matrix): number {
  let s = 0;
  A.forEach((row, i) => row.forEach((v, j) => (s += (v - (B ? B[i][j] : 0)) ** 2)));
  return Math.sqrt(s);
}

function outputs(spec: MlpSpec, params: tf.Tensor[], x: tf.Tensor2D): Float64Array {
  const out = mlpForward(spec, params, x);
  const values = Float64Array.from(out.dataSync());
  out.dispose();
  return values;
}

/**
 * Initialize an MLP of architecture `spec` (scalar output), train it by full-batch GD, and compare it with
 * its linearization (see the module documentation). All tensors are freed.
 *
 * @throws {RangeError} when the output is not scalar, shapes disagree, `eta` is unstable for the linearized
 *   model, or the network's own gradient descent diverges (the message names the step and the loss)
 *
 * @example
 * ```ts ignore
 * const run = lazyTrainingRun({ sizes: [8, 256, 1], parameterization: "ntk", bias: false },
 *   { xTrain, yTrain, xTest, eta: 1, steps: 50, seed: 0 });
 * run.relativeWeightChange; // shrinks like 1/√width
 * ```
 */
export function lazyTrainingRun(spec: MlpSpec, options: LazyTrainingOptions): LazyTrainingRun {
  const { xTrain, yTrain, xTest, eta, steps, seed, centre = true } = options;
  const n = xTrain.length, m = xTest.length;
  if (spec.sizes[spec.sizes.length - 1] !== 1) {
    throw new RangeError(
      `lazyTrainingRun: expected a scalar-output MLP (sizes ending in 1), got [${spec.sizes}]`,
    );
  }
  if (yTrain.length !== n) {
    throw new RangeError(
      `lazyTrainingRun: expected ${n} targets (one per row of xTrain), got ${yTrain.length}`,
    );
  }
  const params = initMlp(spec, { seed });
  const model = (ps: tf.Tensor[], x: tf.Tensor2D) => mlpForward(spec, ps, x);
  const xtr = tf.tensor2d(xTrain), xte = tf.tensor2d(xTest), xall = tf.tensor2d([...xTrain, ...xTest]);
  try {
    const paramsInit = params.map((p) => Float32Array.from(p.dataSync()));
    const theta0 = flattenParams(params);
    const kAll = mlpNtk(spec, params, xall);
    const ntkInit = kAll.slice(0, n).map((row) => row.slice(0, n));
    const ntkInitCross = kAll.slice(n).map((row) => row.slice(0, n));
    const f0Train = outputs(spec, params, xtr), f0Test = outputs(spec, params, xte);
    const target = Float64Array.from(yTrain, (y, i) => y + (centre ? f0Train[i] : 0));
    const lin = linearizedGd(ntkInit, ntkInitCross, { f0Train, f0Test, y: target, eta, steps });
    const yt = tf.tensor2d(Float32Array.from(target), [n, 1]);
    let firstLoss = NaN;
    for (let t = 0; t < steps; t++) {
      const loss = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => mse(model(params, xtr), yt), params);
        for (const p of params) p.assign(tf.sub(p, tf.mul(grads[p.name], eta)));
        return value.dataSync()[0];
      });
      if (t === 0) firstLoss = loss;
      if (!Number.isFinite(loss) || loss > 1e6 * firstLoss) {
        yt.dispose();
        throw new RangeError(
          `lazyTrainingRun: gradient descent diverged at step ${t} (loss ${loss}, from ${firstLoss} at step 0); ` +
            `η = ${eta} is too large for this network — lower it (the linearized dynamics need ` +
            `η·λ_max(Θ₀)/n < 2)`,
        );
      }
    }
    const finalTrainLoss = tf.tidy(() => mse(model(params, xtr), yt).dataSync()[0]);
    yt.dispose();
    const thetaT = flattenParams(params);
    const paramsFinal = params.map((p) => Float32Array.from(p.dataSync()));
    let dw = 0, w0 = 0;
    for (let i = 0; i < theta0.length; i++) {
      dw += (thetaT[i] - theta0[i]) ** 2;
      w0 += theta0[i] ** 2;
    }
    const ntkFinal = mlpNtk(spec, params, xtr);
    const fT = outputs(spec, params, xte);
    const shift = (v: ArrayLike<number>) => Float64Array.from(v, (x, i) => x - (centre ? f0Test[i] : 0));
    const networkTest = shift(fT), linearizedTest = shift(lin.test);
    let gap = 0, moved = 0;
    for (let i = 0; i < m; i++) {
      gap += (fT[i] - lin.test[i]) ** 2;
      moved += (lin.test[i] - f0Test[i]) ** 2;
    }
    return {
      relativeWeightChange: Math.sqrt(dw / w0),
      weightChange: Math.sqrt(dw),
      ntkInit,
      ntkInitCross,
      ntkFinal,
      relativeNtkChange: frobenius(ntkFinal, ntkInit) / frobenius(ntkInit),
      networkTest,
      linearizedTest,
      relativeGap: Math.sqrt(gap / moved),
      finalTrainLoss,
      paramsInit,
      paramsFinal,
    };
  } finally {
    [...params, xtr, xte, xall].forEach((t) => t.dispose());
  }
}
