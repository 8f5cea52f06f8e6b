/**
 * The exercise generator (issue "Assignments"): markers, stubs, hidden checks, byte-stable output, and the
 * committed `exercises/` being up to date with `solutions/`. No kernel needed.
 */
import { assert, assertEquals, assertThrows } from "../lib/_assert.ts";
import {
  type Cell,
  type Notebook,
  readNotebook,
  serializeNotebook,
  sourceOf,
  splitLines,
} from "../tools/notebook/nbformat.ts";
import { expandNotebookPaths } from "../tools/notebook/runner.ts";
import { exerciseText, syncExercises } from "../tools/exercises.ts";
import { AssignmentError, enclosingFunction, parseAssignment } from "../tools/grade/markers.ts";
import { HIDDEN_PLACEHOLDER, studentVersion } from "../tools/grade/student_version.ts";
import { lintSolution } from "../tools/grade/lint.ts";
import { textToNotebook } from "../tools/nbtext.ts";

function code(id: string, source: string): Cell {
  return {
    id,
    cell_type: "code",
    metadata: {},
    source: splitLines(source),
    outputs: [],
    execution_count: null,
  };
}

function notebook(cells: Cell[]): Notebook {
  return { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "deno" } }, cells };
}

const SETUP = code(
  "setup",
  'import { check, checkSquare, setup } from "learning-mechanics";\nawait setup();',
);
const SQUARE = code(
  "ex1",
  "function square(x: number): number {\n  // BEGIN SOLUTION\n  return x * x;\n  // END SOLUTION\n}",
);
const SQUARE_CHECK = code(
  "ex1-check",
  '// CHECK name=square points=2\nawait check("square", 2, () => checkSquare(square));\n' +
    "// BEGIN HIDDEN CHECKS\n// CHECK name=square-negative points=1\n" +
    'await check("square-negative", 1, () => { if (square(-3) !== 9) throw new Error("(-3)² is 9"); });\n' +
    "// END HIDDEN CHECKS",
);

Deno.test("the committed exercises/ are up to date with solutions/ (run `deno task exercises` if not)", async () => {
  const solutions = await expandNotebookPaths(["solutions"]);
  assert(solutions.length > 0, "no solution notebooks found");
  const results = await syncExercises(solutions);
  const bad = results.filter((r) => r.status !== "up-to-date").map((r) =>
    `${r.exercise}: ${r.status} ${r.message}`
  );
  assertEquals(bad, []);
});

Deno.test("generating an exercise twice gives byte-identical files", async () => {
  const first = await exerciseText("solutions/01_gradient_descent_quadratic.ipynb");
  assertEquals(await exerciseText("solutions/01_gradient_descent_quadratic.ipynb"), first);
});

Deno.test("a solution block becomes a stub that throws NotImplementedError naming its function", () => {
  const a = parseAssignment(notebook([SETUP, SQUARE, SQUARE_CHECK]), "solutions/99_test.ipynb");
  const ex = studentVersion(a);
  assertEquals(
    sourceOf(ex.cells[1]),
    'function square(x: number): number {\n  // BEGIN SOLUTION\n  throw new NotImplementedError("square");\n  // END SOLUTION\n}',
  );
  assertEquals(
    sourceOf(ex.cells[0]).split("\n")[0],
    'import { check, checkSquare, setup, NotImplementedError } from "learning-mechanics";',
  );
  assertEquals(ex.metadata.learning_mechanics, { assignment: "99_test" });
});

Deno.test("hidden checks leave the exercise version but stay in the assignment, with their points", () => {
  const a = parseAssignment(notebook([SETUP, SQUARE, SQUARE_CHECK]), "solutions/99_test.ipynb");
  assertEquals(a.checks.map((c) => [c.name, c.points, c.hidden]), [["square", 2, false], [
    "square-negative",
    1,
    true,
  ]]);
  const check = sourceOf(studentVersion(a).cells[2]);
  assert(!check.includes("square-negative"), check);
  assert(check.includes(HIDDEN_PLACEHOLDER), check);
});

Deno.test("outputs are cleared and cell ids and metadata are kept", () => {
  const withOutput = structuredClone(SQUARE_CHECK);
  withOutput.outputs = [{ output_type: "stream", name: "stdout", text: ["hi\n"] }];
  withOutput.execution_count = 4;
  withOutput.metadata = { tags: ["check"] };
  const ex = studentVersion(
    parseAssignment(notebook([SETUP, SQUARE, withOutput]), "solutions/99_test.ipynb"),
  );
  assertEquals([ex.cells[2].id, ex.cells[2].outputs, ex.cells[2].execution_count], ["ex1-check", [], null]);
  assertEquals(ex.cells[2].metadata, { tags: ["check"] });
  assertEquals(serializeNotebook(ex), serializeNotebook(structuredClone(ex)));
});

Deno.test("the exercise name is the innermost named function around the block, or the marker's name=", () => {
  const at = (src: string) => enclosingFunction(src, src.indexOf("// BEGIN"));
  assertEquals(at("function f(x: number): number {\n  // BEGIN SOLUTION\n}"), "f");
  assertEquals(at("const g = (x: number): number => {\n  // BEGIN SOLUTION\n};"), "g");
  assertEquals(at("const h = async function (x: number) {\n  // BEGIN SOLUTION\n};"), "h");
  assertEquals(at("class K {\n  method(a: string): void {\n    // BEGIN SOLUTION\n  }\n}"), "method");
  assertEquals(at("function fit(x: number[]): { p: number; c: number } {\n  // BEGIN SOLUTION\n}"), "fit");
  assertEquals(
    at(
      "function outer(): void {\n  const s = '{';\n  for (let i = 0; i < 2; i++) {\n    // BEGIN SOLUTION\n  }\n}",
    ),
    "outer",
  );
  assertEquals(
    at(
      "function outer(): () => number {\n  function inner(): number {\n    // BEGIN SOLUTION\n  }\n  return inner;\n}",
    ),
    "inner",
  );
  const named = code(
    "ex1",
    "const f = [1].map((x) => {\n  // BEGIN SOLUTION name=mapper\n  return x;\n  // END SOLUTION\n});",
  );
  const a = parseAssignment(notebook([SETUP, named, SQUARE_CHECK]), "solutions/99_test.ipynb");
  assertEquals(a.blocks.get("ex1")?.map((b) => b.exercise), ["mapper"]);
});

