/**
 * Build the notebook the grader executes for one submission: the grader's preamble, then the assignment's
 * cells in the solution's order, where
 *
 * - each code cell the student writes in is the submission's cell with the same id (or, for a cell without
 *   a matching id, the one that defines the same exercise function); a missing one is replaced by the
 *   handed-out version (its exercises score 0);
 * - each check cell is the solution's (trusted) copy, hidden checks included, whatever the submission did to it;
 * - cells the student added are kept, after the cell they followed in the submission;
 * - markdown comes from the solution.
 *
 * Deleted, reordered, edited and added cells are reported as problems. A notebook from another assignment
 * is refused.
 *
 * @module
 */
import { type Cell, type Notebook, sourceOf, splitLines } from "../notebook/nbformat.ts";
import { type Assignment, CHECK_LINE, isCheckCell } from "./markers.ts";
import { preambleSource, trustedCheckSource } from "./preamble.ts";
import { type ExerciseMetadata, METADATA_KEY, studentVersion } from "./student_version.ts";

/** Where a cell of the graded notebook comes from. */
export type CellOrigin = "preamble" | "student" | "handed-out" | "added" | "check" | "markdown";

/** The notebook to execute and what the grader needs to read its results. */
export interface GradedNotebook {
  notebook: Notebook;
  /** Per cell of `notebook`: where it came from, and for check cells the check names it declares. */
  cells: { origin: CellOrigin; id: string; checks: string[] }[];
  /** What is wrong with the submission's structure (deleted, reordered, edited cells…). */
  problems: string[];
  /** Exercise function → the name the submission defines instead (its cell kept the id, not the name). */
  renamed: Record<string, string>;
}

/** The submission is not a notebook of this assignment: nothing is graded. */
export class WrongAssignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WrongAssignmentError";
  }
}

/** A top-level function definition: `function f`, `const f = (…) =>`, `const f = function`. */
const DEFINES =
  /^(?:export\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)|^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=\s*(?:async\s*)?(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>)/gm;

function words(text: string): Set<string> {
  return new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? []);
}

function firstLine(cell: Cell): string {
  return sourceOf(cell).split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
}

function codeCell(source: string, options: { id: string; metadata?: Cell["metadata"] }): Cell {
  const { id, metadata = {} } = options;
  return { id, cell_type: "code", metadata, source: splitLines(source), outputs: [], execution_count: null };
}

/**
 * Build the graded notebook. Throws {@linkcode WrongAssignmentError} when the submission belongs to another
 * assignment (by its metadata, or because none of the assignment's exercise cells is in it).
 */
