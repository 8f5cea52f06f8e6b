import * as tf from "@tensorflow/tfjs-core";
import { assertEquals, assertThrows } from "../_assert.ts";
import { initBackend } from "../backend.ts";
import { CheckFailure } from "../exercise.ts";
import { empiricalNtk } from "../measure/empirical_ntk.ts";
import { reluNtk } from "../theory/arccos_kernel.ts";
import { checkEmpiricalNtk, checkKinkExponent, checkTwoLayerReluNtk, type EmpiricalNtkFn } from "./ntk.ts";

await initBackend({ prefer: ["wasm"] });

const library: EmpiricalNtkFn = (model, params, X) => {
  const x = tf.tensor2d(X);
  const K = empiricalNtk(model, params, x);
  x.dispose();
  return K;
};

Deno.test("checkEmpiricalNtk() passes the library's per-sample-gradient NTK", () => {
  const verdict = checkEmpiricalNtk(library);
  assertEquals(verdict === "exact" || verdict === "close", true);
});

Deno.test("checkEmpiricalNtk() fails an NTK that forgets the first layer, and one that leaks tensors", () => {
  // Differentiates with respect to the last layer only (the first layer's tensors are closed over).
  const lastLayerOnly: EmpiricalNtkFn = (model, params, X) =>
    library(
      (ps, x) => model(params.length > 2 ? [...params.slice(0, -2), ...ps] : ps, x),
      params.length > 2 ? params.slice(-2) : params,
      X,
    );
  assertThrows(() => checkEmpiricalNtk(lastLayerOnly), CheckFailure, "Θ[");
  const leaky: EmpiricalNtkFn = (model, params, X) => {
    tf.tensor1d([1, 2, 3]);
    return library(model, params, X);
  };
  assertThrows(() => checkEmpiricalNtk(leaky), CheckFailure, "leaked 2 tensors");
});

Deno.test("checkTwoLayerReluNtk() passes the library and fails the NNGP kernel in its place", () => {
  assertEquals(checkTwoLayerReluNtk((x, y) => reluNtk([x], [y], { bias: false }).ntk[0][0]), "exact");
  assertThrows(
    () => checkTwoLayerReluNtk((x, y) => reluNtk([x], [y], { bias: false }).nngp[0][0]),
    CheckFailure,
    "Θ(x, y)",
  );
});

Deno.test("checkKinkExponent() grades −(1 + q)/2 exact and names a coherent sum or a q-blind answer", () => {
  assertEquals(checkKinkExponent((q) => -(1 + q) / 2), "exact");
  assertThrows(() => checkKinkExponent((q) => -q), CheckFailure, "coherently");
  assertThrows(() => checkKinkExponent(() => -0.75), CheckFailure, "depends on q");
});
