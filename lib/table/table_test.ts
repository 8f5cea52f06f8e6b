import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { captureDisplays } from "../display.ts";
import { showTable, toDataFrame } from "./mod.ts";

Deno.test("showTable() turns rows into a DataFrame and shows formatted HTML and text", async () => {
  const { result: df, bundles } = await captureDisplays(() =>
    showTable([{ width: 64, loss: 0.123456 }, { width: 128, loss: 1e-7 }], { title: "Widths" })
  );
  assertEquals(df.height, 2);
  assertEquals(df.columns, ["width", "loss"]);
  assertEquals(df.getColumn("width").toArray(), [64, 128]);
  const html = String(bundles[0]["text/html"]);
  assert(html.includes("0.1235") && html.includes("1.00e-7") && html.includes("Widths"), html);
  assert(String(bundles[0]["text/plain"]).includes("shape: (2, 2)"));
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
