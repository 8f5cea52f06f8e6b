/**
 * fp32 matrix products `[n, n] × [n, n]`, plain and with `transposeB` (the shape of backprop's products).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { rng } from "../../lib/random.ts";
import { openBlas } from "../../lib/native/openblas.ts";
import { engineLabel, type Target, type Trial, type Workload } from "./workload.ts";

const TARGET_1024: Target = { on: "value", op: ">=", bound: 25, text: "matMul at 1024 ≥ 25 GFLOP/s" };

function product(n: number, transposeB: boolean): Trial {
  const r = rng(n);
  const a = tf.tensor2d(Float32Array.from(r.normals(n * n)), [n, n]);
  const b = tf.tensor2d(Float32Array.from(r.normals(n * n)), [n, n]);
  return {
    run: () => {
      const c = tf.matMul(a, b, false, transposeB);
      c.dataSync(); // not inside tf.tidy: tidy would walk the returned array (DESIGN.md)
      c.dispose();
    },
    dispose: () => tf.dispose([a, b]),
  };
}

/**
 * Plain and transposeB products at each size, as the course runs them (on OpenBLAS when it loads); transposeB
 * also with the patched kernels on XNNPACK (when OpenBLAS is what the course uses) and with tfjs's stock
 * wasm kernel.
 */
export function matMulWorkloads(sizes: number[] = [256, 512, 1024]): Workload[] {
  return sizes.flatMap((n): Workload[] => {
    const common = { group: "matMul (GFLOP/s)", flops: 2 * n ** 3 };
    const xnnpack: Workload[] = openBlas()
      ? [{
        ...common,
        id: `matmul.${n}.tB.xnnpack`,
        label: `${n}² · transposeB (${engineLabel("xnnpack")})`,
        matMul: "xnnpack",
        reference: `matmul.${n}.tB`,
        setup: () => product(n, true),
      }]
      : [];
    return [
      {
        ...common,
        id: `matmul.${n}`,
        label: `${n}² · plain (${engineLabel()})`,
        target: n === 1024 ? TARGET_1024 : undefined,
        setup: () => product(n, false),
      },
      {
        ...common,
        id: `matmul.${n}.tB`,
        label: `${n}² · transposeB (${engineLabel()})`,
        target: n === 1024 ? TARGET_1024 : undefined,
        setup: () => product(n, true),
      },
      ...xnnpack,
      {
        ...common,
        id: `matmul.${n}.tB.stock`,
        label: `${n}² · transposeB (${engineLabel("stock")})`,
        matMul: "stock",
        reference: `matmul.${n}.tB`,
        repeats: { min: 3 }, // ≈ 2 s each at n = 1024
        setup: () => product(n, true),
      },
    ];
  });
}
