import { assertClose, assertThrows } from "../_assert.ts";
import { simplexEtf, simplexEtfCosine, unconstrainedFeaturesOptimum } from "./neural_collapse.ts";

Deno.test("simplexEtf() rows are unit vectors with pairwise cosine −1/(C−1) that sum to zero", () => {
  for (const C of [2, 3, 7]) {
    const u = simplexEtf(C);
    for (let a = 0; a < C; a++) {
      for (let b = 0; b < C; b++) {
        const dot = u[a].reduce((s, v, k) => s + v * u[b][k], 0);
        assertClose(dot, a === b ? 1 : simplexEtfCosine(C), 1e-12);
      }
    }
    for (let k = 0; k < C; k++) assertClose(u.reduce((s, row) => s + row[k], 0), 0, 1e-12);
  }
});

/** The UFM loss of the collapsed ETF configuration with feature norm ρ and classifier norm σ. */
function etfLoss(C: number, rho: number, sigma: number, lambdaW: number, lambdaH: number): number {
  const u = simplexEtf(C);
  const logits = u.map((v) => u.map((w) => sigma * rho * v.reduce((s, x, k) => s + x * w[k], 0)));
  let ce = 0;
  logits.forEach((z, c) => {
    const m = Math.max(...z);
    ce += Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) + m - z[c];
  });
  return ce / C + (lambdaW / 2) * C * sigma * sigma + (lambdaH / 2) * rho * rho;
}

Deno.test("unconstrainedFeaturesOptimum() minimizes the loss over ETF configurations (ρ, σ)", () => {
  const C = 6, lambdaW = 3e-3, lambdaH = 2e-2;
  const o = unconstrainedFeaturesOptimum(C, { lambdaW, lambdaH });
  assertClose(etfLoss(C, o.featureNorm, o.classifierNorm, lambdaW, lambdaH), o.loss, 1e-12);
  assertClose(o.featureNorm * o.classifierNorm, o.margin, 1e-12);
  for (const [dr, ds] of [[1.01, 1], [0.99, 1], [1, 1.01], [1, 0.99], [1.01, 1.01], [0.99, 1.01]]) {
    const moved = etfLoss(C, o.featureNorm * dr, o.classifierNorm * ds, lambdaW, lambdaH);
    if (!(moved > o.loss)) throw new Error(`not a minimum: ρ×${dr}, σ×${ds} gives ${moved} ≤ ${o.loss}`);
  }
});

Deno.test("unconstrainedFeaturesOptimum() throws when the weight decay forces the trivial solution", () => {
  assertThrows(() => unconstrainedFeaturesOptimum(10, { lambdaW: 1, lambdaH: 1 }), RangeError, "too strong");
  assertThrows(() => simplexEtfCosine(1), RangeError, "got 1");
});
