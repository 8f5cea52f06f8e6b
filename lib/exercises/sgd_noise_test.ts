import { assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { regressionNoiseScales } from "../theory/noise_scale.ts";
import { smallStepExcessRisk, stationaryExcessRisk } from "../theory/sgd_noise.ts";
import {
  checkIsotropicMaxEta,
  checkIsotropicPlateau,
  checkSimpleNoiseScale,
  checkStationaryExcessRisk,
} from "./sgd_noise.ts";

Deno.test("checkStationaryExcessRisk() passes the library's closed form", () => {
  assertEquals(
    checkStationaryExcessRisk((l, eta, batch, noiseVar) => stationaryExcessRisk(l, { eta, batch, noiseVar })),
    "exact",
  );
});

Deno.test("checkStationaryExcessRisk() fails the small-η formula and a risk without the fourth-moment term", () => {
  assertThrows(
    () =>
      checkStationaryExcessRisk((l, eta, batch, noiseVar) =>
        smallStepExcessRisk(l, { eta, batch, noiseVar })
      ),
    CheckFailure,
    "stationaryExcessRisk",
  );
  // Dropping the 1/B fourth-moment terms: φ = (η/B) Σ λ/(2 − ηλ), R = σ²φ/2 (no 1/(1 − φ)).
  const noFourth = (l: number[], eta: number, batch: number, noiseVar: number) => {
    const phi = (eta / batch) * l.reduce((s, x) => s + x / (2 - eta * x), 0);
    return 0.5 * noiseVar * phi;
  };
  assertThrows(() => checkStationaryExcessRisk(noFourth), CheckFailure, "% off");
});

Deno.test("checkStationaryExcessRisk() fails an answer that stays finite beyond the stability limit", () => {
  const finite = (l: number[], eta: number, batch: number, noiseVar: number) => {
    const r = stationaryExcessRisk(l, { eta, batch, noiseVar });
    return Number.isFinite(r) ? r : 1e9;
  };
  assertThrows(() => checkStationaryExcessRisk(finite), CheckFailure, "expected Infinity");
});

Deno.test("checkSimpleNoiseScale() passes the library and fails B_noise and a covariance without the ΣeeᵀΣ term", () => {
  assertEquals(
    checkSimpleNoiseScale((l, e, noiseVar) => regressionNoiseScales(l, e, { noiseVar }).simple),
    "exact",
  );
  assertThrows(
    () => checkSimpleNoiseScale((l, e, noiseVar) => regressionNoiseScales(l, e, { noiseVar }).noise),
    CheckFailure,
    "simpleNoiseScale",
  );
  assertThrows(
    () => checkSimpleNoiseScale((l, e, noiseVar) => regressionNoiseScales(l, e, { noiseVar }).simple - 1),
    CheckFailure,
    "off",
  );
});

const plateau = (d: number, l: number, eta: number, b: number, s: number) => {
  const denominator = 2 * b - eta * l * (b + 1 + d);
  return denominator > 0 ? (s * eta * d * l) / (2 * denominator) : Infinity;
};

Deno.test("checkIsotropicPlateau() grades the closed form exact and names the small-η formula and factor errors", () => {
  assertEquals(checkIsotropicPlateau(plateau), "exact");
  assertThrows(
    () => checkIsotropicPlateau((d, l, eta, b, s) => (eta * s * d * l) / (4 * b)),
    CheckFailure,
    "small-η",
  );
  assertThrows(() => checkIsotropicPlateau((...a) => 2 * plateau(...a)), CheckFailure, "constant factor 2");
  assertThrows(
    () => checkIsotropicPlateau((d, l, eta, b, s) => (s * eta * d * l) / (2 * (2 * b - eta * l * (b + 1)))),
    CheckFailure,
    "wrong law",
  );
});

Deno.test("checkIsotropicMaxEta() grades 2B/(λ(B+1+d)) exact and names gradient descent's 2/λ", () => {
  assertEquals(checkIsotropicMaxEta((d, l, b) => (2 * b) / (l * (b + 1 + d))), "exact");
  assertThrows(() => checkIsotropicMaxEta((_d, l) => 2 / l), CheckFailure, "gradient descent");
  assertThrows(
    () => checkIsotropicMaxEta((d, l, b) => b / (l * (b + 1 + d))),
    CheckFailure,
    "constant factor 0.5",
  );
});
