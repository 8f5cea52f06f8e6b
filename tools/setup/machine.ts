/**
 * Look at the machine, cheaply: which requirements are present (files on PATH, a library that loads) and,
 * only when something is missing, which package managers and privileges there are.
 *
 * The presence checks read the file system and load OpenBLAS; they start a process only for a Python-module
 * fallback. With everything present the whole check takes well under a second.
 *
 * @module
 */
import { loadOpenBlas } from "../../lib/native/openblas.ts";
import type { Machine } from "./plan.ts";
import type { SystemRequirement } from "./requirements.ts";

/** Where to look for commands: the project's `.venv` first, then PATH. */
export function searchDirs(root: string): string[] {
  const sep = Deno.build.os === "windows" ? ";" : ":";
  const venv = Deno.build.os === "windows" ? `${root}/.venv/Scripts` : `${root}/.venv/bin`;
  return [venv, ...(Deno.env.get("PATH") ?? "").split(sep).filter((d) => d.length > 0)];
}

function isFile(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

/** The first `dir/command` that exists, or null. */
export function findCommand(command: string, dirs: readonly string[]): string | null {
  const names = Deno.build.os === "windows" ? [`${command}.exe`, `${command}.cmd`, command] : [command];
  for (const dir of dirs) {
    for (const name of names) if (isFile(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return null;
}

async function succeeds(cmd: string, args: string[]): Promise<boolean> {
  try {
    const out = await new Deno.Command(cmd, { args, stdin: "null", stdout: "null", stderr: "null" }).output();
    return out.success;
  } catch {
    return false;
  }
}

/** Where a requirement was found (a path, or a description), or null when it is missing. */
export async function locate(r: SystemRequirement, dirs: readonly string[]): Promise<string | null> {
  for (const c of r.commands ?? []) {
    const found = findCommand(c, dirs);
    if (found && (!r.commandText || r.commandText.test(await Deno.readTextFile(found).catch(() => "")))) {
      return found;
    }
  }
  for (const f of r.files ?? []) if (isFile(f)) return f;
  if (r.library === "openblas") {
    // LM_BLAS=off turns it off for the course, but the question here is whether it is installed.
    const setting = Deno.env.get("LM_BLAS");
    const status = loadOpenBlas(
      setting && !/^(off|0|false|no|none)$/i.test(setting) ? setting : undefined,
      "1",
    );
    if (status.blas) return status.blas.path;
  }
  if (r.pythonModule) {
    // The project's venv, Debian's Python, then PATH's (the order the tools try them in).
    const pythons = [
      findCommand("python3", dirs.slice(0, 1)),
      "/usr/bin/python3",
      findCommand("python3", dirs),
    ];
    for (const exe of new Set(pythons)) {
      if (exe && await succeeds(exe, ["-c", `import ${r.pythonModule}`])) {
        return `${exe} -m ${r.pythonModule}`;
      }
    }
  }
  return null;
}

/** Package managers, privileges and Python: probed only when something has to be installed. */
export async function probeMachine(dirs: readonly string[]): Promise<Machine> {
  const os = Deno.build.os;
  const root = Deno.uid?.() === 0;
  let sudo: Machine["sudo"] = "none";
  if (!root && findCommand("sudo", dirs)) {
    if (await succeeds("sudo", ["-n", "true"])) sudo = "passwordless";
    else sudo = Deno.stdin.isTerminal() ? "prompt" : "no-terminal";
  }
  let python: string | null = null;
  for (const name of ["python3", "python"]) {
    const exe = findCommand(name, dirs.filter((d) => !d.includes("/.venv/")));
    // Debian splits venv's pip bootstrap (ensurepip) into python3-venv: check for it, not just for venv.
    if (
      exe && await succeeds(exe, ["-c", "import sys, venv, ensurepip; assert sys.version_info >= (3, 9)"])
    ) {
      python = exe;
      break;
    }
  }
  return {
    os,
    apt: findCommand("apt-get", dirs) !== null,
    brew: findCommand("brew", dirs) !== null,
    root,
    sudo,
    python,
  };
}
