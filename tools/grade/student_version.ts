/**
 * The exercise (student) version of a solution notebook: solution blocks become stubs that throw
 * `NotImplementedError("<exercise>")`, hidden checks are removed, outputs are cleared. Cell ids and
 * metadata are kept, so the same solution always gives the same bytes.
 *
 * @module
 */
import { type Cell, clearOutputs, type Notebook, sourceOf, splitLines } from "../notebook/nbformat.ts";
import { type Assignment, hiddenRanges, LIBRARY } from "./markers.ts";

/** Notebook metadata key under which the exercise version records its assignment. */
export const METADATA_KEY = "learning_mechanics";

/** What an exercise notebook records about itself in `metadata.learning_mechanics`. */
export interface ExerciseMetadata {
  /** The assignment name ("01_gradient_descent_quadratic"). */
  assignment: string;
}

/** The line a hidden-checks block leaves in the exercise version. */
export const HIDDEN_PLACEHOLDER = "// (hidden checks run here when the notebook is graded)";

/** The stub that replaces one solution block, at the BEGIN line's indentation. */
export function stubLine(exercise: string, indent: string): string {
  return `${indent}throw new NotImplementedError(${JSON.stringify(exercise)});`;
}

function setSource(cell: Cell, text: string): void {
  cell.source = splitLines(text);
}

/** The exercise version of one code cell of the assignment (unchanged if it has no markers). */
export function studentCell(assignment: Assignment, cell: Cell): Cell {
  const copy = structuredClone(cell);
  if (cell.cell_type !== "code" || !cell.id) return copy;
  const lines = sourceOf(cell).split("\n");
  const blocks = assignment.blocks.get(cell.id);
  if (blocks) {
    const out: string[] = [];
    let i = 0;
    for (const b of blocks) {
      out.push(...lines.slice(i, b.begin + 1));
      out.push(stubLine(b.exercise, /^\s*/.exec(lines[b.begin])![0]));
      i = b.end;
    }
    out.push(...lines.slice(i));
    setSource(copy, out.join("\n"));
  } else if (assignment.checkCells.has(cell.id)) {
    const hidden = hiddenRanges(cell, {
      index: assignment.solution.cells.findIndex((c) => c.id === cell.id),
      path: assignment.path,
    });
    if (hidden.length) {
      const out: string[] = [];
      let i = 0;
      for (const [a, b] of hidden) {
        out.push(...lines.slice(i, a));
        out.push(/^\s*/.exec(lines[a])![0] + HIDDEN_PLACEHOLDER);
        i = b + 1;
      }
      out.push(...lines.slice(i));
      setSource(copy, out.join("\n"));
    }
  }
  return copy;
}

/** Add `NotImplementedError` to the first import from the library, or import it in the first code cell. */
function importNotImplemented(cells: Cell[]): void {
  const named = new RegExp(`import\\s*\\{([^}]*)\\}(\\s*from\\s*["']${LIBRARY}["'])`);
  for (const cell of cells) {
    if (cell.cell_type !== "code") continue;
    const src = sourceOf(cell);
    const m = named.exec(src);
    if (!m) continue;
    if (/\bNotImplementedError\b/.test(m[1])) return;
    const trimmed = m[1].replace(/\s*$/, "");
    const trailing = m[1].slice(trimmed.length);
    const sep = trimmed.endsWith(",") ? "" : ",";
    const inner = m[1].includes("\n")
      ? `${trimmed}${sep}\n  NotImplementedError,${trailing}`
      : `${trimmed}${sep} NotImplementedError${trailing}`;
    setSource(cell, src.slice(0, m.index) + `import {${inner}}${m[2]}` + src.slice(m.index + m[0].length));
    return;
  }
  const first = cells.find((c) => c.cell_type === "code");
  if (first) setSource(first, `import { NotImplementedError } from "${LIBRARY}";\n` + sourceOf(first));
}

/** The exercise notebook for an assignment: stubs, no hidden checks, no outputs, metadata marked. */
export function studentVersion(assignment: Assignment): Notebook {
  const nb = clearOutputs(assignment.solution);
  nb.cells = nb.cells.map((cell) => studentCell(assignment, cell));
  if (assignment.blocks.size) importNotImplemented(nb.cells);
  const meta: ExerciseMetadata = { assignment: assignment.name };
  nb.metadata = { ...nb.metadata, [METADATA_KEY]: meta };
  return nb;
}
