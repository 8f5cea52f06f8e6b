/**
 * The grader an instructor can trust with a class (issue 16): every attack fixture in tests/fixtures/grading/
 * gets nothing and leaks nothing inside the bubblewrap sandbox (and the hand-off and theft fixtures are shown to
 * work without it, so the tests test something); a correct notebook that prints 10,000 lines scores full marks;
 * scores do not depend on --jobs or on the run; hidden checks draw fresh inputs and their messages reveal none;
 * feedback escapes what students write; a class's LMS download is read with identities, resubmissions,
 * overrides and exports. One grading server for the whole file.
 */
import { assert, assertEquals } from "../lib/_assert.ts";
import { readNotebook, sourceOf, splitLines } from "../tools/notebook/nbformat.ts";
import { type Assignment, parseAssignment } from "../tools/grade/markers.ts";
import { gradeBatch, listSubmissions } from "../tools/grade/batch.ts";
import { NoSandboxError, startGradingServer } from "../tools/grade/sandbox.ts";
import { sandboxedKernelspec } from "../tools/grade/bubblewrap.ts";
import { gradeSubmission, type SubmissionResult } from "../tools/grade/submission.ts";
import { assignStudents, parseRoster } from "../tools/grade/roster.ts";
import { applyOverrides, parseOverrides } from "../tools/grade/overrides.ts";
import { canvasRows, gradebookRows, moodleRows } from "../tools/grade/gradebook.ts";
import { parseCsv, toCsv } from "../tools/grade/csv.ts";
import { feedbackHtml, feedbackMarkdown } from "../tools/grade/feedback.ts";

const FX = "tests/fixtures/grading";
// The assignment the fixtures were written against, frozen here so that the course can grow its own exercise 01
// (solutions/) without rewriting every attack fixture.
const SOLUTION_01 = "tests/fixtures/grading/assignment/01_gradient_descent_quadratic.ipynb";
const SECRET = `instructor-secret-${crypto.randomUUID()}`;

async function assignment01(): Promise<Assignment> {
  return parseAssignment(await readNotebook(SOLUTION_01), SOLUTION_01);
}

/** Solution 01 with a hidden check on fresh data drawn from checkSeed(). */
async function withHiddenCheck(): Promise<Assignment> {
  const nb = await readNotebook(SOLUTION_01);
  const setup = nb.cells.find((c) => c.id === "setup")!;
  setup.source = splitLines(
    sourceOf(setup).replace("import {", "import { checkSeed, expectClose, rng,"),
  );
  const cell = nb.cells.find((c) => c.id === "ex1-check")!;
  cell.source = splitLines(
    sourceOf(cell) + "\n// BEGIN HIDDEN CHECKS\n// CHECK name=rate-fresh points=1\n" +
      'await check("rate-fresh", 1, () => {\n' +
      "  const r = rng(checkSeed());\n" +
      "  const X = Array.from({ length: 40 }, () => Array.from({ length: 8 }, () => r.normal()));\n" +
      '  const H = gram(X, { of: "columns" }).map((row) => row.map((v) => v / X.length));\n' +
      '  return expectClose(maxStableLearningRate(X), 2 / eigh(H).values[0], { what: "rate", rel: 1e-4 });\n' +
      "});\n// END HIDDEN CHECKS",
  );
  return parseAssignment(nb, SOLUTION_01);
}

/** What the submission's own cells printed (from its graded notebook). */
async function printed(r: SubmissionResult): Promise<string> {
  const nb = await readNotebook(r.gradedPath);
  return nb.cells.flatMap((c) => c.outputs ?? []).map((o) =>
    o.output_type === "stream" ? (Array.isArray(o.text) ? o.text.join("") : o.text) : ""
  ).join("");
}

const all = (r: SubmissionResult) =>
  [r.problems.join("\n"), feedbackMarkdown(r), feedbackHtml(r), ...r.checks.map((c) => c.output + c.message)]
    .join("\n");

