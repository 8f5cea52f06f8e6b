import * as tf from "@tensorflow/tfjs-core";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { mse, sigmoid, sigmoidCrossEntropy, softmaxCrossEntropy, tanh } from "../autodiff/mod.ts";
import {
  finiteDifferenceHvp,
  randomTensor,
  relativeError,
  unitDirection,
} from "../autodiff/_finite_differences.ts";
import { type BackendName, initBackend } from "../backend.ts";
import { type ActivationName, initMlp, mlpForward, type MlpSpec } from "../models/mod.ts";
import { rng } from "../random.ts";
import { hessianVectorProduct, type LossFn } from "./hvp.ts";

const BACKENDS: BackendName[] = ["wasm", "cpu"];
const [N, D] = [12, 4];
type LossName = "mse" | "softmaxCrossEntropy" | "sigmoidCrossEntropy";
const OUTPUTS: Record<LossName, number> = { mse: 2, softmaxCrossEntropy: 3, sigmoidCrossEntropy: 2 };

/** Seeded inputs and targets for a loss: real targets for mse, one-hot rows or {0, 1} entries otherwise. */
function data(loss: LossName, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const k = OUTPUTS[loss], r = rng(seed);
  const x = tf.tensor2d(Float32Array.from(r.normals(N * D)), [N, D]);
  const y = loss === "mse"
    ? Float32Array.from(r.normals(N * k))
    : loss === "softmaxCrossEntropy"
    ? Float32Array.from({ length: N * k }, (_, i) => (i % k === (Math.floor(i / k) * 7) % k ? 1 : 0))
    : Float32Array.from({ length: N * k }, () => (r.uniform() < 0.5 ? 1 : 0));
  return { x, y: tf.tensor2d(y, [N, k]) };
}

const LOSSES: Record<LossName, (f: tf.Tensor, y: tf.Tensor) => tf.Scalar> = {
  mse,
  softmaxCrossEntropy,
  sigmoidCrossEntropy,
};

/** An MLP [D, 6, 5, k] with a loss, as a function of its parameter list. */
function problem(act: ActivationName, loss: LossName, seed: number) {
  const spec: MlpSpec = { sizes: [D, 6, 5, OUTPUTS[loss]], activation: act };
  const params = initMlp(spec, { seed });
  // Non-zero biases, so that every parameter has a generic Hessian row.
  params.forEach((p, i) => {
    if (i % 2 === 0) return;
    const b = randomTensor(p.shape, seed + i, 0.3);
    p.assign(b as tf.Tensor1D);
    b.dispose();
  });
  const { x, y } = data(loss, seed + 100);
  const lossFn: LossFn = (ps) => LOSSES[loss](mlpForward(spec, ps, x), y);
  return { spec, params, x, y, lossFn, dispose: () => tf.dispose([...params, x, y]) };
}

/** ‖Hv − FD‖ / ‖FD‖ for one problem, freeing everything. */
function hvpError(lossFn: LossFn, params: tf.Tensor[], seed: number, eps = 1e-2): number {
  const v = unitDirection(params, seed);
  const hv = hessianVectorProduct(lossFn, params, v);
  const fd = finiteDifferenceHvp(lossFn, params, v, eps);
  const err = relativeError(hv, fd);
  tf.dispose([...v, ...hv, ...fd]);
  return err;
}

for (const backend of BACKENDS) {
  Deno.test(`hessianVectorProduct() matches central differences of the gradient for every smooth activation and loss (${backend})`, async () => {
    await initBackend({ prefer: [backend] });
    const report: string[] = [];
    for (const act of ["tanh", "sigmoid", "linear"] as ActivationName[]) {
      for (const loss of Object.keys(LOSSES) as LossName[]) {
        const p = problem(act, loss, 1);
        const before = tf.memory().numTensors;
        const err = hvpError(p.lossFn, p.params, 2);
        if (!(err < 1e-3)) report.push(`${act} + ${loss}: relative error ${err.toExponential(2)}`);
        const leaked = tf.memory().numTensors - before;
        if (leaked !== 0) report.push(`${act} + ${loss}: ${leaked} tensors leaked`);
        p.dispose();
      }
    }
    assertEquals(report, []);
  });

  Deno.test(`hessianVectorProduct() on ReLU networks matches central differences taken where no unit switches (${backend})`, async () => {
    // Finite differences across a kink are meaningless (DESIGN.md). Along θ + t v with every hidden unit's
    // sign fixed for |t| ≤ ε, the network is a polynomial in t, so the central difference is valid there.
    // The sign pattern is checked at 41 points of the stencil's segment; for the first layer, whose
    // pre-activations are affine in t, that check is exact.
    await initBackend({ prefer: [backend] });
    for (const loss of ["mse", "softmaxCrossEntropy"] as LossName[]) {
      for (const depth of [1, 2]) {
        const spec: MlpSpec = { sizes: [D, ...Array(depth).fill(8), OUTPUTS[loss]], activation: "relu" };
        const params = initMlp(spec, { seed: 3 + depth });
        const { x, y } = data(loss, 7);
        const v = unitDirection(params, 5);
        const eps = [1e-2, 5e-3, 2e-3, 1e-3].find((e) => patternConstant(spec, params, v, x, e));
        assert(
          eps !== undefined,
          `ReLU ${depth}-hidden-layer net: a unit switches within t = ±1e-3; pick another seed`,
        );
        const lossFn: LossFn = (ps) => LOSSES[loss](mlpForward(spec, ps, x), y);
        const hv = hessianVectorProduct(lossFn, params, v);
        const fd = finiteDifferenceHvp(lossFn, params, v, eps);
        const err = relativeError(hv, fd);
        assert(
          err < 2e-3,
          `ReLU, ${depth} hidden, ${loss}, ε = ${eps}: relative error ${err.toExponential(2)}`,
        );
        tf.dispose([...params, x, y, ...v, ...hv, ...fd]);
      }
    }
  });
}

