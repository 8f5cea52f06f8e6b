import { assert, assertEquals } from "../../lib/_assert.ts";
import { BINDER, courseMarkdown, notebookPageOf } from "./markdown.ts";

const targets = { notebookHref: (n: string) => n === "14" ? "14_open_problems.html" : undefined };

Deno.test("a link to a course notebook becomes a link to its page; other links are kept", () => {
  assertEquals(notebookPageOf("14_open_problems.ipynb", targets), "14_open_problems.html");
  assertEquals(
    notebookPageOf("../notebooks/14_open_problems.ipynb#next", targets),
    "14_open_problems.html#next",
  );
  assertEquals(notebookPageOf("13_open_problems.ipynb", targets), undefined, "a notebook the course lacks");
  assertEquals(notebookPageOf("14_other.ipynb", targets), undefined, "the number alone is not enough");
  const html = courseMarkdown(targets).render(
    "[next](14_open_problems.ipynb) and [paper](https://arxiv.org/)",
  );
  assertEquals(
    html.trim(),
    '<p><a href="14_open_problems.html">next</a> and <a href="https://arxiv.org/" class="external">paper</a></p>',
  );
});

Deno.test("a link to a course notebook this build does not hold opens it on Binder", () => {
  const md = courseMarkdown(targets);
  const html = md.render("See [the superposition notebook](13_superposition.ipynb).");
  assert(html.includes(`href="${BINDER}13_superposition.ipynb"`), html);
  assert(html.includes(`class="external"`), html);
});
