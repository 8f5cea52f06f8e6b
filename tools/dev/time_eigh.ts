/**
 * Times `eigh()` (ml-matrix's symmetric eigendecomposition) on random symmetric matrices, to decide which
 * sizes an experiment can decompose exactly. The results are written into the doc comment of
 * `lib/linalg/eigh.ts`.
 *
 * Usage: `deno run -A tools/dev/time_eigh.ts [n …]` (default sizes 100 200 400 500 800 1000). Each size is
 * timed `repeats` times (3 below 600, else 1) after one warm-up call at n = 100; the median is reported.
 *
 * @module
 */
import { eigh } from "../../lib/linalg/mod.ts";
import { rng } from "../../lib/random.ts";

const sizes = Deno.args.length > 0 ? Deno.args.map(Number) : [100, 200, 400, 500, 800, 1000];

function randomSymmetric(n: number, seed: number): number[][] {
  const r = rng(seed);
  const A = Array.from({ length: n }, () => new Array<number>(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) A[i][j] = A[j][i] = r.normal();
  }
  return A;
}

eigh(randomSymmetric(100, 0)); // warm up the JIT
console.log(`Deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} cores`);
console.log("n\tmedian s\tall runs (s)");
for (const n of sizes) {
  const A = randomSymmetric(n, n);
  const runs: number[] = [];
  for (let k = 0; k < (n < 600 ? 3 : 1); k++) {
    const t0 = performance.now();
    eigh(A);
    runs.push((performance.now() - t0) / 1000);
  }
  const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  console.log(`${n}\t${median.toFixed(3)}\t${runs.map((t) => t.toFixed(3)).join(" ")}`);
}
