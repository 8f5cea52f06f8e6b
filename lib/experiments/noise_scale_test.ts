import { assertClose, assertThrows } from "../_assert.ts";
import { regressionNoiseScales } from "../theory/noise_scale.ts";
import { gaussianRegression } from "../train/gaussian_regression.ts";
import { estimateSimpleNoiseScale } from "./noise_scale.ts";

const problem = gaussianRegression([1, 0.5, 0.25], { wStar: [1, -1, 1], noiseStd: 0.5 });
const scales = regressionNoiseScales([1, 0.5, 0.25], [-1, 1, -1], { noiseVar: 0.25 });

Deno.test("estimateSimpleNoiseScale() agrees with tr C/‖G‖²", () => {
  const est = estimateSimpleNoiseScale(problem, [0, 0, 0], { small: 1, big: 32, repeats: 20_000, seed: 3 });
  assertClose(est.gradNormSq / scales.gradNormSq, 1, 0.05);
  assertClose(est.traceCov / scales.traceCov, 1, 0.05);
  assertClose(est.simple / scales.simple, 1, 0.08);
  assertThrows(
    () => estimateSimpleNoiseScale(problem, [0, 0, 0], { small: 4, big: 2, repeats: 1, seed: 0 }),
    RangeError,
    "1 ≤ small < big, got 4 and 2",
  );
});