export function buildGradedNotebook(
  assignment: Assignment,
  submission: Notebook,
  options: { token: string; seed?: number },
): GradedNotebook {
  const token = options.token;
  const problems: string[] = [];
  const renamed: Record<string, string> = {};
  const declared = (submission.metadata?.[METADATA_KEY] as ExerciseMetadata | undefined)?.assignment;
  if (typeof declared === "string" && declared !== assignment.name) {
    throw new WrongAssignmentError(`this is the notebook of assignment ${declared}, not ${assignment.name}`);
  }
  const S = assignment.solution.cells;
  const U = submission.cells;
  const handedOut = new Map(studentVersion(assignment).cells.map((c) => [c.id!, c]));
  const solutionIndex = new Map(S.map((c, i) => [c.id!, i]));
  // Exercise names each solution code cell must contain (to tell "ex1" of one assignment from another's).
  const required = (cell: Cell): string[] => (assignment.blocks.get(cell.id!) ?? []).map((b) => b.exercise);
  const matched = new Map<string, number>(); // solution cell id → submission cell index
  const used = new Set<number>();
  const seenIds = new Set<string>();
  U.forEach((u) => {
    if (u.id && seenIds.has(u.id)) {
      problems.push(`cell id "${u.id}" appears twice in the submission; the grader used the first`);
    }
    if (u.id) seenIds.add(u.id);
  });
  // 1. Same id, same cell type, and it still defines the exercise functions.
  for (const s of S) {
    if (s.cell_type !== "code" || assignment.checkCells.has(s.id!)) continue;
    const j = U.findIndex((u, k) => !used.has(k) && u.id === s.id && u.cell_type === "code");
    if (j < 0 || isCheckCell(U[j])) continue;
    const w = words(sourceOf(U[j]));
    if (required(s).every((name) => w.has(name))) {
      matched.set(s.id!, j);
      used.add(j);
    }
  }
  // 2. Without a matching id: the cell that defines the same exercises, or starts with the same line.
  for (const s of S) {
    if (s.cell_type !== "code" || assignment.checkCells.has(s.id!) || matched.has(s.id!)) continue;
    const names = required(s);
    const j = U.findIndex((u, k) => {
      if (used.has(k) || u.cell_type !== "code" || isCheckCell(u)) return false;
      if (names.length) {
        return names.map((name) => name.replace(/[$.]/g, "\\$&")).every((name) =>
          new RegExp(`(?:\\bfunction|\\bconst|\\blet|\\bvar)\\s+${name}(?![\\w$])`).test(sourceOf(u))
        );
      }
      const line = firstLine(u);
      return line !== "" && (line === firstLine(s) || line === firstLine(handedOut.get(s.id!)!));
    });
    if (j >= 0) {
      matched.set(s.id!, j);
      used.add(j);
    }
  }
  const exerciseCells = S.filter((s) => assignment.blocks.has(s.id!));
  if (exerciseCells.length && !exerciseCells.some((s) => matched.has(s.id!))) {
    const names = exerciseCells.flatMap(required);
    throw new WrongAssignmentError(
      `none of the exercises of ${assignment.name} (${
        names.join(", ")
      }) is in it; is it the notebook of another assignment?`,
    );
  }
  // Order: matched cells should appear in the solution's order.
  const order = [...matched.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  const inversions = order.filter((id, k) =>
    k > 0 && solutionIndex.get(id)! < solutionIndex.get(order[k - 1])!
  );
  if (inversions.length) {
    problems.push(
      `cells were reordered (${order.join(", ")}); the grader ran them in the assignment's order`,
    );
  }
  // Check cells as the submission has them (by id, or by their first marker's name): edited or deleted
  // ones are reported (the trusted copy runs anyway).
  const checkName = (cell: Cell): string => CHECK_LINE.exec(sourceOf(cell).split("\n")[0] ?? "")?.[1] ?? "";
  const matchedChecks = new Map<number, string>(); // submission index → solution check cell id
  for (const s of S) {
    if (!assignment.checkCells.has(s.id!)) continue;
    const original = sourceOf(handedOut.get(s.id!)!).trim();
    const first = checkName(s);
    let j = U.findIndex((u, k) => !used.has(k) && u.id === s.id);
    if (j < 0) j = U.findIndex((u, k) => !used.has(k) && !u.id && isCheckCell(u) && checkName(u) === first);
    if (j < 0) problems.push(`check cell "${s.id}" was deleted; the grader ran it anyway`);
    else {
      used.add(j);
      matchedChecks.set(j, s.id!);
      if (sourceOf(U[j]).trim() !== original) {
        problems.push(`check cell "${s.id}" was edited; the grader ran the original`);
      }
    }
  }
  // Added cells: anchored after the solution cell that precedes them in the submission.
  const added = new Map<string, number[]>(); // anchor solution id ("" = before everything) → submission indices
  let anchor = "";
  const byIndex = new Map([...[...matched.entries()].map(([id, j]) => [j, id] as const), ...matchedChecks]);
  U.forEach((u, j) => {
    if (byIndex.has(j)) anchor = byIndex.get(j)!;
    else if (u.id && solutionIndex.has(u.id) && S[solutionIndex.get(u.id)!].cell_type === u.cell_type) {
      anchor = u.id;
    }
    if (used.has(j) || u.cell_type !== "code" || sourceOf(u).trim() === "") return;
    if (isCheckCell(u)) {
      problems.push(
        `cell ${j}${
          u.id ? ` (id "${u.id}")` : ""
        } looks like a check cell the assignment does not have; the grader skipped it`,
      );
      return;
    }
    added.set(anchor, [...(added.get(anchor) ?? []), j]);
  });
  const addedCount = [...added.values()].reduce((n, list) => n + list.length, 0);
  if (addedCount) {
    problems.push(`${addedCount} code cell(s) added by the student were run where they were placed`);
  }

  const cells: Cell[] = [codeCell(preambleSource(token, { seed: options.seed }), { id: "grader-preamble" })];
  const info: GradedNotebook["cells"] = [{ origin: "preamble", id: "grader-preamble", checks: [] }];
  const push = (cell: Cell, origin: CellOrigin, checks: string[] = []) => {
    cells.push(cell);
    info.push({ origin, id: cell.id ?? "", checks });
  };
  const pushAdded = (key: string) => {
    for (const j of added.get(key) ?? []) {
      const u = structuredClone(U[j]);
      u.id = `added-${u.id ?? j}`;
      u.outputs = [];
      u.execution_count = null;
      push(u, "added");
    }
  };
  pushAdded("");
  for (const s of S) {
    if (s.cell_type !== "code") push(structuredClone(s), "markdown");
    else if (assignment.checkCells.has(s.id!)) {
      const names = assignment.checks.filter((c) => c.cellId === s.id).map((c) => c.name);
      push(
        codeCell(trustedCheckSource(sourceOf(s), { bindings: assignment.libraryBindings, token }), {
          id: s.id!,
          metadata: s.metadata,
        }),
        "check",
        names,
      );
    } else if (matched.has(s.id!)) {
      const u = structuredClone(U[matched.get(s.id!)!]);
      push(codeCell(sourceOf(u), { id: s.id!, metadata: s.metadata }), "student");
    } else {
      const names = required(s);
      const same = U.find((u) => u.id === s.id && u.cell_type === "code");
      const defined = same
        ? [...sourceOf(same).matchAll(DEFINES)].map((m) => m[1] ?? m[2])
          .filter((n) => !names.includes(n))
        : [];
      if (names.length === 1 && defined.length) {
        renamed[names[0]] = defined[0];
        problems.push(
          `cell "${s.id}" no longer defines ${names[0]} (it defines ${
            defined.join(", ")
          }: was it renamed?); ` +
            `the grader ran the handed-out version (its checks score 0): keep the exercise's function name`,
        );
        push(structuredClone(handedOut.get(s.id!)!), "handed-out");
        pushAdded(s.id!);
        continue;
      }
      problems.push(
        `cell "${s.id}"${names.length ? ` (${names.join(", ")})` : ""} is missing from the submission; ` +
          `the grader ran the handed-out version${names.length ? " (its checks score 0)" : ""}`,
      );
      push(structuredClone(handedOut.get(s.id!)!), "handed-out");
    }
    pushAdded(s.id!);
  }
  const notebook: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: structuredClone(assignment.solution.metadata),
    cells,
  };
  return { notebook, cells: info, problems, renamed };
}
