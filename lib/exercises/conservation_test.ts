import { assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { rescaleCharges, scaleCharges, translationCharges } from "../measure/conserved.ts";
import { checkEquilibriumNorm, checkRescaleCharge, checkTranslationCharge } from "./conservation.ts";

Deno.test("checkRescaleCharge() passes the library's charges", () => {
  assertEquals(checkRescaleCharge(rescaleCharges), "exact");
});

Deno.test("checkRescaleCharge() fails charges without the bias, and ‖w_in‖² alone", () => {
  assertThrows(
    () => checkRescaleCharge((net) => rescaleCharges({ ...net, b1: new Float64Array(net.b1.length) })),
    CheckFailure,
    "rescaleCharge",
  );
  assertThrows(() => checkRescaleCharge(scaleCharges), CheckFailure, "rescaleCharge");
  assertThrows(() => checkRescaleCharge(() => [1, 2]), CheckFailure, "expected 4 numbers");
});

Deno.test("checkTranslationCharge() passes the library and fails sums over the wrong axis", () => {
  assertEquals(checkTranslationCharge(translationCharges), "exact");
  const overHidden = (net: { W2: Float64Array; b2: Float64Array }) => {
    const c = net.b2.length, h = net.W2.length / c;
    const out = new Float64Array(h + 1);
    for (let i = 0; i < h + 1 && i < c; i++) for (let j = 0; j < h; j++) out[i] += net.W2[j * c + i];
    return out;
  };
  assertThrows(() => checkTranslationCharge(overHidden), CheckFailure, "translationCharge");
});

Deno.test("checkEquilibriumNorm() passes the exact fixed point and rejects the small-ηλ approximation", () => {
  const exact = (eta: number, lambda: number, G: number) =>
    ((eta * G) ** 2 / (1 - (1 - eta * lambda) ** 2)) ** 0.25;
  assertEquals(checkEquilibriumNorm(exact), "exact");
  assertThrows(
    () => checkEquilibriumNorm((e, l, G) => 2 * exact(e, l, G)),
    CheckFailure,
    "constant factor ×2",
  );
  assertThrows(
    () => checkEquilibriumNorm((e, l, G) => ((e * G * G) / (2 * l)) ** 0.25),
    CheckFailure,
    "different law",
  );
  assertThrows(
    () => checkEquilibriumNorm((e, l, G) => ((e * G) ** 2 / (e * l)) ** 0.25),
    CheckFailure,
    "different law",
  );
});
