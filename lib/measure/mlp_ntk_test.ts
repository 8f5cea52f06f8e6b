import * as tf from "@tensorflow/tfjs-core";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { initBackend } from "../backend.ts";
import { initMlp, mlpForward, type MlpSpec } from "../models/mod.ts";
import { rng } from "../random.ts";
import { empiricalNtk } from "./empirical_ntk.ts";
import { mlpNtk } from "./mlp_ntk.ts";

await initBackend({ prefer: ["wasm"] });

Deno.test("mlpNtk() equals the per-sample-gradient NTK for every activation, parameterization and depth", () => {
  const r = rng(1);
  const x1 = tf.tensor2d(Array.from(r.normals(5 * 3)), [5, 3]),
    x2 = tf.tensor2d(Array.from(r.normals(4 * 3)), [4, 3]);
  const specs: MlpSpec[] = [
    { sizes: [3, 16, 1], parameterization: "ntk", bias: false },
    { sizes: [3, 16, 1], parameterization: "ntk" },
    { sizes: [3, 12, 10, 1], activation: "tanh", parameterization: "standard" },
    { sizes: [3, 12, 10, 1], activation: "sigmoid", parameterization: "mup", baseWidth: 4 },
    { sizes: [3, 8, 8, 8, 1], activation: "relu", parameterization: "ntk" },
    { sizes: [3, 1], activation: "linear" },
  ];
  specs.forEach((spec, s) => {
    const params = initMlp(spec, { seed: s });
    // Non-zero biases, so that their terms and their effect on the gates are exercised.
    params.forEach((p, i) => {
      if (p.rank === 1) p.assign(tf.tensor1d(Array.from(rng(10 + i).normals(p.size, 0.3))));
    });
    const reference = empiricalNtk((ps, x) => mlpForward(spec, ps, x), params, x1, x2);
    const fast = mlpNtk(spec, params, x1, x2);
    const scale = Math.max(...reference.flat().map(Math.abs));
    const worst = Math.max(...fast.flat().map((v, i) => Math.abs(v - reference.flat()[i])));
    assert(worst < 1e-5 * scale, `spec ${s} [${spec.sizes}]: max deviation ${worst} of scale ${scale}`);
    params.forEach((p) => p.dispose());
  });
  x1.dispose();
  x2.dispose();
});

Deno.test("mlpNtk() frees its intermediates and rejects vector outputs", () => {
  const spec: MlpSpec = { sizes: [2, 4, 1], parameterization: "ntk" };
  const params = initMlp(spec, { seed: 0 });
  const x = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
  const before = tf.memory().numTensors;
  const K = mlpNtk(spec, params, x);
  assertEquals(tf.memory().numTensors, before);
  assertEquals([K.length, K[0].length], [3, 3]);
  const vector = initMlp({ sizes: [2, 4, 2] }, { seed: 0 });
  assertThrows(() => mlpNtk({ sizes: [2, 4, 2] }, vector, x), RangeError, "scalar-output");
  assertThrows(() => mlpNtk(spec, params.slice(0, 2), x), RangeError, "expected 4 parameter tensors");
  [...params, ...vector, x].forEach((t) => t.dispose());
});
