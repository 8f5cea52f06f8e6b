/**
 * The grader (issue "Assignments"): solutions score full marks, exercises zero; a wrong answer loses exactly
 * its check's points; every kind of bad submission is reported with its problem while the batch goes on;
 * faked passes earn nothing; the submission is never modified. One grading server for the whole file.
 * Fixtures: tests/fixtures/grading/ (each notebook's first cell says what it does).
 */
import { assert, assertEquals, assertThrows } from "../lib/_assert.ts";
import { readNotebook, sourceOf } from "../tools/notebook/nbformat.ts";
import { expandNotebookPaths } from "../tools/notebook/runner.ts";
import { type Assignment, parseAssignment } from "../tools/grade/markers.ts";
import { buildGradedNotebook, WrongAssignmentError } from "../tools/grade/graded_notebook.ts";
import { gradeBatch, listSubmissions, resolveAssignment } from "../tools/grade/batch.ts";
import { startGradingServer } from "../tools/grade/sandbox.ts";
import { gradeSubmission, type SubmissionResult } from "../tools/grade/submission.ts";

const FX = "tests/fixtures/grading";
// The assignment the fixtures were written against, frozen here so that the course can grow its own exercise 01
// (solutions/) without rewriting every attack fixture.
const SOLUTION_01 = "tests/fixtures/grading/assignment/01_gradient_descent_quadratic.ipynb";

async function assignment01(): Promise<Assignment> {
  return parseAssignment(await readNotebook(SOLUTION_01), SOLUTION_01);
}

Deno.test("the graded notebook runs the solution's check cells, whatever the submission did to them", async () => {
  const a = await assignment01();
  const g = buildGradedNotebook(a, await readNotebook(`${FX}/reordered.ipynb`), { token: "t0ken" });
  assertEquals(g.cells.map((c) => `${c.origin}:${c.id}`).filter((s) => !s.startsWith("markdown")), [
    "preamble:grader-preamble",
    "student:setup",
    "student:ex1",
    "added:added-helper",
    "check:ex1-check",
    "student:ex2",
    "check:ex2-check",
  ]);
  const check = sourceOf(g.notebook.cells[g.cells.findIndex((c) => c.id === "ex1-check")]);
  assert(
    check.includes("checkMaxStableLearningRate(maxStableLearningRate)") &&
      check.includes("__lmGrader_t0ken.lib"),
    check,
  );
  assertEquals(g.problems.length, 4, g.problems.join("\n"));
});

Deno.test("a notebook of another assignment is refused, by its metadata or by its cells", async () => {
  const a = await assignment01();
  const other = await readNotebook(`${FX}/other_assignment.ipynb`);
  assertThrows(
    () => buildGradedNotebook(a, other, { token: "t" }),
    WrongAssignmentError,
    "assignment 02_deep_linear_networks",
  );
  const unrelated = await readNotebook(`${FX}/unrelated_cells.ipynb`);
  assertThrows(
    () => buildGradedNotebook(a, unrelated, { token: "t" }),
    WrongAssignmentError,
    "none of the exercises",
  );
});

Deno.test("a submission without cell ids (nbformat 4.4) is matched by its functions and first lines", async () => {
  const nb = await readNotebook(`${FX}/wrong_distance.ipynb`);
  nb.nbformat_minor = 4;
  for (const cell of nb.cells) delete cell.id;
  const g = buildGradedNotebook(await assignment01(), nb, { token: "t" });
  assertEquals(g.cells.filter((c) => c.origin === "student").map((c) => c.id), ["setup", "ex1", "ex2"]);
  assertEquals(g.problems.filter((p) => !p.startsWith("check cell")), []);
});

Deno.test("resolveAssignment() finds the assignment a batch declares", async () => {
  const subs = await listSubmissions([`${FX}/wrong_distance.ipynb`, `${FX}/reordered.ipynb`]);
  assertEquals((await resolveAssignment(subs)).name, "01_gradient_descent_quadratic");
});

function problems(r: SubmissionResult): string {
  return r.problems.join("\n");
}

