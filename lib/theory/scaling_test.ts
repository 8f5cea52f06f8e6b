import { assert, assertClose, assertThrows } from "../_assert.ts";
import { gamma } from "./_gamma.ts";
import {
  computeOptimalExponents,
  gdAsymptoticLoss,
  gdLossExact,
  gdTimeExponent,
  modelSizeExponent,
  randomFeatureLoss,
} from "./scaling.ts";

Deno.test("gamma() matches factorials and Γ(1/2) = √π", () => {
  assertClose(gamma(5), 24, 1e-13);
  assertClose(gamma(0.5), Math.sqrt(Math.PI), 1e-13);
  assertClose(gamma(2 / 3) * gamma(1 / 3), Math.PI / Math.sin(Math.PI / 3), 1e-13);
});

Deno.test("gdAsymptoticLoss() matches the exact sum over modes once many modes are learned", () => {
  for (const [alpha, beta] of [[2, 2], [3, 3], [1.5, 2.5]]) {
    const m = 200_000;
    const lambda = Float64Array.from({ length: m }, (_, k) => (k + 1) ** -alpha);
    const power = Float64Array.from({ length: m }, (_, k) => (k + 1) ** -beta);
    const t = 2000;
    const exact = gdLossExact(lambda, power, { eta: 0.5, t });
    assertClose(exact / gdAsymptoticLoss(t, { alpha, beta, eta: 0.5 }), 1, 0.01, `α = ${alpha}, β = ${beta}`);
  }
  assertClose(gdTimeExponent(3, 3), 2 / 3, 1e-15);
});

Deno.test("gdLossExact() freezes the modes beyond `modes`", () => {
  assertClose(gdLossExact([1, 0.5, 0.25], [1, 2, 3], { eta: 1, t: 2, modes: 1 }), 0.5 * (2 + 3), 1e-15);
  assertClose(gdLossExact([1, 0.5, 0.25], [1, 2, 3], { eta: 1, t: 0 }), 3, 1e-15);
});

Deno.test("computeOptimalExponents() matches a brute-force minimization of A t^−a + B N^−b at fixed C = N t", () => {
  const a = 2 / 3, b = 2;
  const predicted = computeOptimalExponents(a, b);
  const best = (c: number) => {
    let bestN = 1, bestL = Infinity;
    for (let j = 0; j <= 40_000; j++) {
      const n = 10 ** (j / 4000);
      const l = 3 * (c / n) ** -a + 0.5 * n ** -b;
      if (l < bestL) [bestN, bestL] = [n, l];
    }
    return { n: bestN, l: bestL };
  };
  const lo = best(1e4), hi = best(1e8);
  assertClose(Math.log(hi.n / lo.n) / Math.log(1e4), predicted.size, 1e-3);
  assertClose(-Math.log(hi.l / lo.l) / Math.log(1e4), predicted.loss, 1e-6);
  assertClose(predicted.size + predicted.steps, 1, 1e-15);
});

Deno.test("randomFeatureLoss() falls as N^−min(α, β−1) and refuses N ≥ the number of modes", () => {
  const m = 40_000;
  for (const [alpha, beta] of [[3, 3], [1.5, 4]]) {
    const lambda = Float64Array.from({ length: m }, (_, k) => (k + 1) ** -alpha);
    const power = Float64Array.from({ length: m }, (_, k) => (k + 1) ** -beta);
    const slope = Math.log(
      randomFeatureLoss(lambda, power, { features: 400 }) /
        randomFeatureLoss(lambda, power, { features: 200 }),
    ) /
      Math.log(2);
    assertClose(slope, -modelSizeExponent(alpha, beta), 0.05, `α = ${alpha}, β = ${beta}`);
  }
  assertThrows(
    () => randomFeatureLoss([1, 0.5], [1, 1], { features: 2 }),
    RangeError,
    "fewer samples than nonzero modes",
  );
  assert(modelSizeExponent(1, 5) === 1);
});
