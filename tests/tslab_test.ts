/**
 * The course under the tslab (Node) kernel: lib/ is built into the Node package `learning-mechanics`
 * (`deno task tslab-build`, skipped when fresh), and every notebook in notebooks/ runs in a tslab kernel
 * through the same runner, with the same requirements as under Deno — except the notebooks listed in
 * {@linkcode CANNOT_RUN_UNDER_TSLAB}, each with its reason. Needs `npm ci --prefix tools/tslab`.
 */
import { assert, assertEquals } from "../lib/_assert.ts";
import { startJupyterServer } from "../tools/jupyter/server.ts";
import { tslabKernelspecJson } from "../tools/jupyter/kernelspec.ts";
import { expandNotebookPaths, runNotebooks } from "../tools/notebook/runner.ts";
import { progressLine } from "../tools/notebook/summary.ts";
import { buildNodePackage, classifyDiagnostics, PACKAGE_DIR, ROOT, TSLAB_BIN } from "../tools/tslab/build.ts";
import { patchTslab } from "../tools/tslab/patch.ts";

/**
 * Notebooks that cannot run under tslab, with the reason (the README repeats this list). Keep it short:
 * a notebook belongs here only for something tslab itself cannot do.
 */
export const CANNOT_RUN_UNDER_TSLAB: Record<string, string> = {};

Deno.test("the tslab kernelspec starts tslab under Node with NO_COLOR set", () => {
  const spec = tslabKernelspecJson({ tslabPath: "/x/tslab", env: { LM_BACKEND: "cpu" } });
  assertEquals(spec.argv, ["node", "/x/tslab", "kernel", "--config-path", "{connection_file}"]);
  assertEquals(spec.env, { LM_BACKEND: "cpu", NO_COLOR: "1" });
});

Deno.test("the Node build fails on syntax and unresolved modules, warns on type errors, drops import.meta", () => {
  const out = [
    "lib/a.ts(1,1): error TS2322: Type 'string' is not assignable to type 'number'.",
    "  Type detail.",
    "lib/b.ts(2,1): error TS2307: Cannot find module 'x' or its corresponding type declarations.",
    "lib/data/_files.ts(3,1): error TS1343: The 'import.meta' meta-property is only allowed when …",
  ].join("\n");
  assertEquals(classifyDiagnostics(out), {
    fatal: ["lib/b.ts(2,1): error TS2307: Cannot find module 'x' or its corresponding type declarations."],
    warnings: [
      "lib/a.ts(1,1): error TS2322: Type 'string' is not assignable to type 'number'.",
      "  Type detail.",
    ],
  });
});

Deno.test("the tslab patch applies once, is idempotent, and refuses another tslab", async () => {
  const dir = await Deno.makeTempDir({ prefix: "lm-tslab-patch-" });
  try {
    await Deno.mkdir(`${dir}/dist`);
    const original = `${ROOT}/tools/tslab/node_modules/tslab/dist/converter.js`;
    const text = await Deno.readTextFile(original);
    await Deno.writeTextFile(`${dir}/dist/converter.js`, text);
    // The installed copy is already patched by the build; a fresh copy comes from undoing nothing then.
    const first = await patchTslab(dir);
    assert(first === "patched" || first === "already-patched", first);
    assertEquals(await patchTslab(dir), "already-patched");
    await Deno.writeTextFile(`${dir}/dist/converter.js`, "function other() {}\n");
    let message = "";
    await patchTslab(dir).catch((e) => message = (e as Error).message);
    assert(message.includes("expected wrapPrevIdentifier exactly once"), message);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("every course notebook runs under the tslab kernel and reproduces its claims", async (t) => {
  await buildNodePackage({ verbose: false });
  const all = await expandNotebookPaths(["notebooks"], { skipMissing: true });
  for (const path of Object.keys(CANNOT_RUN_UNDER_TSLAB)) {
    assert(all.includes(path), `CANNOT_RUN_UNDER_TSLAB names ${path}, which is not a notebook in notebooks/`);
  }
  const paths = all.filter((p) => !(p in CANNOT_RUN_UNDER_TSLAB));
  const keep = Deno.env.get("LM_TEST_OUT");
  const out = keep ? `${keep}/tslab` : await Deno.makeTempDir({ prefix: "lm-tslab-test-" });
  const server = await startJupyterServer({ tslab: { tslabPath: TSLAB_BIN } });
  let results;
  try {
    results = await runNotebooks(server, paths, {
      outDir: out,
      kernelName: "tslab",
      jobs: Math.min(2, navigator.hardwareConcurrency || 1),
      cellTimeoutSeconds: 300,
      onProgress: (e) => e.kind === "end" && console.log(`tslab: ${progressLine(e.result)}`),
    });
  } finally {
    await server.stop();
    if (!keep) await Deno.remove(out, { recursive: true });
  }
  for (const r of results) {
    await t.step(
      `${r.path} passes under tslab (${r.claims.length} claims, ${r.seconds.toFixed(1)} s)`,
      () => {
        const failedClaims = r.claims.filter((c) => !c.passed).map((c) =>
          `${c.name}: measured ${c.measured}, predicted ${c.predicted} (${c.rule})`
        );
        assertEquals([r.status, r.message, failedClaims], ["passed", "", []]);
      },
    );
  }
  assert(PACKAGE_DIR.startsWith(ROOT), "the package is built inside the project");
});
