/**
 * Checks for the exercises of notebook 10 (grokking and staircases).
 *
 * @module
 */
import { CheckFailure, expectClose, expectTrue } from "../exercise.ts";
import { fourierPowerShare } from "../measure/fourier.ts";
import { rng } from "../random.ts";
import { leapComplexity } from "../theory/leap.ts";

/** A student's `fourierPowerShare(W, p)`: top-frequency power share of each column of `W` `[p, width]`. */
export type FourierShareFn = (W: number[][], p: number) => ArrayLike<number>;

/** A student's `leapComplexity(supports)`. */
export type LeapFn = (supports: number[][]) => number;

function copy(W: number[][]): number[][] {
  return W.map((row) => row.slice());
}

/**
 * Check `fourierPowerShare(W, p)`: pure waves (any frequency and phase) have share 1; on random matrices
 * (p = 11 and 23) every column agrees with the library; the input is not modified.
 */
export function checkFourierPowerShare(fn: FourierShareFn): string {
  let verdict: "exact" | "close" = "exact";
  const note = (v: "exact" | "close") => {
    if (v === "close") verdict = "close";
  };
  // Pure waves: share 1 whatever the frequency and phase.
  const p0 = 13;
  const waves = Array.from(
    { length: p0 },
    (_, a) => [1, 4, 6].map((k, j) => 2 * Math.cos((2 * Math.PI * k * a) / p0 + j)),
  );
  const waveShares = fn(copy(waves), p0);
  expectTrue(
    waveShares?.length === 3,
    `a [${p0}, 3] matrix has 3 columns, so expected 3 shares, got ${waveShares?.length}`,
  );
  for (let k = 0; k < 3; k++) {
    note(expectClose(waveShares[k], 1, { what: `share of the pure wave in column ${k}`, rel: 1e-9 }));
  }
  // Random matrices vs the library.
  for (const [p, width, seed] of [[11, 5, 1], [23, 8, 2]]) {
    const r = rng(seed);
    const W = Array.from({ length: p }, () => Array.from(r.normals(width)));
    const before = JSON.stringify(W);
    const got = fn(W, p);
    expectTrue(JSON.stringify(W) === before, "your function modified W; it should only read it");
    expectTrue(
      got?.length === width,
      `expected ${width} shares for a [${p}, ${width}] matrix, got ${got?.length}`,
    );
    const want = fourierPowerShare(W, p);
    for (let k = 0; k < width; k++) {
      note(expectClose(got[k], want[k], { what: `share of column ${k} (p = ${p})`, rel: 1e-9 }));
    }
  }
  // A wave plus its mean: the constant (f = 0) must not count.
  const shifted = Array.from({ length: p0 }, (_, a) => [5 + Math.cos((2 * Math.PI * 2 * a) / p0)]);
  note(
    expectClose(fn(shifted, p0)[0], 1, {
      what: "share of 5 + cos(2π·2a/p) (drop the f = 0 term)",
      rel: 1e-9,
    }),
  );
  return verdict;
}

/** Largest new-coordinate count, minimized by brute force over all orderings (for ≤ 6 supports). */
function bruteLeap(supports: number[][]): number {
  let best = Infinity;
  const go = (left: number[][], seen: Set<number>, worst: number): void => {
    if (worst >= best) return;
    if (left.length === 0) {
      best = worst;
      return;
    }
    left.forEach((S, i) => {
      const fresh = S.filter((k) => !seen.has(k)).length;
      go(left.filter((_, j) => j !== i), new Set([...seen, ...S]), Math.max(worst, fresh));
    });
  };
  go(supports, new Set(), 0);
  return best;
}

/**
 * Check `leapComplexity(supports)` on named cases (the staircase, a lone parity, two disjoint blocks, a
 * staircase listed out of order) and on random sets of supports against a brute force over orderings.
 */
