/**
 * A Hessian-vector product on the benchmark MLP (exact double backprop, lib/measure/hvp.ts): the inner loop
 * of every sharpness measurement (notebook 07).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { hessianVectorProduct } from "../../lib/measure/hvp.ts";
import { rng } from "../../lib/random.ts";
import { mlpProblem } from "./mlp.ts";
import type { Workload } from "./workload.ts";

/** The HVP workload (id `mlp.hvp`). */
export function hvpWorkloads(): Workload[] {
  return [{
    id: "mlp.hvp",
    group: "MLP 64→512→512→1, batch 256 (ms)",
    label: "Hessian-vector product (double backprop)",
    target: { on: "ratio", op: "<=", bound: 3, text: "HVP ≤ 3× one-thread PyTorch" },
    setup: () => {
      const p = mlpProblem();
      const r = rng(1);
      const v = p.params.map((w) => tf.tensor(Float32Array.from(r.normals(w.size)), w.shape));
      return {
        run: () => {
          const hv = hessianVectorProduct(p.loss, p.params, v);
          hv[0].dataSync();
          tf.dispose(hv);
        },
        dispose: () => {
          tf.dispose(v);
          p.dispose();
        },
      };
    },
  }];
}
