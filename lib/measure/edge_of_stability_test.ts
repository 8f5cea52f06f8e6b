import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { summarizeEdgeOfStability } from "./edge_of_stability.ts";

/** A synthetic run: sharpness rises linearly to 2 by step 40, then alternates 1.9 / 2.1; loss as given. */
function syntheticRun(losses: number[]) {
  const sharpness = [];
  for (let step = 0; step <= 100; step += 10) {
    sharpness.push({ step, sharpness: step < 40 ? 0.5 + (1.5 * step) / 40 : step % 20 === 0 ? 2.1 : 1.9 });
  }
  return { losses, sharpness };
}

Deno.test("summarizeEdgeOfStability() reads the initial, peak and late-mean sharpness", () => {
  const s = summarizeEdgeOfStability(syntheticRun(Array.from({ length: 101 }, (_, t) => 1 / (t + 1))), 2);
  assertEquals(s.initial, 0.5);
  assertEquals(s.peak, 2.1);
  // Late phase: steps 50…100 → 1.9, 2.1, 1.9, 2.1, 1.9, 2.1.
  assertEquals(s.lateCount, 6);
  assertClose(s.lateMean, 2, 1e-12);
  assertEquals(s.firstCrossing, 40);
});

Deno.test("summarizeEdgeOfStability() counts loss rises before and after the first crossing", () => {
  const losses = Array.from({ length: 101 }, (_, t) => 1 / (t + 1));
  losses[10] = 2; // a rise at t = 9 → 10, before the crossing
  losses[61] = 1; // a rise at t = 60 → 61 (and a fall after), after it
  const s = summarizeEdgeOfStability(syntheticRun(losses), 2);
  assertEquals(s.risesBefore, 1);
  assertEquals(s.risesAfter, 1);
  assertEquals(s.lossAtCrossing, 1 / 41);
  assertEquals(s.finalLoss, 1 / 101);
});

Deno.test("summarizeEdgeOfStability() reports a run that never reaches the threshold", () => {
  const s = summarizeEdgeOfStability(syntheticRun(Array.from({ length: 101 }, () => 1)), 3);
  assertEquals(s.firstCrossing, Infinity);
  assertEquals(s.risesAfter, 0);
  assertEquals(Number.isNaN(s.lossAtCrossing), true);
});

Deno.test("summarizeEdgeOfStability() rejects a run without sharpness measurements", () => {
  assertThrows(
    () => summarizeEdgeOfStability({ losses: [1], sharpness: [] }, 2),
    RangeError,
    "no sharpness measurements",
  );
});

Deno.test("summarizeEdgeOfStability() gives a run that diverged before its late phase no late mean", () => {
  // Planned 100 steps; blew up at step 16, after one measurement at step 0 and one at step 10.
  const run = {
    losses: [...Array.from({ length: 16 }, (_, t) => 2 ** t), 1e7],
    sharpness: [{ step: 0, sharpness: 1 }, { step: 10, sharpness: 4 }],
    divergence: { step: 16, loss: 1e7 },
  };
  const s = summarizeEdgeOfStability(run, 2, { steps: 100 });
  assertEquals(Number.isNaN(s.lateMean), true);
  assertEquals(s.lateCount, 0);
  assertEquals(Number.isNaN(s.finalLoss), true);
  assertEquals(s.divergedAt, { step: 16, loss: 1e7 });
});
