import * as tf from "@tensorflow/tfjs-core";
import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { initBackend } from "../backend.ts";
import { initMlp, mlpForward, type MlpSpec } from "../models/mod.ts";
import { rng } from "../random.ts";
import { reluNtk } from "../theory/arccos_kernel.ts";
import { empiricalNtk, outputJacobian } from "./empirical_ntk.ts";
import { spherePoints } from "../data/sphere.ts";

await initBackend({ prefer: ["wasm"] });

function frobeniusGap(A: number[][], B: number[][]): number {
  let num = 0, den = 0;
  A.forEach((row, i) =>
    row.forEach((v, j) => {
      num += (v - B[i][j]) ** 2;
      den += B[i][j] ** 2;
    })
  );
  return Math.sqrt(num / den);
}

Deno.test("empiricalNtk() of a two-layer ReLU net equals the sum over units of its gradient products", () => {
  // f = (σ/√N) Σ_j a_j relu(z_j) + c, z_j = (σ/√d) w_j·x + b_j (NTK parameterization, biases trained):
  // Θ(x, x') = (σ²/N) Σ_j [relu(z_j) relu(z'_j) + a_j² 1[z_j > 0] 1[z'_j > 0] (σ² x·x'/d + 1)] + 1.
  const d = 3, N = 16, s = Math.SQRT2, X = spherePoints(4, d, { seed: 1 });
  const spec: MlpSpec = { sizes: [d, N, 1], parameterization: "ntk" };
  const params = initMlp(spec, { seed: 2 });
  // Move the biases off zero so their terms are exercised.
  params[1].assign(tf.tensor1d(Array.from(rng(3).normals(N, 0.5))));
  const W = params[0].arraySync() as number[][], b = params[1].arraySync() as number[];
  const a = (params[2].arraySync() as number[][]).map((row) => row[0]);
  const z = X.map((x) =>
    Array.from(
      { length: N },
      (_, j) => (s / Math.sqrt(d)) * x.reduce((t, xi, i) => t + xi * W[i][j], 0) + b[j],
    )
  );
  const K = empiricalNtk((ps, x) => mlpForward(spec, ps, x), params, tf.tensor2d(X));
  for (let p = 0; p < 4; p++) {
    for (let q = 0; q < 4; q++) {
      const dot = X[p].reduce((t, v, i) => t + v * X[q][i], 0);
      let expected = 1;
      for (let j = 0; j < N; j++) {
        const relu = Math.max(0, z[p][j]) * Math.max(0, z[q][j]);
        const gate = z[p][j] > 0 && z[q][j] > 0 ? 1 : 0;
        expected += (s * s / N) * (relu + a[j] ** 2 * gate * (s * s * dot / d + 1));
      }
      assertClose(K[p][q], expected, 1e-5, `Θ[${p}][${q}]`);
    }
  }
  params.forEach((t) => t.dispose());
});

Deno.test("the empirical NTK at initialization approaches the arc-cosine NTK as width grows", () => {
  const d = 5, X = spherePoints(6, d, { seed: 4 }), x = tf.tensor2d(X);
  for (
    const { depth, bias } of [{ depth: 2, bias: false }, { depth: 2, bias: true }, { depth: 3, bias: true }]
  ) {
    const analytic = reluNtk(X, X, { depth, bias }).ntk;
    const gapAt = (width: number): number => {
      let total = 0;
      for (let seed = 0; seed < 3; seed++) {
        const spec: MlpSpec = {
          sizes: [d, ...Array(depth - 1).fill(width), 1],
          parameterization: "ntk",
          bias,
        };
        const params = initMlp(spec, { seed: 100 * seed + width });
        total += frobeniusGap(empiricalNtk((ps, xb) => mlpForward(spec, ps, xb), params, x), analytic) / 3;
        params.forEach((t) => t.dispose());
      }
      return total;
    };
    // Fluctuations are O(depth/√width): the bound is looser for the deeper, narrower net.
    const narrow = gapAt(32), wide = gapAt(depth === 2 ? 4096 : 1024), bound = depth === 2 ? 0.08 : 0.15;
    assert(
      wide < bound,
      `depth ${depth}, bias ${bias}: relative gap ${wide} at the wide end, expected < ${bound}`,
    );
    assert(
      wide < narrow / 2.5,
      `depth ${depth}, bias ${bias}: gap should shrink with width: ${narrow} → ${wide}`,
    );
  }
  x.dispose();
});

Deno.test("empiricalNtk() frees its intermediates and rejects vector-output models", () => {
  const spec: MlpSpec = { sizes: [3, 8, 1], parameterization: "ntk" };
  const params = initMlp(spec, { seed: 1 });
  const x1 = tf.tensor2d(spherePoints(3, 3, { seed: 5 })), x2 = tf.tensor2d(spherePoints(2, 3, { seed: 6 }));
  const before = tf.memory().numTensors;
  const K = empiricalNtk((ps, x) => mlpForward(spec, ps, x), params, x1, x2);
  assertEquals([K.length, K[0].length], [3, 2]);
  const J = outputJacobian((ps, x) => mlpForward(spec, ps, x), params, x1);
  assertEquals(J.shape, [3, 3 * 8 + 8 + 8 + 1]);
  J.dispose();
  assertEquals(tf.memory().numTensors, before);
  const wide: MlpSpec = { sizes: [3, 8, 2], parameterization: "ntk" };
  const p2 = initMlp(wide, { seed: 1 });
  assertThrows(
    () => empiricalNtk((ps, x) => mlpForward(wide, ps, x), p2, x1),
    RangeError,
    "scalar-output model",
  );
  [...params, ...p2, x1, x2].forEach((t) => t.dispose());
});
