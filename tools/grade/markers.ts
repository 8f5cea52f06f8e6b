/**
 * Read an assignment out of a solution notebook: its solution blocks, check cells (with names and points)
 * and hidden checks. The markers, all in code cells:
 *
 * - `// BEGIN SOLUTION` … `// END SOLUTION`: the answer, inside a function body. The exercise version
 *   replaces it by `throw new NotImplementedError("<exercise>")`. The exercise name is, in this order:
 *   `name=<id>` written on the BEGIN line; else the innermost named function whose body holds the block
 *   (`function f(…) {`, `const f = (…) => {`, `const f = function (…) {`, a method `f(…) {`).
 * - `// CHECK name=<id> points=<n>` as the first line of a check cell; the cell calls
 *   `await check("<id>", n, () => …)`. A cell may hold more markers (one per `check(…)` call), each on its
 *   own line before its call; names are unique in the notebook.
 * - `// BEGIN HIDDEN CHECKS` … `// END HIDDEN CHECKS` inside a check cell: removed from the exercise version,
 *   run by the grader. Markers inside count as hidden checks.
 *
 * @module
 */
import { type Cell, type Notebook, sourceOf } from "../notebook/nbformat.ts";
import { enclosingFunction, insideBraces } from "./enclosing_function.ts";

export { enclosingFunction };

/** The library's import-map name: check cells may use what the solution imports from it. */
export const LIBRARY = "learning-mechanics";

/** One gradebook column: a check with its points. */
export interface CheckMarker {
  name: string;
  points: number;
  /** Id of the check cell that declares it. */
  cellId: string;
  /** True when declared inside a hidden-checks block (absent from the exercise version). */
  hidden: boolean;
}

/** A `BEGIN SOLUTION` … `END SOLUTION` block. */
export interface SolutionBlock {
  /** The function whose body holds it, or the BEGIN line's `name=`. */
  exercise: string;
  /** 0-based line numbers of the BEGIN and END markers in the cell. */
  begin: number;
  end: number;
}

/** A name the solution imports from the library: `import { exported as local }` (`exported` "*" for `* as`). */
export interface LibraryBinding {
  exported: string;
  local: string;
}

/** Everything the generator and the grader need from a solution notebook. */
export interface Assignment {
  /** File name without `.ipynb`: "01_gradient_descent_quadratic". */
  name: string;
  /** Path of the solution notebook. */
  path: string;
  /** The solution notebook (trusted copy). */
  solution: Notebook;
  /** Check markers in notebook order (visible and hidden). */
  checks: CheckMarker[];
  /** Cell id → solution blocks of that cell (exercise cells only). */
  blocks: Map<string, SolutionBlock[]>;
  /** Ids of the check cells. */
  checkCells: Set<string>;
  /** Names the solution imports from the library (check cells get trusted copies of these). */
  libraryBindings: LibraryBinding[];
}

/** A solution notebook whose markers are malformed: names the notebook, cell and line. */
export class AssignmentError extends Error {
  constructor(path: string, problem: string) {
    super(`${path}, ${problem}`);
    this.name = "AssignmentError";
  }
}

const BEGIN = /^\s*\/\/\s*BEGIN SOLUTION\b(.*)$/;
const END = /^\s*\/\/\s*END SOLUTION\s*$/;
const BEGIN_HIDDEN = /^\s*\/\/\s*BEGIN HIDDEN CHECKS\s*$/;
const END_HIDDEN = /^\s*\/\/\s*END HIDDEN CHECKS\s*$/;
/** `// CHECK name=<id> points=<n>` */
export const CHECK_LINE = /^\s*\/\/\s*CHECK\s+name=([A-Za-z0-9_.-]+)\s+points=(\d+(?:\.\d+)?)\s*$/;
const CHECK_ANY = /^\s*\/\/\s*CHECK\b/;

/** True when the cell's first line is a `// CHECK` marker. */
export function isCheckCell(cell: Cell): boolean {
  return cell.cell_type === "code" && CHECK_ANY.test(sourceOf(cell).split("\n")[0] ?? "");
}

