/**
 * Checks for the exercises of notebook 13 (superposition).
 *
 * @module
 */
import { CheckFailure, expectClose, expectTrue } from "../exercise.ts";
import { antipodalBothActiveError, antipodalLoss } from "../theory/superposition.ts";

/** A student's $J(c)$: one feature's expected squared error when both are active (antipodal pair, bias −c). */
export type BothActiveErrorFn = (c: number) => number;

/**
 * Check `bothActiveError(c)` against the library's integral at several biases, and against J(0) = 1/6 exactly.
 * A constant ratio to the reference is reported as a factor error, a varying one as a wrong dependence on c.
 */
export function checkBothActiveError(fn: BothActiveErrorFn): string {
  const cs = [0, 0.1, 0.25, 0.5, 0.8, 1];
  const got = cs.map((c) => fn(c));
  expectTrue(
    got.every((g) => typeof g === "number" && Number.isFinite(g)),
    "return a finite number for each c",
  );
  diagnoseRatio(got, cs.map(antipodalBothActiveError), "J(c)", "c", cs);
  // The library integrates numerically, so an exact closed form can differ from it in the last bits: within
  // 1e-12 the answer is exact up to rounding.
  let roundingOnly = true;
  cs.forEach((c, i) => {
    const want = antipodalBothActiveError(c);
    expectClose(got[i], want, { what: `J(${c})`, rel: 1e-6, abs: 1e-12 });
    if (Math.abs(got[i] - want) > 1e-12 * Math.max(1, Math.abs(want))) roundingOnly = false;
  });
  return roundingOnly ? "exact (to rounding)" : "close";
}

/** A student's critical density p* = 1 − S* at which the zero-bias antipodal pair starts to beat feature 1 only. */
export type AntipodalBoundaryFn = (importance: number) => number;

/** The reference boundary: the root in p of L_antipodal(c = 0) = r·(p/3 − p²/4), found by bisection. */
function referenceBoundary(r: number): number {
  const gap = (p: number) => antipodalLoss(0, { sparsity: 1 - p, importance: r }) - r * (p / 3 - (p * p) / 4);
  let lo = 1e-9, hi = 1;
  if (gap(hi) < 0) return 1;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (gap(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Check `antipodalBoundary(r)` for importances r ≤ 1 against a bisection on the two expected losses. The
 * answer has a closed form, so a correct one is exact to rounding.
 */
export function checkAntipodalBoundary(fn: AntipodalBoundaryFn): string {
  const rs = [0.1, 0.25, 0.5, 0.75, 1];
  const got = rs.map((r) => fn(r));
  expectTrue(
    got.every((g) => typeof g === "number" && Number.isFinite(g)),
    "return a finite density for each r",
  );
  const want = rs.map(referenceBoundary);
  diagnoseRatio(got, want, "p*(r)", "r", rs);
  rs.forEach((r, i) => expectClose(got[i], want[i], { what: `p*(${r})`, rel: 1e-9 }));
  return "exact (to the bisection's precision)";
}

/** Throw a message that tells a constant factor from a wrong law, when the answers are off. */
function diagnoseRatio(got: number[], want: number[], what: string, arg: string, args: number[]): void {
  const off = got.some((g, i) => Math.abs(g - want[i]) > 1e-6 * Math.max(1e-12, Math.abs(want[i])));
  if (!off) return;
  const ratios = got.map((g, i) => g / want[i]).filter((x, i) => want[i] !== 0 && Number.isFinite(x));
  const spread = Math.max(...ratios) / Math.min(...ratios);
  if (ratios.length > 1 && Math.abs(spread - 1) < 1e-6 && ratios[0] > 0) {
    throw new CheckFailure(
      `${what} is off by a constant factor: yours = ${
        ratios[0].toPrecision(4)
      } × the right value at every ${arg}. ` +
        `The law is right; look for a missing factor (1/3, 2, a probability).`,
    );
  }
  const i = got.findIndex((g, k) => Math.abs(g - want[k]) > 1e-6 * Math.abs(want[k]));
  throw new CheckFailure(
    `${what} has the wrong dependence on ${arg}: at ${arg} = ${args[i]} you give ${got[i]}, expected ${
      want[i]
    }; ` +
      `the ratio to the right value changes with ${arg} (from ${Math.min(...ratios).toPrecision(3)} to ` +
      `${Math.max(...ratios).toPrecision(3)}), so this is not a constant factor.`,
  );
}
