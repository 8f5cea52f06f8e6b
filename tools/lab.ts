/**
 * `deno task lab [--no-browser] [--port N] [--kernelspec-only]`: install (or refresh) the course's Deno
 * kernelspec and open the course in the Jupyter front end that is installed: JupyterLab if present, else
 * Jupyter Notebook. With neither, say how to get one. `--kernelspec-only` stops after the kernelspec (Binder's
 * postBuild uses it, so that Binder's kernel is exactly this one). The task's set-up (tools/setup.ts) installs
 * a front end first when there is none.
 *
 * The kernelspec is written into the user's Jupyter data folder (`jupyter --data-dir`, or `JUPYTER_DATA_DIR`)
 * under the name the notebooks declare, `deno`; its argv names the Deno that runs this task and its env sets
 * `NO_COLOR=1` (DESIGN.md, "Executing notebooks").
 *
 * @module
 */
import { parseArgs } from "node:util";
import { KERNEL_NAME, writeKernelspec } from "./jupyter/kernelspec.ts";

/** A Jupyter front end found on this machine. */
export interface FrontEnd {
  name: "JupyterLab" | "Jupyter Notebook";
  command: string[];
}

async function runs(cmd: string[]): Promise<boolean> {
  try {
    return (await new Deno.Command(cmd[0], { args: cmd.slice(1), stdout: "null", stderr: "null" }).output())
      .success;
  } catch {
    return false;
  }
}

/** JupyterLab, else Notebook, else null. `LM_FRONTEND=lab|notebook` restricts the search (for tests). */
export async function findFrontEnd(): Promise<FrontEnd | null> {
  const only = Deno.env.get("LM_FRONTEND");
  if (only !== "notebook") {
    for (const cmd of [["jupyter-lab"], ["jupyter", "lab"]]) {
      if (await runs([...cmd, "--version"])) return { name: "JupyterLab", command: cmd };
    }
  }
  if (only !== "lab") {
    for (const cmd of [["jupyter-notebook"], ["jupyter", "notebook"]]) {
      if (await runs([...cmd, "--version"])) return { name: "Jupyter Notebook", command: cmd };
    }
  }
  return null;
}

/** The user's Jupyter data folder: `JUPYTER_DATA_DIR`, else `jupyter --data-dir`, else ~/.local/share/jupyter. */
export async function jupyterDataDir(): Promise<string> {
  const fromEnv = Deno.env.get("JUPYTER_DATA_DIR");
  if (fromEnv) return fromEnv;
  try {
    const out = await new Deno.Command("jupyter", { args: ["--data-dir"], stdout: "piped", stderr: "null" })
      .output();
    const dir = new TextDecoder().decode(out.stdout).trim();
    if (out.success && dir) return dir;
  } catch { /* no jupyter command */ }
  return `${Deno.env.get("HOME") ?? "."}/.local/share/jupyter`;
}

/** Install or refresh the course kernelspec; returns the kernel.json path. */
export async function installKernelspec(dataDir?: string): Promise<string> {
  const dir = `${dataDir ?? await jupyterDataDir()}/kernels/${KERNEL_NAME}`;
  return await writeKernelspec(dir, { denoPath: Deno.execPath(), displayName: "Deno" });
}

/** The argv that starts the front end on the course, as `deno task lab` does. */
export function frontEndArgs(
  frontEnd: FrontEnd,
  options: { root: string; noBrowser?: boolean; port?: number; token?: string },
): string[] {
  return [
    ...frontEnd.command,
    `--ServerApp.root_dir=${options.root}`,
    ...(frontEnd.name === "Jupyter Notebook" ? [`--NotebookApp.notebook_dir=${options.root}`] : []),
    ...(options.noBrowser ? ["--no-browser"] : []),
    ...(options.port ? [`--port=${options.port}`, "--port-retries=0"] : []),
    ...(options.token !== undefined
      ? [`--ServerApp.token=${options.token}`, `--NotebookApp.token=${options.token}`]
      : []),
    "--ip=127.0.0.1",
    ...(Deno.uid() === 0 ? ["--allow-root"] : []),
  ];
}

export const NO_FRONTEND_MESSAGE =
  `Neither JupyterLab nor Jupyter Notebook is installed. \`deno task lab\` installs one; or install one yourself:
  into the project:   python3 -m venv .venv && .venv/bin/python -m pip install jupyterlab
  Debian/Ubuntu:      sudo apt-get install -y jupyter-notebook
  macOS:              brew install jupyterlab
  conda/mamba:        mamba install -c conda-forge jupyterlab
Or use VS Code's Jupyter extension: open a notebook and pick the kernel "Deno" (installed by this task).`;

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      "no-browser": { type: "boolean" },
      port: { type: "string" },
      "kernelspec-only": { type: "boolean" },
    },
  });
  const spec = await installKernelspec();
  console.log(
    `Kernel "Deno" (${KERNEL_NAME}) installed in your Jupyter data folder: ${spec} (runs ${Deno.execPath()})`,
  );
  if (values["kernelspec-only"]) Deno.exit(0);
  const frontEnd = await findFrontEnd();
  if (!frontEnd) {
    console.error(NO_FRONTEND_MESSAGE);
    Deno.exit(3);
  }
  const argv = frontEndArgs(frontEnd, {
    root: Deno.cwd(),
    noBrowser: values["no-browser"],
    port: values.port ? Number(values.port) : undefined,
  });
  console.log(`Opening the course in ${frontEnd.name}: start with notebooks/00_orientation.ipynb`);
  const child = new Deno.Command(argv[0], { args: argv.slice(1), stdin: "inherit" }).spawn();
  Deno.exit((await child.status).code);
}
