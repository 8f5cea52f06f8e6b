/**
 * A kernel that is slow to start (tslab under load: Node loads the TypeScript compiler before it listens)
 * still runs its notebook. The kernelspec here waits 15 s before it starts Deno's kernel; the runner gives a
 * kernel 10 s to answer its first `kernel_info_request`, then must wait for the connection instead of
 * failing at once with "status is not connected" (tools/notebook/execute.ts, `startSession`).
 */
import { assertEquals } from "../lib/_assert.ts";
import { startJupyterServer } from "../tools/jupyter/server.ts";
import { runNotebooks } from "../tools/notebook/runner.ts";

Deno.test("a kernel that takes 15 s to start still runs its notebook", async () => {
  const dir = await Deno.makeTempDir({ prefix: "lm-slow-kernel-" });
  try {
    await Deno.mkdir(`${dir}/share/jupyter/kernels/slow`, { recursive: true });
    await Deno.writeTextFile(
      `${dir}/share/jupyter/kernels/slow/kernel.json`,
      JSON.stringify({
        argv: [
          "sh",
          "-c",
          `sleep 15; exec "${Deno.execPath()}" jupyter --kernel --conn "$0"`,
          "{connection_file}",
        ],
        display_name: "Deno, 15 s late",
        language: "typescript",
        env: { NO_COLOR: "1" },
      }),
    );
    const server = await startJupyterServer({ installedKernelspecs: `${dir}/share/jupyter` });
    try {
      const [r] = await runNotebooks(server, ["tests/fixtures/book/90_slider.ipynb"], {
        outDir: `${dir}/out`,
        kernelName: "slow",
      });
      assertEquals([r.status, r.message], ["passed", ""]);
    } finally {
      await server.stop();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
