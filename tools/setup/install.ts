/**
 * Carry out a set-up plan's steps, saying before each one what it writes where: system packages through
 * apt-get or Homebrew, Python packages into the project's `.venv/`.
 *
 * @module
 */
import { type Step, stepCommand } from "./plan.ts";

/** Run a command with the terminal attached; throws with the command when it fails. */
export async function runVisible(cmd: string, args: string[], env?: Record<string, string>): Promise<void> {
  const status = await new Deno.Command(cmd, {
    args,
    env,
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  })
    .spawn().status;
  if (!status.success) {
    throw new Error(`\`${[cmd, ...args].join(" ")}\` failed (exit code ${status.code}).`);
  }
}

/**
 * The first of several Debian package names this machine's apt knows (Debian calls it `chromium`, Ubuntu
 * `chromium-browser`); the first name when none is known, so that apt-get says what is wrong.
 */
async function firstAvailable(names: string[]): Promise<string> {
  if (names.length === 1) return names[0];
  for (const name of names) {
    const out = await new Deno.Command("apt-cache", {
      args: ["show", "--no-all-versions", name],
      stdout: "null",
      stderr: "null",
    })
      .output().catch(() => null);
    if (out?.success) return name;
  }
  return names[0];
}

/** What a step writes, for the line printed before it. */
export function stepDescription(step: Step, root: string): string {
  switch (step.kind) {
    case "apt":
      return `installing Debian packages (system-wide, with apt-get${step.sudo ? " through sudo" : ""}): ${
        step.packages.join(" ")
      }`;
    case "brew":
      return `installing with Homebrew (into Homebrew's prefix): ${
        [...step.formulae, ...step.casks].join(" ")
      }`;
    case "pip":
      return `installing ${
        step.packages.join(" ")
      } with pip into the project's virtual environment ${root}/.venv ` +
        `(nothing outside the project; delete .venv to undo)`;
  }
}

/** Carry out one step. */
export async function runStep(step: Step, root: string): Promise<void> {
  console.log(`setup: ${stepDescription(step, root)}\nsetup: $ ${stepCommand(step)}`);
  switch (step.kind) {
    case "apt": {
      const pre = step.sudo ? ["sudo", "env", "DEBIAN_FRONTEND=noninteractive"] : [];
      const env = step.sudo ? undefined : { DEBIAN_FRONTEND: "noninteractive" };
      const [cmd, ...args] = [...pre, "apt-get"];
      await runVisible(cmd, [...args, "update", "-qq"], env);
      const packages = [];
      for (const p of step.packages) packages.push(await firstAvailable(p.split("|")));
      await runVisible(cmd, [...args, "install", "-y", "-qq", ...packages], env);
      return;
    }
    case "brew":
      if (step.formulae.length) await runVisible("brew", ["install", ...step.formulae]);
      if (step.casks.length) await runVisible("brew", ["install", "--cask", ...step.casks]);
      return;
    case "pip": {
      const venvPython = Deno.build.os === "windows"
        ? `${root}/.venv/Scripts/python.exe`
        : `${root}/.venv/bin/python`;
      try {
        Deno.statSync(venvPython);
      } catch {
        await runVisible(step.python, ["-m", "venv", `${root}/.venv`]);
      }
      await runVisible(venvPython, ["-m", "pip", "install", "--disable-pip-version-check", ...step.packages]);
      return;
    }
  }
}