/** The `import … from "learning-mechanics"` bindings of some code (type-only names left out). */
export function libraryBindings(code: string): LibraryBinding[] {
  const out: LibraryBinding[] = [];
  const named = /import\s*(?:type\s+)?\{([^}]*)\}\s*from\s*["']learning-mechanics["']/g;
  for (const m of code.matchAll(named)) {
    if (/^import\s+type\b/.test(m[0])) continue;
    for (const part of m[1].split(",").map((s) => s.trim()).filter(Boolean)) {
      if (part.startsWith("type ")) continue;
      const [exported, local] = part.split(/\s+as\s+/).map((s) => s.trim());
      out.push({ exported, local: local ?? exported });
    }
  }
  for (
    const m of code.matchAll(/import\s*\*\s*as\s+([A-Za-z_$][\w$]*)\s+from\s*["']learning-mechanics["']/g)
  ) {
    out.push({ exported: "*", local: m[1] });
  }
  return out;
}

/** An {@linkcode AssignmentError} for a place in the notebook. */
function fail(where: { path: string; at: string }, problem: string): AssignmentError {
  return new AssignmentError(where.path, `${where.at}: ${problem}`);
}

function cellWhere(cell: Cell, at: { index: number; line?: number }): string {
  const { index, line } = at;
  return `cell ${index}${cell.id ? ` (id "${cell.id}")` : ""}${
    line !== undefined ? `, line ${line + 1}` : ""
  }`;
}

/** Solution blocks of one code cell; throws {@linkcode AssignmentError} when markers are malformed. */
export function solutionBlocks(cell: Cell, at: { index: number; path: string }): SolutionBlock[] {
  const { index, path } = at;
  const src = sourceOf(cell);
  const lines = src.split("\n");
  const blocks: SolutionBlock[] = [];
  let open: { line: number; name: string } | null = null;
  let offset = 0;
  lines.forEach((line, i) => {
    const b = BEGIN.exec(line);
    if (b) {
      if (open) {
        throw fail(
          { path, at: cellWhere(cell, { index, line: i }) },
          `BEGIN SOLUTION inside the block opened on line ${open.line + 1} (expected END SOLUTION first)`,
        );
      }
      const explicit = /\bname=([A-Za-z0-9_.$-]+)/.exec(b[1])?.[1];
      if (!insideBraces(src, offset)) {
        throw fail(
          { path, at: cellWhere(cell, { index, line: i }) },
          "BEGIN SOLUTION is not inside a function body (expected the block between a function's braces, so that the exercise version still runs)",
        );
      }
      const name = explicit ?? enclosingFunction(src, offset);
      if (!name) {
        throw fail(
          { path, at: cellWhere(cell, { index, line: i }) },
          `cannot tell which function BEGIN SOLUTION belongs to; write the exercise name on the marker: "// BEGIN SOLUTION name=myFunction"`,
        );
      }
      open = { line: i, name };
    } else if (END.test(line)) {
      if (!open) {
        throw fail(
          { path, at: cellWhere(cell, { index, line: i }) },
          "END SOLUTION without a BEGIN SOLUTION before it",
        );
      }
      blocks.push({ exercise: open.name, begin: open.line, end: i });
      open = null;
    }
    offset += line.length + 1;
  });
  if (open) {
    throw fail(
      { path, at: cellWhere(cell, { index, line: (open as { line: number }).line }) },
      "BEGIN SOLUTION is never closed (expected a line // END SOLUTION)",
    );
  }
  return blocks;
}

/** Hidden-check line ranges [begin, end] of a check cell. */
export function hiddenRanges(cell: Cell, at: { index: number; path: string }): [number, number][] {
  const { index, path } = at;
  const ranges: [number, number][] = [];
  let open = -1;
  sourceOf(cell).split("\n").forEach((line, i) => {
    if (BEGIN_HIDDEN.test(line)) {
      if (open >= 0) {
        throw fail(
          { path, at: cellWhere(cell, { index, line: i }) },
          "BEGIN HIDDEN CHECKS inside another hidden block",
        );
      }
      open = i;
    } else if (END_HIDDEN.test(line)) {
      if (open < 0) {
        throw fail(
          { path, at: cellWhere(cell, { index, line: i }) },
          "END HIDDEN CHECKS without a BEGIN HIDDEN CHECKS before it",
        );
      }
      ranges.push([open, i]);
      open = -1;
    }
  });
  if (open >= 0) {
    throw fail(
      { path, at: cellWhere(cell, { index, line: open }) },
      "BEGIN HIDDEN CHECKS is never closed",
    );
  }
  return ranges;
}

/** The assignment name of a notebook path: its file name without `.ipynb`. */
export function assignmentName(path: string): string {
  return (path.split("/").pop() ?? path).replace(/\.ipynb$/, "");
}

/** Parse and validate a solution notebook. Throws {@linkcode AssignmentError} naming what is wrong. */
export function parseAssignment(solution: Notebook, path: string): Assignment {
  const checks: CheckMarker[] = [];
  const blocks = new Map<string, SolutionBlock[]>();
  const checkCells = new Set<string>();
  const ids = new Set<string>();
  const bindings = libraryBindings(
    solution.cells.filter((c) => c.cell_type === "code").map(sourceOf).join("\n"),
  );
  const checkLocal = bindings.find((b) => b.exported === "check")?.local ?? "check";
  solution.cells.forEach((cell, index) => {
    if (!cell.id) {
      throw fail(
        { path, at: cellWhere(cell, { index }) },
        "the cell has no id (expected nbformat ≥ 4.5 cell ids, which the grader matches submissions by)",
      );
    }
    if (ids.has(cell.id)) {
      throw fail({ path, at: cellWhere(cell, { index }) }, `duplicate cell id "${cell.id}"`);
    }
    ids.add(cell.id);
    if (cell.cell_type !== "code") return;
    const src = sourceOf(cell);
    const lines = src.split("\n");
    const calls = [...src.matchAll(new RegExp(`\\b${checkLocal.replace(/\$/g, "\\$")}\\s*\\(`, "g"))];
    if (!isCheckCell(cell)) {
      if (calls.length) {
        throw fail(
          { path, at: cellWhere(cell, { index }) },
          `calls ${checkLocal}() but its first line is not a marker "// CHECK name=<id> points=<n>"`,
        );
      }
      if (lines.some((l) => BEGIN_HIDDEN.test(l))) {
        throw fail(
          { path, at: cellWhere(cell, { index }) },
          "hidden checks belong in a check cell (one whose first line is // CHECK name=<id> points=<n>)",
        );
      }
      const found = solutionBlocks(cell, { index, path });
      if (found.length) blocks.set(cell.id, found);
      return;
    }
    checkCells.add(cell.id);
    if (lines.some((l) => BEGIN.test(l))) {
      throw fail(
        { path, at: cellWhere(cell, { index }) },
        "a check cell cannot hold a solution block",
      );
    }
    if (/^\s*import\b/m.test(src)) {
      throw fail(
        { path, at: cellWhere(cell, { index }) },
        "a check cell cannot import (the grader runs it inside a function); import in the setup cell",
      );
    }
    const hidden = hiddenRanges(cell, { index, path });
    const markers: CheckMarker[] = [];
    lines.forEach((line, i) => {
      if (!CHECK_ANY.test(line)) return;
      const m = CHECK_LINE.exec(line);
      if (!m) {
        throw fail(
          { path, at: cellWhere(cell, { index, line: i }) },
          `malformed marker ${JSON.stringify(line.trim())} (expected "// CHECK name=<id> points=<n>")`,
        );
      }
      if (checks.some((c) => c.name === m[1]) || markers.some((c) => c.name === m[1])) {
        throw fail(
          { path, at: cellWhere(cell, { index, line: i }) },
          `check name "${m[1]}" is used twice (expected unique names)`,
        );
      }
      markers.push({
        name: m[1],
        points: Number(m[2]),
        cellId: cell.id!,
        hidden: hidden.some(([a, b]) => a < i && i < b),
      });
    });
    const called = calls.map((c) => {
      const args = /^\s*(["'])([^"']*)\1\s*,\s*(\d+(?:\.\d+)?)\s*,/.exec(src.slice(c.index! + c[0].length));
      if (!args) {
        throw fail(
          { path, at: cellWhere(cell, { index }) },
          `${checkLocal}() must be called with a literal name and points, like ${checkLocal}("name", 2, () => …), so that the grader can read them`,
        );
      }
      return `${args[2]}=${Number(args[3])}`;
    });
    const declared = markers.map((m) => `${m.name}=${m.points}`);
    if (called.slice().sort().join(",") !== declared.slice().sort().join(",")) {
      throw fail(
        { path, at: cellWhere(cell, { index }) },
        `the CHECK markers (${declared.join(", ") || "none"}) do not match the ${checkLocal}() calls (${
          called.join(", ") || "none"
        }); expected one marker per call with the same name and points`,
      );
    }
    checks.push(...markers);
  });
  if (checks.length === 0) {
    throw fail(
      { path, at: "the notebook" },
      "has no check cell (expected at least one cell starting with // CHECK name=<id> points=<n>)",
    );
  }
  return {
    name: assignmentName(path),
    path,
    solution,
    checks,
    blocks,
    checkCells,
    libraryBindings: bindings,
  };
}
