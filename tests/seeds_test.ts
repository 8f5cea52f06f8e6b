/**
 * `deno task seeds`: seed lists and ranges, and the per-claim spread a tolerance is argued from.
 */
import { assertEquals, assertThrows } from "../lib/_assert.ts";
import { evaluateClaim } from "../lib/claims.ts";
import { parseSeeds } from "../tools/seeds.ts";
import { seedSpread, spreadMarkdown } from "../tools/notebook/spread.ts";
import type { NotebookResult } from "../tools/notebook/runner.ts";

Deno.test("parseSeeds() reads lists and ranges and names what it cannot read", () => {
  assertEquals(parseSeeds("0-3"), [0, 1, 2, 3]);
  assertEquals(parseSeeds("1,2, 5-6,2"), [1, 2, 5, 6]);
  assertThrows(() => parseSeeds("5-2"), RangeError, "runs backwards");
  assertThrows(() => parseSeeds("1,x"), RangeError, '"x"');
});

Deno.test("seedSpread() gives each claim's pass count, mean, sd, worst band used and nearest rival", () => {
  const result = (seed: number, measured: number): NotebookResult => ({
    path: "notebooks/99_x.ipynb",
    status: "passed",
    message: "",
    failure: null,
    claims: [{
      ...evaluateClaim({
        name: "slope",
        citation: "c",
        measured,
        predicted: -0.75,
        tolerance: { abs: 0.1 },
        rivals: [{ name: "-1/2", predicted: -0.5 }],
      }),
      cellIndex: 3,
    }],
    setup: [],
    checks: [],
    backend: "wasm",
    seconds: 1,
    kernelStartSeconds: 0.3,
    outPath: "",
    parameters: { seed },
  });
  const bySeed = new Map([[0, [result(0, -0.7)]], [1, [result(1, -0.8)]], [2, [result(2, -0.9)]]]);
  const [row] = seedSpread(bySeed);
  assertEquals([row.claim, row.kind, row.seeds, row.passed, row.failedSeeds], ["slope", "prediction", 3, 2, [
    2,
  ]]);
  assertEquals(Math.round(row.measuredMean * 1e9) / 1e9, -0.8);
  assertEquals(Math.round(row.measuredSd * 1e9) / 1e9, 0.1);
  assertEquals(Math.round(row.worstToleranceUsed! * 1e9) / 1e9, 1.5);
  assertEquals(Math.round(row.nearestRival! * 1e9) / 1e9, 2);
  const md = spreadMarkdown([row]);
  assertEquals(md.split("\n").length, 3);
});
