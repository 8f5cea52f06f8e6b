/**
 * Checks for the exercises of notebook 11 (neural collapse and CKA).
 *
 * @module
 */
import { CheckFailure, expectClose, expectTrue } from "../exercise.ts";
import { randomOrthogonal } from "../linalg/orthogonal.ts";
import { linearCka } from "../measure/cka.ts";
import { neuralCollapse } from "../measure/neural_collapse.ts";
import { rng } from "../random.ts";
import { unconstrainedFeaturesOptimum } from "../theory/neural_collapse.ts";

/** A student's `linearCka(A, B)` for `A` `[n, p]`, `B` `[n, q]`. */
export type LinearCkaFn = (A: number[][], B: number[][]) => number;

/** A student's `nc1(H, labels, classes)` for features `H` `[n, d]`. */
export type Nc1Fn = (H: number[][], labels: number[], classes: number) => number;

function gaussian(n: number, p: number, seed: number): number[][] {
  const r = rng(seed);
  return Array.from({ length: n }, () => Array.from(r.normals(p)));
}

function copy(X: number[][]): number[][] {
  return X.map((row) => row.slice());
}

/**
 * Check `linearCka(A, B)`: CKA(A, c·AQ) = 1 for an orthogonal Q; symmetric; unchanged by adding a constant to
 * a column (the columns must be centred); and equal to the library's value on random representations of
 * different widths.
 */
export function checkLinearCka(fn: LinearCkaFn): string {
  let verdict: "exact" | "close" = "exact";
  const note = (v: "exact" | "close") => {
    if (v === "close") verdict = "close";
  };
  const A = gaussian(30, 6, 1);
  const Q = randomOrthogonal(6, 2);
  const AQ = A.map((row) => Q[0].map((_, j) => -2.5 * row.reduce((s, v, k) => s + v * Q[k][j], 0)));
  note(expectClose(fn(copy(A), AQ), 1, { what: "CKA(A, −2.5·AQ) for orthogonal Q", rel: 1e-9 }));
  const B = gaussian(30, 9, 3).map((row, i) => row.map((v, j) => v + (j < 6 ? A[i][j] : 0)));
  const want = linearCka(A, B);
  const got = fn(copy(A), copy(B));
  note(expectClose(got, want, { what: "CKA of random [30, 6] and [30, 9] representations", rel: 1e-9 }));
  note(expectClose(fn(copy(B), copy(A)), got, { what: "CKA(B, A) (CKA is symmetric)", rel: 1e-9 }));
  const shifted = B.map((row) => row.map((v, j) => v + 10 * (j + 1)));
  note(
    expectClose(fn(copy(A), shifted), want, {
      what: "CKA after adding constants to B's columns (did you centre?)",
      rel: 1e-9,
    }),
  );
  const before = JSON.stringify(A);
  fn(A, B);
  expectTrue(JSON.stringify(A) === before, "your function modified its input; centre a copy");
  return verdict;
}

/**
 * Check `nc1(H, labels, classes)` = tr(Σ_W Σ_B⁺)/C: against the library on random features with unequal
 * class sizes; 0 for collapsed features; invariant to scaling the features; and shrinking as the features
 * approach their class means.
 */
export function checkNc1(fn: Nc1Fn): string {
  let verdict: "exact" | "close" = "exact";
  const note = (v: "exact" | "close") => {
    if (v === "close") verdict = "close";
  };
  const r = rng(5);
  const C = 4, d = 7;
  const labels = Array.from({ length: 41 }, (_, i) => (i < 5 ? 0 : 1 + (i % 3)));
  const means = Array.from({ length: C }, () => Array.from(r.normals(d, 2)));
  const noise = Array.from({ length: labels.length }, () => Array.from(r.normals(d)));
  const features = (t: number) => labels.map((c, i) => means[c].map((m, k) => m + t * noise[i][k]));
  const H = features(1);
  const want = neuralCollapse(H, labels, { classes: C }).nc1;
  note(
    expectClose(fn(copy(H), labels.slice(), C), want, {
      what: "NC1 of random features (4 classes, sizes 5, 12, 12, 12)",
      rel: 1e-6,
    }),
  );
  note(
    expectClose(fn(H.map((row) => row.map((v) => 3 * v)), labels.slice(), C), want, {
      what: "NC1 of 3·H (NC1 is scale-free)",
      rel: 1e-6,
    }),
  );
  const collapsed = fn(features(0), labels.slice(), C);
  expectTrue(
    Math.abs(collapsed) < 1e-9,
    `features equal to their class means have NC1 = 0, got ${collapsed}`,
  );
  const small = neuralCollapse(features(0.1), labels, { classes: C }).nc1;
  note(
    expectClose(fn(features(0.1), labels.slice(), C), small, {
      what: "NC1 with noise scaled by 0.1",
      rel: 1e-6,
    }),
  );
  return verdict;
}

/** A student's `zhuFeatureNorm(classes, lambdaW, lambda, n)`: ρ* when the feature penalty is (λ/2)‖H‖²_F. */
export type ZhuNormFn = (classes: number, lambdaW: number, lambda: number, n: number) => number;

/**
 * Check `zhuFeatureNorm`: with Zhu et al.'s summed feature penalty $\frac{\lambda}{2}\|H\|_F^2$ over $n$ samples
 * the model is notebook 11's with $\lambda_H = n\lambda$, so $\rho^*$ is `unconstrainedFeaturesOptimum` at
 * $\lambda_H = n\lambda$. Answers within $10^{-12}$ (rounding) count as exact; the messages name a missing or
 * inverted factor $n$ and a $\sqrt n$ confusion.
 */
export function checkZhuFeatureNorm(fn: ZhuNormFn): string {
  const cases: [number, number, number, number][] = [[10, 1e-2, 1e-4, 100], [4, 5e-3, 1e-3, 20], [
    6,
    2e-2,
    5e-5,
    300,
  ]];
  for (const [C, lW, lambda, n] of cases) {
    const norm = (lH: number) => unconstrainedFeaturesOptimum(C, { lambdaW: lW, lambdaH: lH }).featureNorm;
    const want = norm(n * lambda), got = fn(C, lW, lambda, n);
    const what = `ρ* for C = ${C}, λ_W = ${lW}, λ = ${lambda}, n = ${n}`;
    if (typeof got === "number" && Math.abs(got - want) <= 1e-12 * want) continue;
    const near = (v: number) => typeof got === "number" && Math.abs(got - v) <= 1e-6 * Math.abs(v);
    let hint = "write Zhu et al.'s penalty as notebook 11's (λ_H/2)(1/n)Σ‖h_i‖² and read off λ_H";
    if (near(norm(lambda))) {
      hint = "that is notebook 11's convention with λ_H = λ; Zhu et al. sum over the n samples";
    } else if (near(norm(lambda / n))) {
      hint = "the factor n goes the other way: (λ/2)Σ‖h_i‖² = (nλ/2)(1/n)Σ‖h_i‖²";
    } else if (near(norm(lambda) * Math.sqrt(n)) || near(norm(lambda) / Math.sqrt(n))) {
      hint = "rescaling ρ by √n is not enough: the penalty changes the margin a* too";
    }
    throw new CheckFailure(`${what}: expected ${want}, got ${got} (${hint})`);
  }
  return "exact";
}
