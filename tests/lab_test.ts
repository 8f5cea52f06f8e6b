/**
 * `deno task lab` end to end, without a browser: install the kernelspec into a scratch Jupyter data folder,
 * start the front end the way the task does, and execute a notebook through it with that kernelspec.
 */
import { assert, assertEquals } from "../lib/_assert.ts";
import { startJupyterServer } from "../tools/jupyter/server.ts";
import { findFrontEnd, frontEndArgs, installKernelspec, NO_FRONTEND_MESSAGE } from "../tools/lab.ts";
import { runNotebook } from "../tools/notebook/runner.ts";

Deno.test("deno task lab installs a kernelspec whose front end executes a course notebook", async () => {
  const frontEnd = await findFrontEnd();
  assert(
    frontEnd !== null,
    `this test needs JupyterLab or Notebook (\`deno task test\` installs one). ${NO_FRONTEND_MESSAGE}`,
  );
  const home = await Deno.makeTempDir({ prefix: "lm-lab-test-" });
  const dataDir = `${home}/jupyter`;
  const spec = JSON.parse(await Deno.readTextFile(await installKernelspec(dataDir)));
  assertEquals(spec.argv[0], Deno.execPath());
  assertEquals(spec.env.NO_COLOR, "1");

  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  const token = crypto.randomUUID();
  const argv = frontEndArgs(frontEnd, { root: Deno.cwd(), noBrowser: true, port, token });
  const child = new Deno.Command(argv[0], {
    args: argv.slice(1),
    env: {
      JUPYTER_DATA_DIR: dataDir,
      JUPYTER_CONFIG_DIR: `${home}/config`,
      JUPYTER_RUNTIME_DIR: `${home}/runtime`,
    },
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    const server = await startJupyterServer({
      url: `http://127.0.0.1:${port}/`,
      token,
      startTimeoutSeconds: 60,
    });
    const r = await runNotebook(server, "notebooks/01_gradient_descent_quadratic.ipynb", {
      outDir: `${home}/out`,
    });
    assertEquals([r.status, r.message], ["passed", ""]);
  } finally {
    child.kill("SIGTERM");
    await child.status;
    await Deno.remove(home, { recursive: true });
  }
});
