import { assertClose, assertThrows } from "../_assert.ts";
import { float64Optimizer } from "./float64_optimizer.ts";

Deno.test("float64Optimizer() sgd and momentum follow their update rules, with weight decay in the gradient", () => {
  const w = [new Float64Array([1, -2])];
  float64Optimizer({ kind: "sgd", eta: 0.1, weightDecay: 0.5 }).step(w, [new Float64Array([1, 1])]);
  assertClose(w[0][0], 1 - 0.1 * (1 + 0.5), 1e-15);
  assertClose(w[0][1], -2 - 0.1 * (1 - 1), 1e-15);
  const m = [new Float64Array([0])];
  const opt = float64Optimizer({ kind: "momentum", eta: 0.1, beta: 0.5 });
  opt.step(m, [new Float64Array([1])]); // v = 1, w = −0.1
  opt.step(m, [new Float64Array([1])]); // v = 1.5, w = −0.25
  assertClose(m[0][0], -0.25, 1e-15);
});

Deno.test("float64Optimizer() adam's first step is −η·sign(g) (bias correction) and later steps match Algorithm 1", () => {
  const w = [new Float64Array([0, 0])];
  const opt = float64Optimizer({ kind: "adam", eta: 0.01, epsilon: 0 });
  opt.step(w, [new Float64Array([3, -0.2])]);
  assertClose(w[0][0], -0.01, 1e-15);
  assertClose(w[0][1], 0.01, 1e-15);
  opt.step(w, [new Float64Array([1, -0.2])]);
  const m = (0.9 * 0.1 * 3 + 0.1 * 1) / (1 - 0.81), s = (0.999 * 0.001 * 9 + 0.001 * 1) / (1 - 0.999 ** 2);
  assertClose(w[0][0], -0.01 - 0.01 * m / Math.sqrt(s), 1e-14);
});

Deno.test("float64Optimizer() rejects bad settings and mismatched gradients", () => {
  assertThrows(() => float64Optimizer({ kind: "sgd", eta: 0 }), RangeError, "learning rate");
  // deno-lint-ignore no-explicit-any
  assertThrows(() => float64Optimizer({ kind: "lion" as any, eta: 1 }), RangeError, "expected kind");
  assertThrows(
    () => float64Optimizer({ kind: "sgd", eta: 1 }).step([new Float64Array(2)], [new Float64Array(3)]),
    RangeError,
    "same lengths",
  );
});
