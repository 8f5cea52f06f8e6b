import { assertClose, assertEquals } from "../_assert.ts";
import { fitPowerLaw } from "../fit/mod.ts";
import { computeOptimalExponents } from "../theory/scaling.ts";
import { computeOptimalFrontier } from "./frontier.ts";

Deno.test("computeOptimalFrontier() recovers the exponents of a planted A t^−a + B N^−b", () => {
  const a = 0.5, b = 1.5;
  const sizes = Array.from({ length: 61 }, (_, j) => 2 ** (j / 4));
  const computes = Array.from({ length: 30 }, (_, j) => 10 ** (3 + j / 5));
  const f = computeOptimalFrontier((t, n) => 2 * t ** -a + 0.7 * n ** -b, { sizes, computes });
  const e = computeOptimalExponents(a, b);
  assertClose(fitPowerLaw(f.compute, f.size).exponent, e.size, 0.01);
  assertClose(fitPowerLaw(f.compute, f.loss).exponent, -e.loss, 0.005);
  assertClose(fitPowerLaw(f.compute, f.steps).exponent, e.steps, 0.01);
});

Deno.test("computeOptimalFrontier() drops budgets whose optimum is at the edge of the size grid", () => {
  const f = computeOptimalFrontier((t, n) => 1 / t + 1 / n, {
    sizes: [1, 2, 4, 8],
    computes: [1.5, 16, 1e6],
  });
  assertEquals(f.compute, [16]);
  assertClose(f.size[0], 4, 0.05);
});
