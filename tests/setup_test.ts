/**
 * The set-up behind the README's two commands (tools/setup.ts): its decisions on every kind of machine (a
 * pure function: apt as root or with sudo, Homebrew, pip into `.venv/`, nothing), and on this machine: a
 * second run installs nothing and checks in under 2 s; without a package manager it stops at once with one
 * message; and the README's first `sh` block is exactly what CI runs.
 */
import { assert, assertEquals } from "../lib/_assert.ts";
import { type Machine, planSetup, type Step } from "../tools/setup/plan.ts";
import { requirementsFor, type Task } from "../tools/setup/requirements.ts";

const debianRoot: Machine = {
  os: "linux",
  apt: true,
  brew: false,
  root: true,
  sudo: "none",
  python: "/usr/bin/python3",
};
const debianUser: Machine = { ...debianRoot, root: false };
const mac: Machine = {
  os: "darwin",
  apt: false,
  brew: true,
  root: false,
  sudo: "prompt",
  python: "/usr/bin/python3",
};
const otherLinux: Machine = {
  os: "linux",
  apt: false,
  brew: false,
  root: false,
  sudo: "prompt",
  python: "/usr/bin/python3",
};

/** The plan when everything the task needs is missing. */
function planFresh(task: Task, m: Machine) {
  return planSetup(requirementsFor(task, m.os), m, task);
}

function aptPackages(steps: Step[]): string[] {
  return steps.flatMap((s) => (s.kind === "apt" ? s.packages : []));
}

Deno.test("on a fresh Debian machine as root, one apt-get step installs every system package the tests need", () => {
  const plan = planFresh("test", debianRoot);
  assertEquals(plan.blocked, undefined);
  assertEquals(plan.steps.map((s) => s.kind), ["apt"]);
  assertEquals(plan.steps[0].kind === "apt" && plan.steps[0].sudo, false);
  assertEquals(aptPackages(plan.steps), [
    "python3-jupyter-server",
    "jupyter-server",
    "jupyter-client",
    "jupyter-notebook",
    "jupyter-nbconvert",
    "libopenblas0-pthread",
    "bubblewrap",
    "chromium|chromium-browser",
  ]);
});

Deno.test("the course alone needs a Jupyter server and OpenBLAS, not the test-only packages", () => {
  assertEquals(aptPackages(planFresh("course", debianRoot).steps), [
    "python3-jupyter-server",
    "jupyter-server",
    "jupyter-client",
    "libopenblas0-pthread",
  ]);
});

Deno.test("with passwordless sudo, or sudo that can ask on a terminal, apt-get runs through sudo", () => {
  for (const sudo of ["passwordless", "prompt"] as const) {
    const plan = planFresh("test", { ...debianUser, sudo });
    assertEquals(plan.steps.map((s) => s.kind === "apt" && s.sudo), [true]);
  }
});

Deno.test("without root or sudo on Debian, the tests' set-up stops with one apt-get command and installs nothing", () => {
  const plan = planFresh("test", debianUser);
  assertEquals(plan.steps, []);
  const message = plan.blocked ?? "";
  assert(message.includes("as root"), message);
  assert(
    message.includes(
      "  apt-get update && apt-get install -y python3-jupyter-server jupyter-server jupyter-client jupyter-notebook " +
        "jupyter-nbconvert libopenblas0-pthread bubblewrap chromium\n",
    ),
    message,
  );
  assert(message.includes("bubblewrap (the grader runs each submission in its sandbox)"), message);
  const noTerminal = planFresh("test", { ...debianUser, sudo: "no-terminal" }).blocked ?? "";
  assert(
    noTerminal.includes("sudo apt-get update && sudo apt-get install -y python3-jupyter-server"),
    noTerminal,
  );
});

Deno.test("without root on Debian the course still sets up, with JupyterLab in the project's .venv", () => {
  const plan = planFresh("course", debianUser);
  assertEquals(plan.blocked, undefined);
  assertEquals(plan.steps, [{ kind: "pip", python: "/usr/bin/python3", packages: ["jupyterlab"] }]);
  assertEquals(plan.notes.length, 1);
  assert(plan.notes[0].startsWith("OpenBLAS: not installed (installing it with apt-get needs root or sudo)"));
});

