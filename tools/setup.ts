/**
 * `deno run -A tools/setup.ts [TASK] [-- COMMAND …]`: make sure this machine has what `deno task TASK` needs,
 * installing what is missing, then run COMMAND. The course's tasks (deno.json) start this way, so that the
 * README's two commands work on a machine that has only Node:
 *
 *   npx -y deno@2.9.6 task course
 *   npx -y deno@2.9.6 task test
 *
 * What it installs (tools/setup/requirements.ts has the table): a Jupyter server, a front end, OpenBLAS
 * (optional), bubblewrap and Chromium for the tests, through apt-get (as root, or with sudo), Homebrew, or pip
 * into the project's `.venv/`; and the project's own npm dependencies and tslab side (tools/setup/project.ts).
 * It says before each install what it writes where. When a needed part cannot be installed here (no root and
 * no sudo, no package manager), it stops before installing anything, with one message naming the command to
 * run. When everything is present it installs nothing and the check takes a fraction of a second.
 *
 * COMMAND runs with the project's `.venv/bin` first on PATH (when there is one), `deno` meaning this Deno, and,
 * for the tests, `LM_REQUIRE_BLAS=1` when OpenBLAS is present (so lib/native/openblas_test.ts fails if it does
 * not load) and `LM_CHROMIUM` naming the Chromium found (tests/_chromium.ts). Its exit code is this command's exit code.
 *
 * TASK: course, test (the default; everything), lab, run, grade.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { locate, probeMachine, searchDirs } from "./setup/machine.ts";
import { planSetup } from "./setup/plan.ts";
import { runStep } from "./setup/install.ts";
import { installPart, isUpToDate, PROJECT_PARTS } from "./setup/project.ts";
import {
  DENO_VERSION,
  requirementsFor,
  type SystemRequirement,
  type Task,
  TASKS,
} from "./setup/requirements.ts";

/** The project root (the folder above tools/). */
export const ROOT = fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "");

/** Exit code when a needed part cannot be installed here. */
export const EXIT_CANNOT_INSTALL = 3;

/** What the set-up found: each system requirement's location (null: missing). */
export interface SetupResult {
  found: Map<SystemRequirement, string | null>;
  seconds: number;
}

/**
 * Check, and install what is missing. Returns what was found, or a number: the exit code to stop with.
 */
export async function ensure(task: Task, root = ROOT): Promise<SetupResult | number> {
  const t0 = performance.now();
  const dirs = searchDirs(root);
  const found = new Map<SystemRequirement, string | null>();
  for (const r of requirementsFor(task, Deno.build.os)) found.set(r, await locate(r, dirs));
  const missing = [...found].filter(([, where]) => where === null).map(([r]) => r);
  const parts = [];
  for (const part of PROJECT_PARTS.filter((p) => p.tasks.includes(task))) {
    if (!await isUpToDate(root, part)) parts.push(part);
  }
  // Something missing: find out what this machine can install with, and how. (An optional part that cannot be
  // installed here, such as OpenBLAS without root, brings us here on every run: a note, ≈ 0.1 s.)
  if (missing.length > 0) {
    const machine = await probeMachine(dirs);
    const plan = planSetup(missing, machine, task);
    if (plan.blocked) {
      console.error(plan.blocked);
      return EXIT_CANNOT_INSTALL;
    }
    for (const step of plan.steps) {
      try {
        await runStep(step, root);
      } catch (e) {
        console.error(`setup: ${(e as Error).message}`);
        return 1;
      }
    }
    for (const note of plan.notes) console.log(`setup: ${note}`);
    for (const r of missing) {
      const where = await locate(r, searchDirs(root));
      found.set(r, where);
      if (where === null && !r.optional) {
        console.error(`setup: ${r.name} is still missing after installing it; ${r.why}.`);
        return 1;
      }
    }
  }
  for (const part of parts) {
    try {
      await installPart(root, part);
    } catch (e) {
      console.error(`setup: ${(e as Error).message}`);
      return 1;
    }
  }
  return { found, seconds: (performance.now() - t0) / 1000 };
}

/** The environment COMMAND runs with. */
export function childEnv(task: Task, result: SetupResult, root = ROOT): Record<string, string> {
  const env: Record<string, string> = {};
  const dirs = searchDirs(root);
  try {
    if (Deno.statSync(dirs[0]).isDirectory) {
      env.PATH = [dirs[0], Deno.env.get("PATH") ?? ""].join(Deno.build.os === "windows" ? ";" : ":");
    }
  } catch { /* no .venv */ }
  const blas = [...result.found].find(([r]) => r.library === "openblas");
  if (task === "test" && blas?.[1] && Deno.env.get("LM_REQUIRE_BLAS") === undefined) {
    env.LM_REQUIRE_BLAS = "1";
  }
  // The browser tests look for Debian's /usr/bin/chromium unless told otherwise (tests/_chromium.ts).
  const chromium = [...result.found].find(([r]) => r.name === "Chromium")?.[1];
  if (chromium && Deno.env.get("LM_CHROMIUM") === undefined) env.LM_CHROMIUM = chromium;
  return env;
}

if (import.meta.main) {
  const dash = Deno.args.indexOf("--");
  const own = dash < 0 ? Deno.args : Deno.args.slice(0, dash);
  const command = dash < 0 ? [] : Deno.args.slice(dash + 1);
  const task = (own[0] ?? "test") as Task;
  if (!TASKS.includes(task) || own.length > 1) {
    console.error(`usage: deno run -A tools/setup.ts [${TASKS.join("|")}] [-- COMMAND …]`);
    Deno.exit(2);
  }
  if (Deno.version.deno !== DENO_VERSION) {
    console.log(
      `setup: note: this is Deno ${Deno.version.deno}; the course is tested with ${DENO_VERSION} ` +
        `(npx -y deno@${DENO_VERSION} task ${task}).`,
    );
  }
  const result = await ensure(task);
  if (typeof result === "number") Deno.exit(result);
  const have = [...result.found].map(([r, where]) => `${r.name.split(" (")[0]}: ${where ?? "no"}`).join("; ");
  console.log(`setup: ready for \`deno task ${task}\` (${result.seconds.toFixed(2)} s) — ${have}`);
  if (command.length === 0) Deno.exit(0);
  // Ctrl-C reaches the command too (same process group): wait for it to finish rather than die first.
  if (Deno.build.os !== "windows") Deno.addSignalListener("SIGINT", () => {});
  const [cmd, ...args] = command;
  const child = new Deno.Command(cmd === "deno" ? Deno.execPath() : cmd, {
    args,
    env: childEnv(task, result),
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  const status = await child.status;
  Deno.exit(status.signal ? 128 + (status.signal === "SIGINT" ? 2 : 15) : status.code);
}
