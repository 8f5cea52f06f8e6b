/**
 * Run many notebooks through one Jupyter server: validate each, apply parameters, execute in a fresh
 * kernel, write the executed copy to a build folder (never the source), and collect claims and the
 * backend each notebook reports. A bad notebook is reported and the run goes on with the others.
 *
 * @module
 */
import { type CellFailure, executeNotebook, outputsWithMime } from "./execute.ts";
import { type Notebook, NotebookFormatError, readNotebook, serializeNotebook } from "./nbformat.ts";
import { applyParameters, type ParameterValue, UnknownParameterError } from "./parameters.ts";
import type { JupyterServer } from "../jupyter/server.ts";
import type { ClaimRecord, SetupRecord } from "../../lib/claims.ts";
import type { CheckRecord } from "../../lib/exercise.ts";
import { BACKEND_MIME, CHECK_MIME, CLAIM_MIME, SETUP_MIME } from "../../lib/mime.ts";
import { verdict } from "../../lib/_claim_table.ts";

/** How a notebook ended. */
export type NotebookStatus =
  | "passed"
  | "claims-failed"
  | "checks-failed"
  | "no-claims"
  | "cell-error"
  | "invalid"
  | "runner-error";

/** What a notebook must state to pass: course notebooks make claims, solution notebooks pass checks. */
export type Requirement = "claims" | "checks" | "none";

