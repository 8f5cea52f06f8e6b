/**
 * Runs `reference.py` (one-thread PyTorch and NumPy) when PyTorch is importable, else says why not.
 *
 * @module
 */
import type { Repeats } from "./workload.ts";

/** What `reference.py` printed, or why it was not run. */
export type Reference =
  | {
    available: true;
    python: string;
    torch: string | null;
    numpy: string | null;
    /** BLAS libraries the Python process loaded. */
    blas: string[];
    /** Median ms per repetition, by workload id and library. */
    results: Record<string, { torch?: number; numpy?: number }>;
    errors: Record<string, string>;
  }
  | { available: false; reason: string };

const SCRIPT = new URL("./reference.py", import.meta.url);
const INSTALL = "apt-get install -y python3-torch python3-numpy";

async function python(): Promise<string> {
  try {
    await Deno.stat("/usr/bin/python3");
    return "/usr/bin/python3";
  } catch {
    return "python3";
  }
}

/** Times the workloads `ids` in Python; `available: false` when PyTorch cannot be imported. */
export async function runReference(ids: string[], repeats: Repeats): Promise<Reference> {
  const exe = await python();
  try {
    const probe = await new Deno.Command(exe, {
      args: ["-c", "import torch"],
      stdout: "null",
      stderr: "null",
    })
      .output();
    if (!probe.success) {
      return { available: false, reason: `PyTorch is not importable by ${exe} (${INSTALL})` };
    }
  } catch {
    return { available: false, reason: `no Python found (${exe}); PyTorch reference needs ${INSTALL}` };
  }
  console.log(`\nrunning the PyTorch/NumPy reference (${[...new Set(ids)].length} workloads) …`);
  const child = new Deno.Command(exe, {
    args: [SCRIPT.pathname],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  })
    .spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify({ ids: [...new Set(ids)], repeats })));
  await writer.close();
  const { success, stdout, stderr } = await child.output();
  const text = new TextDecoder().decode(stdout);
  if (!success) {
    return {
      available: false,
      reason: `reference.py failed: ${new TextDecoder().decode(stderr).trim().split("\n").at(-1)}`,
    };
  }
  const parsed = JSON.parse(text);
  for (const [key, message] of Object.entries(parsed.errors ?? {})) {
    console.warn(`  reference ${key}: ${message}`);
  }
  return { available: true, ...parsed };
}
