import { assert, assertClose, assertEquals } from "../_assert.ts";
import { loadDigits, loadMnist, oneHot, splitDataset } from "./mod.ts";

Deno.test("loadDigits() reads 1797 labelled 8×8 images with every class present", async () => {
  const raw = await loadDigits({ center: false, scale: false });
  assertEquals([raw.n, raw.d, raw.classes], [1797, 64, 10]);
  assert(raw.x.every((v) => Number.isInteger(v) && v >= 0 && v <= 16));
  const counts = new Array(10).fill(0);
  raw.y.forEach((c) => counts[c]++);
  assert(counts.every((c) => c >= 170 && c <= 190), `class counts ${counts}`);
});

Deno.test("loadDigits() centres every pixel column by default", async () => {
  const { x, n, d } = await loadDigits();
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * d + j];
    assertClose(mean / n, 0, 1e-12, `column ${j}`);
  }
});

Deno.test("loadMnist() reads the 10,000 test images with the documented label counts", async () => {
  const m = await loadMnist({ center: false });
  assertEquals([m.n, m.d], [10000, 784]);
  const counts = new Array(10).fill(0);
  m.y.forEach((c) => counts[c]++);
  assertEquals(counts, [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  assertEquals(Array.from(m.y.subarray(0, 5)), [7, 2, 1, 0, 4]);
  assert(m.x.every((v) => v >= 0 && v <= 1));
});

Deno.test("splitDataset() is a seeded partition and oneHot() marks each label", async () => {
  const data = await loadDigits();
  const a = splitDataset(data, { seed: 1, testFraction: 0.25 });
  const b = splitDataset(data, { seed: 1, testFraction: 0.25 });
  assertEquals(a.test.n + a.train.n, data.n);
  assertEquals(a.test.n, Math.round(0.25 * data.n));
  assertEquals(Array.from(a.test.y), Array.from(b.test.y));
  const h = oneHot(Int32Array.from([2, 0]), 3);
  assertEquals(Array.from(h), [0, 0, 1, 1, 0, 0]);
});
