/**
 * Start (or attach to) a real Jupyter server for executing the course's notebooks.
 *
 * The server listens on 127.0.0.1 with a random port and a random token, serves the project root, and
 * finds the course's Deno kernelspec in a private `JUPYTER_PATH`. Its kernel WebSockets get
 * `TCP_NODELAY`, which removes ≈ 40 ms of Nagle delay per cell (DESIGN.md, "Executing notebooks").
 *
 * @module
 */
import {
  TSLAB_KERNEL_NAME,
  type TslabKernelspecOptions,
  writeKernelspec,
  writeTslabKernelspec,
} from "./kernelspec.ts";

/** A running (or attached) Jupyter server. */
export interface JupyterServer {
  /** `http://127.0.0.1:PORT/` */
  baseUrl: string;
  token: string;
  /** Root directory the server serves; notebook paths are given relative to it. */
  rootDir: string;
  /** Stops the server if this process started it; a no-op for an attached server. */
  stop(): Promise<void>;
}

/** Raised when no Jupyter server can be started; the message says how to install one. */
export class JupyterNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      `No Jupyter server found (tried: ${tried.join(", ")}).\n` +
        `Install one, then run again:\n` +
        `  Debian/Ubuntu: sudo apt-get install -y python3-jupyter-server jupyter-server jupyter-client\n` +
        `  into the project: python3 -m venv .venv && .venv/bin/python -m pip install jupyterlab\n` +
        `  (the course's tasks install one themselves: npx -y deno@2.9.6 task course)\n` +
        `Or point the runner at a server you already run: --server-url http://HOST:PORT/ --token TOKEN`,
    );
    this.name = "JupyterNotFoundError";
  }
}

/** Options of {@linkcode startJupyterServer}. */
export interface ServerOptions {
  /** Directory to serve. Default: the current working directory. */
  rootDir?: string;
  /** Use this server instead of starting one (`http://host:port/`). */
  url?: string;
  /** Token of the server named by `url`. */
  token?: string;
  /** Deno executable the kernelspec names. Default: `Deno.execPath()`. */
  denoPath?: string;
  /** Seconds to wait for the server to answer. Default 30. */
  startTimeoutSeconds?: number;
  /** Extra environment for the kernels, e.g. `{ LM_BACKEND: "cpu" }` (written into the private kernelspec). */
  kernelEnv?: Record<string, string>;
  /**
   * Use the kernelspecs installed in this Jupyter data folder (e.g. by `deno task lab` or Binder's postBuild)
   * instead of writing a private one.
   */
  installedKernelspecs?: string;
  /**
   * Also write a private tslab (Node) kernelspec named "tslab" (tools/tslab/; DESIGN.md, "tslab").
   * `kernelEnv` applies to it too.
   */
  tslab?: Omit<TslabKernelspecOptions, "env">;
  /**
   * More kernelspecs for the private `JUPYTER_PATH`: kernel name → `kernel.json` content. The grader adds its
   * sandboxed kernel this way (tools/grade/bubblewrap.ts).
   */
  extraKernelspecs?: Record<string, Record<string, unknown>>;
  /** More command-line options for the server (the grader lifts the IOPub rate limits with these). */
  serverArgs?: string[];
}

/** Python snippet loaded as server config: TCP_NODELAY on kernel WebSockets (jupyter_server 1.x and 2.x). */
const NODELAY_CONFIG = `
def _nodelay(cls):
    original = cls.open
    def open(self, *args, **kwargs):
        self.set_nodelay(True)
        return original(self, *args, **kwargs)
    cls.open = open
try:
    from jupyter_server.services.kernels.handlers import ZMQChannelsHandler
    _nodelay(ZMQChannelsHandler)
except Exception:
    pass
try:
    from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
    _nodelay(KernelWebsocketHandler)
except Exception:
    pass
`;

/** Candidate commands that start a Jupyter server, most specific first. */
function candidates(): string[][] {
  // JUPYTER_SERVER_CMD names the one command to use ("jupyter-server", "python3 -m jupyter_server", …).
  const fromEnv = Deno.env.get("JUPYTER_SERVER_CMD");
  if (fromEnv) return [fromEnv.split(" ").filter((s) => s.length > 0)];
  const list: string[][] = [];
  list.push(["jupyter-server"], ["/usr/bin/python3", "-m", "jupyter_server"], [
    "python3",
    "-m",
    "jupyter_server",
  ], [
    "jupyter",
    "server",
  ]);
  return list;
}

async function works(cmd: string[]): Promise<boolean> {
  try {
    const out = await new Deno.Command(cmd[0], {
      args: [...cmd.slice(1), "--version"],
      stdout: "null",
      stderr: "null",
    })
      .output();
    return out.success;
  } catch {
    return false;
  }
}

