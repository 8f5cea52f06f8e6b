/**
 * A Notebook 6 server (Debian 12's `jupyter-notebook`, 6.4) on 127.0.0.1 with a fresh profile, so that every
 * notebook it opens is untrusted: nobody signed it (tests/viewers_test.ts).
 *
 * @module
 */

/** A running Notebook 6 server. */
export interface Notebook6 {
  /** URL of a notebook in the served folder, token included. */
  url(name: string): string;
  stop(): Promise<void>;
}

/**
 * Start Notebook 6 serving `dir` (its profile goes to `${dir}/.profile`).
 *
 * @throws {Error} naming the Debian package when `jupyter-notebook` is missing or is not version 6
 */
export async function startNotebook6(dir: string): Promise<Notebook6> {
  let version = "";
  try {
    const out = await new Deno.Command("jupyter-notebook", {
      args: ["--version"],
      stdout: "piped",
      stderr: "null",
    })
      .output();
    version = new TextDecoder().decode(out.stdout).trim();
  } catch { /* not installed */ }
  if (!version.startsWith("6.")) {
    throw new Error(
      `Notebook 6 not found (jupyter-notebook --version: ${JSON.stringify(version || "not installed")}): ` +
        "install Debian's package jupyter-notebook (apt-get install -y jupyter-notebook)",
    );
  }
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  const token = crypto.randomUUID().replaceAll("-", "");
  const profile = `${dir}/.profile`;
  const child = new Deno.Command("jupyter-notebook", {
    args: [
      "--no-browser",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--port-retries=0",
      `--NotebookApp.token=${token}`,
      `--notebook-dir=${dir}`,
      ...(Deno.uid() === 0 ? ["--allow-root"] : []),
    ],
    env: {
      HOME: profile,
      JUPYTER_CONFIG_DIR: `${profile}/config`,
      JUPYTER_DATA_DIR: `${profile}/data`,
      JUPYTER_RUNTIME_DIR: `${profile}/runtime`,
    },
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      child.kill("SIGTERM");
    } catch { /* gone */ }
    await child.status;
  };
  const deadline = performance.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${base}/api/status?token=${token}`);
      await r.body?.cancel();
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`Notebook 6 did not answer on ${base} within 60 s`);
    }
    await new Promise((res) => setTimeout(res, 200));
  }
  return { url: (name) => `${base}/notebooks/${name}?token=${token}`, stop };
}