Deno.test("the grader contains every attack and keeps scores stable", async (t) => {
  Deno.env.set("LM_INSTRUCTOR_SECRET", SECRET);
  const { server, sandbox } = await startGradingServer({ memoryMB: 3072 });
  const out = await Deno.makeTempDir({ prefix: "lm-grade-iso-" });
  const a = await assignment01();
  let k = 0;
  const grade = (
    name: string,
    options: { kernelName?: string; assignment?: Assignment; seed?: number } = {},
  ) =>
    gradeSubmission(server, `${FX}/${name}.ipynb`, {
      assignment: options.assignment ?? a,
      scratchDir: `_build/grade-scratch/iso-${k++}`,
      kernelName: options.kernelName ?? sandbox.kernelName,
      seed: options.seed,
      gradedDir: `${out}/graded`,
    });
  try {
    assert(sandbox.sandboxed, `no sandbox here: ${sandbox.noSandboxReason}`);

    await t.step(
      "reading the solution from disk finds nothing in the sandbox (and does without it)",
      async () => {
        const r = await grade("steals_solution");
        assertEquals(r.checks.map((c) => c.earned), [0, 0], all(r));
        assert((await printed(r)).includes("solution copies found: 0 []"), await printed(r));
        const control = await grade("steals_solution", { kernelName: "deno" });
        assertEquals(control.checks[0].earned, 2, `the fixture should work unsandboxed: ${all(control)}`);
      },
    );

    await t.step("scanning the filesystem finds no classmate's notebook or feedback", async () => {
      // Put a classmate's correct notebook and a feedback file where an unsandboxed scan finds them.
      await Deno.mkdir(`${out}/class/feedback`, { recursive: true });
      await Deno.copyFile(SOLUTION_01, `${out}/class/classmate.ipynb`);
      await Deno.writeTextFile(`${out}/class/feedback/classmate.md`, "**Score: 3 / 3**");
      const r = await grade("scans_classmates");
      assertEquals(r.checks[0].earned, 0, all(r));
      const line = (await printed(r)).split("\n").find((l) => l.startsWith("FOUND "));
      const found = JSON.parse(line!.replace(/^FOUND /, "")) as {
        notebooks: string[];
        feedback: string[];
      };
      assertEquals(found.notebooks, [], "notebooks visible in the sandbox");
      assert(!found.feedback.some((p) => /feedback|gradebook|classmate/.test(p)), found.feedback.join("\n"));
    });

    await t.step("localStorage and the Cache API hand nothing to the next submission or run", async () => {
      const subs = await listSubmissions([`${FX}/storage_writer.ipynb`, `${FX}/storage_reader.ipynb`]);
      const run1 = await gradeBatch(server, subs, {
        assignment: a,
        outDir: `${out}/storage1`,
        jobs: 1,
        kernelName: sandbox.kernelName,
      });
      assertEquals(run1.results.map((r) => r.checks[0].earned), [2, 0], run1.results.map(all).join("\n"));
      const again = await grade("storage_reader");
      assertEquals(again.checks[0].earned, 0, all(again));
      assert((await printed(again)).includes("handoff found: no"), await printed(again));
      // Without the sandbox the hand-off works: the writer's storage survives in Deno's cache folder.
      await grade("storage_writer", { kernelName: "deno" });
      const control = await grade("storage_reader", { kernelName: "deno" });
      assertEquals(control.checks[0].earned, 2, `the fixture should work unsandboxed: ${all(control)}`);
    });

    await t.step(
      "values a visible check reveals fail a hidden check with fresh inputs, which stay unshown",
      async () => {
        const hidden = await withHiddenCheck();
        const seeds = [11, 12];
        for (const seed of seeds) {
          const r = await grade("hardcodes_revealed", { assignment: hidden, seed });
          assertEquals(r.checks.map((c) => c.earned), [2, 0, 0], all(r));
          const md = feedbackMarkdown(r);
          assert(md.includes("wrong answer on this hidden check's inputs (not shown"), md);
          assert(
            !/rate: expected|40×8|1\.94/.test(md.split("## Checks")[1].split("### distanceAfter")[0]),
            md,
          );
        }
        const right = await gradeSubmission(server, SOLUTION_01, {
          assignment: hidden,
          scratchDir: `_build/grade-scratch/iso-${k++}`,
          kernelName: sandbox.kernelName,
          seed: 12345,
        });
        assertEquals(right.total, right.possible, all(right));
      },
    );

    await t.step(
      "the environment, HOME, the token and the runtime folder do not reach the feedback",
      async () => {
        const r = await grade("leaks_environment");
        // The feedback escapes Markdown with backslashes: read it without them.
        const text = all(r).replaceAll("\\", "");
        assert(text.includes("LEAK"), text);
        const home = `"HOME":"${Deno.env.get("HOME")}"`;
        for (const secret of [SECRET, server.token, "JUPYTER", "JPY_", home]) {
          assert(!text.includes(secret), `feedback leaks ${secret}`);
        }
        assert(text.includes('"HOME":"/home/student"'), text.slice(0, 3000));
        // Its own connection file is all it sees of Jupyter; /tmp is empty.
        assert(/"\/run\/jupyter":\["connection\.json"\]/.test(text), text.slice(0, 3000));
        // The private /tmp is empty, but for the mount point of the project itself when the project lives
        // under /tmp (as a CI clone may): its read-only parts are bound at their own paths.
        const projectUnderTmp = Deno.cwd().match(/^\/tmp\/([^/]+)/)?.[1];
        const tmpListing = projectUnderTmp ? `"/tmp":["${projectUnderTmp}"]` : `"/tmp":[]`;
        assert(text.includes(tmpListing), `expected ${tmpListing} in ${text.slice(0, 3000)}`);
      },
    );

    await t.step("a correct notebook printing 10,000 lines scores full marks", async () => {
      const r = await grade("prints_a_lot");
      assertEquals([r.status, r.total], ["graded", 3], all(r));
      const out = await printed(r);
      assert(
        out.includes("log line 0: all is well") && out.includes("shows no more console output"),
        out.slice(-500),
      );
    });

    await t.step("the same batch gives the same scores three times, one or two at a time", async () => {
      const subs = await listSubmissions(
        ["prints_a_lot", "wrong_distance", "syntax_error", "wrong_type"].map((n) => `${FX}/${n}.ipynb`),
      );
      const scores: string[] = [];
      for (const jobs of [1, 2]) {
        for (let run = 0; run < 3; run++) {
          const b = await gradeBatch(server, subs, {
            assignment: a,
            outDir: `${out}/det-${jobs}-${run}`,
            jobs,
            kernelName: sandbox.kernelName,
          });
          scores.push(JSON.stringify(b.results.map((r) => [r.id, r.status, r.checks.map((c) => c.earned)])));
        }
      }
      assertEquals(new Set(scores).size, 1, scores.join("\n"));
      assertEquals(JSON.parse(scores[0]).map((x: [string, string, number[]]) => x[2]), [
        [2, 1],
        [2, 0],
        [2, 0],
        [0, 0],
      ]);
    });

    await t.step(
      "feedback names the wrong type, the syntax error's place and the renamed function",
      async () => {
        const [wrongType, syntax, renamed, markup] = await Promise.all(
          ["wrong_type", "syntax_error", "renamed_function", "injects_markup"].map((n) => grade(n)),
        );
        assert(wrongType.checks[0].message.includes('got a string "'), wrongType.checks[0].message);
        assert(
          /cell "ex2" has a syntax error: line 3, column \d+: Expected '\)'/.test(all(syntax)),
          all(syntax),
        );
        assert(all(renamed).includes("defines maxStableLR instead"), all(renamed));
        const md = feedbackMarkdown(markup), html = feedbackHtml(markup);
        assertEquals(md.match(/\*\*Score/g)?.length, 1, md);
        assert(!md.includes("<img") && !md.includes("\n# Full") && !html.includes("<img"), md + html);
        assert(html.includes("&lt;img src=x onerror=alert(1)&gt;"), html);
      },
    );

    await t.step("an nbformat 3 notebook is refused with the conversion command", async () => {
      const r = await grade("nbformat3");
      assertEquals(r.status, "invalid");
      assert(all(r).includes("jupyter nbconvert --to notebook --nbformat 4"), all(r));
    });
  } finally {
    await server.stop();
    await Deno.remove(out, { recursive: true });
    Deno.env.delete("LM_INSTRUCTOR_SECRET");
  }
});

