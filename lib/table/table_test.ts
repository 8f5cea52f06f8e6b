import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { captureDisplays } from "../display.ts";
import { showTable, tableText, toDataFrame } from "./mod.ts";

Deno.test("showTable() shows formatted HTML and text once and resolves to nothing", async () => {
  const { result, bundles } = await captureDisplays(() =>
    showTable([{ width: 64, loss: 0.123456 }, { width: 128, loss: 1e-7 }], { title: "Widths" })
  );
  assertEquals(result, undefined);
  assertEquals(bundles.length, 1);
  const html = String(bundles[0]["text/html"]);
  assert(html.includes("0.1235") && html.includes("1.00e-7") && html.includes("Widths"), html);
  const text = String(bundles[0]["text/plain"]);
  assert(text.startsWith("Widths\n") && text.includes("0.1235") && text.includes("128"), text);
  assert(!text.includes("0.123456"), `text is formatted like the HTML: ${text}`);
});

Deno.test("tables show integers exactly, also in a column of non-integers", async () => {
  const { bundles } = await captureDisplays(() =>
    showTable([{ quantity: "steps", value: 11692 }, { quantity: "loss", value: 0.4498951565011708 }])
  );
  for (const kind of ["text/html", "text/plain"]) {
    const out = String(bundles[0][kind]);
    assert(out.includes("11692") && !out.includes("11690") && !out.includes("11692.0"), out);
    assert(out.includes("0.4499") && !out.includes("0.4498951565011708"), out);
  }
});

Deno.test("tableText() right-aligns columns under their names", () => {
  const text = tableText(toDataFrame([{ n: 1, name: "a" }, { n: 100, name: "bcd" }]));
  assertEquals(text.split("\n"), ["  n  name", "───  ────", "  1     a", "100   bcd"]);
});

Deno.test("toDataFrame() refuses an empty list of rows", () => {
  assertThrows(() => toDataFrame([]), RangeError, "expected at least one row");
});

Deno.test("toDataFrame(): whole numbers are Int64 and print without .0, others keep their kind", async () => {
  const df = toDataFrame([
    { width: 64, loss: 0.5, run: "a", ok: true },
    { width: 128, loss: 1, run: "b", ok: false },
    { width: 256, run: "c", ok: true }, // no loss: a null
  ]);
  assertEquals(df.columns, ["width", "loss", "run", "ok"]);
  assertEquals(df.dtypes.map(String), ["Int64", "Float64", "String", "Bool"].map((t) => `DataType(${t})`));
  assertEquals(df.getColumn("width").toArray(), [64, 128, 256]);
  assertEquals([...df.getColumn("loss").toArray()] as unknown[], [0.5, 1, null]);
  const text = df.toString();
  assert(text.includes("│ 64 ") && !text.includes("64.0"), text);
  const { bundles } = await captureDisplays(() => showTable(df));
  assert(String(bundles[0]["text/html"]).includes(">64<"), String(bundles[0]["text/html"]));
});

Deno.test("toDataFrame() names the column and row where kinds of value are mixed", () => {
  assertThrows(
    () => toDataFrame([{ lr: 0.1 }, { lr: "0.2" }]),
    RangeError,
    'column "lr" mixes number and string values (row 1: "0.2")',
  );
});