Deno.test("the grader", async (t) => {
  const out = await Deno.makeTempDir({ prefix: "lm-grade-test-" });
  const { server, sandbox } = await startGradingServer({ memoryMB: 3072 });
  const kernelName = sandbox.kernelName;
  try {
    await t.step(
      "every solution scores full marks and every exercise scores 0 on its unimplemented checks",
      async () => {
        const jobs: { assignment: Assignment; path: string; kind: "solution" | "exercise" }[] = [];
        for (const path of await expandNotebookPaths(["solutions"])) {
          const assignment = parseAssignment(await readNotebook(path), path);
          jobs.push({ assignment, path, kind: "solution" }, {
            assignment,
            path: path.replace("solutions/", "exercises/"),
            kind: "exercise",
          });
        }
        const results: SubmissionResult[] = [];
        let next = 0;
        const worker = async () => {
          while (next < jobs.length) {
            const k = next++;
            const j = jobs[k];
            results[k] = await gradeSubmission(server, j.path, {
              assignment: j.assignment,
              scratchDir: `_build/grade-scratch/test-${k}`,
              kernelName,
            });
          }
        };
        await Promise.all([worker(), worker()]);
        jobs.forEach((j, k) => {
          const r = results[k];
          assertEquals(r.status, "graded", `${j.path}: ${problems(r)}`);
          if (j.kind === "solution") {
            assertEquals(r.total, r.possible, `${j.path}: ${JSON.stringify(r.checks)}`);
          } else {
            assertEquals(r.total, 0, `${j.path}: ${JSON.stringify(r.checks)}`);
            assertEquals(r.problems, []);
            for (
              const c of r.checks.filter((c) => !c.hidden)
            ) {
              assert(c.message.includes("not implemented yet"), c.message);
            }
          }
        });
      },
    );

    await t.step(
      "a batch of bad submissions is graded to the end, each with its problem and its points",
      async () => {
        const subs = await listSubmissions([FX]);
        const these = [
          "fake_pass",
          "kills_kernel",
          "memory_hog",
          "missing_cell",
          "not_json",
          "not_notebook",
          "other_assignment",
          "reordered",
          "unrelated_cells",
          "writes_outside",
          "wrong_distance",
        ];
        const batch = subs.filter((s) => these.includes(s.id));
        const before = await Promise.all(batch.map((s) => Deno.readFile(s.path)));
        const { results, gradebookPath } = await gradeBatch(server, batch, {
          assignment: await assignment01(),
          outDir: out,
          jobs: 2,
          cellTimeoutSeconds: 30,
          kernelName,
        });
        const by = new Map(results.map((r) => [r.id, r]));
        const expect = (id: string, status: string, total: number, problem: string) => {
          const r = by.get(id)!;
          assertEquals([r.status, r.total], [status, total], `${id}: ${problems(r)}`);
          assert(
            problems(r).includes(problem),
            `${id}: expected a problem with "${problem}", got:\n${problems(r)}`,
          );
        };
        assertEquals(by.get("wrong_distance")!.checks.map((c) => c.earned), [2, 0]);
        assertEquals(by.get("wrong_distance")!.problems, []);
        expect("not_json", "invalid", 0, "is not valid JSON");
        expect("not_notebook", "invalid", 0, "not a notebook");
        expect("other_assignment", "wrong-assignment", 0, "notebook of assignment 02_deep_linear_networks");
        expect("unrelated_cells", "wrong-assignment", 0, "none of the exercises");
        expect("reordered", "graded", 3, "cells were reordered");
        assert(
          problems(by.get("reordered")!).includes(
            `check cell "ex1-check" was edited; the grader ran the original`,
          ),
        );
        assert(problems(by.get("reordered")!).includes(`check cell "ex2-check" was deleted`));
        expect("missing_cell", "graded", 1, `cell "ex1" (maxStableLearningRate) is missing`);
        expect("kills_kernel", "stopped", 2, "the kernel died");
        // A cell that raises is reported, and the cells and checks after it still run and count.
        expect("memory_hog", "graded", 3, "Array buffer allocation failed; the cells after it still ran");
        expect("writes_outside", "graded", 3, "forbids (Requires write access");
        assert(problems(by.get("writes_outside")!).includes("the cells after it still ran"));
        expect(
          "fake_pass",
          by.get("fake_pass")!.status,
          0,
          "not produced by the grader's checks were ignored",
        );
        assert(problems(by.get("fake_pass")!).includes("printed a PASS line"));
        assert(by.get("fake_pass")!.flags.includes("redefines check"), by.get("fake_pass")!.flags.join());
        // Nothing escaped, nothing was modified, and the out folder has everything.
        for (
          const p of ["escaped_by_student.txt", "_build/escaped_by_student.txt", "../escaped_by_student.txt"]
        ) {
          assert(!(await Deno.stat(p).then(() => true, () => false)), `${p} was written`);
        }
        const after = await Promise.all(batch.map((s) => Deno.readFile(s.path)));
        assertEquals(after, before);
        const csv = (await Deno.readTextFile(gradebookPath)).split("\n");
        assertEquals(
          csv[0],
          "student,name,submission,status,maxStableLearningRate,distanceAfter,total,possible,sandbox,problems,flags,seconds",
        );
        assert(
          csv.some((l) =>
            l.startsWith("wrong_distance,wrong_distance,wrong_distance,graded,2,0,2,3,bubblewrap,")
          ),
          csv.join("\n"),
        );
        const feedback = await Deno.readTextFile(`${out}/feedback/wrong_distance.md`);
        assert(
          feedback.includes("**Score: 2 / 3 points**") &&
            feedback.includes("| distanceAfter | 0/1 | ✗ fail |"),
          feedback,
        );
        assert(
          feedback.includes("expected 0.4071") &&
            (await Deno.stat(`${out}/feedback/wrong_distance.html`)).isFile,
          feedback,
        );
        const graded = await Deno.readTextFile(`${out}/graded/wrong_distance.ipynb`);
        assert(
          graded.includes("<token>") && !/__lmGrader_[0-9a-f]{32}/.test(graded),
          "the token must not leak into outputs",
        );
      },
    );

    await t.step(
      "per-cell and per-submission time limits stop a submission and keep the points earned before",
      async () => {
        const a = await assignment01();
        const [loop, slow] = await Promise.all([
          gradeSubmission(server, `${FX}/infinite_loop.ipynb`, {
            assignment: a,
            scratchDir: "_build/grade-scratch/test-loop",
            // Generous enough for the setup cell on a loaded 2-core machine; the loop still hits it.
            cellTimeoutSeconds: 15,
            kernelName,
          }),
          gradeSubmission(server, `${FX}/slow_total.ipynb`, {
            assignment: a,
            scratchDir: "_build/grade-scratch/test-slow",
            // Setup and the first check fit well inside 24 s even under load; the four 8 s cells do not.
            cellTimeoutSeconds: 12,
            submissionTimeoutSeconds: 24,
            kernelName,
          }),
        ]);
        assertEquals([loop.status, loop.total], ["stopped", 2], problems(loop));
        assert(problems(loop).includes(`cell "ex2" did not finish within 15 s`), problems(loop));
        assertEquals([slow.status, slow.total], ["stopped", 2], problems(slow));
        assert(problems(slow).includes("ran past its limit of 24 s"), problems(slow));
      },
    );
  } finally {
    await server.stop();
    await Deno.remove(out, { recursive: true });
  }
});
