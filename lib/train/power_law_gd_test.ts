import { assertClose, assertThrows } from "../_assert.ts";
import { gdLossExact } from "../theory/scaling.ts";
import { gdOnPowerLaw, powerLawTask } from "./power_law_gd.ts";

Deno.test("gdOnPowerLaw() follows the exact per-mode solution (1 − ηλ)^2t", () => {
  const task = powerLawTask(500, { alpha: 2, beta: 2.5, seed: 4 });
  const run = gdOnPowerLaw(task, { eta: 0.8, steps: 300, record: [0, 1, 10, 300, 999] });
  run.steps.forEach((t, i) => {
    const exact = gdLossExact(task.eigenvalues, task.targetPower, { eta: 0.8, t });
    assertClose(run.loss[i] / exact, 1, 1e-12, `t = ${t}`);
  });
  assertClose(run.steps.length, 4, 0);
});

Deno.test("powerLawTask() plants λ_k = k^−α and target power k^−β, and gdOnPowerLaw() checks stability", () => {
  const task = powerLawTask(4, { alpha: 1.5, beta: 2, seed: 0 });
  for (let k = 0; k < 4; k++) {
    assertClose(task.eigenvalues[k], (k + 1) ** -1.5, 1e-15);
    assertClose(task.targetPower[k], (k + 1) ** -2, 1e-15);
  }
  assertThrows(() => gdOnPowerLaw(task, { eta: 2.5, steps: 1, record: [] }), RangeError, "0 < eta < 2/λ_max");
  assertThrows(() => powerLawTask(4, { alpha: 1, beta: 1, seed: 0 }), RangeError, "beta > 1");
});
