/**
 * Checks for the exercises of notebook 12 (creativity in diffusion models): the ideal denoiser, one DDIM step,
 * and one pixel of the local score machine, each compared with the library on random cases and with an exact
 * limit; and the noise level at which the ideal posterior collapses, a derivation checked on the library's
 * posterior weights.
 *
 * @module
 */
import { fmt } from "../claims.ts";
import { CheckFailure, type CloseOptions, expectClose, expectTrue } from "../exercise.ts";
import { rng } from "../random.ts";
import { idealDenoiser, idealPosteriorWeights } from "../theory/ideal_denoiser.ts";
import { localScoreDenoiser, patchBank } from "../theory/local_score.ts";
import { ddimStep } from "../train/reverse_diffusion.ts";

type Verdict = "exact" | "close";

/**
 * Agreement within this relative error counts as exact: the formulas are exact, and the library evaluates them
 * to rounding (its exponential is accurate to 2e-12, and it sums in another order than a student would).
 */
const ROUNDING = 1e-10;

/** {@linkcode expectClose}, grading agreement within rounding as exact. */
function expectExact(actual: unknown, expected: number, options: CloseOptions): Verdict {
  const verdict = expectClose(actual, expected, options);
  const diff = Math.abs((actual as number) - expected);
  return diff <= ROUNDING * Math.abs(expected) || diff <= 1e-14 ? "exact" : verdict;
}

function worse(a: Verdict, b: Verdict): Verdict {
  return a === "close" || b === "close" ? "close" : "exact";
}

function compareVectors(got: unknown, want: ArrayLike<number>, what: string, rel: number): Verdict {
  expectTrue(
    Array.isArray(got) || got instanceof Float64Array,
    `${what}: expected an array of ${want.length} numbers, got ${typeof got}`,
  );
  const arr = got as ArrayLike<number>;
  expectTrue(arr.length === want.length, `${what}: expected ${want.length} numbers, got ${arr.length}`);
  let verdict: Verdict = "exact";
  for (let j = 0; j < want.length; j++) {
    verdict = worse(verdict, expectExact(arr[j], want[j], { what: `${what}[${j}]`, rel, abs: 1e-12 }));
  }
  return verdict;
}

/**
 * Check `idealDenoiser(x, alphaBar, train)` → $\sum_\mu w_\mu(x)\,x^\mu$ for one image `x` `[d]` and a training
 * set `train` `[n][d]`: against the library at several noise levels, and the low-noise limit (the nearest image).
 */
export function checkIdealDenoiser(
  fn: (x: number[], alphaBar: number, train: number[][]) => number[],
): Verdict {
  const r = rng(12);
  const train = Array.from({ length: 6 }, () => Array.from(r.normals(5)));
  const flat = { x: Float64Array.from(train.flat()), n: 6, d: 5 };
  let verdict: Verdict = "exact";
  for (const alphaBar of [0.05, 0.5, 0.9]) {
    const x = Array.from(r.normals(5));
    const want = idealDenoiser(x, flat, { alphaBar });
    const got = fn(x.slice(), alphaBar, train.map((row) => row.slice()));
    verdict = worse(verdict, compareVectors(got, want, `idealDenoiser(x, ${alphaBar}, train)`, 1e-8));
  }
  // Low noise, x on the path of image 3: the answer is image 3 itself (the softmax must not overflow).
  const alphaBar = 1 - 1e-9;
  const x = train[3].map((v) => Math.sqrt(alphaBar) * v);
  compareVectors(
    fn(x, alphaBar, train.map((row) => row.slice())),
    train[3],
    "idealDenoiser at ᾱ = 1 − 1e-9",
    1e-8,
  );
  return verdict;
}

/**
 * Check `ddimStep(x, x0Hat, alphaBar, alphaBarNext)` against the library, and that a perfect estimate with
 * no noise moves along the path $\sqrt{\bar\alpha}\,x_0$.
 */
export function checkDdimStep(
  fn: (x: number[], x0Hat: number[], alphaBar: number, alphaBarNext: number) => number[],
): Verdict {
  const r = rng(13);
  let verdict: Verdict = "exact";
  for (const [ab, next] of [[0.1, 0.3], [0.5, 0.95], [0.9, 0.999]]) {
    const x = Array.from(r.normals(4)), x0 = Array.from(r.normals(4));
    const want = ddimStep(x, x0, ab, next);
    verdict = worse(
      verdict,
      compareVectors(fn(x.slice(), x0.slice(), ab, next), want, `ddimStep(ᾱ = ${ab} → ${next})`, 1e-10),
    );
  }
  const x0 = [1, -2, 0.5];
  compareVectors(
    fn(x0.map((v) => Math.sqrt(0.3) * v), x0.slice(), 0.3, 0.8),
    x0.map((v) => Math.sqrt(0.8) * v),
    "noise-free ddimStep",
    1e-10,
  );
  return verdict;
}

