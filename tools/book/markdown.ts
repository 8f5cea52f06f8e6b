/**
 * Markdown of the notebooks' text cells as HTML: markdown-it (CommonMark, raw HTML allowed as in Jupyter),
 * maths typeset at build time by KaTeX (`$…$`, `$$…$$`), fenced code highlighted, arXiv ids and notebook
 * references linked (references.ts), headings given ids for the table of contents and search.
 *
 * @module
 */
import MarkdownIt from "markdown-it";
import katexPlugin from "@vscode/markdown-it-katex";
import { highlightCode } from "./highlight.ts";
import { referencesPlugin, type ReferenceTargets } from "./references.ts";

/** A heading's id: lower case, letters and digits joined by "-". */
export function slugify(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") ||
    "section";
}

/** Binder's address of a course notebook, less the notebook's file name. */
export const BINDER = "https://mybinder.org/v2/gh/learning-mechanics/course/HEAD?urlpath=lab/tree/notebooks/";

/** A link to a course notebook (`13_x.ipynb`, `../notebooks/13_x.ipynb#y`): the notebook's file name, or undefined. */
function notebookFileOf(href: string): string | undefined {
  return href.match(/^(?:\.\/|\.\.\/notebooks\/|notebooks\/)?(\d\d_[^/#?]+\.ipynb)(#.*)?$/)?.[1];
}

/**
 * The site's page for a link to a course notebook (`14_open_problems.ipynb#x`, `../notebooks/…`,
 * `notebooks/…`): `14_open_problems.html#x`, when the course has that very notebook; else undefined.
 */
export function notebookPageOf(href: string, targets: ReferenceTargets): string | undefined {
  const m = href.match(/^(?:\.\/|\.\.\/notebooks\/|notebooks\/)?((\d\d)_[^/#?]+)\.ipynb(#.*)?$/);
  if (!m) return undefined;
  const page = targets.notebookHref(m[2]);
  return page === `${m[1]}.html` ? page + (m[3] ?? "") : undefined;
}

/** A Markdown renderer for the course's text. */
export function courseMarkdown(targets: ReferenceTargets): MarkdownIt {
  const md: MarkdownIt = new MarkdownIt({
    html: true,
    linkify: false,
    typographer: false,
    highlight: (code: string, lang: string) => highlightCode(code, lang),
  });
  // deno-lint-ignore no-explicit-any
  const plugin = (katexPlugin as any).default ?? katexPlugin;
  md.use(plugin, { throwOnError: false, enableMathBlockInHtml: true, enableMathInlineInHtml: true });
  referencesPlugin(md, targets);
  // Heading ids, unique within a page (the renderer's env holds the ids used so far).
  // deno-lint-ignore no-explicit-any
  md.renderer.rules.heading_open = (tokens: any[], i: number, options: unknown, env: any, self: any) => {
    const inline = tokens[i + 1];
    const text = (inline?.children ?? []).filter((t: { type: string }) => t.type === "text")
      .map((t: { content: string }) => t.content).join("");
    env.ids ??= new Set<string>();
    let id = slugify(text), k = 2;
    while (env.ids.has(id)) id = `${slugify(text)}-${k++}`;
    env.ids.add(id);
    tokens[i].attrSet("id", id);
    return self.renderToken(tokens, i, options);
  };
  // Links to other sites open as usual but are marked for readers (and for the link checker).
  const defaultLink = md.renderer.rules.link_open ??
    // deno-lint-ignore no-explicit-any
    ((tokens: any[], i: number, options: unknown, _env: unknown, self: any) =>
      self.renderToken(tokens, i, options));
  // deno-lint-ignore no-explicit-any
  md.renderer.rules.link_open = (tokens: any[], i: number, options: unknown, env: unknown, self: any) => {
    const href = tokens[i].attrGet("href") ?? "";
    if (/^https?:/.test(href)) tokens[i].attrSet("class", "external");
    const page = notebookPageOf(href, targets);
    const file = notebookFileOf(href);
    if (page) tokens[i].attrSet("href", page);
    else if (file) {
      // A notebook this build of the site does not hold (a partial build): open it on Binder instead.
      tokens[i].attrSet("href", BINDER + file);
      tokens[i].attrSet("class", "external");
    }
    return defaultLink(tokens, i, options, env, self);
  };
  return md;
}
