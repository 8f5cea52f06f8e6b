import { assertClose, assertThrows } from "../_assert.ts";
import { matmul, pinv } from "../linalg/mod.ts";
import { rng } from "../random.ts";
import { simplexEtf } from "../theory/neural_collapse.ts";
import { neuralCollapse } from "./neural_collapse.ts";

/** NC1 straight from the definition, with a d×d pseudoinverse. */
function directNc1(H: number[][], y: number[], C: number): number {
  const n = H.length, d = H[0].length;
  const mu = Array.from({ length: C }, (_, c) => {
    const rows = H.filter((_, i) => y[i] === c);
    return Array.from({ length: d }, (_, k) => rows.reduce((s, r) => s + r[k], 0) / rows.length);
  });
  const g = Array.from({ length: d }, (_, k) => H.reduce((s, r) => s + r[k], 0) / n);
  const sw = Array.from({ length: d }, () => new Array(d).fill(0));
  const sb = Array.from({ length: d }, () => new Array(d).fill(0));
  H.forEach((h, i) =>
    h.forEach((a, p) => h.forEach((b, q) => sw[p][q] += (a - mu[y[i]][p]) * (b - mu[y[i]][q]) / n))
  );
  mu.forEach((m) => m.forEach((a, p) => m.forEach((b, q) => sb[p][q] += (a - g[p]) * (b - g[q]) / C)));
  const prod = matmul(sw, pinv(sb));
  return prod.reduce((s, row, i) => s + row[i], 0) / C;
}

Deno.test("neuralCollapse() NC1 equals tr(Σ_W Σ_B⁺)/C computed with a d×d pseudoinverse", () => {
  const r = rng(4);
  for (const [C, d, n] of [[3, 5, 30], [5, 12, 53], [4, 3, 20]]) {
    const y = Array.from({ length: n }, (_, i) => i % C);
    const means = Array.from({ length: C }, () => r.normals(d, 2));
    const H = y.map((c) => Array.from(r.normals(d), (v, k) => v + means[c][k]));
    assertClose(neuralCollapse(H, y).nc1, directNc1(H, y, C), 1e-9);
  }
});

Deno.test("neuralCollapse() of noisy simplex-ETF features: cosines −1/(C−1), NC1 = noise²·tr(Σ_B⁺)/C", () => {
  const C = 4, u = simplexEtf(C);
  const H = u.flatMap((v) => [v.map((x) => 3 * x), v.map((x) => 3 * x)]);
  H.forEach((h, i) => h[Math.floor(i / 2)] += i % 2 === 0 ? 1e-3 : -1e-3); // class means unchanged
  const y = u.flatMap((_, c) => [c, c]);
  const nc = neuralCollapse(H, y);
  assertClose(nc.meanCosine, -1 / 3, 1e-12);
  assertClose(nc.cosineMaxDeviation, 0, 1e-12);
  assertClose(nc.normCv, 0, 1e-12);
  assertClose(nc.meanNorm, 3, 1e-12);
  assertClose(nc.nc1, directNc1(H, y, C), 1e-9);
});

Deno.test("neuralCollapse() rejects missing classes and labels out of range, naming them", () => {
  assertThrows(() => neuralCollapse([[1], [2]], [0, 2], { classes: 3 }), RangeError, "class 1");
  assertThrows(() => neuralCollapse([[1], [2]], [0, 3], { classes: 3 }), RangeError, "label 3");
});
