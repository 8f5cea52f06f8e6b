import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { plantedDeepLinearProblem } from "../train/deep_linear.ts";
import { findPlateaus, numericalRank, singularValues } from "./plateaus.ts";

/** Three logistic drops of heights 4, 2, 1 at steps ≈ 200, 1000, 5000 (in log time), floor 0.5. */
function staircase(steps: number): Float64Array {
  return Float64Array.from({ length: steps + 1 }, (_, t) => {
    const lt = Math.log(Math.max(t, 1));
    const drop = (centre: number) => 1 / (1 + Math.exp(-(lt - Math.log(centre)) * 12));
    return 0.5 + 4 * (1 - drop(200)) + 2 * (1 - drop(1000)) + 1 * (1 - drop(5000));
  });
}

Deno.test("findPlateaus() finds one plateau before each drop of a planted staircase, at the right levels", () => {
  // The final approach to the floor is a power-law decay of the excess, not a plateau: three drops, three plateaus.
  const p = findPlateaus(staircase(40000), { floor: 0.5 });
  assertEquals(p.length, 3);
  [7.5, 3.5, 1.5].forEach((level, k) => assertClose(p[k].loss, level, 1e-3, `plateau ${k}`));
  assertEquals(p[0].start, 1);
  // Middles fall between the drops.
  [[1, 200], [200, 1000], [1000, 5000]].forEach(([a, b], k) => {
    if (!(p[k].middle > a && p[k].middle < b)) {
      throw new Error(`plateau ${k} middle ${p[k].middle} not in (${a}, ${b})`);
    }
  });
});

Deno.test("findPlateaus() ignores rounding noise once the loss has reached its floor", () => {
  const loss = Float64Array.from({ length: 2001 }, (_, t) => Math.exp(-t / 20) + (t % 2 ? 1e-18 : 0));
  assertEquals(findPlateaus(loss).length, 1); // only the initial one (log-time slope is small near t = 1)
  assertThrows(() => findPlateaus([1, 2]), RangeError, "at least 3 points");
  assertThrows(() => findPlateaus([0, 0, 0]), RangeError, "start above floor");
});

Deno.test("singularValues() and numericalRank() recover a planted spectrum", () => {
  const { map } = plantedDeepLinearProblem([3, 1e-3, 2], { dIn: 5, dOut: 4, seed: 9 });
  const s = singularValues(map);
  [3, 2, 1e-3, 0].forEach((v, k) => assertClose(s[k], v, 1e-12));
  assertEquals(numericalRank(map, { tol: 1e-2 }), 2);
  assertEquals(numericalRank(map, { tol: 1e-6 }), 3);
  assertThrows(() => numericalRank(map, { tol: 0 }), RangeError, "tol > 0");
});
