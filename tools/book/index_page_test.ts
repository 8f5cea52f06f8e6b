import { assert, assertEquals } from "../../lib/_assert.ts";
import type { BookClaim, BookCourse, BookNotebook, BookResult } from "./course.ts";
import { indexPage } from "./index_page.ts";
import { courseMarkdown } from "./markdown.ts";

const claim = (passed: boolean): BookClaim => ({ passed } as BookClaim);
const notebook = (number: string, result: BookResult): BookNotebook => ({
  number,
  stem: `${number}_x`,
  title: `Notebook ${number}`,
  reproduces: "a law",
  cells: [],
  file: `${number}_x.ipynb`,
  result,
});

Deno.test("the course map shows a notebook that stopped at an error as failed, with its status, never green", () => {
  const course: BookCourse = {
    hasClaims: true,
    stale: [],
    notebooks: [
      notebook("01", { path: "notebooks/01_x.ipynb", status: "passed", claims: [claim(true), claim(true)] }),
      notebook("02", {
        path: "notebooks/02_x.ipynb",
        status: "claims-failed",
        claims: [claim(true), claim(false)],
      }),
      notebook("03", {
        path: "notebooks/03_x.ipynb",
        status: "cell-error",
        message: "cell 4: RangeError",
        claims: [],
      }),
    ],
  };
  const html = indexPage(course, courseMarkdown({ notebookHref: () => undefined }));
  const cells = [...html.matchAll(/<td class="(pass|fail)"[^>]*>([^<]*)<\/td>/g)].map((m) =>
    `${m[1]} ${m[2]}`
  );
  assertEquals(cells, ["pass 2/2", "fail 1/2", "fail 0/0 · cell error"]);
  assert(html.includes('title="cell 4: RangeError"'), "the error is the cell's tooltip");
});