export function checkLeapComplexity(fn: LeapFn): string {
  const named: [string, number[][]][] = [
    ["x₁ + x₁x₂ + x₁x₂x₃", [[0], [0, 1], [0, 1, 2]]],
    ["x₁x₂x₃", [[0, 1, 2]]],
    ["x₁x₂ + x₃x₄", [[0, 1], [2, 3]]],
    ["x₁x₂x₃ + x₁ + x₁x₂ (out of order)", [[0, 1, 2], [0], [0, 1]]],
    ["x₁ + x₂x₃x₄ + x₁x₂", [[0], [1, 2, 3], [0, 1]]],
  ];
  for (const [name, supports] of named) {
    expectClose(fn(supports.map((S) => S.slice())), bruteLeap(supports), { what: `leap of ${name}`, rel: 0 });
  }
  const r = rng(7);
  for (let trial = 0; trial < 20; trial++) {
    const supports = Array.from({ length: 1 + r.int(5) }, () => r.choice(6, 1 + r.int(4)));
    const want = bruteLeap(supports);
    expectClose(fn(supports.map((S) => S.slice())), want, {
      what: `leap of [${supports.map((S) => `{${S}}`).join(", ")}]`,
      rel: 0,
    });
    expectTrue(leapComplexity(supports) === want, "library and brute force disagree (please report)");
  }
  return "exact";
}

/** A student's `decaySteps(eta, lambda, q)`: steps of decoupled weight decay that shrink a weight q-fold. */
export type DecayStepsFn = (eta: number, lambda: number, q: number) => number;

/** The exact answer: the smallest whole t with $(1-\eta\lambda)^t \le 1/q$. */
function exactDecaySteps(eta: number, lambda: number, q: number): number {
  let t = Math.ceil(Math.log(q) / -Math.log1p(-eta * lambda));
  while (t > 0 && (1 - eta * lambda) ** (t - 1) <= 1 / q) t--; // guard against rounding at the boundary
  while ((1 - eta * lambda) ** t > 1 / q) t++;
  return t;
}

/**
 * Check `decaySteps(eta, lambda, q)`: after memorization the loss gradient is ≈ 0 and AdamW's decoupled decay
 * multiplies every weight by $1-\eta\lambda$ per step, so a weight falls q-fold after the smallest whole $t$
 * with $(1-\eta\lambda)^t \le 1/q$, i.e. $t = \lceil \ln q / (-\ln(1-\eta\lambda)) \rceil$. The messages tell
 * apart the continuous-time approximation $e^{-\eta\lambda t}$, a linear decay law, a missing $\ln q$, and a
 * factor error.
 */
export function checkDecaySteps(fn: DecayStepsFn): string {
  const cases: [number, number, number][] = [[0.02, 0.4, 4], [0.01, 0.25, 10], [0.05, 0.8, 2], [
    0.02,
    0.2,
    100,
  ]];
  for (const [eta, lambda, q] of cases) {
    const got = fn(eta, lambda, q), want = exactDecaySteps(eta, lambda, q);
    const what = `steps for a ${q}-fold decay at η = ${eta}, λ = ${lambda}`;
    if (got === want) continue;
    expectTrue(
      typeof got === "number" && Number.isFinite(got),
      `${what}: expected a whole number, got ${got}`,
    );
    const rate = eta * lambda;
    const hints: [number, string][] = [
      [
        Math.ceil(Math.log(q) / rate),
        "that is the continuous-time answer ln q/(ηλ); AdamW multiplies by (1 − ηλ) once per step",
      ],
      [
        Math.log(q) / -Math.log1p(-rate),
        "round up: the weight must actually have fallen q-fold at a whole step",
      ],
      [Math.ceil((q - 1) / rate), "a linear decay law; the decay is multiplicative, so time grows like ln q"],
      [Math.ceil(1 / rate), "that is one decay time 1/(ηλ), the time for an e-fold fall, not a q-fold one"],
      [Math.ceil(Math.log10(q) / rate), "use the natural logarithm: e^{−ηλt} with ln, not log₁₀"],
    ];
    const hint = hints.find(([v]) => Math.abs(got - v) < 1e-9)?.[1] ??
      (Math.abs(got / want - 2) < 0.05 || Math.abs(got / want - 0.5) < 0.03
        ? "off by a factor 2: check where ηλ enters (the weight, not its square, shrinks by 1 − ηλ)"
        : "write the weight after t steps as (1 − ηλ)^t and solve for t");
    throw new CheckFailure(`${what}: expected ${want}, got ${got} (${hint})`);
  }
  return "exact";
}
