/**
 * Checks for the exercises of notebook 12 (creativity in diffusion models): the ideal denoiser, one DDIM step,
 * and one pixel of the local score machine, each compared with the library on random cases and with an exact
 * limit.
 *
 * @module
 */
import { expectClose, expectTrue } from "../exercise.ts";
import { rng } from "../random.ts";
import { idealDenoiser } from "../theory/ideal_denoiser.ts";
import { localScoreDenoiser, patchBank } from "../theory/local_score.ts";
import { ddimStep } from "../train/reverse_diffusion.ts";

type Verdict = "exact" | "close";

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
    verdict = worse(verdict, expectClose(arr[j], want[j], { what: `${what}[${j}]`, rel, abs: 1e-12 }));
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
      expectClose(got, want, {
        what: `localScorePixel (${m} patches of ${side}×${side}, ᾱ = ${alphaBar})`,
        rel: 1e-8,
      }),
    );
  }
  return verdict;
}
