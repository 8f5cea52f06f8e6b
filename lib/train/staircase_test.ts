import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { initMeanFieldNet } from "../models/mean_field_net.ts";
import { trainOnMonomials } from "./staircase.ts";

Deno.test("trainOnMonomials() learns a staircase in order: x₁ before x₁x₂ before x₁x₂x₃", () => {
  const run = trainOnMonomials(
    initMeanFieldNet(10, { width: 32, seed: 0 }),
    { supports: [[0], [0, 1], [0, 1, 2]], coefficients: [1, 1, 1] },
    { eta: 0.01, steps: 6000, seed: 1, stopWhenLearned: true, testSize: 500 },
  );
  const [t1, t2, t3] = run.learnedAt;
  assert(t1 !== null && t2 !== null && t3 !== null, `all learned, got ${run.learnedAt}`);
  assert(t1 < t2 && t2 < t3, `in order, got ${run.learnedAt}`);
  assert(run.loss[run.loss.length - 1] < 0.2 * run.loss[0], "the loss falls");
});

Deno.test("trainOnMonomials() tracks extra monomials without a learning time for them", () => {
  const run = trainOnMonomials(initMeanFieldNet(6, { width: 8, seed: 0 }), {
    supports: [[0]],
    coefficients: [1],
  }, {
    eta: 0.02,
    steps: 100,
    seed: 0,
    track: [[0], [1, 2]],
  });
  assert(run.coefficients.length === 2 && run.learnedAt[1] === null);
  assert(Math.abs(run.coefficients[1][run.coefficients[1].length - 1]) < 0.2, "x₂x₃ is not in the target");
});

Deno.test("trainOnMonomials() rejects coordinates outside 0..d−1, naming the monomial", () => {
  assertThrows(
    () =>
      trainOnMonomials(initMeanFieldNet(3, { seed: 0 }), { supports: [[0, 3]], coefficients: [1] }, {
        eta: 0.1,
        steps: 1,
        seed: 0,
      }),
    RangeError,
    "[0,3]",
  );
});

Deno.test("trainOnMonomials() stops and reports the step when the loss diverges", () => {
  const net = initMeanFieldNet(8, { width: 8, seed: 0 });
  const run = trainOnMonomials(net, { supports: [[0]], coefficients: [1] }, {
    eta: 1e6,
    steps: 200,
    seed: 0,
    evalEvery: 1,
  });
  if (run.diverged === null) throw new Error("a step of 10⁶·m blows up");
  assertEquals(run.steps.length, run.coefficients[0].length);
  assert(run.diverged.step > 0 && run.diverged.step <= 200);
});
