import { assertEquals, assertThrows } from "../_assert.ts";
import { rng } from "../random.ts";
import { extractPatch, patchBank } from "../theory/local_score.ts";
import { nearestPatchDistances } from "./patch_distance.ts";

Deno.test("nearestPatchDistances() is zero on training images and on shifted copies under equivariance", () => {
  // A 6×6 image with a blob away from the border; shifting it by one pixel keeps it inside.
  const img = new Float64Array(36);
  for (const [i, j] of [[2, 2], [2, 3], [3, 2]]) img[i * 6 + j] = 1;
  const shifted = new Float64Array(36);
  for (let p = 0; p < 36; p++) if (img[p]) shifted[p + 7] = 1;
  const train = { x: img, n: 1, d: 36 };
  const els = patchBank(train, { height: 6, width: 6, patch: 3 });
  const ls = patchBank(train, { height: 6, width: 6, patch: 3, equivariant: false });
  assertEquals(Math.max(...nearestPatchDistances(train, els)), 0);
  assertEquals(Math.max(...nearestPatchDistances({ x: shifted, n: 1, d: 36 }, els)), 0);
  // Without equivariance the same shifted patches are compared with the patches at their own positions.
  if (!(Math.max(...nearestPatchDistances({ x: shifted, n: 1, d: 36 }, ls)) > 0.9)) {
    throw new Error("LS sees the shift");
  }
});

Deno.test("nearestPatchDistances() matches the distance to the closest patch found by hand", () => {
  const train = { x: rng(1).normals(2 * 9), n: 2, d: 9 };
  const bank = patchBank(train, { height: 3, width: 3, patch: 1 });
  const probe = { x: rng(2).normals(9), n: 1, d: 9 };
  const got = nearestPatchDistances(probe, bank);
  for (let p = 0; p < 9; p++) {
    const want = Math.min(...Array.from(train.x, (v) => Math.abs(probe.x[p] - v)));
    if (Math.abs(got[p] - want) > 1e-15) throw new Error(`pixel ${p}: ${got[p]} vs ${want}`);
  }
  assertThrows(
    () => nearestPatchDistances({ x: new Float64Array(4), n: 1, d: 4 }, bank),
    RangeError,
    "3·3 = 9 pixels",
  );
});

Deno.test("nearestPatchDistances() (norm-pruned) agrees with an exhaustive search on random data", () => {
  const r = rng(7);
  const train = { x: Float64Array.from({ length: 5 * 30 }, () => r.int(4) / 3), n: 5, d: 30 };
  const probe = { x: r.normals(3 * 30, 0.5, 0.4), n: 3, d: 30 };
  for (const equivariant of [true, false]) {
    const bank = patchBank(train, { height: 5, width: 6, patch: 3, equivariant });
    const got = nearestPatchDistances(probe, bank);
    const q = new Float64Array(9);
    for (let img = 0; img < 3; img++) {
      for (let p = 0; p < 30; p++) {
        extractPatch(probe.x, img * 30, bank, Math.floor(p / 6), p % 6, q);
        const pool = bank.pools[equivariant ? 0 : p];
        let best = Infinity;
        for (let u = 0; u < pool.m; u++) {
          let sq = 0;
          for (let c = 0; c < 9; c++) sq += (q[c] - pool.patches[u * 9 + c]) ** 2;
          best = Math.min(best, sq);
        }
        if (Math.abs(got[img * 30 + p] - Math.sqrt(best)) > 1e-12) {
          throw new Error(`image ${img}, pixel ${p}`);
        }
      }
    }
  }
});
