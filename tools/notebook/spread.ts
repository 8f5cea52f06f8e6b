/**
 * How each claim fares across seeds (`deno task seeds`): the numbers a tolerance is argued from.
 *
 * For every (notebook, claim) pair: the seeds it passed, the mean and standard deviation of the measured
 * value (and of the theory's value, which may depend on the seed's data), the worst share of the tolerance
 * band used (a prediction; ≤ 1 passes) or the smallest margin beyond the bound (a bound; ≥ 0 passes), and the
 * closest any rival came (a prediction: in bands, > 1 fails; a bound: how far the rival lies on the wrong side).
 *
 * @module
 */
import { fmt } from "../../lib/claims.ts";
import type { NotebookResult } from "./runner.ts";

/** One claim across seeds. */
export interface ClaimSpread {
  notebook: string;
  claim: string;
  kind: string;
  seeds: number;
  passed: number;
  measuredMean: number;
  measuredSd: number;
  predictedMean: number;
  /** Prediction: max over seeds of |measured − predicted| / band. Bound: null. */
  worstToleranceUsed: number | null;
  /** Bound: min over seeds of the margin beyond the bound. Prediction: null. */
  worstMargin: number | null;
  /** Min over seeds and rivals of the rival's resolution (null when no rival is named). */
  nearestRival: number | null;
  /** Seeds on which the claim did not pass (or was not stated). */
  failedSeeds: number[];
}

function meanSd(xs: number[]): [number, number] {
  const n = xs.length;
  if (!n) return [NaN, NaN];
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  return [mean, sd];
}

/** Gather each claim's records across seeds (results per seed, in the same notebook order). */
export function seedSpread(bySeed: Map<number, NotebookResult[]>): ClaimSpread[] {
  const groups = new Map<string, { notebook: string; seed: number; r: NotebookResult["claims"][number] }[]>();
  for (const [seed, results] of bySeed) {
    for (const res of results) {
      for (const r of res.claims) {
        const key = `${res.path}\u0000${r.name}`;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)!.push({ notebook: res.path, seed, r });
      }
    }
  }
  const allSeeds = [...bySeed.keys()];
  return [...groups.values()].map((g) => {
    const recs = g.map((x) => x.r);
    const [measuredMean, measuredSd] = meanSd(recs.map((r) => r.measured));
    const [predictedMean] = meanSd(recs.map((r) => r.predicted));
    const used = recs.map((r) => r.toleranceUsed).filter((x): x is number => x !== null && x !== undefined);
    const margins = recs.map((r) => r.margin).filter((x): x is number => x !== null && x !== undefined);
    const rivals = recs.flatMap((r) => (r.rivals ?? []).map((x) => x.resolution));
    const passedSeeds = new Set(g.filter((x) => x.r.passed).map((x) => x.seed));
    return {
      notebook: g[0].notebook,
      claim: g[0].r.name,
      kind: g[0].r.kind ?? "?",
      seeds: g.length,
      passed: passedSeeds.size,
      measuredMean,
      measuredSd,
      predictedMean,
      worstToleranceUsed: used.length ? Math.max(...used) : null,
      worstMargin: margins.length ? Math.min(...margins) : null,
      nearestRival: rivals.length ? Math.min(...rivals) : null,
      failedSeeds: allSeeds.filter((s) => !passedSeeds.has(s)),
    };
  });
}

/** The spread as a Markdown table. */
export function spreadMarkdown(rows: ClaimSpread[]): string {
  const head = [
    "notebook",
    "claim",
    "kind",
    "passed",
    "measured mean ± sd",
    "theory (mean)",
    "worst band used / least margin",
    "nearest rival",
    "failed seeds",
  ];
  const lines = rows.map((r) =>
    [
      r.notebook.split("/").pop()!.replace(/\.ipynb$/, ""),
      r.claim,
      r.kind,
      `${r.passed}/${r.seeds}`,
      `${fmt(r.measuredMean)} ± ${fmt(r.measuredSd)}`,
      fmt(r.predictedMean),
      r.worstToleranceUsed !== null ? fmt(r.worstToleranceUsed) : `${fmt(100 * (r.worstMargin ?? NaN))}%`,
      r.nearestRival === null
        ? "none"
        : r.kind === "bound"
        ? `${fmt(100 * r.nearestRival)}%`
        : fmt(r.nearestRival),
      r.failedSeeds.join(",") || "-",
    ].map((c) => c.replace(/\|/g, "\\|"))
  );
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...lines.map((l) => `| ${l.join(" | ")} |`),
  ].join("\n");
}
