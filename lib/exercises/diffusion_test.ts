import { assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { idealDenoiser } from "../theory/ideal_denoiser.ts";
import { ddimStep } from "../train/reverse_diffusion.ts";
import { checkCollapseNu, checkDdimStep, checkIdealDenoiser, checkLocalScorePixel } from "./diffusion.ts";

const libraryDenoiser = (x: number[], alphaBar: number, train: number[][]) =>
  Array.from(
    idealDenoiser(x, { x: Float64Array.from(train.flat()), n: train.length, d: x.length }, { alphaBar }),
  );

/** The softmax over patches written out, as a student would. */
function pixel(query: number[], patches: number[][], alphaBar: number, scale = Math.sqrt(alphaBar)): number {
  const logits = patches.map((p) =>
    -p.reduce((s, v, c) => s + (query[c] - scale * v) ** 2, 0) / (2 * (1 - alphaBar))
  );
  const max = Math.max(...logits);
  const w = logits.map((l) => Math.exp(l - max));
  const z = w.reduce((a, b) => a + b, 0);
  return w.reduce((s, wi, u) => s + wi * patches[u][(query.length - 1) / 2], 0) / z;
}

Deno.test("checkIdealDenoiser() passes the library and fails a denoiser that forgets the √ᾱ scaling", () => {
  assertEquals(checkIdealDenoiser(libraryDenoiser), "exact");
  // The usual slip: distances to the training images themselves instead of to √ᾱ·x^μ.
  const unscaled = (x: number[], alphaBar: number, train: number[][]) => {
    const logits = train.map((t) => -t.reduce((s, v, j) => s + (x[j] - v) ** 2, 0) / (2 * (1 - alphaBar)));
    const max = Math.max(...logits),
      w = logits.map((l) => Math.exp(l - max)),
      z = w.reduce((a, b) => a + b, 0);
    return x.map((_, j) => train.reduce((s, t, mu) => s + (w[mu] / z) * t[j], 0));
  };
  assertThrows(() => checkIdealDenoiser(unscaled), CheckFailure, "idealDenoiser");
  assertThrows(() => checkIdealDenoiser((x) => x), CheckFailure, "idealDenoiser");
});

Deno.test("checkDdimStep() passes the library and fails a step that re-noises with fresh scale √ᾱ'", () => {
  assertEquals(checkDdimStep((x, x0, a, b) => Array.from(ddimStep(x, x0, a, b))), "exact");
  const wrong = (x: number[], x0: number[], a: number, b: number) =>
    x0.map((v, k) => Math.sqrt(b) * v + (x[k] - a * v));
  assertThrows(() => checkDdimStep(wrong), CheckFailure, "ddimStep");
});

Deno.test("checkLocalScorePixel() passes a hand-written softmax and fails one without the √ᾱ factor", () => {
  const verdict = checkLocalScorePixel((q, p, a) => pixel(q, p, a));
  if (verdict !== "exact" && verdict !== "close") throw new Error(verdict);
  assertThrows(() => checkLocalScorePixel((q, p, a) => pixel(q, p, a, 1)), CheckFailure, "localScorePixel");
});

Deno.test("checkCollapseNu() grades ν = δ²/(2 ln(1/r)) exact and tells a factor error from a wrong law", () => {
  assertEquals(checkCollapseNu((delta, ratio) => (delta * delta) / (2 * Math.log(1 / ratio))), "exact");
  assertEquals(checkCollapseNu((delta, ratio) => -(delta ** 2) / (2 * Math.log(ratio))), "exact");
  // Forgetting the 2 of 2(1 − ᾱ): right law, constant off by 2.
  assertThrows(() => checkCollapseNu((d, r) => (d * d) / Math.log(1 / r)), CheckFailure, "the law is right");
  // ν ∝ δ instead of δ²: a wrong law.
  assertThrows(() => checkCollapseNu((d, r) => d / (2 * Math.log(1 / r))), CheckFailure, "wrong law");
  assertThrows(() => checkCollapseNu(() => NaN), CheckFailure, "positive number");
});
