import * as tf from "@tensorflow/tfjs-core";
import { assert, assertEquals } from "./_assert.ts";
import "./autodiff/_register_gradients.ts"; // tfjs-core alone registers no gradients
import { initBackend } from "./backend.ts";
import { rng } from "./random.ts";
import { openBlas } from "./native/openblas.ts";
import { isWasmMatMulPatched, patchWasmMatMul, unpatchWasmMatMul, wasmMatMulBlas } from "./wasm_matmul.ts";

// Sizes large enough that every product takes a patched path (m·k·n ≥ 12288), all different so that a
// transposition mix-up shows.
const [M, K, N] = [24, 20, 28];
/** The patched kernels on OpenBLAS (when this machine has it) and on XNNPACK, tfjs's own, and the cpu backend. */
type Variant = "blas" | "xnnpack" | "stock" | "cpu";
const PATCHED: ("blas" | "xnnpack")[] = openBlas() ? ["blas", "xnnpack"] : ["xnnpack"];
const VARIANTS: Variant[] = [...PATCHED, "stock", "cpu"];

/** Seeded float32 values of the given shape. */
function values(shape: number[], seed: number): { shape: number[]; data: Float32Array } {
  return { shape, data: Float32Array.from(rng(seed).normals(tf.util.sizeFromShape(shape))) };
}

/** Runs `fn` with the given kernels and returns its outputs' values, freeing its tensors. */
async function run(variant: Variant, fn: () => tf.Tensor | tf.Tensor[]): Promise<Float32Array[]> {
  if (variant === "cpu") tf.env().set("PROD", true); // no "install tfjs-node" banner, as in initBackend()
  await tf.setBackend(variant === "cpu" ? "cpu" : "wasm");
  unpatchWasmMatMul();
  if (variant === "blas" || variant === "xnnpack") {
    patchWasmMatMul({ blas: variant === "blas" });
    assertEquals(wasmMatMulBlas() !== null, variant === "blas");
  }
  const out = tf.tidy(fn);
  const outs = Array.isArray(out) ? out : [out];
  const arrays = outs.map((t) => t.dataSync() as Float32Array); // read after the tidy (DESIGN.md)
  tf.dispose(outs);
  return arrays;
}

/** The same computation with every variant, one after the other (each switches backends). */
async function runAll(fn: () => tf.Tensor | tf.Tensor[]): Promise<Record<Variant, Float32Array[]>> {
  const results = {} as Record<Variant, Float32Array[]>;
  for (const v of VARIANTS) results[v] = await run(v, fn);
  return results;
}

async function restore(): Promise<void> {
  await initBackend({ prefer: ["wasm"] });
  assert(isWasmMatMulPatched(), "initBackend() should leave the patch in place");
}

function assertAllClose(actual: Float32Array, expected: Float32Array, what: string, tol = 1e-4): void {
  assertEquals(actual.length, expected.length, `${what}: sizes differ`);
  for (let i = 0; i < actual.length; i++) {
    const scale = Math.max(1, Math.abs(expected[i]));
    if (!(Math.abs(actual[i] - expected[i]) <= tol * scale)) {
      throw new Error(`${what}: element ${i} is ${actual[i]}, expected ${expected[i]} ± ${tol * scale}`);
    }
  }
}

/** Operand shapes of `[...aBatch, m, k] × [...bBatch, k, n]` as stored when transposed. */
function shapes(aBatch: number[], bBatch: number[], tA: boolean, tB: boolean): [number[], number[]] {
  return [[...aBatch, ...(tA ? [K, M] : [M, K])], [...bBatch, ...(tB ? [N, K] : [K, N])]];
}

