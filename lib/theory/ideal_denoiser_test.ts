import { assertClose, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import {
  idealDenoiser,
  idealPosteriorWeights,
  idealScore,
  type ImageRows,
  noisedEmpiricalLogDensity,
} from "./ideal_denoiser.ts";

function randomTrain(seed: number, n: number, d: number): ImageRows {
  return { x: rng(seed).normals(n * d), n, d };
}

Deno.test("idealScore() is the gradient of the noised log-density (Tweedie's formula), by central differences", () => {
  const train = randomTrain(1, 7, 5);
  for (const alphaBar of [0.2, 0.7, 0.95]) {
    const x = rng(2).normals(5);
    const score = idealScore(x, train, { alphaBar });
    const h = 1e-5;
    for (let j = 0; j < 5; j++) {
      const up = Float64Array.from(x), down = Float64Array.from(x);
      up[j] += h;
      down[j] -= h;
      const fd = (noisedEmpiricalLogDensity(up, train, { alphaBar }) -
        noisedEmpiricalLogDensity(down, train, { alphaBar })) /
        (2 * h);
      assertClose(score[j], fd, 1e-6, `∂/∂x_${j} log p at ᾱ = ${alphaBar}`);
    }
  }
});

Deno.test("idealDenoiser() is the posterior mean: weights sum to one and average the training images", () => {
  const train = randomTrain(3, 6, 4);
  const x = rng(4).normals(8); // two images
  const out = idealDenoiser(x, train, { alphaBar: 0.5 });
  for (let s = 0; s < 2; s++) {
    const w = idealPosteriorWeights(x.subarray(s * 4, s * 4 + 4), train, { alphaBar: 0.5 });
    assertClose(w.reduce((a, b) => a + b, 0), 1, 1e-14);
    for (let j = 0; j < 4; j++) {
      let mean = 0;
      for (let mu = 0; mu < 6; mu++) mean += w[mu] * train.x[mu * 4 + j];
      assertClose(out[s * 4 + j], mean, 1e-14);
    }
  }
});

Deno.test("idealDenoiser() returns the nearest training image at low noise and the training mean at high noise", () => {
  const train = randomTrain(5, 5, 3);
  const target = 2;
  const x = Float64Array.from({ length: 3 }, (_, j) => Math.sqrt(0.999999) * train.x[target * 3 + j] + 1e-4);
  const low = idealDenoiser(x, train, { alphaBar: 0.999999 });
  for (let j = 0; j < 3; j++) assertClose(low[j], train.x[target * 3 + j], 1e-12);
  const high = idealDenoiser(x, train, { alphaBar: 1e-12 });
  for (let j = 0; j < 3; j++) {
    let mean = 0;
    for (let mu = 0; mu < 5; mu++) mean += train.x[mu * 3 + j] / 5;
    assertClose(high[j], mean, 1e-5);
  }
});

Deno.test("idealDenoiser() says what was wrong with the noise level or the batch", () => {
  const train = randomTrain(6, 2, 3);
  assertThrows(
    () => idealDenoiser([1, 2, 3], train, { alphaBar: 1 }),
    RangeError,
    "expected a noise level 0 < alphaBar < 1, got 1",
  );
  assertThrows(
    () => idealDenoiser([1, 2], train, { alphaBar: 0.5 }),
    RangeError,
    "whole images of d = 3 pixels, got 2 values",
  );
  assertThrows(
    () => idealPosteriorWeights([1, 2, 3, 4, 5, 6], train, { alphaBar: 0.5 }),
    RangeError,
    "expected one image of 3 pixels",
  );
  const bad = { x: new Float64Array(5), n: 2, d: 3 };
  assertThrows(() => idealDenoiser([1, 2, 3], bad, { alphaBar: 0.5 }), RangeError, "n·d = 2·3, got 5");
});