/** Whether every hidden pre-activation keeps its sign at 41 points of θ + t v, |t| ≤ ε. */
function patternConstant(
  spec: MlpSpec,
  params: tf.Tensor[],
  v: tf.Tensor[],
  x: tf.Tensor,
  eps: number,
): boolean {
  const signs = (t: number): string =>
    tf.tidy(() => {
      const ps = params.map((p, i) => tf.add(p, tf.mul(v[i], t)));
      let h: tf.Tensor = x;
      let pattern = "";
      for (let l = 0; l < spec.sizes.length - 2; l++) {
        const z = tf.add(tf.matMul(h as tf.Tensor2D, ps[2 * l] as tf.Tensor2D), ps[2 * l + 1]);
        pattern += Array.from(z.dataSync(), (s) => (s > 0 ? "+" : "-")).join("");
        h = tf.relu(z);
      }
      return pattern;
    });
  const at0 = signs(0);
  for (let i = -20; i <= 20; i++) if (signs((i / 20) * eps) !== at0) return false;
  return true;
}

Deno.test("with tfjs's own tanh, sigmoid and cross-entropies the Hessian-vector product is silently wrong", async () => {
  // The bug the ops of lib/autodiff exist for (DESIGN.md, "Second-order autodiff"). Same network, same
  // direction; only the nonlinearity or the loss is swapped for tfjs's, and the result is compared with the
  // safe version (itself checked against finite differences above).
  await initBackend({ prefer: ["wasm"] });
  type Loss = (f: tf.Tensor, y: tf.Tensor) => tf.Scalar;
  type Act = (z: tf.Tensor) => tf.Tensor;
  const cases: [string, LossName, [Act, Loss], [Act, Loss]][] = [
    ["tf.tanh + mse", "mse", [tf.tanh, mse], [tanh, mse]],
    ["tf.sigmoid + mse", "mse", [tf.sigmoid, mse], [sigmoid, mse]],
    ["relu + tf.losses.softmaxCrossEntropy", "softmaxCrossEntropy", [
      tf.relu,
      (f, y) => tf.losses.softmaxCrossEntropy(y, f) as tf.Scalar,
    ], [tf.relu, softmaxCrossEntropy]],
    ["relu + tf.losses.sigmoidCrossEntropy", "sigmoidCrossEntropy", [
      tf.relu,
      (f, y) => tf.losses.sigmoidCrossEntropy(y, f) as tf.Scalar,
    ], [tf.relu, sigmoidCrossEntropy]],
  ];
  const before = tf.memory().numTensors;
  for (const [name, loss, builtin, safe] of cases) {
    const { x, y } = data(loss, 11);
    const params = [[D, 6], [6], [6, 5], [5], [5, OUTPUTS[loss]], [OUTPUTS[loss]]].map((s, i) =>
      randomTensor(s, 40 + i, 0.6)
    );
    const lossOf = ([act, lossFn]: [Act, Loss]): LossFn => (ps) => {
      let h: tf.Tensor = x;
      for (let l = 0; l < 3; l++) {
        h = tf.add(tf.matMul(h as tf.Tensor2D, ps[2 * l] as tf.Tensor2D), ps[2 * l + 1]);
        if (l < 2) h = act(h);
      }
      return lossFn(h, y);
    };
    const v = unitDirection(params, 13);
    const wrong = hessianVectorProduct(lossOf(builtin), params, v);
    const right = hessianVectorProduct(lossOf(safe), params, v);
    const err = relativeError(wrong, right);
    assert(err > 0.05, `${name}: tfjs's Hessian-vector product was expected to be wrong, off by only ${err}`);
    tf.dispose([...params, x, y, ...v, ...wrong, ...right]);
  }
  assertEquals(tf.memory().numTensors, before);
});