const BATCHES: [string, number[], number[]][] = [
  ["rank 2", [], []],
  ["rank 3", [3], [3]],
  ["rank 3 × rank 2 (b broadcast)", [3], []],
  ["rank 3 × batch 1 (b broadcast)", [3], [1]],
  ["rank 2 × rank 3 (a broadcast)", [], [3]],
  ["batch 1 × rank 3 (a broadcast)", [1], [3]],
  ["rank 4", [2, 3], [2, 3]],
  ["rank 4 × batch 1 × 1 (b broadcast)", [2, 3], [1, 1]],
];
const TRANSPOSES: [boolean, boolean][] = [[false, false], [false, true], [true, false], [true, true]];

Deno.test("patched matMul equals the stock wasm kernel and the cpu backend for every transpose and batch shape", async () => {
  try {
    for (const [label, aBatch, bBatch] of BATCHES) {
      for (const [tA, tB] of TRANSPOSES) {
        const [sa, sb] = shapes(aBatch, bBatch, tA, tB);
        const [a, b] = [values(sa, 1), values(sb, 2)];
        const product = () => tf.matMul(tf.tensor(a.data, a.shape), tf.tensor(b.data, b.shape), tA, tB);
        const r = await runAll(product);
        for (const v of PATCHED) {
          const what = `${v}: ${label}, transposeA=${tA}, transposeB=${tB}`;
          assertAllClose(r[v][0], r.cpu[0], `${what} vs cpu`);
          assertAllClose(r[v][0], r.stock[0], `${what} vs stock`);
        }
      }
    }
  } finally {
    await restore();
  }
});

Deno.test("patched matMul broadcasts batch dimensions both ways, which the stock kernels get wrong", async () => {
  // tfjs's wasm and cpu kernels flatten the batch dimensions before broadcasting: [2, 1] × [1, 3] has
  // shape [2, 3, m, n] but only 3 products' worth of values. The patched kernel computes all 6.
  try {
    const [a, b] = [values([2, 1, M, K], 15), values([1, 3, K, N], 16)];
    const [expected] = await run("cpu", () => {
      const as = tf.unstack(tf.tensor(a.data, [2, M, K]));
      const bs = tf.unstack(tf.tensor(b.data, [3, K, N]));
      return tf.stack(as.flatMap((ai) => bs.map((bj) => tf.matMul(ai, bj))));
    });
    for (const v of PATCHED) {
      const [patched] = await run(v, () => tf.matMul(tf.tensor(a.data, a.shape), tf.tensor(b.data, b.shape)));
      assertAllClose(patched, expected, `${v}: [2, 1] × [1, 3]`);
    }
  } finally {
    await restore();
  }
});

const ACTIVATIONS: tf.fused.Activation[] = [
  "linear",
  "relu",
  "relu6",
  "elu",
  "prelu",
  "leakyrelu",
  "sigmoid",
];

Deno.test("patched fused matMul equals the cpu backend with a bias and every activation wasm fuses", async () => {
  try {
    // tfjs-core flattens a fused product's batch dimensions into one, so it cannot broadcast them both ways.
    for (const [label, aBatch, bBatch] of BATCHES.filter(([, a, b]) => a.length < 2 && b.length < 2)) {
      for (const [tA, tB] of TRANSPOSES) {
        for (const activation of ACTIVATIONS) {
          for (const withBias of [true, false]) {
            const [sa, sb] = shapes(aBatch, bBatch, tA, tB);
            const [a, b, bias, alpha] = [values(sa, 3), values(sb, 4), values([N], 5), values([N], 6)];
            const product = () =>
              tf.fused.matMul({
                a: tf.tensor(a.data, a.shape),
                b: tf.tensor(b.data, b.shape),
                transposeA: tA,
                transposeB: tB,
                bias: withBias ? tf.tensor(bias.data, bias.shape) : undefined,
                activation,
                preluActivationWeights: activation === "prelu"
                  ? tf.tensor(alpha.data, alpha.shape)
                  : undefined,
                leakyreluAlpha: 0.1,
              });
            const r = await runAll(product);
            for (const v of PATCHED) {
              const what =
                `${v}: ${label}, transposeA=${tA}, transposeB=${tB}, ${activation}, bias=${withBias}`;
              assertAllClose(r[v][0], r.cpu[0], `${what} vs cpu`);
              // The stock slow loop misplaces a rank-1 bias (see the next test), so compare only without one.
              if (!withBias) assertAllClose(r[v][0], r.stock[0], `${what} vs stock`);
            }
          }
        }
      }
    }
  } finally {
    await restore();
  }
});

