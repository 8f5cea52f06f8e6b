import { assert } from "../../lib/_assert.ts";
import { claimTable } from "./claim_table.ts";
import type { BookClaim } from "./course.ts";

const base = {
  measured: 1,
  predicted: 1,
  rule: "rel. dev. ≤ 0.05",
  citation: "a paper",
  discriminates: true,
};

Deno.test("a claim's rivals show their value and how far each missed, in bands or beyond the bound", () => {
  const claims: BookClaim[] = [
    {
      ...base,
      name: "prediction",
      passed: true,
      kind: "prediction",
      rivals: [{ name: "2κ", predicted: 2, passed: false, resolution: 20 }],
    },
    {
      ...base,
      name: "bound",
      passed: false,
      kind: "bound",
      discriminates: false,
      rivals: [{ name: "untrained", predicted: 0.5, passed: true, resolution: 0 }],
    },
  ];
  const html = claimTable("07_x", claims);
  assert(html.includes("2κ: 2 (ruled out, 20 bands away)"), html);
  assert(html.includes("untrained: 0.5 (also within tolerance, 0% beyond the bound)"), html);
});

Deno.test("a claim with no rival says why (an identity) or that none was named", () => {
  const html = claimTable("01_x", [
    { ...base, name: "identity", passed: true, kind: "prediction", rivals: [], noRival: "exact algebra" },
    { ...base, name: "bare", passed: false, kind: "prediction", rivals: [], discriminates: false },
  ]);
  assert(html.includes("none but arithmetic: exact algebra"), html);
  assert(html.includes("none named"), html);
});
