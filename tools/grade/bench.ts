/**
 * `deno task bench-grade [--n 200] [--jobs 2]`: the grader's throughput. Grades N submissions of assignment 01
 * (a third correct, a third with one wrong answer, a third unstarted, as a class hands them in) with the sandbox
 * on, and prints the wall time, the time per submission and the load average before and after (the machine may
 * be shared). Target: 200 submissions in at most 5 minutes on 2 cores.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { gradeBatch, listSubmissions } from "./batch.ts";
import { parseAssignment } from "./markers.ts";
import { readNotebook } from "../notebook/nbformat.ts";
import { startGradingServer } from "./sandbox.ts";

// The assignment the grading fixtures were written against (tests/fixtures/grading/assignment/), so that the
// three kinds of submission keep their expected scores of 3, 2 and 0 while the course's exercise 01 grows.
const SOLUTION = "tests/fixtures/grading/assignment/01_gradient_descent_quadratic.ipynb";
const KINDS = [
  SOLUTION,
  "tests/fixtures/grading/wrong_distance.ipynb",
  "tests/fixtures/grading/assignment/01_exercise.ipynb",
];

async function load(): Promise<string> {
  return (await Deno.readTextFile("/proc/loadavg").catch(() => "? ? ?")).split(" ").slice(0, 3).join(" ");
}

/** CLI entry; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { n: { type: "string" }, jobs: { type: "string" } } });
  const n = Number(values.n ?? 200), jobs = Number(values.jobs ?? 2);
  if (!(n > 0 && jobs > 0)) {
    console.error(`--n and --jobs must be positive numbers, got ${values.n}, ${values.jobs}`);
    return 2;
  }
  const dir = await Deno.makeTempDir({ prefix: "lm-bench-grade-" });
  const out = `${dir}/out`;
  try {
    for (let i = 0; i < n; i++) {
      await Deno.copyFile(KINDS[i % KINDS.length], `${dir}/student${String(i).padStart(3, "0")}.ipynb`);
    }
    const assignment = parseAssignment(await readNotebook(SOLUTION), SOLUTION);
    const { server, sandbox } = await startGradingServer({});
    if (!sandbox.sandboxed) throw new Error(`no sandbox: ${sandbox.noSandboxReason}`);
    const before = await load();
    try {
      const subs = (await listSubmissions([dir])).filter((s) => !s.path.startsWith(out));
      let done = 0;
      const batch = await gradeBatch(server, subs, {
        assignment,
        outDir: out,
        jobs,
        kernelName: sandbox.kernelName,
        onResult: () => {
          if (++done % 20 === 0) console.log(`  ${done}/${subs.length}`);
        },
      });
      const totals = batch.results.map((r) => r.total);
      const expected = subs.map((_, i) => [3, 2, 0][i % 3]);
      const wrong = totals.filter((t, i) => t !== expected[i]).length;
      console.log(
        `Graded ${subs.length} submissions (sandbox: bubblewrap, ${jobs} at a time) in ${
          batch.seconds.toFixed(1)
        } s ` +
          `(${(batch.seconds / subs.length).toFixed(2)} s each; target ≤ 300 s for 200). ` +
          `Load average before: ${before}; after: ${await load()}; ${navigator.hardwareConcurrency} CPUs. ` +
          `Scores as expected: ${subs.length - wrong}/${subs.length}.`,
      );
      return wrong ? 1 : 0;
    } finally {
      await server.stop();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
