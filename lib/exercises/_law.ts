/**
 * Telling a factor error from a wrong law. An exercise that asks for a formula checks the student's answer on
 * several cases; when it is off, the ratio answer/expected says what kind of mistake it is:
 *
 * - the same ratio in every case: the law is right and a constant factor is wrong (a missing 2, an η too many);
 * - a ratio that changes from case to case: the answer follows a different law.
 *
 * @module
 */
import { CheckFailure, expectClose } from "../exercise.ts";
import { fmt } from "../claims.ts";

/** One case: a label for messages ("β = 0.5, λ = 2"), the student's answer and the right one. */
export interface LawCase {
  label: string;
  got: unknown;
  expected: number;
}

/**
 * Expect every case within `rel` (default 1e-6) of its expected value; returns "exact" when all are equal
 * and "close" otherwise. On failure, throws a {@linkcode CheckFailure} that says whether the answer is off by a
 * constant factor (naming it) or follows a different law (naming the range of ratios).
 *
 * @example
 * ```ts
 * import { expectLaw } from "./_law.ts";
 * const cases = [1, 2, 3].map((b) => ({ label: `β = ${b}`, got: 4 * (1 + b), expected: 2 * (1 + b) }));
 * try {
 *   expectLaw(cases, { what: "threshold" });
 *   throw new Error("should fail");
 * } catch (e) {
 *   if (!String(e).includes("constant factor ×2")) throw e;
 * }
 * ```
 */
export function expectLaw(cases: LawCase[], options: { what: string; rel?: number }): "exact" | "close" {
  const rel = options.rel ?? 1e-6;
  const bad = cases.find((c) => typeof c.got !== "number" || !Number.isFinite(c.got));
  if (bad) {
    throw new CheckFailure(
      `${options.what} (${bad.label}): expected a number close to ${fmt(bad.expected)}, got ${
        String(bad.got)
      }`,
    );
  }
  const ok = cases.every((c) => Math.abs((c.got as number) - c.expected) <= rel * Math.abs(c.expected));
  if (ok) {
    let verdict: "exact" | "close" = "exact";
    for (const c of cases) {
      if (expectClose(c.got, c.expected, { what: options.what, rel }) === "close") verdict = "close";
    }
    return verdict;
  }
  const ratios = cases.map((c) => (c.got as number) / c.expected);
  const lo = Math.min(...ratios), hi = Math.max(...ratios);
  const first = cases.find((c) => Math.abs((c.got as number) - c.expected) > rel * Math.abs(c.expected))!;
  const example = `${first.label}: expected ${fmt(first.expected)}, got ${fmt(first.got as number)}`;
  if (hi - lo <= 1e-6 * Math.max(Math.abs(hi), Math.abs(lo))) {
    throw new CheckFailure(
      `${options.what}: off by the same constant factor ×${fmt(ratios[0])} in every case (${example}). ` +
        `The law is right; look for a wrong constant (a missing 2, an extra η, a square).`,
    );
  }
  const at = (r: number) => cases[ratios.indexOf(r)].label;
  throw new CheckFailure(
    `${options.what}: the ratio of your answer to the right one changes from ×${fmt(lo)} (${at(lo)}) to ` +
      `×${fmt(hi)} (${
        at(hi)
      }), so it is not a constant factor: your formula follows a different law (${example}).`,
  );
}
