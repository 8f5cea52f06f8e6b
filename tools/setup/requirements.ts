/**
 * What the course needs from the machine, in one table: to add a system package, add a row.
 *
 * Each row says which tasks need it, how to tell that it is present (cheaply: a file on PATH or a library
 * that loads), and which package provides it for each package manager the set-up knows: apt
 * (Debian/Ubuntu), Homebrew (macOS), and pip into the project's own `.venv/` (anywhere with Python).
 * The project-local parts (the npm dependencies, the tslab side) are not rows: `tools/setup/project.ts`.
 *
 * @module
 */

/** The Deno the course is tested with; the README's commands run it through npx. */
export const DENO_VERSION = "2.9.6";

/** The tasks that run the set-up first (deno.json). */
export type Task = "course" | "test" | "lab" | "run" | "grade";

/** Every task name, for argument checking. */
export const TASKS: readonly Task[] = ["course", "test", "lab", "run", "grade"];

/** One thing the machine must have. */
export interface SystemRequirement {
  /** Short name, used in messages: "a Jupyter server". */
  name: string;
  /** Why the course needs it (one clause, for the output). */
  why: string;
  /** Tasks that need it. */
  tasks: readonly Task[];
  /**
   * Optional: installed when a usable package manager offers it, never a reason to stop (OpenBLAS: the
   * course runs without it, only slower).
   */
  optional?: boolean;
  /** Operating systems where it exists (`Deno.build.os`); default every one. */
  os?: readonly string[];
  /** Present when any of these commands is on PATH (or in `.venv/bin`). */
  commands?: readonly string[];
  /** When set, a command found counts only if its file's text matches (a launcher script names its version). */
  commandText?: RegExp;
  /** Present when any of these absolute paths exists (macOS application bundles). */
  files?: readonly string[];
  /** Else present when this Python module imports (`python3 -c "import …"`; costs ≈ 50 ms, so only a fallback). */
  pythonModule?: string;
  /** Present when OpenBLAS loads (lib/native/openblas.ts). */
  library?: "openblas";
  /** Debian/Ubuntu packages that provide it; `a|b` takes the first of the two that apt knows. */
  apt?: readonly string[];
  /** Homebrew formulae that provide it. */
  brew?: readonly string[];
  /** Homebrew casks that provide it. */
  brewCask?: readonly string[];
  /** Python packages (pip, into `.venv/`) that provide it. */
  pip?: readonly string[];
}

/** The course's system requirements. */
export const SYSTEM_REQUIREMENTS: readonly SystemRequirement[] = [
  {
    name: "a Jupyter server",
    why: "every notebook runs in a real Jupyter server",
    tasks: ["course", "test", "lab", "run", "grade"],
    commands: ["jupyter-server"],
    pythonModule: "jupyter_server",
    apt: ["python3-jupyter-server", "jupyter-server", "jupyter-client"],
    brew: ["jupyterlab"],
    pip: ["jupyterlab"],
  },
  {
    name: "a Jupyter front end (JupyterLab or Notebook)",
    why: "`deno task lab` opens the course in it (for the tests, Notebook 6 is this front end)",
    tasks: ["lab"],
    commands: ["jupyter-lab", "jupyter-notebook"],
    apt: ["jupyter-notebook"],
    brew: ["jupyterlab"],
    pip: ["jupyterlab"],
  },
  {
    name: "Jupyter Notebook 6",
    why: "tests/viewers_test.ts checks what Debian's Notebook 6 shows of the course",
    tasks: ["test"],
    commands: ["jupyter-notebook"],
    // Notebook 6's launcher: Debian's names `notebook==6.…`, pip's imports notebook.notebookapp (7 has notebook.app).
    commandText: /notebook==6\.|notebook\.notebookapp/,
    apt: ["jupyter-notebook"],
    pip: ["notebook<7"],
  },
  {
    name: "nbconvert",
    why: "tests/viewers_test.ts checks the course's HTML export",
    tasks: ["test"],
    // Its command, not the Python module: importing nbconvert costs ≈ 0.8 s on every check.
    commands: ["jupyter-nbconvert"],
    apt: ["jupyter-nbconvert"],
    brew: ["jupyterlab"],
    pip: ["nbconvert"],
  },
  {
    name: "jupyter trust",
    why:
      "Notebook 6 shows the charts of a notebook executed elsewhere (the course build) only once it is trusted",
    tasks: ["lab"],
    optional: true,
    commands: ["jupyter-trust"],
    apt: ["jupyter-nbformat"],
    brew: ["jupyterlab"],
    pip: ["jupyterlab"],
  },
  {
    name: "OpenBLAS",
    why: "matrix products and eigendecompositions run 7–80× faster with it",
    tasks: ["course", "test", "lab", "run", "grade"],
    optional: true,
    library: "openblas",
    apt: ["libopenblas0-pthread"],
    brew: ["openblas"],
  },
  {
    name: "bubblewrap",
    why: "the grader runs each submission in its sandbox",
    // Not "grade": the grader says itself what to do without bubblewrap.
    tasks: ["test"],
    os: ["linux"],
    commands: ["bwrap"],
    apt: ["bubblewrap"],
  },
  {
    name: "Chromium",
    why: "the tests load the course website in a headless browser",
    tasks: ["test"],
    commands: ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"],
    files: [
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ],
    apt: ["chromium|chromium-browser"],
    brewCask: ["chromium"],
  },
];

/** The rows a task needs on this operating system. */
export function requirementsFor(
  task: Task,
  os: string,
  table: readonly SystemRequirement[] = SYSTEM_REQUIREMENTS,
): SystemRequirement[] {
  return table.filter((r) => r.tasks.includes(task) && (!r.os || r.os.includes(os)));
}
