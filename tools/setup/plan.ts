/**
 * Decide how to install what is missing, from facts about the machine: a pure function, so that every route
 * (apt as root or with sudo, Homebrew, pip into `.venv/`, none) is tested here without a fresh machine.
 *
 * Each missing requirement takes the first source this machine can use: the system package manager (apt
 * when root or sudo can run it; Homebrew), else pip into the project's `.venv/` (the Jupyter parts only).
 * If a requirement that is not optional has no usable source, nothing is installed and the plan carries one
 * message naming the exact command that would install everything missing.
 *
 * @module
 */
import type { SystemRequirement, Task } from "./requirements.ts";

/** What the set-up knows about the machine (tools/setup/machine.ts probes it). */
export interface Machine {
  /** `Deno.build.os`. */
  os: string;
  /** `apt-get` is on PATH. */
  apt: boolean;
  /** `brew` is on PATH. */
  brew: boolean;
  /** Running as root. */
  root: boolean;
  /**
   * sudo: absent; runs without a password; asks for one on the terminal we have; or asks for one and there
   * is no terminal to answer on.
   */
  sudo: "none" | "passwordless" | "prompt" | "no-terminal";
  /** A Python 3 that can create a virtual environment with pip, or null. */
  python: string | null;
}

/** One installing step. */
export type Step =
  | { kind: "apt"; packages: string[]; sudo: boolean }
  | { kind: "brew"; formulae: string[]; casks: string[] }
  | { kind: "pip"; python: string; packages: string[] };

/** What to do. */
export interface Plan {
  steps: Step[];
  /** Optional requirements that stay missing, each with the reason (printed, not fatal). */
  notes: string[];
  /** Set when a needed part cannot be installed here: the one message to print before stopping. */
  blocked?: string;
}

function union(lists: (readonly string[] | undefined)[]): string[] {
  return [...new Set(lists.flatMap((l) => l ?? []))];
}

/** The shell command that runs `step`, as a person would type it. */
export function stepCommand(step: Step): string {
  switch (step.kind) {
    case "apt": {
      // "a|b": the first of a and b that apt knows (tools/setup/install.ts); a person types the first.
      const s = step.sudo ? "sudo " : "";
      return `${s}apt-get update && ${s}apt-get install -y ${
        step.packages.map((p) => p.split("|")[0]).join(" ")
      }`;
    }
    case "brew":
      return [
        ...(step.formulae.length ? [`brew install ${step.formulae.join(" ")}`] : []),
        ...(step.casks.length ? [`brew install --cask ${step.casks.join(" ")}`] : []),
      ].join(" && ");
    case "pip":
      return `${step.python} -m venv .venv && .venv/bin/python -m pip install ${step.packages.join(" ")}`;
  }
}

/** The plan for the requirements that are `missing` on `machine`. */
export function planSetup(missing: readonly SystemRequirement[], machine: Machine, task: Task): Plan {
  const aptUsable = machine.apt &&
    (machine.root || machine.sudo === "passwordless" || machine.sudo === "prompt");
  const useSudo = !machine.root;
  const viaApt: SystemRequirement[] = [];
  const viaBrew: SystemRequirement[] = [];
  const viaPip: SystemRequirement[] = [];
  const notes: string[] = [];
  const unresolved: SystemRequirement[] = [];
  for (const r of missing) {
    if (aptUsable && r.apt?.length) viaApt.push(r);
    else if (machine.brew && (r.brew?.length || r.brewCask?.length)) viaBrew.push(r);
    else if (machine.python && r.pip?.length) viaPip.push(r);
    else if (r.optional) {
      notes.push(
        `${r.name}: not installed (${
          noSourceReason(r, machine)
        }); ${r.why} — the course runs without it, only slower.`,
      );
    } else unresolved.push(r);
  }
  if (unresolved.length > 0) {
    return { steps: [], notes, blocked: blockedMessage(missing, unresolved, machine, task) };
  }
  const steps: Step[] = [];
  if (viaApt.length) steps.push({ kind: "apt", packages: union(viaApt.map((r) => r.apt)), sudo: useSudo });
  if (viaBrew.length) {
    steps.push({
      kind: "brew",
      formulae: union(viaBrew.map((r) => r.brew)),
      casks: union(viaBrew.map((r) => r.brewCask)),
    });
  }
  if (viaPip.length) {
    steps.push({
      kind: "pip",
      python: machine.python!,
      packages: union(viaPip.map((r) => r.pip)),
    });
  }
  return { steps, notes };
}

/** "a", "a and b", "a, b and c". */
function listOf(items: string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function noSourceReason(r: SystemRequirement, m: Machine): string {
  if (m.apt && r.apt?.length) return "installing it with apt-get needs root or sudo";
  if (!m.apt && !m.brew) return "no package manager the set-up knows (apt-get, brew) is here";
  return "no package manager here offers it";
}

function blockedMessage(
  missing: readonly SystemRequirement[],
  unresolved: readonly SystemRequirement[],
  m: Machine,
  task: Task,
): string {
  const names = listOf(unresolved.map((r) => `${r.name} (${r.why})`));
  const head = `setup: \`deno task ${task}\` needs ${names}, and this set-up cannot install ${
    unresolved.length > 1 ? "them" : "it"
  } here.`;
  const again = "Then run the same command again.";
  if (m.apt) {
    // One command for everything missing, so that the next run installs nothing.
    const packages = union(missing.map((r) => r.apt));
    if (m.sudo === "no-terminal") {
      return `${head}\nsudo needs a password and there is no terminal to ask for it. Run, in a terminal:\n` +
        `  ${stepCommand({ kind: "apt", packages, sudo: true })}\n${again}`;
    }
    return `${head}\nInstalling Debian packages needs root, and sudo is not available to this user. Run, as root:\n` +
      `  ${stepCommand({ kind: "apt", packages, sudo: false })}\n${again}`;
  }
  if (m.os === "darwin") {
    const formulae = union(missing.map((r) => r.brew));
    const casks = union(missing.map((r) => r.brewCask));
    return `${head}\nInstall Homebrew (https://brew.sh), then run:\n` +
      `  ${stepCommand({ kind: "brew", formulae, casks })}\n${again}`;
  }
  const withPip = unresolved.filter((r) => r.pip?.length);
  if (withPip.length === unresolved.length) {
    return `${head}\nIt needs Python 3 with venv and pip (python3 -m venv). Install Python 3, or run:\n` +
      `  python3 -m venv .venv && .venv/bin/python -m pip install ${
        union(withPip.map((r) => r.pip)).join(" ")
      }\n` +
      again;
  }
  const debianNames = union(unresolved.map((r) => r.apt)).map((p) => p.split("|")[0]).join(" ");
  return `${head}\nNo package manager the set-up knows (apt-get, brew) is on this machine. Install ${
    listOf(unresolved.map((r) => r.name))
  } with yours (on Debian they are the packages ${debianNames}).\n${again}`;
}