/** The requirement for a path: `solutions/` → checks, `exercises/` → none, anything else → claims. */
export function requirementFor(path: string): Requirement {
  if (/(^|\/)solutions\//.test(path)) return "checks";
  if (/(^|\/)exercises\//.test(path)) return "none";
  return "claims";
}

/** Everything known about one notebook's run. */
export interface NotebookResult {
  /** Path as given (relative to the project root). */
  path: string;
  status: NotebookStatus;
  /** One-line explanation for anything but "passed". */
  message: string;
  failure: CellFailure | null;
  claims: (ClaimRecord & { cellIndex: number })[];
  /** Setup checks (conditions of an experiment, not claims) with their cell. */
  setup: (SetupRecord & { cellIndex: number })[];
  /** Exercise checks (lib/exercise.ts) with their cell. */
  checks: (CheckRecord & { cellIndex: number })[];
  /**
   * Backend the notebook reported (lib's `setup()`), e.g. `"wasm+OpenBLAS"`, `"wasm"`, `"cpu"`, or "" if it
   * reported none.
   */
  backend: string;
  /** Wall time from kernel request to the end of the last cell. */
  seconds: number;
  kernelStartSeconds: number;
  /** Where the executed copy was written ("" if none). */
  outPath: string;
  parameters: Record<string, ParameterValue>;
}

/** Options of {@linkcode runNotebooks}. */
export interface RunOptions {
  /** Folder for executed copies; the notebook's relative path is kept inside it. Default "_build". */
  outDir?: string;
  /** Parameter overrides for every notebook. */
  parameters?: Record<string, ParameterValue>;
  /** Per-cell timeout, seconds. Default 120. */
  cellTimeoutSeconds?: number;
  /** Notebooks run at the same time (each in its own kernel). Default 1. */
  jobs?: number;
  /** Kernel to use. Default: the notebook's kernelspec, else "deno". */
  kernelName?: string;
  /** What the notebook must state to pass. Default: {@linkcode requirementFor} its path. */
  require?: Requirement;
  /** Suffix for executed copies, e.g. ".seed3" → `01_x.seed3.ipynb`. Default "". */
  outSuffix?: string;
  /** Called when a notebook starts and ends. */
  onProgress?: (event: { kind: "start"; path: string } | { kind: "end"; result: NotebookResult }) => void;
}

function relativeTo(root: string, path: string): string {
  const abs = path.startsWith("/") ? path : `${Deno.cwd()}/${path}`;
  const norm = new URL(`file://${abs}`).pathname;
  if (!norm.startsWith(root + "/")) {
    throw new Error(`${path} is outside the server's root ${root}; run from the project root`);
  }
  return norm.slice(root.length + 1);
}

/** Run one notebook; never throws for problems of the notebook itself. */
export async function runNotebook(
  server: JupyterServer,
  path: string,
  options: RunOptions = {},
): Promise<NotebookResult> {
  const parameters = options.parameters ?? {};
  const result: NotebookResult = {
    path,
    status: "runner-error",
    message: "",
    failure: null,
    claims: [],
    setup: [],
    checks: [],
    backend: "",
    seconds: 0,
    kernelStartSeconds: 0,
    outPath: "",
    parameters,
  };
  let nb: Notebook;
  try {
    nb = applyParameters(await readNotebook(path), parameters, path);
  } catch (e) {
    if (e instanceof NotebookFormatError || e instanceof UnknownParameterError) {
      return { ...result, status: "invalid", message: e.message };
    }
    throw e;
  }
  const t0 = performance.now();
  try {
    const rel = relativeTo(server.rootDir, path);
    const kernelName = options.kernelName ?? nb.metadata.kernelspec?.name ?? "deno";
    const exec = await executeNotebook(server, nb, {
      path: rel,
      kernelName,
      cellTimeoutSeconds: options.cellTimeoutSeconds,
    });
    result.seconds = (performance.now() - t0) / 1000;
    result.kernelStartSeconds = exec.kernelStartSeconds;
    result.failure = exec.failure;
    for (const { cellIndex, value } of outputsWithMime(exec.notebook, CLAIM_MIME)) {
      for (const record of (Array.isArray(value) ? value : [value]) as ClaimRecord[]) {
        result.claims.push({ ...record, cellIndex });
      }
    }
    for (const { cellIndex, value } of outputsWithMime(exec.notebook, SETUP_MIME)) {
      result.setup.push({ ...(value as SetupRecord), cellIndex });
    }
    for (const { cellIndex, value } of outputsWithMime(exec.notebook, CHECK_MIME)) {
      result.checks.push({ ...(value as CheckRecord), cellIndex });
    }
    const backend = outputsWithMime(exec.notebook, BACKEND_MIME)[0]?.value as
      | { backend?: string; matMul?: string | null }
      | undefined;
    // "wasm+OpenBLAS" when the wasm backend's matrix products run on OpenBLAS (lib/wasm_matmul.ts).
    result.backend = (backend?.backend ?? "") + (backend?.matMul?.startsWith("OpenBLAS") ? "+OpenBLAS" : "");
    const outDir = options.outDir ?? "_build";
    const outPath = `${outDir}/${rel.replace(/\.ipynb$/, "")}${options.outSuffix ?? ""}.ipynb`;
    await Deno.mkdir(outPath.slice(0, outPath.lastIndexOf("/")), { recursive: true });
    await Deno.writeTextFile(outPath, serializeNotebook(exec.notebook));
    result.outPath = outPath;
    const failed = result.claims.filter((c) => !c.passed);
    const failedChecks = result.checks.filter((c) => !c.passed);
    const require = options.require ?? requirementFor(path);
    if (exec.failure) {
      const f = exec.failure;
      result.status = "cell-error";
      result.message = `cell ${f.cellIndex}: ${f.ename}: ${f.evalue}`;
    } else if (failed.length) {
      result.status = "claims-failed";
      result.message = `failed claims: ${
        failed.map((c) => `${c.name} (${verdict(c).replace(/^✗ /, "").toLowerCase()})`).join("; ")
      }`;
    } else if (failedChecks.length) {
      result.status = "checks-failed";
      result.message = `failed checks: ${failedChecks.map((c) => `${c.name} (${c.message})`).join("; ")}`;
    } else if (require === "claims" && result.claims.length === 0) {
      result.status = "no-claims";
      result.message = "the notebook made no claim (every course notebook states at least one)";
    } else if (require === "checks" && result.checks.length === 0) {
      result.status = "no-claims";
      result.message = "the notebook ran no exercise check (every solution notebook has at least one)";
    } else {
      result.status = "passed";
    }
  } catch (e) {
    result.seconds = (performance.now() - t0) / 1000;
    result.status = "runner-error";
    result.message = `could not run: ${(e as Error).message}`;
  }
  return result;
}

/** Run notebooks, `jobs` at a time, in the order given; results come back in that order. */
export async function runNotebooks(
  server: JupyterServer,
  paths: string[],
  options: RunOptions = {},
): Promise<NotebookResult[]> {
  const results: NotebookResult[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      options.onProgress?.({ kind: "start", path: paths[i] });
      results[i] = await runNotebook(server, paths[i], options);
      options.onProgress?.({ kind: "end", result: results[i] });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs ?? 1, paths.length)) }, worker));
  return results;
}

/** Expand folders into their `*.ipynb` files (sorted). `skipMissing` ignores paths that do not exist. */
export async function expandNotebookPaths(
  args: string[],
  options: { skipMissing?: boolean } = {},
): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    let info: Deno.FileInfo;
    try {
      info = await Deno.stat(arg);
    } catch {
      if (options.skipMissing) continue;
      throw new Error(`${arg}: no such file or folder`);
    }
    if (info.isDirectory) {
      const names: string[] = [];
      for await (const e of Deno.readDir(arg)) if (e.isFile && e.name.endsWith(".ipynb")) names.push(e.name);
      out.push(...names.sort().map((n) => `${arg.replace(/\/$/, "")}/${n}`));
    } else out.push(arg);
  }
  return out;
}