for (const backend of BACKENDS) {
  Deno.test(`hessianVectorProduct() rebuilds the exact Hessian [X 1]ᵀ[X 1]/n of linear least squares (${backend})`, async () => {
    await initBackend({ prefer: [backend] });
    const before = tf.memory().numTensors;
    const r = rng(21);
    const n = 10, d = 5;
    const xs = r.normals(n * d);
    const x = tf.tensor2d(Float32Array.from(xs), [n, d]);
    const y = tf.tensor2d(Float32Array.from(r.normals(n)), [n, 1]);
    const params = [tf.tensor2d(Float32Array.from(r.normals(d)), [d, 1]), tf.tensor1d([0.4])];
    const lossFn: LossFn = ([w, b]) => mse(tf.add(tf.matMul(x, w as tf.Tensor2D), b), y);
    // Column j of H is H e_j.
    const P = d + 1;
    const row = (i: number, k: number) => (k < d ? xs[i * d + k] : 1);
    for (let j = 0; j < P; j++) {
      const e = [
        tf.tensor2d(Array.from({ length: d }, (_, k) => [k === j ? 1 : 0])),
        tf.tensor1d([j === d ? 1 : 0]),
      ];
      const hv = hessianVectorProduct(lossFn, params, e);
      const col = [...hv[0].dataSync(), ...hv[1].dataSync()];
      for (let k = 0; k < P; k++) {
        let exact = 0;
        for (let i = 0; i < n; i++) exact += row(i, k) * row(i, j) / n;
        assert(
          Math.abs(col[k] - exact) < 1e-5 * Math.max(1, Math.abs(exact)),
          `H[${k}][${j}]: ${exact} vs ${col[k]}`,
        );
      }
      tf.dispose([...e, ...hv]);
    }
    tf.dispose([x, y, ...params]);
    assertEquals(tf.memory().numTensors, before);
  });
}

Deno.test("the Hessian built from hessianVectorProduct() columns is symmetric on a tanh network", async () => {
  await initBackend({ prefer: ["wasm"] });
  const p = problem("tanh", "softmaxCrossEntropy", 31);
  const sizes = p.params.map((t) => t.size), P = sizes.reduce((a, b) => a + b);
  const h: Float32Array[] = [];
  for (let j = 0; j < P; j++) {
    const flat = new Float32Array(P);
    flat[j] = 1;
    let offset = 0;
    const e = p.params.map((t) => tf.tensor(flat.subarray(offset, offset += t.size), t.shape));
    const hv = hessianVectorProduct(p.lossFn, p.params, e);
    h.push(Float32Array.from(hv.flatMap((t) => Array.from(t.dataSync()))));
    tf.dispose([...e, ...hv]);
  }
  let asym = 0, scale = 0;
  for (let i = 0; i < P; i++) {
    for (let j = 0; j < P; j++) {
      asym = Math.max(asym, Math.abs(h[i][j] - h[j][i]));
      scale = Math.max(scale, Math.abs(h[i][j]));
    }
  }
  assert(asym < 1e-5 * scale, `max |H − Hᵀ| = ${asym} for max |H| = ${scale}`);
  p.dispose();
});

Deno.test("hessianVectorProduct() gives zeros for parameters the loss is linear in, and checks its arguments", async () => {
  await initBackend({ prefer: ["cpu"] });
  const before = tf.memory().numTensors;
  const a = tf.tensor1d([1, 2]), b = tf.tensor1d([3]);
  // L = Σa² + 5b: H = diag(2, 2, 0).
  const lossFn: LossFn = ([p, q]) => tf.add(tf.sum(tf.square(p)), tf.mul(tf.sum(q), 5)) as tf.Scalar;
  const u = [tf.tensor1d([1, -1]), tf.tensor1d([1])];
  const hv = hessianVectorProduct(lossFn, [a, b], u);
  assertEquals([Array.from(hv[0].dataSync()), Array.from(hv[1].dataSync())], [[2, -2], [0]]);
  // Even a loss that is linear in every parameter (H = 0).
  const linear = hessianVectorProduct(([p]) => tf.sum(p) as tf.Scalar, [a], [u[0]]);
  assertEquals(Array.from(linear[0].dataSync()), [0, 0]);
  assertThrows(
    () => hessianVectorProduct(lossFn, [a, b], [u[0]]),
    RangeError,
    "expected 2 direction tensors",
  );
  assertThrows(
    () => hessianVectorProduct(lossFn, [a, b], [u[0], a]),
    RangeError,
    "direction 1 has shape [2]",
  );
  assertThrows(
    () => hessianVectorProduct(([p]) => tf.square(p) as tf.Scalar, [a], [u[0]]),
    RangeError,
    "shape [2]",
  );
  tf.dispose([a, b, ...u, ...hv, ...linear]);
  assertEquals(tf.memory().numTensors, before);
});