Deno.test("Canvas and Moodle downloads and a roster name the students; the latest resubmission wins", async () => {
  const dir = await Deno.makeTempDir({ prefix: "lm-lms-" });
  try {
    const nb = await Deno.readTextFile(`${FX}/wrong_distance.ipynb`);
    const files = [
      "doeJane_12345_678_01_gradient_descent_quadratic.ipynb",
      "doeJane_12345_679_01_gradient_descent_quadratic-1.ipynb",
      "smithbob_LATE_222_680_01.ipynb",
      "Ada Lovelace_3141_assignsubmission_file_/01_gradient_descent_quadratic.ipynb",
    ];
    for (const f of files) {
      await Deno.mkdir(`${dir}/${f}`.replace(/\/[^/]*$/, ""), { recursive: true });
      await Deno.writeTextFile(`${dir}/${f}`, nb);
    }
    const subs = await listSubmissions([dir]);
    const plain = await assignStudents(subs, null);
    assertEquals(plain.submissions.map((s) => [s.student.key, s.student.name, s.id]), [
      [
        "moodle-3141",
        "Ada Lovelace",
        "Ada Lovelace_3141_assignsubmission_file_/01_gradient_descent_quadratic",
      ],
      ["canvas-12345", "doeJane", "doeJane_12345_679_01_gradient_descent_quadratic-1"],
      ["canvas-222", "smithbob", "smithbob_LATE_222_680_01"],
    ]);
    assertEquals(plain.warnings.length, 1);
    assert(plain.warnings[0].includes("grading the latest, doeJane_12345_679"), plain.warnings[0]);
    const roster = parseRoster(
      "id,name,email\ns1,Jane Doe,jd@x.org\n12345x,Nobody,\n3141,Ada Lovelace,ada@x.org\n",
    );
    const withRoster = await assignStudents(subs, roster);
    assertEquals(withRoster.submissions.map((s) => s.student.key).sort(), ["3141"]);
    assertEquals(withRoster.missing.map((m) => m.id), ["s1", "12345x"]);
    assertEquals(withRoster.warnings.filter((w) => w.includes("matches nobody")).length, 3);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("overrides replace a check's points and are refused when they name an unknown check", async () => {
  const a = await assignment01();
  const o = parseOverrides('student,check,points,comment\ns1,distanceAfter,1,"regraded by hand, ok"\n', {
    path: "o.csv",
    assignment: a,
  });
  assertEquals(o, [{ student: "s1", check: "distanceAfter", points: 1, comment: "regraded by hand, ok" }]);
  let error = "";
  try {
    parseOverrides("student,check,points,comment\ns1,nope,1,x\n", { path: "o.csv", assignment: a });
  } catch (e) {
    error = (e as Error).message;
  }
  assert(error.includes('o.csv, line 2: no check "nope"'), error);
  assertEquals(parseCsv('a,"b ""c""",d\n1,2,3\n'), [["a", 'b "c"', "d"], ["1", "2", "3"]]);
});

Deno.test("without a sandbox the grader refuses, saying why, unless told it is unsafe", async () => {
  let error: unknown;
  try {
    const { server } = await startGradingServer({ bwrap: "/nonexistent/bwrap" });
    await server.stop();
  } catch (e) {
    error = e;
  }
  assert(error instanceof NoSandboxError, String(error));
  assert(error.message.includes("bubblewrap (bwrap) is not installed"), error.message);
  assert(error.message.includes("--unsafe-no-sandbox"), error.message);
  const { server, sandbox } = await startGradingServer({ bwrap: "/nonexistent/bwrap", unsafe: true });
  await server.stop();
  assertEquals([sandbox.sandboxed, sandbox.kernelName], [false, "deno"]);
  assert(sandbox.noSandboxReason.includes("not installed"), sandbox.noSandboxReason);
});

Deno.test("overrides reach the feedback and the gradebook, which exports to Canvas and Moodle with integer points", async () => {
  const a = await assignment01();
  const result: SubmissionResult = {
    path: "x.ipynb",
    id: "Ada Lovelace_3141_assignsubmission_file_/01",
    assignment: a.name,
    status: "graded",
    checks: a.checks.map((c) => ({
      name: c.name,
      points: c.points,
      earned: c.name === "maxStableLearningRate" ? 2 : 0,
      passed: c.name === "maxStableLearningRate",
      message: c.name === "maxStableLearningRate" ? "exact" : "=cmd|' /C calc'!A0 <b>bold</b>",
      output: "",
      hidden: c.hidden,
    })),
    total: 2,
    possible: 3,
    problems: [],
    flags: [],
    seconds: 1.25,
    gradedPath: "",
  };
  const [o] = parseOverrides("student,check,points,comment\n3141,distanceAfter,0.5,half: right idea\n", {
    path: "o.csv",
    assignment: a,
  });
  assertEquals(applyOverrides(result, "3141", [o]).length, 1);
  assertEquals(result.total, 2.5);
  const md = feedbackMarkdown(result, { student: "Ada Lovelace" });
  assert(
    md.includes("## Adjusted by your instructor") &&
      md.includes("distanceAfter: 0.5 points. half: right idea"),
    md,
  );
  const student = {
    key: "3141",
    name: "Ada Lovelace",
    source: "roster" as const,
    lmsId: "3141",
    email: "ada@x.org",
    login: "",
  };
  const book = parseCsv(toCsv(gradebookRows(a, { rows: [{ result, student }], sandbox: "bubblewrap" })));
  assertEquals(book[1].slice(0, 8), ["3141", "Ada Lovelace", result.id, "graded", "2", "0.5", "2.5", "3"]);
  const canvas = toCsv(canvasRows({ rows: [{ result, student }], column: "Assignment 1 (123)" }));
  assertEquals(
    canvas,
    "Student,ID,SIS User ID,SIS Login ID,Section,Assignment 1 (123)\nAda Lovelace,3141,3141,,,2.5\n",
  );
  const moodle = parseCsv(toCsv(moodleRows({ rows: [{ result, student }] })));
  assertEquals(moodle[0], [
    "Identifier",
    "Full name",
    "Email address",
    "Grade",
    "Maximum Grade",
    "Feedback comments",
  ]);
  assertEquals(moodle[1].slice(0, 5), ["Participant 3141", "Ada Lovelace", "ada@x.org", "2.5", "3"]);
  // A formula-looking student text is defused in CSV; a grader error has no points, not 0.
  const failed = { ...result, status: "grader-error" as const, problems: ['=HYPERLINK("x")'] };
  const row =
    parseCsv(toCsv(gradebookRows(a, { rows: [{ result: failed, student }], sandbox: "bubblewrap" })))[1];
  assertEquals(row.slice(4, 7), ["", "", ""]);
  assert(row.includes('\'=HYPERLINK("x")'), row.join());
  assertEquals(canvasRows({ rows: [{ result: failed, student }], column: "A" }).length, 1);
});

Deno.test("the sandboxed kernelspec binds the course's read-only parts and the connection file alone", () => {
  const spec = sandboxedKernelspec({
    root: "/course",
    deno: "/usr/bin/deno",
    denoJson: "/tmp/grading/deno.json",
    libraryDirs: ["/lib/x86_64-linux-gnu"],
    env: { DENO_V8_FLAGS: "--max-old-space-size=768" },
    bwrap: "/usr/bin/bwrap",
  });
  const argv = spec.argv as string[];
  const binds = argv.flatMap((a, i) =>
    (a === "--ro-bind" || a === "--bind") ? [`${argv[i + 1]} → ${argv[i + 2]}`] : []
  );
  assertEquals(binds, [
    "/lib/x86_64-linux-gnu → /lib/x86_64-linux-gnu",
    "/usr/bin/deno → /usr/bin/deno",
    "/course/lib → /course/lib",
    "/course/data → /course/data",
    "/course/node_modules → /course/node_modules",
    "/course/deno.lock → /course/deno.lock",
    "/tmp/grading/deno.json → /course/deno.json",
    "{connection_file} → /run/jupyter/connection.json",
  ]);
  assert(!argv.includes("--bind"), "nothing is bound writable");
  assert(argv.includes("--clearenv") && argv.includes("--unshare-pid") && argv.includes("--die-with-parent"));
  assertEquals(argv.slice(-5), [
    "/usr/bin/deno",
    "jupyter",
    "--kernel",
    "--conn",
    "/run/jupyter/connection.json",
  ]);
  const env = argv.flatMap((a, i) => a === "--setenv" ? [argv[i + 1]] : []);
  assertEquals(env.sort(), [
    "DENO_DIR",
    "DENO_NO_PROMPT",
    "DENO_NO_UPDATE_CHECK",
    "DENO_V8_FLAGS",
    "HOME",
    "NO_COLOR",
    "PATH",
    "TMPDIR",
  ]);
});
