/**
 * `deno task bench [ID_SUBSTRING…] [--no-reference]`: time every workload of `workloads.ts` (medians),
 * run the same workloads in one-thread PyTorch and NumPy when PyTorch is importable (`reference.py`),
 * print a table with ratios ours ÷ theirs and the targets, and write everything to `_build/bench.json`.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs-core";
import { describeBackend, initBackend } from "../../lib/backend.ts";
import { patchWasmMatMul, unpatchWasmMatMul, wasmMatMulBlas } from "../../lib/wasm_matmul.ts";
import { runReference } from "./reference.ts";
import { DEFAULT_REPEATS, median, timeTrial, type Workload } from "./workload.ts";
import { workloads } from "./workloads.ts";
import { stopBenchServer } from "./jupyter.ts";

/** One row of the report. */
interface Row {
  id: string;
  group: string;
  label: string;
  unit: "GFLOP/s" | "ms" | "s";
  /** Median, in `unit`; null when skipped or failed. */
  value: number | null;
  medianMs: number | null;
  samplesMs: number[];
  skipped?: string;
  error?: string;
  /** Same workload in Python, in `unit`, and ours ÷ theirs. */
  torch?: number;
  numpy?: number;
  ratioTorch?: number;
  ratioNumpy?: number;
  target?: { text: string; met: boolean | null; shown: string };
}

const ROOT = new URL("../../", import.meta.url);
const args = Deno.args.filter((a) => !a.startsWith("--"));
const withReference = !Deno.args.includes("--no-reference");

const report = await initBackend();
const wasm = report.backend === "wasm";
console.log(`backend: ${describeBackend(report)} · matMul patch: ${report.matMulPatched ? "on" : "off"}`);
if (wasm && !wasmMatMulBlas()) {
  console.log('matMul runs on XNNPACK: install OpenBLAS for the fast path (README, "Performance")');
}
const load = Deno.loadavg();
console.log(
  `Deno ${Deno.version.deno} · V8 ${Deno.version.v8} · ${navigator.hardwareConcurrency} cores · load ${
    load[0]
  }` +
    (load[0] > 0.5 ? " (other processes are running: numbers are pessimistic)" : "") + "\n",
);

const selected = (await workloads()).filter((w) => args.length === 0 || args.some((a) => w.id.includes(a)));
const rows: Row[] = [];
for (const w of selected) {
  const row = await measure(w);
  rows.push(row);
  const shown = row.value === null
    ? (row.skipped ? `skipped: ${row.skipped}` : `error: ${row.error}`)
    : fmt(row.value);
  console.log(`  ${w.id.padEnd(28)} ${shown} ${row.value === null ? "" : row.unit}`);
}

const reference = withReference
  ? await runReference(rows.filter((r) => r.value !== null).map((r) => refId(r.id)), DEFAULT_REPEATS)
  : { available: false, reason: "--no-reference" } as const;
for (const row of rows) {
  const w = selected.find((x) => x.id === row.id)!;
  const ref = reference.available ? reference.results[refId(row.id)] : undefined;
  const toUnit = (ms: number) => (w.flops ? w.flops / (ms * 1e6) : ms);
  if (ref?.torch !== undefined) row.torch = toUnit(ref.torch);
  if (ref?.numpy !== undefined) row.numpy = toUnit(ref.numpy);
  if (row.value !== null && row.torch) row.ratioTorch = row.value / row.torch;
  if (row.value !== null && row.numpy) row.ratioNumpy = row.value / row.numpy;
  if (w.target) row.target = judge(w, row);
}

await stopBenchServer();
printTable(rows, reference);
const out = new URL("_build/bench.json", ROOT);
await Deno.mkdir(new URL("_build/", ROOT), { recursive: true });
const meta = {
  date: new Date().toISOString(),
  deno: Deno.version.deno,
  v8: Deno.version.v8,
  cores: navigator.hardwareConcurrency,
  loadavg: load,
  tfjs: report.tfjsVersion,
  backend: report.backend,
  backendReport: report,
  matMulPatched: report.matMulPatched,
  matMul: report.matMul,
};
await Deno.writeTextFile(out, JSON.stringify({ ...meta, reference, rows }, null, 2) + "\n");
console.log(`\nwrote ${out.pathname}`);

