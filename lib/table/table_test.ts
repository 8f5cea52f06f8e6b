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
