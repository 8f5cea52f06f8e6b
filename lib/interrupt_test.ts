import { assert, assertEquals } from "./_assert.ts";
import { checkInterrupt, DROP_MS, InterruptedError, STUCK_MS } from "./interrupt.ts";

/** Run `body` in a Deno process with the handler installed; SIGINT it `afterMs` after it says "ready". */
async function interrupted(body: string, afterMs: number) {
  const code = `import { checkInterrupt, installInterruptHandler, uninstallInterruptHandler } from ${
    JSON.stringify(new URL("./interrupt.ts", import.meta.url).href)
  };
if (!(await installInterruptHandler({ force: true }))) throw new Error("not installed");
console.log("ready");
${body}
uninstallInterruptHandler();`;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["eval", "--ext=ts", code],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let out = "";
  while (!out.includes("ready\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    out += value;
  }
  await new Promise((r) => setTimeout(r, afterMs));
  child.kill("SIGINT");
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    out += value;
  }
  const status = await child.status;
  const err = await new Response(child.stderr).text();
  return { out, err, status };
}

Deno.test("outside a kernel checkInterrupt does nothing and installs nothing", () => {
  for (let step = 0; step < 1000; step++) checkInterrupt("loop", step);
});

Deno.test("InterruptedError says where the loop stopped and that the kernel is kept", () => {
  assertEquals(
    new InterruptedError("trainSgd", 12).message,
    "Interrupted: trainSgd stopped at step 12; the kernel and your variables are kept.",
  );
  assertEquals(
    new InterruptedError("sweepLearningRates", "run 3 of 12").message,
    "Interrupted: sweepLearningRates stopped at run 3 of 12; the kernel and your variables are kept.",
  );
});

Deno.test("SIGINT stops a synchronous loop at its next check, and the process goes on", async () => {
  const { out, status } = await interrupted(
    `try {
  for (let step = 0; ; step++) checkInterrupt("demo", step);
} catch (e) {
  console.log((e as Error).name + ": " + (e as Error).message);
}
console.log("still running");`,
    300,
  );
  assertEquals(status.code, 0, out);
  assert(
    /InterruptedError: Interrupted: demo stopped at step \d+; the kernel and your variables are kept\./.test(
      out,
    ),
    out,
  );
  assert(out.includes("still running"), out);
});

Deno.test("an interrupt that no loop takes is dropped, not thrown at a later loop", async () => {
  const { out, status } = await interrupted(
    `await new Promise((r) => setTimeout(r, ${DROP_MS + 1000}));
checkInterrupt("later", 0);
console.log("not thrown");`,
    100,
  );
  assertEquals(status.code, 0, out);
  assert(out.includes("not thrown"), out);
});

Deno.test("SIGINT during synchronous code with no check ends the process after the grace period, saying why", async () => {
  const t0 = performance.now();
  const { err, status } = await interrupted(
    `const t0 = Date.now(); while (Date.now() - t0 < 30_000) { /* busy */ }`,
    100,
  );
  const seconds = (performance.now() - t0) / 1000;
  assertEquals(status.signal, "SIGKILL");
  assert(err.includes("Interrupted: the cell was running synchronous code with no interrupt check"), err);
  assert(err.includes("the kernel ends and its variables are lost"), err);
  assert(seconds > STUCK_MS / 1000 && seconds < 20, `${seconds} s`);
});