/** Id under which `reference.py` knows a workload. */
function refId(id: string): string {
  return selected.find((w) => w.id === id)?.reference ?? id;
}

async function measure(w: Workload): Promise<Row> {
  const unit = w.flops ? "GFLOP/s" : w.unit ?? "ms";
  const row: Row = {
    id: w.id,
    group: w.group,
    label: w.label,
    unit,
    value: null,
    medianMs: null,
    samplesMs: [],
  };
  if (w.matMul && w.matMul !== "patched" && !wasm) {
    return { ...row, skipped: `${w.matMul} and patched differ only on wasm` };
  }
  if (wasm && w.matMul === "stock") unpatchWasmMatMul();
  if (wasm && w.matMul === "xnnpack") {
    unpatchWasmMatMul();
    patchWasmMatMul({ blas: false });
  }
  const before = tf.memory().numTensors;
  try {
    const trial = await w.setup();
    if (typeof trial === "string") return { ...row, skipped: trial };
    try {
      row.samplesMs = await timeTrial(trial, w.repeats);
    } finally {
      await trial.dispose?.();
    }
    row.medianMs = median(row.samplesMs);
    row.value = w.flops ? w.flops / (row.medianMs * 1e6) : unit === "s" ? row.medianMs / 1000 : row.medianMs;
    const leaked = tf.memory().numTensors - before;
    if (leaked > 0) console.warn(`  warning: ${w.id} left ${leaked} tensors behind`);
  } catch (e) {
    row.error = (e as Error).message.split("\n")[0];
  } finally {
    if (wasm) {
      unpatchWasmMatMul();
      patchWasmMatMul();
    }
  }
  return row;
}

function judge(w: Workload, row: Row): Row["target"] {
  const t = w.target!;
  const x = t.on === "value" ? row.value : row.ratioTorch;
  if (x === null || x === undefined) {
    return { text: t.text, met: null, shown: t.on === "ratio" ? "no PyTorch reference" : "not measured" };
  }
  const met = t.op === "<=" ? x <= t.bound : x >= t.bound;
  return { text: t.text, met, shown: t.on === "ratio" ? `${fmt(x)}×` : `${fmt(x)} ${row.unit}` };
}

function fmt(x: number | undefined | null): string {
  if (x === undefined || x === null) return "—";
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3);
}

function printTable(rows: Row[], ref: Awaited<ReturnType<typeof runReference>>): void {
  console.log(
    ref.available
      ? `\nreference: PyTorch ${ref.torch ?? "absent"}, NumPy ${
        ref.numpy ?? "absent"
      } (1 thread, Python ${ref.python}; ` +
        `BLAS ${ref.blas.map((p) => p.split("/").at(-1)).join(", ") || "?"})`
      : `\nreference: none (${ref.reason}); ratios skipped`,
  );
  if (ref.available && ref.blas.some((p) => /\/blas\/libblas/.test(p))) {
    console.log(
      "  warning: Python uses Debian's reference BLAS (≈ 40× slower); apt-get install -y libopenblas0-pthread",
    );
  }
  const head = ["", "ours", "PyTorch", "ours÷PT", "NumPy", "ours÷NP", "reps"];
  const first = Math.max(44, ...rows.map((r) => r.label.length + 3), ...rows.map((r) => r.group.length + 1));
  const widths = [first, 9, 9, 9, 9, 9, 5];
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("");
  for (const group of [...new Set(rows.map((r) => r.group))]) {
    console.log("\n" + line([group, ...head.slice(1)]));
    for (const r of rows.filter((x) => x.group === group)) {
      const note = r.skipped ? `skipped: ${r.skipped}` : r.error ? `error: ${r.error}` : "";
      if (note) console.log(line([`  ${r.label}`]) + "  " + note);
      else {
        const cells = [r.value, r.torch, r.ratioTorch, r.numpy, r.ratioNumpy].map(fmt);
        console.log(line([`  ${r.label}`, ...cells, String(r.samplesMs.length)]));
      }
    }
  }
  const targets = rows.filter((r) => r.target);
  if (targets.length) console.log("\ntargets");
  for (const r of targets) {
    const { text, met, shown } = r.target!;
    console.log(`  ${met === null ? "?" : met ? "met   " : "MISSED"} ${text} — ${r.label}: ${shown}`);
  }
}
