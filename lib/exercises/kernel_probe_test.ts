import { assertEquals, assertThrows } from "../_assert.ts";
import { CheckFailure } from "../exercise.ts";
import { kernelSpectrum } from "../measure/kernel_spectrum.ts";
import { poolTestMse } from "../experiments/kernel_learning_curve.ts";
import { checkKappaExponent, checkKernelSpectrum, checkPoolTestMse } from "./kernel_probe.ts";

Deno.test("checkKernelSpectrum() passes the library and fails eigenvalues not divided by the pool size", () => {
  assertEquals(checkKernelSpectrum((K, y) => kernelSpectrum(K, y)), "exact");
  const undivided = (K: number[][], y: number[]) => {
    const s = kernelSpectrum(K, y);
    return { eigenvalues: s.eigenvalues.map((l) => l * K.length), targetPower: s.targetPower };
  };
  assertThrows(() => checkKernelSpectrum(undivided), CheckFailure, "eigenvalues[0]");
});

Deno.test("checkKernelSpectrum() fails target coefficients that forget the 1/M", () => {
  const unnormalized = (K: number[][], y: number[]) => {
    const s = kernelSpectrum(K, y);
    return { eigenvalues: s.eigenvalues, targetPower: s.targetPower.map((v) => v * K.length) };
  };
  assertThrows(() => checkKernelSpectrum(unnormalized), CheckFailure, "targetPower");
});

Deno.test("checkPoolTestMse() passes the library and fails an error averaged over unseen points only", () => {
  assertEquals(checkPoolTestMse((K, y, train) => poolTestMse(K, y, train)), "exact");
  const unseenOnly = (K: number[][], y: number[], train: number[]) =>
    train.length === K.length ? 0 : (poolTestMse(K, y, train) * K.length) / (K.length - train.length);
  assertThrows(() => checkPoolTestMse(unseenOnly), CheckFailure, "poolTestMse");
});

Deno.test("checkKappaExponent() grades γ = α exact and tells a factor error from a wrong law", () => {
  assertEquals(checkKappaExponent((alpha) => alpha), "exact");
  assertThrows(() => checkKappaExponent((alpha) => 2 * alpha), CheckFailure, "right law");
  // 1/α is the exponent of the number of learned modes in κ, not of κ in n.
  assertThrows(() => checkKappaExponent((alpha) => 1 / alpha), CheckFailure, "wrong law");
  assertThrows(() => checkKappaExponent((alpha) => alpha - 1), CheckFailure, "wrong law");
});
