import { assert, assertClose, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { choleskySolve } from "../linalg/cholesky.ts";
import { hypercubeGram, overlapKernel, parity, paritySum } from "../data/hypercube.ts";
import { hypercubeLearnabilities, hypercubeTestMse } from "./hypercube_regression.ts";

const d = 6, N = 64;
const all = Array.from({ length: N }, (_, v) => v);
const k = overlapKernel((t) => Math.exp(-Math.sqrt(2 * (1 - t))), d);

/** ⟨χ_S, f̂⟩ with f̂ fitted to χ_S on `train`, computed the slow way: fit, predict everywhere, project. */
function directLearnability(S: number, train: number[], ridge: number): number {
  const K = hypercubeGram(k, train, train).map((row, i) => row.map((v, j) => v + (i === j ? ridge : 0)));
  const alpha = choleskySolve(K, train.map((v) => parity(S, v)));
  const pred = hypercubeGram(k, all, train).map((row) => row.reduce((s, v, i) => s + v * alpha[i], 0));
  return pred.reduce((s, p, x) => s + p * parity(S, x), 0) / N;
}

Deno.test("hypercubeLearnabilities() agrees with fitting each parity and projecting the fit back onto it", () => {
  const train = rng(1).choice(N, 20);
  for (const ridge of [0, 0.05]) {
    const L = hypercubeLearnabilities(k, train, { ridge });
    for (const S of [0, 1, 6, 21, 63]) {
      assertClose(L[S], directLearnability(S, train, ridge), 1e-10, `S = ${S}`);
    }
  }
});

Deno.test("measured learnabilities over all parities sum to n exactly without ridge, and to less with one", () => {
  const train = rng(2).choice(N, 25);
  const sum = (L: Float64Array) => L.reduce((s, v) => s + v, 0);
  assertClose(sum(hypercubeLearnabilities(k, train)), 25, 1e-10);
  assert(sum(hypercubeLearnabilities(k, train, { ridge: 0.1 })) < 25 - 1e-3, "ridge lowers Σ L");
});

Deno.test("hypercubeTestMse() is the mean squared error of the fit over all vertices", () => {
  const r = rng(3);
  const train = r.choice(N, 30);
  const f = paritySum([0b1, 0b110, 0b11100], [1, -0.5, 2], d);
  const g = Float64Array.from(all, () => r.normal());
  const [mf, mg] = hypercubeTestMse(k, train, [f, g]);
  for (const [target, mse] of [[f, mf], [g, mg]] as const) {
    const alpha = choleskySolve(hypercubeGram(k, train, train), train.map((v) => target[v]));
    const pred = hypercubeGram(k, all, train).map((row) => row.reduce((s, v, i) => s + v * alpha[i], 0));
    assertClose(mse, pred.reduce((s, p, x) => s + (p - target[x]) ** 2, 0) / N, 1e-10);
  }
  assertClose(hypercubeTestMse(k, all, [f])[0], 0, 1e-12);
});

Deno.test("hypercube measurements reject repeated or out-of-range training vertices", () => {
  assertThrows(() => hypercubeLearnabilities(k, [1, 2, 1]), RangeError, "1 repeats");
  assertThrows(
    () => hypercubeTestMse(k, [1, 64], [new Float64Array(N)]),
    RangeError,
    "vertex 64 is outside 0…63",
  );
  assertThrows(
    () => hypercubeTestMse(k, [1, 2], [new Float64Array(3)]),
    RangeError,
    "target 0 to have 64 values, got 3",
  );
});
