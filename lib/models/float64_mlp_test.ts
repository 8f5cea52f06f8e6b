import { assert, assertClose, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import {
  cloneFloat64Mlp,
  float64MlpGradients,
  type Float64MlpParams,
  type Float64MlpSpec,
  initFloat64Mlp,
} from "./float64_mlp.ts";

function batch(n: number, d: number, c: number, seed: number): { x: Float64Array; y: Int32Array } {
  const r = rng(seed);
  return { x: r.normals(n * d), y: Int32Array.from({ length: n }, () => r.int(c)) };
}

function checkFiniteDifferences(spec: Float64MlpSpec): void {
  const p = initFloat64Mlp(spec, { seed: 3 });
  p.b1.forEach((_, i) => (p.b1[i] = 0.1 * Math.sin(i)));
  p.b2.forEach((_, i) => (p.b2[i] = 0.1 * Math.cos(i)));
  const { x, y } = batch(7, spec.sizes[0], spec.sizes[2], 4);
  const { grads } = float64MlpGradients(spec, p, x, y);
  const eps = 1e-6;
  for (const key of ["W1", "b1", "W2", "b2"] as (keyof Float64MlpParams)[]) {
    for (let k = 0; k < p[key].length; k++) {
      const plus = cloneFloat64Mlp(p), minus = cloneFloat64Mlp(p);
      plus[key][k] += eps;
      minus[key][k] -= eps;
      const fd = (float64MlpGradients(spec, plus, x, y).loss - float64MlpGradients(spec, minus, x, y).loss) /
        (2 * eps);
      assertClose(grads[key][k], fd, 1e-7, `${key}[${k}]`);
    }
  }
}

Deno.test("float64MlpGradients() matches central finite differences on every parameter", () => {
  checkFiniteDifferences({ sizes: [5, 4, 3] });
});

Deno.test("float64MlpGradients() matches finite differences through batch normalization", () => {
  checkFiniteDifferences({ sizes: [5, 4, 3], normalization: "batch" });
});

Deno.test("batch-normalized incoming weights are scale invariant: same loss, gradient orthogonal to them", () => {
  const spec: Float64MlpSpec = { sizes: [6, 5, 3], normalization: "batch" };
  const p = initFloat64Mlp(spec, { seed: 1 });
  const { x, y } = batch(9, 6, 3, 2);
  const scaled = cloneFloat64Mlp(p);
  for (let j = 0; j < 6; j++) scaled.W1[j * 5 + 2] *= 3.7; // column 2 = unit 2's incoming weights
  const a = float64MlpGradients(spec, p, x, y), b = float64MlpGradients(spec, scaled, x, y);
  assertClose(a.loss, b.loss, 1e-13);
  for (let i = 0; i < 5; i++) {
    let dot = 0, norm = 0;
    for (let j = 0; j < 6; j++) {
      dot += p.W1[j * 5 + i] * a.grads.W1[j * 5 + i];
      norm += Math.abs(p.W1[j * 5 + i] * a.grads.W1[j * 5 + i]);
    }
    assert(Math.abs(dot) <= 1e-13 * Math.max(norm, 1e-300) + 1e-300, `unit ${i}: ⟨w, g⟩ = ${dot}`);
  }
});

Deno.test("float64MlpGradients() rejects a batch of the wrong size and a constant unit under batch norm", () => {
  const spec: Float64MlpSpec = { sizes: [2, 3, 2], normalization: "batch" };
  const p = initFloat64Mlp(spec, { seed: 0 });
  assertThrows(
    () => float64MlpGradients(spec, p, new Float64Array(3), new Int32Array(2)),
    RangeError,
    "expected x of length",
  );
  assertThrows(
    () => float64MlpGradients(spec, p, new Float64Array(4), new Int32Array(2)),
    RangeError,
    "zero variance",
  );
  assertThrows(() => initFloat64Mlp({ sizes: [2, 0, 2] }, { seed: 0 }), RangeError, "positive integers");
});