Deno.test("on macOS Homebrew installs JupyterLab, OpenBLAS and Chromium, pip Notebook 6; bubblewrap is Linux-only", () => {
  const plan = planFresh("test", mac);
  assertEquals(plan.steps, [
    { kind: "brew", formulae: ["jupyterlab", "openblas"], casks: ["chromium"] },
    { kind: "pip", python: "/usr/bin/python3", packages: ["notebook<7"] },
  ]);
  const withoutBrew = planFresh("test", { ...mac, brew: false });
  assertEquals(withoutBrew.steps, []);
  assert(withoutBrew.blocked?.includes("brew install jupyterlab openblas && brew install --cask chromium"));
});

Deno.test("anywhere with Python but no known package manager, Jupyter comes from pip and the rest is named", () => {
  const course = planFresh("course", otherLinux);
  assertEquals(course.steps, [{ kind: "pip", python: "/usr/bin/python3", packages: ["jupyterlab"] }]);
  assertEquals(course.blocked, undefined);
  const test = planFresh("test", otherLinux);
  assertEquals(test.steps, []);
  assert(test.blocked?.includes("Install bubblewrap and Chromium with yours"), test.blocked);
  const noPython = planFresh("course", { ...otherLinux, python: null });
  assert(noPython.blocked?.includes("python3 -m venv .venv && .venv/bin/python -m pip install jupyterlab"));
});

Deno.test("with nothing missing there is nothing to do", () => {
  assertEquals(planSetup([], debianUser, "test"), { steps: [], notes: [] });
});

async function setupRun(args: string[], env?: Record<string, string>) {
  const t0 = performance.now();
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "tools/setup.ts", ...args],
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - t0) / 1000;
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr), seconds };
}

Deno.test("run again, the tests' set-up installs nothing and takes under 2 s", async () => {
  await setupRun(["test"]); // the suite runs through the set-up already; this makes the test stand alone
  const r = await setupRun(["test"]);
  assertEquals(r.code, 0, r.stderr);
  assert(!/installing/.test(r.stdout + r.stderr), r.stdout + r.stderr);
  assert(r.stdout.includes("setup: ready for `deno task test`"), r.stdout);
  assert(r.seconds < 2, `the set-up check took ${r.seconds.toFixed(2)} s`);
});

Deno.test("without a package manager or Python, the set-up stops at once with one message and exit code 3", async () => {
  const empty = await Deno.makeTempDir({ prefix: "lm-setup-path-" });
  try {
    const r = await setupRun(["test"], { PATH: empty, LM_BLAS: "/nonexistent/libopenblas.so" });
    assertEquals(r.code, 3, r.stdout + r.stderr);
    assert(!/installing/.test(r.stdout + r.stderr), r.stdout + r.stderr);
    assert(r.stderr.startsWith("setup: `deno task test` needs "), r.stderr);
    assert(r.stderr.includes("bubblewrap (the grader runs each submission in its sandbox)"), r.stderr);
    assert(r.stderr.includes("Then run the same command again."), r.stderr);
    assert(r.seconds < 2, `stopping took ${r.seconds.toFixed(2)} s`);
  } finally {
    await Deno.remove(empty, { recursive: true });
  }
});

Deno.test("the README's first sh block holds exactly two commands, and .ci/run runs each of them verbatim", async () => {
  const readme = await Deno.readTextFile("README.md");
  const block = readme.match(/```sh\n([\s\S]*?)```/)?.[1] ?? "";
  const commands = block.split("\n").map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith("#"));
  assertEquals(commands, ["npx -y deno@2.9.6 task course", "npx -y deno@2.9.6 task test"]);
  const ci = (await Deno.readTextFile(".ci/run")).split("\n");
  for (const c of commands) assert(ci.some((l) => l.includes(c)), `.ci/run does not run \`${c}\``);
});
