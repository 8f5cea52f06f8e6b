import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { cloneFloat64Mlp, float64MlpGradients, initFloat64Mlp } from "../models/float64_mlp.ts";
import { rng } from "../random.ts";
import {
  relativeVectorError,
  rescaleCharges,
  scaleCharges,
  trackCharges,
  translationCharges,
} from "./conserved.ts";

const spec = { sizes: [4, 3, 5] as [number, number, number] };
const r = rng(2);
const x = r.normals(6 * 4), y = Int32Array.from({ length: 6 }, () => r.int(5));

Deno.test("rescaling a ReLU neuron leaves the loss unchanged and changes only its own rescale charge", () => {
  const p = initFloat64Mlp(spec, { seed: 0 });
  p.b1.set([0.1, -0.2, 0.3]);
  const q = cloneFloat64Mlp(p), alpha = 2.5;
  for (let j = 0; j < 4; j++) q.W1[j * 3 + 1] *= alpha;
  q.b1[1] *= alpha;
  for (let k = 0; k < 5; k++) q.W2[1 * 5 + k] /= alpha;
  assertClose(float64MlpGradients(spec, q, x, y).loss, float64MlpGradients(spec, p, x, y).loss, 1e-14);
  const before = rescaleCharges(p), after = rescaleCharges(q);
  assertClose(after[0], before[0], 1e-15);
  assertClose(after[2], before[2], 1e-15);
  let win = p.b1[1] ** 2, wout = 0;
  for (let j = 0; j < 4; j++) win += p.W1[j * 3 + 1] ** 2;
  for (let k = 0; k < 5; k++) wout += p.W2[5 + k] ** 2;
  assertClose(after[1], alpha ** 2 * win - wout / alpha ** 2, 1e-13);
});

Deno.test("translationCharges() move by β under a class shift that leaves the loss unchanged", () => {
  const p = initFloat64Mlp(spec, { seed: 1 });
  const q = cloneFloat64Mlp(p);
  for (let k = 0; k < 5; k++) {
    q.W2[2 * 5 + k] += 0.7; // row of hidden unit 2
    q.b2[k] -= 0.3;
  }
  assertClose(float64MlpGradients(spec, q, x, y).loss, float64MlpGradients(spec, p, x, y).loss, 1e-13);
  const a = translationCharges(p), b = translationCharges(q);
  assertEquals(a.length, 4);
  assertClose(b[2] - a[2], 5 * 0.7, 1e-14);
  assertClose(b[3] - a[3], -5 * 0.3, 1e-14);
  assertClose(b[0], a[0], 1e-15);
});

Deno.test("scaleCharges() are the squared column norms of W1; relativeVectorError() is ‖a − b‖/‖b‖", () => {
  const p = initFloat64Mlp({ sizes: [2, 2, 2], normalization: "batch" }, { seed: 0 });
  p.W1.set([1, 2, 3, 4]); // columns (1, 3) and (2, 4)
  assertEquals(Array.from(scaleCharges(p)), [10, 20]);
  assertClose(relativeVectorError([1, 1], [1, 0]), 1, 1e-15);
  assertThrows(() => relativeVectorError([1], [1, 2]), RangeError, "equal lengths");
  assertThrows(() => rescaleCharges({ ...p, W2: new Float64Array(3) }), RangeError, "expected W1 [d, h]");
});

Deno.test("trackCharges() records every k-th step and the last, and its prediction accumulates the increments", () => {
  const calls: number[] = [];
  const params = initFloat64Mlp(spec, { seed: 0 });
  const tracker = trackCharges(scaleCharges, (g) => {
    calls.push(1);
    return new Float64Array(g.b1.length).fill(0.5);
  }, { every: 2 });
  // Pretend three steps with the same parameters: the measured change is 0, the predicted 0.5 per unit.
  const { grads } = float64MlpGradients(spec, params, x, y);
  tracker.onStep(0, params, grads);
  tracker.onStep(1, params, grads);
  tracker.onStep(2, params, grads);
  tracker.onStep(3, params, null);
  assertEquals(tracker.steps, [0, 2, 3]);
  assertEquals(calls.length, 3);
  assertClose(tracker.predicted[2][0] - tracker.charges[0][0], 1.5, 1e-14);
  assertClose(tracker.worst, 1, 1e-15); // ‖0 − 0.5‖/‖0.5‖
});