/**
 * Check `localScorePixel(query, trainPatches, alphaBar)`: the local score machine's output at the centre pixel
 * of a $P\times P$ query patch `[P²]` given training patches `[m][P²]` (the softmax over patches of their
 * centre values). The library's LS machine on $P\times P$ images computes exactly this at the centre pixel.
 */
export function checkLocalScorePixel(
  fn: (query: number[], trainPatches: number[][], alphaBar: number) => number,
): Verdict {
  const r = rng(14);
  let verdict: Verdict = "exact";
  for (const [side, m, alphaBar] of [[3, 5, 0.3], [3, 40, 0.9], [5, 12, 0.7]]) {
    const k = side * side;
    const patches = Array.from({ length: m }, () => Array.from({ length: k }, () => r.int(5) / 4));
    const query = Array.from(r.normals(k, 0.5, 0.3));
    const bank = patchBank({ x: Float64Array.from(patches.flat()), n: m, d: k }, {
      height: side,
      width: side,
      patch: side,
      equivariant: false,
    });
    const want = localScoreDenoiser(query, bank, { alphaBar })[(k - 1) / 2];
    const got = fn(query.slice(), patches.map((p) => p.slice()), alphaBar);
    verdict = worse(
      verdict,
      expectExact(got, want, {
        what: `localScorePixel (${m} patches of ${side}×${side}, ᾱ = ${alphaBar})`,
        rel: 1e-8,
      }),
    );
  }
  return verdict;
}

/**
 * Check `collapseNu(delta, ratio)`: the noise-to-signal ratio $\nu = (1-\bar\alpha)/\bar\alpha$ at which, for a
 * noisy image on the path of training image 1 ($x = \sqrt{\bar\alpha}\,x^1$), a second training image at distance
 * $\delta$ gets posterior weight ratio $w_2/w_1$ = `ratio`. The exact answer is $\nu = \delta^2/(2\ln(1/r))$
 * (graded exact up to rounding, 1e-12 relative). A wrong answer is diagnosed as a wrong constant (right
 * law) or a wrong law; a right one is then confirmed on the library's posterior weights.
 */
export function checkCollapseNu(fn: (delta: number, ratio: number) => number): Verdict {
  const cases: [number, number][] = [[1, 0.01], [2, 0.01], [1, 1e-6], [0.5, 0.2]];
  const got = cases.map(([delta, ratio]) => {
    const nu = fn(delta, ratio);
    expectTrue(
      typeof nu === "number" && Number.isFinite(nu) && nu > 0,
      `collapseNu(${delta}, ${ratio}): expected a positive number, got ${nu}`,
    );
    return nu;
  });
  const quotients = got.map((nu, k) => nu / (cases[k][0] ** 2 / (2 * Math.log(1 / cases[k][1]))));
  if (Math.max(...quotients) > Math.min(...quotients) * (1 + 1e-9)) {
    throw new CheckFailure(
      `collapseNu: wrong law. Doubling δ (ratio 0.01) multiplied your ν by ${fmt(got[1] / got[0])} ` +
        `(the posterior needs ×4: ν ∝ δ²), and going from ratio 0.01 to 1e-6 multiplied it by ` +
        `${fmt(got[2] / got[0])} (needs ln(100)/ln(10⁶) = 1/3: ν ∝ 1/ln(1/ratio)).`,
    );
  }
  if (Math.abs(quotients[0] - 1) > 1e-12) {
    throw new CheckFailure(
      `collapseNu: the law is right (ν ∝ δ²/ln(1/ratio)) but your ν is ${fmt(quotients[0])} × the right ` +
        `one: check the 2 in 2(1 − ᾱ), and that ν = (1 − ᾱ)/ᾱ absorbs the √ᾱ factors.`,
    );
  }
  // Confirmed on the posterior itself: training images 0 and (δ, 0); the noisy image sits at √ᾱ·0 = 0.
  cases.forEach(([delta, ratio], k) => {
    const w = idealPosteriorWeights([0, 0], { x: Float64Array.from([0, 0, delta, 0]), n: 2, d: 2 }, {
      alphaBar: 1 / (1 + got[k]),
    });
    expectClose(w[1] / w[0], ratio, { what: `w₂/w₁ at your ν for δ = ${delta}`, rel: 1e-9 });
  });
  return "exact";
}
