import { assertClose, assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { EXP_FLOOR, expNonPositive } from "./_fast_exp.ts";
import { idealDenoiser } from "./ideal_denoiser.ts";
import { extractPatch, localScoreDenoiser, patchBank } from "./local_score.ts";

/** The machine written as its definition: a softmax over every training patch at every allowed position. */
function bruteForce(
  x: Float64Array,
  train: Float64Array,
  n: number,
  shape: { height: number; width: number; patch: number },
  alphaBar: number,
  equivariant: boolean,
): Float64Array {
  const { height, width, patch } = shape, d = height * width, k = patch * patch, s = x.length / d;
  const out = new Float64Array(x.length), q = new Float64Array(k), phi = new Float64Array(k);
  for (let img = 0; img < s; img++) {
    for (let p = 0; p < d; p++) {
      extractPatch(x, img * d, shape, Math.floor(p / width), p % width, q);
      const logits: number[] = [], centers: number[] = [];
      for (let mu = 0; mu < n; mu++) {
        for (let r = 0; r < d; r++) {
          if (!equivariant && r !== p) continue;
          extractPatch(train, mu * d, shape, Math.floor(r / width), r % width, phi);
          let sq = 0;
          for (let c = 0; c < k; c++) sq += (q[c] - Math.sqrt(alphaBar) * phi[c]) ** 2;
          logits.push(-sq / (2 * (1 - alphaBar)));
          centers.push(phi[(k - 1) / 2]);
        }
      }
      const max = Math.max(...logits);
      let z = 0, acc = 0;
      logits.forEach((l, u) => (z += Math.exp(l - max), acc += Math.exp(l - max) * centers[u]));
      out[img * d + p] = acc / z;
    }
  }
  return out;
}

Deno.test("localScoreDenoiser() matches a brute-force softmax over every training patch (ELS and LS)", () => {
  const r = rng(1);
  // Integer-valued pixels make repeated patches (merged with multiplicities in the bank).
  const train = Float64Array.from({ length: 6 * 20 }, () => r.int(3) / 2);
  const shape = { height: 4, width: 5, patch: 3 };
  const x = r.normals(2 * 20);
  for (const equivariant of [true, false]) {
    const bank = patchBank({ x: train, n: 6, d: 20 }, { ...shape, equivariant });
    for (const alphaBar of [0.1, 0.6, 0.99]) {
      const got = localScoreDenoiser(x, bank, { alphaBar });
      const want = bruteForce(x, train, 6, shape, alphaBar, equivariant);
      for (let i = 0; i < got.length; i++) assertClose(got[i], want[i], 1e-10, `pixel ${i}, ᾱ = ${alphaBar}`);
    }
  }
});

Deno.test("a local machine whose patch covers the whole image, without equivariance, is the ideal denoiser", () => {
  const train = { x: rng(2).normals(5 * 9), n: 5, d: 9 };
  const bank = patchBank(train, { height: 3, width: 3, patch: 5, equivariant: false });
  const x = rng(3).normals(3 * 9);
  for (const alphaBar of [0.3, 0.9]) {
    const got = localScoreDenoiser(x, bank, { alphaBar });
    const want = idealDenoiser(x, train, { alphaBar });
    for (let i = 0; i < got.length; i++) assertClose(got[i], want[i], 1e-10);
  }
});

Deno.test("patchBank() merges equal patches, counts every position, and pads with zeros", () => {
  const train = { x: Float64Array.from([1, 0, 0, 0]), n: 1, d: 4 };
  const bank = patchBank(train, { height: 2, width: 2, patch: 3 });
  assertEquals(bank.pools.length, 1);
  assertEquals(bank.pools[0].m, 4); // the bright pixel sits in a different spot of each padded patch
  assertEquals(Array.from(bank.pools[0].counts), [1, 1, 1, 1]);
  const out = new Float64Array(9);
  extractPatch(train.x, 0, bank, 0, 0, out);
  assertEquals(Array.from(out), [0, 0, 0, 0, 1, 0, 0, 0, 0]);
  const ls = patchBank({ x: Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1]), n: 2, d: 4 }, {
    height: 2,
    width: 2,
    patch: 1,
    equivariant: false,
  });
  assertEquals(ls.pools.map((p) => p.m), [1, 1, 1, 1]);
  assertEquals(ls.pools.map((p) => p.counts[0]), [2, 2, 2, 2]);
});

Deno.test("patchBank() and localScoreDenoiser() say what was wrong with the shapes", () => {
  const train = { x: new Float64Array(8), n: 2, d: 4 };
  assertThrows(
    () => patchBank(train, { height: 2, width: 3, patch: 1 }),
    RangeError,
    "expected height·width = d = 4, got 2·3",
  );
  assertThrows(
    () => patchBank(train, { height: 2, width: 2, patch: 2 }),
    RangeError,
    "expected an odd patch side ≥ 1, got 2",
  );
  const bank = patchBank(train, { height: 2, width: 2, patch: 1 });
  assertThrows(
    () => localScoreDenoiser([1, 2, 3], bank, { alphaBar: 0.5 }),
    RangeError,
    "whole images of d = 4 pixels",
  );
});

Deno.test("expNonPositive() agrees with Math.exp to 2e-12 relative on [-40, 0]", () => {
  let worst = 0;
  for (let i = 0; i <= 100000; i++) {
    const x = EXP_FLOOR * (i / 100000);
    worst = Math.max(worst, Math.abs(expNonPositive(x) / Math.exp(x) - 1));
  }
  if (!(worst < 2e-12)) throw new Error(`worst relative error ${worst}`);
});
