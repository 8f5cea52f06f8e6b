/**
 * Times `eigh()` on random symmetric matrices with each solver (LAPACK through OpenBLAS when it loads, and
 * ml-matrix), to decide which sizes an experiment can decompose exactly. The results are written into the
 * doc comment of `lib/linalg/eigh.ts`.
 *
 * Usage: `deno run -A tools/dev/time_eigh.ts [--solver lapack|ml-matrix] [n …]` (default: both solvers,
 * sizes 100 200 400 500 800 1000). Each size is timed 3 times below 600 (else once) after one warm-up call
 * at n = 100; the median is reported.
 *
 * @module
 */
import { eigh } from "../../lib/linalg/mod.ts";
import { rng } from "../../lib/random.ts";
import { openBlas } from "../../lib/native/openblas.ts";

const solverAt = Deno.args.indexOf("--solver");
const only = solverAt >= 0 ? Deno.args[solverAt + 1] : undefined;
const numbers = Deno.args.filter((_, i) => solverAt < 0 || (i !== solverAt && i !== solverAt + 1));
const sizes = numbers.length > 0 ? numbers.map(Number) : [100, 200, 400, 500, 800, 1000];
const solvers = (only ? [only] : openBlas() ? ["lapack", "ml-matrix"] : ["ml-matrix"]) as (
  | "lapack"
  | "ml-matrix"
)[];

function randomSymmetric(n: number, seed: number): number[][] {
  const r = rng(seed);
  const A = Array.from({ length: n }, () => new Array<number>(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) A[i][j] = A[j][i] = r.normal();
  }
  return A;
}

console.log(`Deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} cores`);
for (const solver of solvers) {
  eigh(randomSymmetric(100, 0), { solver }); // warm up the JIT
  console.log(`\n${solver}\nn\tmedian s\tall runs (s)`);
  for (const n of sizes) {
    const A = randomSymmetric(n, n);
    const runs: number[] = [];
    for (let k = 0; k < (n < 600 ? 3 : 1); k++) {
      const t0 = performance.now();
      eigh(A, { solver });
      runs.push((performance.now() - t0) / 1000);
    }
    const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    console.log(`${n}\t${median.toFixed(3)}\t${runs.map((t) => t.toFixed(3)).join(" ")}`);
  }
}
