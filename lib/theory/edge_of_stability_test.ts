import { assert, assertClose, assertThrows } from "../_assert.ts";
import { type MomentumKind, quadraticIterationRadius, stabilityThreshold } from "./edge_of_stability.ts";

/** Run the optimizer on ½λx² from x₀ = 1 (zero velocity) and return |x_T|. */
function simulate(
  curvature: number,
  eta: number,
  beta: number,
  momentum: MomentumKind,
  steps: number,
): number {
  let x = 1, v = 0, previous = 1;
  for (let t = 0; t < steps; t++) {
    const g = curvature * x;
    if (momentum === "ema") {
      v = beta * v + (1 - beta) * g;
      x -= eta * v;
    } else {
      const next = x - eta * g + beta * (x - previous);
      previous = x;
      x = next;
    }
  }
  return Math.abs(x);
}

Deno.test("stabilityThreshold() is 2/η without momentum, whichever momentum rule is named", () => {
  for (const eta of [0.01, 0.3, 2]) {
    assertClose(stabilityThreshold(eta), 2 / eta, 1e-12);
    assertClose(stabilityThreshold(eta, { beta: 0, momentum: "heavy-ball" }), 2 / eta, 1e-12);
  }
});

Deno.test("stabilityThreshold() is (2+2β)/((1−β)η) for EMA momentum and (2+2β)/η for heavy ball", () => {
  assertClose(stabilityThreshold(0.1, { beta: 0.9 }), 3.8 / (0.1 * 0.1), 1e-9);
  assertClose(stabilityThreshold(0.1, { beta: 0.9, momentum: "heavy-ball" }), 3.8 / 0.1, 1e-9);
});

Deno.test("quadraticIterationRadius() crosses 1 exactly at stabilityThreshold()", () => {
  for (const momentum of ["ema", "heavy-ball"] as const) {
    for (const beta of [0, 0.3, 0.5, 0.9]) {
      for (const eta of [0.05, 0.7]) {
        const s = stabilityThreshold(eta, { beta, momentum });
        assertClose(quadraticIterationRadius(s, eta, { beta, momentum }), 1, 1e-9);
        assert(
          quadraticIterationRadius(s * 0.999, eta, { beta, momentum }) < 1,
          `${momentum} β=${beta}: below`,
        );
        assert(
          quadraticIterationRadius(s * 1.001, eta, { beta, momentum }) > 1,
          `${momentum} β=${beta}: above`,
        );
      }
    }
  }
});

Deno.test("quadraticIterationRadius() is the per-step growth rate of a simulated run", () => {
  const T = 400;
  for (const momentum of ["ema", "heavy-ball"] as const) {
    for (const [curvature, eta, beta] of [[5, 0.5, 0], [12.5, 0.5, 0.5], [4, 0.2, 0.8], [30, 0.1, 0.5]]) {
      const radius = quadraticIterationRadius(curvature, eta, { beta, momentum });
      const growth = simulate(curvature, eta, beta, momentum, T) ** (1 / T);
      // |x_T| = c · ρ^T · (polynomial in T at a double root), so the T-th root agrees to O(log T / T).
      assert(
        Math.abs(growth - radius) < 0.03 * radius,
        `${momentum} λ=${curvature} η=${eta} β=${beta}: ${growth} vs ρ=${radius}`,
      );
    }
  }
});

Deno.test("stabilityThreshold() rejects a non-positive learning rate and β outside [0, 1)", () => {
  assertThrows(() => stabilityThreshold(0), RangeError, "expected a positive learning rate eta, got 0");
  assertThrows(
    () => stabilityThreshold(0.1, { beta: 1 }),
    RangeError,
    "expected momentum beta in [0, 1), got 1",
  );
  assertThrows(
    () => quadraticIterationRadius(1, 0.1, { momentum: "nesterov" as MomentumKind }),
    RangeError,
    'expected momentum "ema" or "heavy-ball", got "nesterov"',
  );
});
