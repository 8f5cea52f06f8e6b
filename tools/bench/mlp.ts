/**
 * The benchmark MLP (64 → 512 → 512 → 1, ReLU, batch 256, MSE) and one plain-SGD training step on it.
 * `reference.py` builds the same network in PyTorch and NumPy; a Hessian-vector-product workload can reuse
 * {@linkcode mlpProblem}.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import "../../lib/autodiff/_register_gradients.ts"; // tfjs-core alone registers no gradients
import { rng } from "../../lib/random.ts";
import { engineLabel, type Target, type Workload } from "./workload.ts";
import { openBlas } from "../../lib/native/openblas.ts";

/** Layer widths and batch size of the benchmark MLP. */
export const MLP = { widths: [64, 512, 512, 1], batch: 256, lr: 1e-3 } as const;

/** Inputs, targets and parameters of the benchmark MLP, with its loss as a function of the parameters. */
export interface MlpProblem {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  /** `[W1, b1, W2, b2, W3, b3]`, `W` of shape `[in, out]` (He-initialized), `b` zeros. */
  params: tf.Variable[];
  /** Mean squared error of the network with parameters `ps` (same order and shapes as `params`). */
  loss(ps: tf.Tensor[]): tf.Scalar;
  dispose(): void;
}

/** The benchmark MLP with seeded data and weights. */
export function mlpProblem(seed = 0): MlpProblem {
  const r = rng(seed);
  const { widths, batch } = MLP;
  const normal = (shape: number[], std = 1) =>
    tf.tensor(Float32Array.from(r.normals(tf.util.sizeFromShape(shape), std)), shape);
  const x = normal([batch, widths[0]]) as tf.Tensor2D;
  const y = normal([batch, widths.at(-1)!]) as tf.Tensor2D;
  // In a tidy: a variable does not take over its initial value, which would otherwise stay allocated.
  const params = tf.tidy(() =>
    widths.slice(1).flatMap((out, i) => {
      const fanIn = widths[i];
      return [tf.variable(normal([fanIn, out], Math.sqrt(2 / fanIn))), tf.variable(tf.zeros([out]))];
    })
  );
  const loss = (ps: tf.Tensor[]): tf.Scalar =>
    tf.tidy(() => {
      let h: tf.Tensor = x;
      for (let l = 0; l < ps.length; l += 2) {
        h = tf.add(tf.matMul(h as tf.Tensor2D, ps[l] as tf.Tensor2D), ps[l + 1]);
        if (l + 2 < ps.length) h = tf.relu(h);
      }
      return tf.mean(tf.square(tf.sub(h, y)));
    });
  return { x, y, params, loss, dispose: () => tf.dispose([x, y, ...params]) };
}

const TARGET_STEP: Target = {
  on: "ratio",
  op: "<=",
  bound: 3,
  text: "training step ≤ 3× one-thread PyTorch",
};

function stepWorkload(matMul: "patched" | "xnnpack" | "stock"): Workload {
  return {
    id: matMul === "patched" ? "mlp.step" : `mlp.step.${matMul}`,
    group: "MLP 64→512→512→1, batch 256 (ms)",
    label: `SGD step: loss, backprop, update (${engineLabel(matMul)})`,
    matMul,
    reference: "mlp.step",
    target: matMul === "patched" ? TARGET_STEP : undefined,
    setup: () => {
      const p = mlpProblem();
      return {
        run: () => {
          const loss = tf.tidy(() => {
            const { value, grads } = tf.variableGrads(() => p.loss(p.params), p.params);
            for (const v of p.params) v.assign(tf.sub(v, tf.mul(MLP.lr, grads[v.name])));
            return value;
          });
          loss.dataSync(); // read after the tidy (DESIGN.md)
          loss.dispose();
        },
        dispose: () => p.dispose(),
      };
    },
  };
}

/** The training step as the course runs it, on the XNNPACK patch (when OpenBLAS is in use), and stock. */
export function mlpWorkloads(): Workload[] {
  return [stepWorkload("patched"), ...(openBlas() ? [stepWorkload("xnnpack")] : []), stepWorkload("stock")];
}