/** The first command that starts a Jupyter server here, or a {@linkcode JupyterNotFoundError}. */
export async function findJupyterServer(): Promise<string[]> {
  const tried: string[] = [];
  for (const cmd of candidates()) {
    tried.push(cmd.join(" "));
    if (await works(cmd)) return cmd;
  }
  throw new JupyterNotFoundError(tried);
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** Keep the last 16 kB of the server's log (echoed live when LM_JUPYTER_LOG is set). */
function collectLog(stream: ReadableStream<Uint8Array>): { tail(): string } {
  let text = "";
  const echo = !!Deno.env.get("LM_JUPYTER_LOG");
  const decoder = new TextDecoder();
  (async () => {
    for await (const chunk of stream) {
      const s = decoder.decode(chunk, { stream: true });
      if (echo) Deno.stderr.writeSync(chunk);
      text = (text + s).slice(-16_000);
    }
  })().catch(() => {});
  return { tail: () => text.trim() };
}

async function waitUntilUp(baseUrl: string, token: string, seconds: number, child: Deno.ChildProcess | null) {
  const deadline = performance.now() + seconds * 1000;
  let exited = false;
  child?.status.then(() => exited = true);
  while (performance.now() < deadline) {
    if (exited) throw new Error("The Jupyter server exited while starting.");
    try {
      const r = await fetch(`${baseUrl}api/status`, { headers: { Authorization: `token ${token}` } });
      await r.body?.cancel();
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`The Jupyter server at ${baseUrl} did not answer within ${seconds} s.`);
}

/**
 * Start a Jupyter server for the runner, or attach to the one named by `url`.
 *
 * @example
 * ```ts ignore
 * const server = await startJupyterServer({ rootDir: Deno.cwd() });
 * try { ... } finally { await server.stop(); }
 * ```
 */
export async function startJupyterServer(options: ServerOptions = {}): Promise<JupyterServer> {
  const rootDir = await Deno.realPath(options.rootDir ?? Deno.cwd());
  if (options.url) {
    const baseUrl = options.url.endsWith("/") ? options.url : options.url + "/";
    const token = options.token ?? "";
    await waitUntilUp(baseUrl, token, options.startTimeoutSeconds ?? 10, null);
    return { baseUrl, token, rootDir, stop: () => Promise.resolve() };
  }
  const cmd = await findJupyterServer();
  const home = await Deno.makeTempDir({ prefix: "lm-jupyter-" });
  const jupyterPath = options.installedKernelspecs ?? `${home}/share/jupyter`;
  if (!options.installedKernelspecs) {
    await writeKernelspec(`${jupyterPath}/kernels/deno`, {
      denoPath: options.denoPath ?? Deno.execPath(),
      env: options.kernelEnv,
    });
    if (options.tslab) {
      await writeTslabKernelspec(`${jupyterPath}/kernels/${TSLAB_KERNEL_NAME}`, {
        ...options.tslab,
        env: options.kernelEnv,
      });
    }
  }
  for (
    const [name, spec] of Object.entries(options.installedKernelspecs ? {} : options.extraKernelspecs ?? {})
  ) {
    await Deno.mkdir(`${jupyterPath}/kernels/${name}`, { recursive: true });
    await Deno.writeTextFile(
      `${jupyterPath}/kernels/${name}/kernel.json`,
      JSON.stringify(spec, null, 2) + "\n",
    );
  }
  const configFile = `${home}/nodelay_config.py`;
  await Deno.writeTextFile(configFile, NODELAY_CONFIG);
  const token = randomToken();
  const port = freePort();
  const child = new Deno.Command(cmd[0], {
    args: [
      ...cmd.slice(1),
      "--no-browser",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--port-retries=0",
      `--ServerApp.token=${token}`,
      `--ServerApp.root_dir=${rootDir}`,
      `--config=${configFile}`,
      "--ServerApp.open_browser=False",
      "--ServerApp.log_level=WARN",
      // Every output counts: a notebook (or a student's submission) that prints a lot must not lose the
      // outputs after it to Jupyter's IOPub rate limit ("IOPub message rate exceeded").
      "--ServerApp.iopub_msg_rate_limit=0",
      "--ServerApp.iopub_data_rate_limit=0",
      ...(Deno.uid() === 0 ? ["--allow-root"] : []),
      ...(options.serverArgs ?? []),
    ],
    env: {
      JUPYTER_PATH: jupyterPath,
      JUPYTER_CONFIG_DIR: `${home}/config`,
      JUPYTER_RUNTIME_DIR: `${home}/runtime`,
      JUPYTER_DATA_DIR: `${home}/data`,
      NO_COLOR: "1",
    },
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const log = collectLog(child.stderr);
  const baseUrl = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilUp(baseUrl, token, options.startTimeoutSeconds ?? 30, child);
  } catch (e) {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
    await Deno.remove(home, { recursive: true }).catch(() => {});
    throw new Error(`${(e as Error).message}\nCommand: ${cmd.join(" ")}\nIts log:\n${log.tail()}`);
  }
  let stopped = false;
  // Ctrl-C or a kill of the tool must not leave the server and its kernels running.
  const onSignal = () => {
    try {
      child.kill("SIGTERM");
    } catch { /* already gone */ }
    Deno.exit(130);
  };
  const signals: Deno.Signal[] = ["SIGINT", "SIGTERM"];
  for (const sig of signals) Deno.addSignalListener(sig, onSignal);
  return {
    baseUrl,
    token,
    rootDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const sig of signals) Deno.removeSignalListener(sig, onSignal);
      try {
        child.kill("SIGTERM");
      } catch { /* already gone */ }
      const timer = setTimeout(() => {
        try {
          child.kill("SIGKILL");
        } catch { /* gone */ }
      }, 3000);
      await child.status;
      clearTimeout(timer);
      await Deno.remove(home, { recursive: true }).catch(() => {});
    },
  };
}

/**
 * For command-line tools: start (or attach to) a server, or print why it could not start and how to fix it,
 * and return null (the caller exits with code 3).
 */
export async function startServerOrExplain(options: ServerOptions = {}): Promise<JupyterServer | null> {
  try {
    return await startJupyterServer(options);
  } catch (e) {
    console.error(
      e instanceof JupyterNotFoundError ? e.message : `Could not start Jupyter: ${(e as Error).message}`,
    );
    return null;
  }
}
