import { assertEquals } from "../../lib/_assert.ts";
import { readCourse } from "./course.ts";

Deno.test("an executed notebook the course no longer has is left out of the site and named as stale", async () => {
  const dir = await Deno.makeTempDir({ prefix: "lm-book-course-" });
  try {
    const nb = (title: string) =>
      JSON.stringify({
        cells: [{ cell_type: "markdown", id: "a", metadata: {}, source: `# ${title}\n\nWhat it shows.` }],
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5,
      });
    await Deno.mkdir(`${dir}/build/notebooks`, { recursive: true });
    await Deno.mkdir(`${dir}/source`);
    for (const name of ["01_kept.ipynb", "02_renamed.ipynb"]) {
      await Deno.writeTextFile(`${dir}/build/notebooks/${name}`, nb(name));
    }
    await Deno.writeTextFile(`${dir}/source/01_kept.ipynb`, nb("01 · Kept"));
    const course = await readCourse(`${dir}/build`, `${dir}/no-readme.md`, `${dir}/source`);
    assertEquals(course.notebooks.map((n) => n.stem), ["01_kept"]);
    assertEquals(course.stale, [`${dir}/build/notebooks/02_renamed.ipynb`]);
    const all = await readCourse(`${dir}/build`, `${dir}/no-readme.md`);
    assertEquals(all.notebooks.map((n) => n.stem), ["01_kept", "02_renamed"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
