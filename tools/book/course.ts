/**
 * The course as the website sees it: the executed notebooks of `_build/notebooks/`, in order, each with its
 * number, title, what it reproduces (the README's course map), and its claims from `_build/claims.json`.
 *
 * @module
 */
import { type Cell, type Notebook, sourceOf } from "../notebook/nbformat.ts";

/** A claim record as claims.json holds it; `kind`, `rivals` and `discriminates` are optional. */
export interface BookClaim {
  name: string;
  passed: boolean;
  predicted: number;
  measured: number;
  rule: string;
  citation: string;
  unit?: string;
  deviation?: number;
  cellIndex?: number;
  kind?: "prediction" | "bound" | string;
  /** Rivals judged by the claim's own rule; `resolution`: bands away (prediction), share beyond (bound). */
  rivals?: { name: string; predicted: number; passed: boolean; resolution?: number }[];
  /** Why an exact identity has no rival but arithmetic. */
  noRival?: string;
  discriminates?: boolean;
}

/** One notebook's run, as claims.json holds it. */
export interface BookResult {
  path: string;
  status: string;
  message?: string;
  seconds?: number;
  backend?: string;
  claims: BookClaim[];
}

/** One notebook of the website. */
export interface BookNotebook {
  /** "01". */
  number: string;
  /** "01_gradient_descent_quadratic": file stem, page name, download name. */
  stem: string;
  /** "Gradient descent on a quadratic" (the first heading, without its number). */
  title: string;
  /** What it reproduces, Markdown (README course map; else the notebook's first paragraph). */
  reproduces: string;
  cells: Cell[];
  /** The executed notebook's file. */
  file: string;
  /** Its run in claims.json, when present. */
  result?: BookResult;
}

/** The course: notebooks in order and the run they came from. */
export interface BookCourse {
  notebooks: BookNotebook[];
  /** claims.json's `info` (wall time, date, Deno version), when present. */
  info?: Record<string, unknown>;
  /** True when claims.json was found. */
  hasClaims: boolean;
  /** Executed notebooks left out because the course no longer has them (renamed or removed since the run). */
  stale: string[];
}

/** The "reproduces" column of the README's course map, by notebook number. */
export function courseMapOf(readme: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of readme.split("\n")) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
    if (cells.length >= 6 && /^\d{2}$/.test(cells[1]) && /\]\(notebooks\//.test(cells[2])) {
      map.set(cells[1], cells[4]);
    }
  }
  return map;
}

function titleOf(cells: Cell[], stem: string): string {
  const first = cells.find((c) => c.cell_type === "markdown");
  const heading = first ? sourceOf(first).match(/^#\s+(.+)$/m)?.[1] : undefined;
  return (heading ?? stem.slice(3).replace(/_/g, " ")).replace(/^\d{2}\s*[·.:-]\s*/, "").trim();
}

function firstParagraph(cells: Cell[]): string {
  const first = cells.find((c) => c.cell_type === "markdown");
  const paragraphs = first ? sourceOf(first).split(/\n\s*\n/).filter((p) => !p.startsWith("#")) : [];
  return (paragraphs[0] ?? "").replace(/\s*\n\s*/g, " ");
}

/**
 * Read the executed course from `buildDir` (`notebooks/*.ipynb`, `claims.json`) and the README's course map.
 * With `sourceDir` (the course's `notebooks/`), an executed copy whose notebook is no longer there is left
 * out and listed in `stale`: the site never shows a page the course no longer has.
 *
 * @throws {Error} when `buildDir/notebooks` holds no executed notebook (with the command that makes them)
 */
export async function readCourse(
  buildDir: string,
  readmePath: string,
  sourceDir?: string,
): Promise<BookCourse> {
  const dir = `${buildDir}/notebooks`;
  const names: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      if (e.isFile && /^\d{2}_.+\.ipynb$/.test(e.name)) names.push(e.name);
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  const stale: string[] = [];
  if (sourceDir !== undefined) {
    for (const name of [...names]) {
      try {
        await Deno.stat(`${sourceDir}/${name}`);
      } catch {
        stale.push(`${dir}/${name}`);
        names.splice(names.indexOf(name), 1);
      }
    }
  }
  if (names.length === 0) {
    throw new Error(
      `No executed notebooks in ${dir}/: run \`deno task course\` first (it writes them there)`,
    );
  }
  names.sort();
  let claims: { info?: Record<string, unknown>; results?: BookResult[] } = {};
  let hasClaims = false;
  try {
    claims = JSON.parse(await Deno.readTextFile(`${buildDir}/claims.json`));
    hasClaims = true;
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) {
      throw new Error(`${buildDir}/claims.json: ${(e as Error).message}`);
    }
  }
  let readme = "";
  try {
    readme = await Deno.readTextFile(readmePath);
  } catch { /* no README: the notebooks' own first paragraphs are used */ }
  const map = courseMapOf(readme);
  const notebooks: BookNotebook[] = [];
  for (const name of names) {
    const file = `${dir}/${name}`;
    let nb: Notebook;
    try {
      nb = JSON.parse(await Deno.readTextFile(file));
    } catch (e) {
      throw new Error(`${file} is not a notebook (${(e as Error).message}); run \`deno task course\` again`);
    }
    const stem = name.replace(/\.ipynb$/, ""), number = stem.slice(0, 2);
    notebooks.push({
      number,
      stem,
      title: titleOf(nb.cells, stem),
      reproduces: map.get(number) ?? firstParagraph(nb.cells),
      cells: nb.cells,
      file,
      result: claims.results?.find((r) => r.path.split("/").pop() === name),
    });
  }
  return { notebooks, info: claims.info, hasClaims, stale: stale.sort() };
}
