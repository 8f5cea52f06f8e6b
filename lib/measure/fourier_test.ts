import { assertClose, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { fourierPower, fourierPowerShare } from "./fourier.ts";

Deno.test("fourierPower() satisfies Parseval: p·Σw² = P₀ + 2·Σ_{f≥1} P_f for odd p", () => {
  const p = 13, w = Array.from(rng(1).normals(p));
  const P = fourierPower(w);
  const mean = w.reduce((s, v) => s + v, 0);
  assertClose(p * w.reduce((s, v) => s + v * v, 0), mean * mean + 2 * P.reduce((s, v) => s + v, 0), 1e-10);
});

Deno.test("fourierPower() equals |Σ w_a e^{−2πifa/p}|² computed directly", () => {
  const p = 10, w = Array.from(rng(2).normals(p));
  const P = fourierPower(w);
  for (let f = 1; f <= 5; f++) {
    let re = 0, im = 0;
    w.forEach((v, a) => {
      re += v * Math.cos((2 * Math.PI * f * a) / p);
      im += v * Math.sin((2 * Math.PI * f * a) / p);
    });
    assertClose(P[f - 1], re * re + im * im, 1e-10);
  }
});

Deno.test("fourierPowerShare() is 1 for waves of any frequency, phase and offset, and 0 for a constant", () => {
  const p = 17;
  const W = Array.from({ length: p }, (_, a) => [
    Math.cos((2 * Math.PI * 3 * a) / p + 1),
    4 + Math.sin((2 * Math.PI * 8 * a) / p),
    2,
  ]);
  const s = fourierPowerShare(W, p);
  assertClose(s[0], 1, 1e-12);
  assertClose(s[1], 1, 1e-12);
  assertClose(s[2], 0, 0);
});

Deno.test("fourierPowerShare() rejects W without one row per token, naming the count", () => {
  assertThrows(() => fourierPowerShare([[1], [2]], 3), RangeError, "got 2");
  assertThrows(() => fourierPowerShare([[1], [2]], 2), RangeError, "got 2");
});
