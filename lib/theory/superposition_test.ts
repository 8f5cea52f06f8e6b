import { assert, assertClose } from "../_assert.ts";
import {
  antipodalBothActiveError,
  antipodalLoss,
  antipodalPairLoss,
  dimensionsPerFeature,
  linearTwoFeaturePhase,
  planarGeometryLoss,
  predictedTwoFeaturePhase,
  twoFeatureLosses,
} from "./superposition.ts";

Deno.test("antipodalBothActiveError() equals E[min(x1, x2)²] = 1/6 at c = 0 and a Monte Carlo estimate at c = 0.3", () => {
  assertClose(antipodalBothActiveError(0), 1 / 6, 1e-14);
  let s = 0, n = 0;
  for (let i = 0; i < 400; i++) {
    for (let j = 0; j < 400; j++) {
      const x1 = (i + 0.5) / 400, x2 = (j + 0.5) / 400;
      s += (x1 - Math.max(0, x1 - x2 - 0.3)) ** 2;
      n++;
    }
  }
  assertClose(antipodalBothActiveError(0.3), s / n, 1e-4);
});

Deno.test("antipodalPairLoss() with a symmetric pair agrees with the closed-form antipodalLoss()", () => {
  for (const [S, r, c] of [[0.5, 1, 0], [0.8, 0.5, 0.1], [0.95, 2, 0.2]]) {
    assertClose(
      antipodalPairLoss({ alpha: 1, beta: 1, b1: -c, b2: -c }, { sparsity: S, importance: r }),
      antipodalLoss(c, { sparsity: S, importance: r }),
      1e-4,
    );
  }
});

Deno.test("twoFeatureLosses() predicts no superposition when dense and superposition when sparse", () => {
  assert(predictedTwoFeaturePhase({ sparsity: 0, importance: 0.5 }) === "feature 1 only");
  assert(predictedTwoFeaturePhase({ sparsity: 0, importance: 3 }) === "feature 2 only");
  assert(predictedTwoFeaturePhase({ sparsity: 0.9, importance: 0.5 }) === "superposition");
  assert(linearTwoFeaturePhase({ importance: 0.5 }) === "feature 1 only");
  const l = twoFeatureLosses({ sparsity: 0.3, importance: 1 });
  assertClose(l["feature 1 only"], 0.7 / 3 - 0.49 / 4, 1e-14);
  // The best superposition is never worse than the symmetric pair at zero bias.
  assert(l.superposition <= antipodalLoss(0, { sparsity: 0.3, importance: 1 }) + 1e-12);
});

Deno.test("planarGeometryLoss() ranks orthogonal features first when dense and the pentagon first when sparse", () => {
  const dense = (["2 orthogonal", "pentagon"] as const).map((g) =>
    planarGeometryLoss(g, { sparsity: 0, samples: 4000 })
  );
  assert(dense[0].loss < dense[1].loss);
  const sparse = (["2 antipodal pairs", "pentagon"] as const).map((g) =>
    planarGeometryLoss(g, { sparsity: 0.9, samples: 4000 })
  );
  assert(sparse[1].loss < sparse[0].loss);
  assertClose(dimensionsPerFeature({ hidden: 2, represented: 5 }), 0.4, 1e-14);
});
