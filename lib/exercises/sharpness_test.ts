import * as tf from "@tensorflow/tfjs-core";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { initBackend } from "../backend.ts";
import { CheckFailure } from "../exercise.ts";
import { hessianVectorProduct } from "../measure/hvp.ts";
import { sharpness } from "../measure/sharpness.ts";
import { stabilityThreshold } from "../theory/edge_of_stability.ts";
import {
  checkEmaThreshold,
  checkNesterovThreshold,
  checkSharpness,
  nesterovRadius,
  type SharpnessFn,
} from "./sharpness.ts";

const library: SharpnessFn = (lossFn, params) =>
  sharpness(lossFn, params, { tol: 1e-7, maxIter: 1000 }).value;

Deno.test("checkSharpness() passes the library's power iteration", async () => {
  await initBackend({ prefer: ["wasm"] });
  const verdict = checkSharpness(library);
  assert(verdict === "close" || verdict === "exact", `verdict ${verdict}`);
});

Deno.test("checkSharpness() fails a single Rayleigh quotient of a random direction", async () => {
  await initBackend({ prefer: ["wasm"] });
  const oneShot: SharpnessFn = (lossFn, params) =>
    tf.tidy(() => {
      const v = params.map((p) => tf.onesLike(p));
      const hv = hessianVectorProduct(lossFn, params, v);
      const vhv = tf.addN(hv.map((h, i) => tf.sum(tf.mul(h, v[i]))));
      const vv = tf.addN(v.map((u) => tf.sum(tf.square(u))));
      return tf.div(vhv, vv).dataSync()[0];
    });
  assertThrows(() => checkSharpness(oneShot), CheckFailure, "top eigenvalue 4");
});

Deno.test("checkSharpness() fails a correct value computed with leaked tensors", async () => {
  await initBackend({ prefer: ["wasm"] });
  const leaky: SharpnessFn = (lossFn, params) => {
    tf.zeros([3]); // never disposed
    return library(lossFn, params);
  };
  assertThrows(() => checkSharpness(leaky), CheckFailure, "left 1 tensors behind");
});

Deno.test("checkEmaThreshold() passes the closed form and fails the heavy-ball threshold", () => {
  assert(checkEmaThreshold((eta, beta) => stabilityThreshold(eta, { beta })) === "exact");
  assertThrows(
    () => checkEmaThreshold((eta, beta) => stabilityThreshold(eta, { beta, momentum: "heavy-ball" })),
    CheckFailure,
    "emaThreshold(η = 0.5, β = 0.5)",
  );
});

Deno.test("checkNesterovThreshold() grades the closed form exact and tells a factor error from a wrong law", () => {
  assertEquals(checkNesterovThreshold((eta, beta) => (2 + 2 * beta) / ((1 + 2 * beta) * eta)), "exact");
  // At the threshold the iteration is neutrally stable; just below, stable.
  for (const [eta, beta] of [[0.5, 0.5], [0.02, 0.9]]) {
    const edge = (2 + 2 * beta) / ((1 + 2 * beta) * eta);
    assert(Math.abs(nesterovRadius(edge, eta, beta) - 1) < 1e-12, "radius 1 at the edge");
    assert(
      nesterovRadius(0.99 * edge, eta, beta) < 1 && nesterovRadius(1.01 * edge, eta, beta) > 1,
      "crosses 1",
    );
  }
  assertThrows(() => checkNesterovThreshold((eta, beta) => (2 + 2 * beta) / eta), CheckFailure, "heavy-ball");
  assertThrows(
    () => checkNesterovThreshold((eta, beta) => (1 + beta) / ((1 + 2 * beta) * eta)),
    CheckFailure,
    "constant factor 0.5",
  );
  assertThrows(
    () => checkNesterovThreshold((eta, beta) => (2 + beta) / ((1 + beta) * eta)),
    CheckFailure,
    "wrong law",
  );
});
