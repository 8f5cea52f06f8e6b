/**
 * `deno task run` writes its executed copies to `_build/runs/`, apart from the course build
 * (`_build/notebooks/`), and prints where.
 */
import { assert, assertEquals } from "../lib/_assert.ts";
import { readNotebook } from "../tools/notebook/nbformat.ts";
import { RUNS_DIR } from "../tools/run.ts";

Deno.test("deno task run writes executed copies to _build/runs/, not over the course build, and says where", async () => {
  const expected = `${RUNS_DIR}/tests/fixtures/params.ipynb`;
  const courseBuildPlace = "_build/tests/fixtures/params.ipynb"; // where it went before: beside _build/notebooks/
  for (const p of [expected, courseBuildPlace]) await Deno.remove(p).catch(() => {});
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "tools/run.ts", "tests/fixtures/params.ipynb", "-p", "seed=4", "--timeout", "60"],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(stdout);
  assert(out.includes(`Executed copies: ${expected}`), out + new TextDecoder().decode(stderr));
  assertEquals(RUNS_DIR, "_build/runs");
  // The fixture's claim is not a course claim (it names no rival), so the run may report it failed (exit 1).
  assert(code === 0 || code === 1, `exit code ${code}:\n${out}`);
  assert(
    !(await Deno.stat(courseBuildPlace).then(() => true, () => false)),
    `${courseBuildPlace} was written`,
  );
  const executed = await readNotebook(expected);
  const printed = executed.cells.flatMap((c) => c.outputs ?? []).map((o) => JSON.stringify(o)).join("");
  assert(printed.includes("seed=4"), "the copy is the run with -p seed=4");
});