Deno.test("the stock wasm kernel misplaces the bias of a transposed fused product; the patched one does not", async () => {
  try {
    const [a, b, bias] = [values([M, K], 7), values([N, K], 8), values([N], 9)];
    const product = () =>
      tf.fused.matMul({
        a: tf.tensor(a.data, a.shape),
        b: tf.tensor(b.data, b.shape),
        transposeB: true,
        bias: tf.tensor(bias.data, bias.shape),
      });
    const r = await runAll(product);
    const [stock, cpu] = [r.stock[0], r.cpu[0]];
    for (const v of PATCHED) assertAllClose(r[v][0], cpu, `${v} vs cpu`);
    // Row 0 is right; later rows get bias[n − 1] (tfjs-backend-wasm 4.22; if this fails, tfjs fixed it).
    assertAllClose(stock.subarray(0, N), cpu.subarray(0, N), "stock row 0");
    const row1 = stock[N] - cpu[N];
    assert(Math.abs(row1 - (bias.data[N - 1] - bias.data[0])) < 1e-4, `stock row 1 is off by ${row1}`);
  } finally {
    await restore();
  }
});

Deno.test("gradients of a small MLP agree patched, stock and on cpu (tf.grad and tf.variableGrads)", async () => {
  const [batch, d, width, out] = [28, 20, 24, 8];
  const [x, y, w1, b1, w2] = [
    values([batch, d], 10),
    values([batch, out], 11),
    values([d, width], 12),
    values([width], 13),
    values([width, out], 14),
  ];
  const t = (v: { shape: number[]; data: Float32Array }) => tf.tensor(v.data, v.shape);
  const mlp = (xs: tf.Tensor, w1s: tf.Tensor, w2s: tf.Tensor, fused: boolean): tf.Scalar => {
    const h = fused
      ? tf.fused.matMul({ a: xs as tf.Tensor2D, b: w1s as tf.Tensor2D, bias: t(b1), activation: "relu" })
      : tf.relu(tf.add(tf.matMul(xs, w1s), t(b1)));
    return tf.losses.meanSquaredError(t(y), tf.matMul(h, w2s));
  };
  const grads = (fused: boolean) => () => {
    // With respect to the input and both weights: every transpose combination appears in backprop.
    const g = tf.grads((xs: tf.Tensor, w1s: tf.Tensor, w2s: tf.Tensor) => mlp(xs, w1s, w2s, fused));
    const byGrads = g([t(x), t(w1), t(w2)]);
    const v1 = tf.variable(t(w1), true, `w1_${fused}`);
    const v2 = tf.variable(t(w2), true, `w2_${fused}`);
    const { grads: byVars } = tf.variableGrads(() => mlp(t(x), v1, v2, fused), [v1, v2]);
    const result = [...byGrads, byVars[v1.name], byVars[v2.name]];
    tf.dispose([v1, v2]);
    return result;
  };
  try {
    for (const fused of [false, true]) {
      const r = await runAll(grads(fused));
      for (const v of PATCHED) {
        for (let i = 0; i < r[v].length; i++) {
          assertAllClose(r[v][i], r.stock[i], `${v}: fused=${fused}, gradient ${i} vs stock`);
          assertAllClose(r[v][i], r.cpu[i], `${v}: fused=${fused}, gradient ${i} vs cpu`);
        }
      }
    }
  } finally {
    await restore();
  }
});

Deno.test("patched products free every intermediate: tensors and wasm buffers do not grow", async () => {
  for (const v of PATCHED) {
    unpatchWasmMatMul();
    patchWasmMatMul({ blas: v === "blas" });
    await tf.setBackend("wasm");
    assertEquals(wasmMatMulBlas() !== null, v === "blas");
    noGrowth();
  }
  await restore();
});

