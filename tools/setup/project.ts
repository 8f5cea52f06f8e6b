/**
 * The project-local parts of the set-up, each installed into the project and pinned by a lock file:
 * the npm dependencies (`deno install --frozen`, deno.lock, into `node_modules/`) and, for the tests, the
 * tslab side (`npm ci --prefix tools/tslab`, its package-lock.json, into `tools/tslab/node_modules/`).
 *
 * Each records a hash of its lock file(s) next to what it installed; while the hash matches, the part is
 * up to date and costs one small file read to check.
 *
 * @module
 */
import type { Task } from "./requirements.ts";
import { runVisible } from "./install.ts";

/** A part installed into the project. */
export interface ProjectPart {
  name: string;
  tasks: readonly Task[];
  /** Files whose content pins it, relative to the project root. */
  lockFiles: readonly string[];
  /** The stamp file, relative to the project root (inside the folder the part installs, so it goes with it). */
  stamp: string;
  /** The command that installs it (`deno` means this Deno). */
  command: readonly string[];
}

/** The project's own parts. */
export const PROJECT_PARTS: readonly ProjectPart[] = [
  {
    name: "the npm dependencies (deno.lock)",
    tasks: ["course", "test", "lab", "run", "grade"],
    lockFiles: ["deno.json", "deno.lock"],
    stamp: "node_modules/.lm-setup-stamp",
    command: ["deno", "install", "--frozen"],
  },
  {
    name: "the tslab (Node) kernel's packages (tools/tslab/package-lock.json)",
    tasks: ["test"],
    lockFiles: ["tools/tslab/package.json", "tools/tslab/package-lock.json"],
    stamp: "tools/tslab/node_modules/.lm-setup-stamp",
    command: ["npm", "ci", "--prefix", "tools/tslab", "--no-audit", "--no-fund"],
  },
];

async function hashOf(root: string, files: readonly string[]): Promise<string> {
  const parts = await Promise.all(files.map((f) => Deno.readTextFile(`${root}/${f}`)));
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(parts.join("\0")));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** True when the part was installed from the lock files as they are now. */
export async function isUpToDate(root: string, part: ProjectPart): Promise<boolean> {
  try {
    return (await Deno.readTextFile(`${root}/${part.stamp}`)).trim() === await hashOf(root, part.lockFiles);
  } catch {
    return false;
  }
}

/** Install the part and record its stamp. */
export async function installPart(root: string, part: ProjectPart): Promise<void> {
  const [cmd, ...args] = part.command;
  console.log(`setup: installing ${part.name} into the project\nsetup: $ ${part.command.join(" ")}`);
  const hash = await hashOf(root, part.lockFiles);
  const prev = Deno.cwd();
  Deno.chdir(root);
  try {
    await runVisible(cmd === "deno" ? Deno.execPath() : cmd, args);
  } finally {
    Deno.chdir(prev);
  }
  await Deno.writeTextFile(`${root}/${part.stamp}`, hash + "\n");
}
