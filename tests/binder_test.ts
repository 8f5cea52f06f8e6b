/**
 * Binder cannot be reached from here, so this runs Binder's `postBuild` steps in a scratch HOME (Deno from npm,
 * `deno install`, the kernelspec, a warm cache) and checks that the kernelspec they write executes a notebook.
 */
import { assert, assertEquals } from "../lib/_assert.ts";
import { kernelspecJson } from "../tools/jupyter/kernelspec.ts";
import { startJupyterServer } from "../tools/jupyter/server.ts";
import { runNotebook } from "../tools/notebook/runner.ts";

Deno.test("binder/postBuild installs a kernelspec that executes a course notebook", async () => {
  const home = await Deno.makeTempDir({ prefix: "lm-binder-home-" });
  try {
    // npm's machine-wide config (registry, certificates) lives under its prefix; keep it when moving the prefix.
    const globalConfig = new TextDecoder().decode(
      (await new Deno.Command("npm", { args: ["config", "get", "globalconfig"], stdout: "piped" }).output())
        .stdout,
    ).trim();
    // Run with the caller's environment minus npm's own settings: under `npx deno task test` npm exports
    // npm_config_prefix (and friends) to its children, which would send postBuild's `npm install --global`
    // into the machine's prefix, over the Deno that runs this test.
    const inherited = Object.fromEntries(
      Object.entries(Deno.env.toObject()).filter(([k]) => !/^npm_/i.test(k)),
    );
    const env = {
      ...inherited,
      HOME: home,
      NPM_CONFIG_PREFIX: `${home}/npm`,
      NPM_CONFIG_GLOBALCONFIG: globalConfig,
      JUPYTER_DATA_DIR: `${home}/jupyter`,
      // Reuse the module cache: the test checks the steps, not the download speed.
      DENO_DIR: Deno.env.get("DENO_DIR") ?? `${Deno.env.get("HOME")}/.cache/deno`,
    };
    const build = await new Deno.Command("bash", {
      args: ["binder/postBuild"],
      env,
      clearEnv: true,
      stdout: "piped",
      stderr: "piped",
    })
      .output();
    const log = new TextDecoder().decode(build.stdout) + new TextDecoder().decode(build.stderr);
    assert(build.success, `postBuild failed:\n${log}`);
    const spec = JSON.parse(await Deno.readTextFile(`${home}/jupyter/kernels/deno/kernel.json`));
    // The Deno that npm installed into the scratch prefix, in the kernelspec `deno task lab` writes.
    assert(spec.argv[0].startsWith(`${home}/npm/`), spec.argv[0]);
    assertEquals(spec, kernelspecJson({ denoPath: spec.argv[0], displayName: "Deno" }));

    const server = await startJupyterServer({ installedKernelspecs: `${home}/jupyter` });
    try {
      const r = await runNotebook(server, "notebooks/01_gradient_descent_quadratic.ipynb", {
        outDir: `${home}/out`,
      });
      assertEquals([r.status, r.message], ["passed", ""]);
      assert(r.claims.length > 0);
    } finally {
      await server.stop();
    }
  } finally {
    await Deno.remove(home, { recursive: true });
  }
});
