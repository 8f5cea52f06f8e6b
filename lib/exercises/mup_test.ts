import { assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { fitPowerLaw } from "../fit/power_law.ts";
import { layerScales } from "../models/parameterization.ts";
import {
  checkBestLrExponent,
  checkLogLogSlope,
  checkMuPConfig,
  type MuPConfigFn,
  type WidthExponents,
} from "./mup.ts";

const library: MuPConfigFn = (width, baseWidth = 1) =>
  layerScales({ sizes: [16, width, 10], parameterization: "mup", baseWidth }).map((s) => ({
    initStd: s.initStd,
    learningRate: s.learningRate,
  }));

Deno.test("checkMuPConfig() passes the library's µP", () => {
  assertEquals(checkMuPConfig(library), "exact");
});

Deno.test("checkMuPConfig() fails SP, a readout init of 1/√N and a flipped learning-rate rule", () => {
  const sp: MuPConfigFn = (width) =>
    layerScales({ sizes: [16, width, 10] }).map((s) => ({ initStd: s.initStd, learningRate: 1 }));
  assertThrows(() => checkMuPConfig(sp), CheckFailure, "input layer learning rate at width 64");
  const sqrtReadout: MuPConfigFn = (w, b) =>
    library(w, b).map((l, i) => i === 1 ? { ...l, initStd: Math.SQRT2 / Math.sqrt(w) } : l);
  assertThrows(() => checkMuPConfig(sqrtReadout), CheckFailure, "readout layer init std at width 64");
  const flipped: MuPConfigFn = (w, b) =>
    library(w, b).map((l) => ({ ...l, learningRate: 1 / l.learningRate }));
  assertThrows(() => checkMuPConfig(flipped), CheckFailure, "input layer learning rate");
  assertThrows(() => checkMuPConfig(() => []), CheckFailure, "expected two layers");
});

Deno.test("checkLogLogSlope() passes a least-squares fit and fails an endpoint slope", () => {
  assertEquals(checkLogLogSlope((x, y) => fitPowerLaw(x, y).exponent), "close");
  const endpoints = (x: number[], y: number[]) =>
    Math.log(y[y.length - 1] / y[0]) / Math.log(x[x.length - 1] / x[0]);
  assertThrows(() => checkLogLogSlope(endpoints), CheckFailure, "slope of noisy data");
  assertThrows(
    () => checkLogLogSlope((x, y) => Math.log(y[1] / y[0]) / Math.log(x[1] / x[0]) + 0.1),
    CheckFailure,
    "N^-0.5",
  );
});

Deno.test("checkBestLrExponent() grades −max(1 + r₂, 1 + r₁ + 2e₂) exact and names a readout-only or min count", () => {
  const law = (p: WidthExponents) => -Math.max(1 + p.readoutLr, 1 + p.inputLr + 2 * p.readoutInit);
  assertEquals(checkBestLrExponent(law), "exact");
  assertThrows(() => checkBestLrExponent((p) => -(1 + p.readoutLr)), CheckFailure, "readout step only");
  const min = (p: WidthExponents) => -Math.min(1 + p.readoutLr, 1 + p.inputLr + 2 * p.readoutInit);
  assertThrows(() => checkBestLrExponent(min), CheckFailure, "larger one diverges first");
});
