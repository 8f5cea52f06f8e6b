import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { modularAdditionSplit } from "../data/modular.ts";
import { initModularMlp } from "../models/modular_mlp.ts";
import { trainModularAddition } from "./modular_addition.ts";

Deno.test("trainModularAddition() memorizes its training pairs and records the first step at 99%", () => {
  const split = modularAdditionSplit(7, { trainFraction: 0.5, seed: 1 });
  const run = trainModularAddition(initModularMlp(7, { width: 32, seed: 1 }), split, {
    eta: 0.02,
    weightDecay: 0.1,
    steps: 200,
    evalEvery: 5,
  });
  assert(run.trainStep !== null, "memorizes 25 pairs");
  const first = run.history.find((h) => h.trainAccuracy >= 0.99)!;
  assertEquals(run.trainStep, first.step);
  assertEquals(run.history[0].step, 0);
  assertEquals(run.history[run.history.length - 1].step, 200);
  assert(run.history[run.history.length - 1].loss < run.history[0].loss, "the loss goes down");
});

Deno.test("trainModularAddition() stops stopAfter steps after the test accuracy threshold", () => {
  const split = modularAdditionSplit(5, { trainFraction: 0.8, seed: 0 });
  const run = trainModularAddition(initModularMlp(5, { width: 32, seed: 0 }), split, {
    eta: 0.02,
    weightDecay: 0.3,
    steps: 3000,
    threshold: 0.2,
    stopAfter: 20,
  });
  assert(run.testStep !== null);
  assertEquals(run.steps, run.testStep + 20);
});

Deno.test("trainModularAddition() rejects a split of another modulus", () => {
  assertThrows(
    () =>
      trainModularAddition(initModularMlp(5, { seed: 0 }), modularAdditionSplit(7, { seed: 0 }), {
        eta: 0.1,
        weightDecay: 0,
        steps: 1,
      }),
    RangeError,
    "mod 7",
  );
});

Deno.test("trainModularAddition() learns the table of split.operation: multiplication is memorized too", () => {
  const split = modularAdditionSplit(7, { trainFraction: 0.5, seed: 1, operation: "multiply" });
  const run = trainModularAddition(initModularMlp(7, { width: 32, seed: 1 }), split, {
    eta: 0.02,
    weightDecay: 0.1,
    steps: 200,
    evalEvery: 5,
  });
  assert(run.trainStep !== null, "memorizes 25 products");
});

Deno.test("trainModularAddition() reports no divergence on a normal run", () => {
  const split = modularAdditionSplit(5, { trainFraction: 0.5, seed: 0 });
  const run = trainModularAddition(initModularMlp(5, { width: 8, seed: 0 }), split, {
    eta: 0.02,
    weightDecay: 0.1,
    steps: 20,
  });
  assertEquals(run.diverged, null);
});
