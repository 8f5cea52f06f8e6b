import * as tf from "@tensorflow/tfjs-core";
import { assert, assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { initBackend } from "../backend.ts";
import { initMlp, mlpFeatures, mlpForward, type MlpSpec } from "./mlp.ts";
import { layerScales, mlpLearningRates } from "./parameterization.ts";

Deno.test("layerScales() gives SP's σ/√fan-in init and NTK's unit init with a σ/√fan-in multiplier", () => {
  const sp = layerScales({ sizes: [5, 8, 3] });
  const ntk = layerScales({ sizes: [5, 8, 3], parameterization: "ntk" });
  assertClose(sp[0].initStd, Math.SQRT2 / Math.sqrt(5));
  assertClose(sp[1].initStd, Math.SQRT2 / Math.sqrt(8));
  assertEquals(sp.map((s) => s.multiplier), [1, 1]);
  assertEquals(ntk.map((s) => s.initStd), [1, 1]);
  assertClose(ntk[1].multiplier, Math.SQRT2 / Math.sqrt(8));
  assertEquals([...sp, ...ntk].map((s) => s.learningRate), [1, 1, 1, 1]);
});

Deno.test("µP learning rates scale as fan-out/fan-in: N for the input layer, 1 for hidden, 1/N for the readout", () => {
  for (const width of [32, 256, 4096]) {
    const s = layerScales({ sizes: [10, width, width, 4], parameterization: "mup", baseWidth: 32 });
    const m = width / 32;
    assertClose(s[0].learningRate, m);
    assertClose(s[1].learningRate, 1);
    assertClose(s[2].learningRate, 1 / m);
    assertClose(s[0].biasLearningRate, m);
    assertClose(s[2].biasLearningRate, 1);
    // Init: 1/fan-in variance except the readout, whose variance is a further 1/m smaller (∝ 1/fan-in²).
    assertClose(s[1].initStd, Math.SQRT2 / Math.sqrt(width));
    assertClose(s[2].initStd, Math.SQRT2 / Math.sqrt(width) / Math.sqrt(m));
  }
});

Deno.test("µP with base width 1 is Table 3 of Yang et al. 2022 literally", () => {
  const spec: MlpSpec = { sizes: [16, 100, 10], parameterization: "mup", activation: "tanh", bias: false };
  const s = layerScales(spec);
  assertClose(s[1].initStd ** 2, 1 / 100 ** 2, 1e-15); // output variance 1/fan-in²
  assertEquals(mlpLearningRates(spec, 0.5), [0.5 * 100, 0.5 / 100]); // η·fan-out, η/fan-in
});

Deno.test("µP coincides with SP at the base width", () => {
  const sizes = [7, 64, 64, 3];
  const mup = layerScales({ sizes, parameterization: "mup", baseWidth: 64 });
  const sp = layerScales({ sizes });
  assertEquals(mup, sp);
  assertEquals(
    mlpLearningRates({ sizes, parameterization: "mup", baseWidth: 64 }, 0.1),
    mlpLearningRates({ sizes }, 0.1),
  );
});

Deno.test("layerScales() and mlpLearningRates() reject bad input with what was expected", () => {
  assertThrows(
    () => layerScales({ sizes: [2, 3], parameterization: "yang" as "mup" }),
    RangeError,
    'Unknown parameterization "yang"',
  );
  assertThrows(
    () => layerScales({ sizes: [2, 3, 1], parameterization: "mup", baseWidth: 0 }),
    RangeError,
    "baseWidth",
  );
  assertThrows(() => mlpLearningRates({ sizes: [2, 3] }, -1), RangeError, "got -1");
});

Deno.test("initMlp() draws each layer with layerScales' std; NTK and SP compute the same function", async () => {
  await initBackend({ prefer: ["cpu"] });
  const spec: MlpSpec = { sizes: [20, 400, 300], parameterization: "mup", baseWidth: 4, bias: false };
  const params = initMlp(spec, { seed: 1 });
  const scales = layerScales(spec);
  params.forEach((p, l) => {
    const v = p.dataSync();
    const std = Math.sqrt(Array.from(v).reduce((s, a) => s + a * a, 0) / v.length);
    assertClose(std / scales[l].initStd, 1, 0.02, `layer ${l + 1}`);
  });
  tf.dispose(params);
  // Same seed ⇒ NTK weights are SP weights divided by σ/√fan-in, so the two networks agree at init.
  const sp: MlpSpec = { sizes: [6, 9, 2] }, ntk: MlpSpec = { ...sp, parameterization: "ntk" };
  const a = initMlp(sp, { seed: 3 }), b = initMlp(ntk, { seed: 3 });
  const x = tf.randomNormal([4, 6], 0, 1, "float32", 1) as tf.Tensor2D;
  const fa = mlpForward(sp, a, x).dataSync(), fb = mlpForward(ntk, b, x).dataSync();
  fa.forEach((v, i) => assertClose(fb[i], v, 1e-5));
  tf.dispose([...a, ...b, x]);
  await initBackend({ prefer: ["wasm"] });
});

Deno.test("mlpFeatures() returns every hidden layer and ends with mlpForward's output, leaking nothing", async () => {
  await initBackend({ prefer: ["cpu"] });
  const spec: MlpSpec = { sizes: [3, 5, 4, 2], activation: "relu" };
  const params = initMlp(spec, { seed: 2 });
  const x = tf.randomNormal([6, 3], 0, 1, "float32", 2) as tf.Tensor2D;
  const before = tf.memory().numTensors;
  const states = mlpFeatures(spec, params, x);
  assertEquals(states.map((s) => s.shape), [[6, 5], [6, 4], [6, 2]]);
  assert(states[0].dataSync().every((v) => v >= 0), "hidden features are post-ReLU");
  const out = mlpForward(spec, params, x);
  out.dataSync().forEach((v, i) => assertClose(states[2].dataSync()[i], v, 1e-6));
  tf.dispose([...states, out]);
  assertEquals(tf.memory().numTensors, before);
  tf.dispose([...params, x]);
  await initBackend({ prefer: ["wasm"] });
});