Deno.test("malformed markers are refused with the notebook, cell and line", () => {
  const path = "solutions/99_test.ipynb";
  const topLevel = code("ex1", "// BEGIN SOLUTION\nconst x = 1;\n// END SOLUTION");
  assertThrows(
    () => parseAssignment(notebook([SETUP, topLevel, SQUARE_CHECK]), path),
    AssignmentError,
    "not inside a function body",
  );
  const unclosed = code(
    "ex1",
    "function square(x: number): number {\n  // BEGIN SOLUTION\n  return x * x;\n}",
  );
  assertThrows(
    () => parseAssignment(notebook([SETUP, unclosed, SQUARE_CHECK]), path),
    AssignmentError,
    'cell 1 (id "ex1"), line 2: BEGIN SOLUTION is never closed',
  );
  const mismatch = code(
    "ex1-check",
    '// CHECK name=square points=3\nawait check("square", 2, () => checkSquare(square));',
  );
  assertThrows(
    () => parseAssignment(notebook([SETUP, SQUARE, mismatch]), path),
    AssignmentError,
    "do not match",
  );
  const unmarked = code("ex1-check", 'await check("square", 2, () => checkSquare(square));');
  assertThrows(
    () => parseAssignment(notebook([SETUP, SQUARE, unmarked]), path),
    AssignmentError,
    "first line is not a marker",
  );
});

Deno.test("the lint refuses every near-miss marker, naming the file, cell and line", () => {
  const path = "solutions/99_test.ipynb";
  const nearMisses = [
    "  // BEGIN SOLUTIONS",
    "  // Begin solution",
    "  # BEGIN SOLUTION",
    "  BEGIN SOLUTION",
    "  //END SOLUTIONS",
  ];
  for (const line of nearMisses) {
    const cell = code(
      "ex1",
      `function square(x: number): number {\n  // BEGIN SOLUTION\n${line}\n  return x * x;\n  // END SOLUTION\n}`,
    );
    const errors = lintSolution(notebook([SETUP, cell, SQUARE_CHECK]), path);
    assertEquals(errors.length, 1, `${line}: ${errors.join("\n")}`);
    assert(errors[0].startsWith(`${path}, cell 1 (id "ex1"), line 3: near-miss marker`), errors[0]);
  }
  const hidden = code(
    "ex1-check",
    sourceOf(SQUARE_CHECK).replace("// BEGIN HIDDEN CHECKS", "// BEGIN HIDDEN CHECK"),
  );
  const errors = lintSolution(notebook([SETUP, SQUARE, hidden]), path);
  assert(
    errors.some((e) => e.includes('cell 2 (id "ex1-check"), line 3: near-miss marker')),
    errors.join("\n"),
  );
  assertEquals(lintSolution(notebook([SETUP, SQUARE, SQUARE_CHECK]), path), []);
});

Deno.test("the lint refuses an exercise without a solution block, and a notebook without any", () => {
  const bare = code("ex1", "function square(x: number): number {\n  return x * x;\n}");
  const errors = lintSolution(notebook([SETUP, bare, SQUARE_CHECK]), "s.ipynb");
  assert(errors.some((e) => e.includes("no // BEGIN SOLUTION … // END SOLUTION block")), errors.join("\n"));
  assert(
    errors.some((e) => e.includes('s.ipynb, cell 1 (id "ex1"): square is tested by check cell "ex1-check"')),
    errors.join("\n"),
  );
});

Deno.test("the lint refuses a check cell that declares a name a later cell uses", () => {
  const declaring = code("ex1-check", sourceOf(SQUARE_CHECK) + "\nconst table = [1, 2];");
  const later = code("plot", "console.log(table);");
  const errors = lintSolution(notebook([SETUP, SQUARE, declaring, later]), "s.ipynb");
  assertEquals(errors.length, 1, errors.join("\n"));
  assert(
    errors[0].includes('cell 2 (id "ex1-check"), line 7: the check cell declares table, which cell 3'),
    errors[0],
  );
});

Deno.test("graded cells need explicit ids, and nbtext refuses an id it would have cut", async () => {
  const positional = { ...SQUARE, id: "cell-1" };
  const errors = lintSolution(notebook([SETUP, positional, SQUARE_CHECK]), "s.ipynb");
  assert(
    errors.some((e) => e.includes('cell 1 (id "cell-1"): a graded cell needs an explicit id')),
    errors.join(),
  );
  assertThrows(
    () => textToNotebook("// %% id=ex1.check\nconst x = 1;\n", "a.nb.ts"),
    Error,
    'a.nb.ts:1: "ex1.check" is not a valid cell id',
  );
  assertEquals(textToNotebook("// %% id=ex1-check\nconst x = 1;\n").cells[0].id, "ex1-check");
  // The committed solutions pass the lint; the text form of notebooks is no longer ignored by git.
  for (const path of await expandNotebookPaths(["solutions"])) {
    assertEquals(lintSolution(await readNotebook(path), path), []);
  }
  assert(!(await Deno.readTextFile(".gitignore")).split("\n").includes("*.nb.ts"));
});
