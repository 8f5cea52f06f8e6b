import { assertClose, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { float64AdamW } from "./adamw.ts";
import { float64Optimizer } from "./float64_optimizer.ts";

Deno.test("float64AdamW() without weight decay takes the same steps as Adam", () => {
  const r = rng(1);
  const a = [r.normals(5)], b = [a[0].slice()];
  const adamw = float64AdamW({ eta: 0.1, beta2: 0.999 }), adam = float64Optimizer({ kind: "adam", eta: 0.1 });
  for (let t = 0; t < 10; t++) {
    const g = [r.normals(5)];
    adamw.step(a, g);
    adam.step(b, g);
  }
  a[0].forEach((v, i) => assertClose(v, b[0][i], 1e-14));
});

Deno.test("float64AdamW() decay is decoupled: w ← (1 − ηλ)w − η·m̂/(√ŝ + ε), whatever the gradient's scale", () => {
  const eta = 0.05, lambda = 0.3;
  for (const scale of [1e-3, 1, 1e3]) {
    const w = [new Float64Array([2, -1])];
    float64AdamW({ eta, weightDecay: lambda, epsilon: 0 }).step(w, [new Float64Array([scale, -scale])]);
    // first step: m̂ = g, ŝ = g², so the Adam part is η·sign(g)
    assertClose(w[0][0], 2 * (1 - eta * lambda) - eta, 1e-12);
    assertClose(w[0][1], -1 * (1 - eta * lambda) + eta, 1e-12);
  }
});

Deno.test("float64AdamW() rejects bad hyperparameters and mismatched gradients, naming the value", () => {
  assertThrows(() => float64AdamW({ eta: 0 }), RangeError, "got 0");
  assertThrows(() => float64AdamW({ eta: 0.1, weightDecay: -1 }), RangeError, "got -1");
  assertThrows(
    () => float64AdamW({ eta: 0.1 }).step([new Float64Array(2)], [new Float64Array(3)]),
    RangeError,
    "same lengths",
  );
});
