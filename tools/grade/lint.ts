/**
 * The authoring lint `deno task exercises` runs on each solution notebook before generating its exercise. Each
 * finding names the file, the cell and the line. It refuses what would hand out answers or break grading:
 *
 * - a near-miss marker (`// BEGIN SOLUTIONS`, `// Begin solution`, `# BEGIN SOLUTION`, `BEGIN SOLUTION` without
 *   `//`, `// BEGIN HIDDEN CHECK`, `//CHECK name=…` with a typo …): it would be copied into the student version
 *   as it is, answer included;
 * - an exercise function (one a check cell tests) whose cell has no solution block for it, or a notebook with
 *   check cells and no solution block at all: the answer would be handed out;
 * - a check cell that declares a name a later cell uses: the grader runs check cells inside a function, so
 *   the name would not exist at grading and every student's later cells would fail;
 * - a graded cell (exercise or check) without an explicit id (`cell-N` is what `deno task nbtext` gives a cell
 *   whose header has no `id=`; such ids shift when a cell is inserted, and the grader matches cells by id), or
 *   an id that is not a valid nbformat id (letters, digits, `-`, `_`).
 *
 * @module
 */
import { type Cell, type Notebook, sourceOf } from "../notebook/nbformat.ts";

/** Valid markers, exactly as the grader reads them. */
const VALID = [
  /^\s*\/\/\s*BEGIN SOLUTION(?:\s+name=[A-Za-z0-9_.$-]+)?\s*$/,
  /^\s*\/\/\s*END SOLUTION\s*$/,
  /^\s*\/\/\s*BEGIN HIDDEN CHECKS\s*$/,
  /^\s*\/\/\s*END HIDDEN CHECKS\s*$/,
  /^\s*\/\/\s*CHECK\s+name=[A-Za-z0-9_.-]+\s+points=\d+(?:\.\d+)?\s*$/,
];
/** Anything that looks like it was meant to be a marker. */
const LOOKS_LIKE =
  /^\s*(?:\/\/+|#+|\/\*+|--)?\s*(?:(?:BEGIN|END|START|STOP)[\s_-]*(?:HIDDEN[\s_-]*)?(?:SOLUTIONS?|CHECKS?|ANSWERS?)\b|CHECKS?\s+name\s*=)/i;

const EXPECTED: [RegExp, string][] = [
  [/HIDDEN/i, "// BEGIN HIDDEN CHECKS … // END HIDDEN CHECKS"],
  [/SOLUTION|ANSWER/i, "// BEGIN SOLUTION … // END SOLUTION"],
  [/CHECK/i, "// CHECK name=<id> points=<n>"],
];

/** Valid nbformat cell id. */
export const CELL_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** The id `deno task nbtext` gives a cell whose header names none. */
export const POSITIONAL_ID = /^cell-\d+$/;

const DECLARES =
  /^(?:export\s+)?(?:const|let|var|function\s*\*?|class|async\s+function)\s+([A-Za-z_$][\w$]*)/;
const DEFINES =
  /^(?:export\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)|^(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=\s*(?:async\s*)?(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>)/gm;

function where(path: string, cell: Cell, index: number, line?: number): string {
  return `${path}, cell ${index}${cell.id ? ` (id "${cell.id}")` : ""}${
    line !== undefined ? `, line ${line + 1}` : ""
  }`;
}

const isCheck = (c: Cell) =>
  c.cell_type === "code" && /^\s*\/\/\s*CHECK\b/.test(sourceOf(c).split("\n")[0] ?? "");
const words = (s: string) => new Set(s.match(/[A-Za-z_$][\w$]*/g) ?? []);

/** Every authoring problem of a solution notebook (empty when there is none). */
export function lintSolution(nb: Notebook, path: string): string[] {
  const errors: string[] = [];
  const code = nb.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.cell_type === "code");
  // 1. Near-miss markers.
  for (const { c, i } of code) {
    sourceOf(c).split("\n").forEach((line, n) => {
      if (!LOOKS_LIKE.test(line) || VALID.some((re) => re.test(line))) return;
      const expected = EXPECTED.find(([re]) => re.test(line))?.[1] ?? "a marker";
      errors.push(
        `${where(path, c, i, n)}: near-miss marker ${JSON.stringify(line.trim())} ` +
          `(expected exactly ${expected}, upper case, after //); as written it would be handed out as it is`,
      );
    });
  }
  // 2. Exercise functions without a solution block.
  const hasBlock = (c: Cell) => sourceOf(c).split("\n").some((l) => VALID[0].test(l));
  const checks = code.filter(({ c }) => isCheck(c));
  if (checks.length && !code.some(({ c }) => hasBlock(c))) {
    errors.push(
      `${path}: there are check cells but no // BEGIN SOLUTION … // END SOLUTION block: ` +
        `the exercise would be handed out with its answer`,
    );
  }
  for (const { c: chk, i: ci } of checks) {
    const used = words(sourceOf(chk));
    for (const { c, i } of code.filter(({ i }) => i < ci)) {
      if (isCheck(c) || /^\s*import\b/m.test(sourceOf(c))) continue; // the setup cell may define helpers
      for (const m of sourceOf(c).matchAll(DEFINES)) {
        const name = m[1] ?? m[2];
        if (!used.has(name) || hasBlock(c)) continue;
        errors.push(
          `${where(path, c, i)}: ${name} is tested by check cell "${chk.id}" but its cell has no ` +
            `// BEGIN SOLUTION block: its answer would be handed out (add the markers, or mark it as setup by ` +
            `moving it into the setup cell)`,
        );
      }
    }
  }
  // 3. Check cells that declare names later cells use.
  for (const { c, i } of checks) {
    sourceOf(c).split("\n").forEach((line, n) => {
      const m = DECLARES.exec(line);
      if (!m) return;
      const later = code.find(({ c: d, i: j }) => j > i && words(sourceOf(d)).has(m[1]));
      if (later) {
        errors.push(
          `${where(path, c, i, n)}: the check cell declares ${m[1]}, which cell ${later.i}` +
            `${
              later.c.id ? ` (id "${later.c.id}")` : ""
            } uses; the grader runs check cells inside a function, ` +
            `so ${m[1]} would not exist at grading: declare it in the setup cell`,
        );
      }
    });
  }
  // 4. Ids of graded cells.
  for (const { c, i } of code) {
    const graded = isCheck(c) || hasBlock(c);
    if (c.id && !CELL_ID.test(c.id)) {
      errors.push(
        `${where(path, c, i)}: "${c.id}" is not a valid cell id (letters, digits, - and _, at most 64)`,
      );
    } else if (graded && (!c.id || POSITIONAL_ID.test(c.id))) {
      errors.push(
        `${where(path, c, i)}: a graded cell needs an explicit id (write id=<name> on its // %% line): ` +
          `positional ids shift when a cell is inserted, and the grader matches students' cells by id`,
      );
    }
  }
  return errors;
}