function noGrowth(): void {
  const product = () => {
    for (const [, aBatch, bBatch] of BATCHES) {
      for (const [tA, tB] of TRANSPOSES) {
        const [sa, sb] = shapes(aBatch, bBatch, tA, tB);
        const [a, b, bias] = [tf.ones(sa), tf.ones(sb), tf.ones([N])];
        tf.dispose(tf.matMul(a, b, tA, tB));
        if (aBatch.length < 2) {
          tf.dispose(tf.fused.matMul({ a, b, transposeA: tA, transposeB: tB, bias, activation: "relu" }));
        }
        tf.dispose([a, b, bias]);
      }
    }
  };
  product(); // warm-up: first calls may allocate caches
  const before = tf.memory();
  for (let i = 0; i < 3; i++) product();
  const after = tf.memory();
  assertEquals(after.numTensors, before.numTensors);
  assertEquals(after.numDataBuffers, before.numDataBuffers);
}

/** Runs `body` with the kernels patched (`blas` or not) and the wasm Transpose kernel counting its calls. */
async function withTransposeSpy(blas: boolean, body: (calls: () => number) => void): Promise<void> {
  const transpose = tf.getKernel("Transpose", "wasm")!;
  let calls = 0;
  const spy: tf.KernelFunc = (args) => (calls++, transpose.kernelFunc(args));
  try {
    unpatchWasmMatMul();
    tf.unregisterKernel("Transpose", "wasm");
    tf.registerKernel({ ...transpose, kernelFunc: spy });
    patchWasmMatMul({ blas });
    await tf.setBackend("wasm");
    body(() => calls);
  } finally {
    unpatchWasmMatMul();
    tf.unregisterKernel("Transpose", "wasm");
    tf.registerKernel(transpose);
    await restore();
  }
}

/** Transpose kernel calls made by one product `ones(shape) · op(ones(shape))`. */
function transposesOf(calls: () => number, shape: number[], tA: boolean, tB: boolean): number {
  const before = calls();
  tf.tidy(() => tf.matMul(tf.ones(shape), tf.ones(shape), tA, tB).dataSync());
  return calls() - before;
}

Deno.test({
  name: "on OpenBLAS a transposed operand is passed to sgemm as a flag, never materialized",
  ignore: !openBlas(),
  fn: () =>
    withTransposeSpy(true, (calls) => {
      assertEquals(transposesOf(calls, [64, 64], true, true), 0);
    }),
});

Deno.test("a transposed operand is materialized by the wasm Transpose kernel, a small product is left alone", () =>
  withTransposeSpy(false, (calls) => {
    assertEquals(transposesOf(calls, [64, 64], false, true), 1);
    assertEquals(transposesOf(calls, [8, 8], false, true), 0); // below 16³ multiply-adds the stock loop is faster
  }));

Deno.test("patchWasmMatMul() patches once, unpatchWasmMatMul() restores, and initBackend() reports it", async () => {
  try {
    await restore();
    assertEquals(patchWasmMatMul(), false);
    assertEquals(unpatchWasmMatMul(), true);
    assertEquals(isWasmMatMulPatched(), false);
    assertEquals(unpatchWasmMatMul(), false);
    assertEquals(patchWasmMatMul(), true);
    assertEquals(patchWasmMatMul(), false);
    const wasm = await initBackend({ prefer: ["wasm"] });
    assertEquals(wasm.matMulPatched, true);
    assert(wasm.matMul?.startsWith(openBlas() ? "OpenBLAS" : "XNNPACK (") ?? false, `${wasm.matMul}`);
    const cpu = await initBackend({ prefer: ["cpu"] });
    assertEquals([cpu.matMulPatched, cpu.matMul], [false, null]);
  } finally {
    await restore();
  }
});
