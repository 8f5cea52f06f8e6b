/**
 * Links in the course's prose: arXiv ids (`arXiv:2110.03922`, `(2110.03922)`) to their abstract pages, and
 * notebook references ("notebook 07", "notebooks 02 and 07", "Next: **01 · …**") to the website's pages.
 * A markdown-it core rule, so text inside links, code and maths is left alone.
 *
 * @module
 */
// deno-lint-ignore-file no-explicit-any
type MarkdownIt = any;
type Token = any;

/** Where references point. */
export interface ReferenceTargets {
  /** The page of notebook `number` ("07"), or undefined when there is no such notebook. */
  notebookHref(number: string): string | undefined;
}

/** The arXiv abstract page of an id. */
export function arxivHref(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

const ARXIV = String.raw`arXiv:\s?(\d{4}\.\d{4,5})(?:v\d+)?|\((\d{4}\.\d{4,5})\)`;
const NOTEBOOKS = String.raw`\b[Nn]otebooks? (\d{2})(?:(?:, | and | or |–|-)(\d{2})(?!\d|\.\d))*`;
const PATTERN = new RegExp(`${ARXIV}|${NOTEBOOKS}`, "g");

interface Piece {
  text: string;
  href?: string;
}

/** Split `text` into plain pieces and linked pieces. */
export function splitReferences(text: string, targets: ReferenceTargets): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    const at = m.index!;
    if (at > last) pieces.push({ text: text.slice(last, at) });
    const whole = m[0];
    if (m[1] || m[2]) {
      const id = m[1] ?? m[2];
      if (m[2]) pieces.push({ text: "(" }, { text: id, href: arxivHref(id) }, { text: ")" });
      else pieces.push({ text: whole, href: arxivHref(id) });
    } else {
      // "notebook 07" links as a whole; in "notebooks 02 and 07" each further number links on its own.
      let from = 0;
      for (const n of whole.matchAll(/\d{2}/g)) {
        const start = from === 0 ? 0 : n.index!, href = targets.notebookHref(n[0]);
        if (start > from) pieces.push({ text: whole.slice(from, start) });
        pieces.push({ text: whole.slice(start, n.index! + 2), ...(href ? { href } : {}) });
        from = n.index! + 2;
      }
      if (from < whole.length) pieces.push({ text: whole.slice(from) });
    }
    last = at + whole.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

function linkTokens(state: any, pieces: Piece[]): Token[] {
  const out: Token[] = [];
  for (const p of pieces) {
    if (p.href) {
      const open = new state.Token("link_open", "a", 1);
      open.attrs = [["href", p.href]];
      const text = new state.Token("text", "", 0);
      text.content = p.text;
      out.push(open, text, new state.Token("link_close", "a", -1));
    } else {
      const text = new state.Token("text", "", 0);
      text.content = p.text;
      out.push(text);
    }
  }
  return out;
}

/** Install the rule on `md`. */
export function referencesPlugin(md: MarkdownIt, targets: ReferenceTargets): void {
  md.core.ruler.push("course_references", (state: any) => {
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const children: Token[] = [];
      let inLink = 0;
      const kids: Token[] = block.children;
      for (let i = 0; i < kids.length; i++) {
        const t = kids[i];
        if (t.type === "link_open") inLink++;
        if (t.type === "link_close") inLink--;
        if (t.type !== "text" || inLink > 0) {
          children.push(t);
          continue;
        }
        // "Next: **01 · Title**": the whole bold title links to notebook 01.
        const next = t.content.match(/^(\d{2}) · \S/);
        const href = next ? targets.notebookHref(next[1]) : undefined;
        if (href && kids[i - 1]?.type === "strong_open") {
          children.push(...linkTokens(state, [{ text: t.content, href }]));
          continue;
        }
        const pieces = splitReferences(t.content, targets);
        if (pieces.length === 1 && !pieces[0].href) children.push(t);
        else children.push(...linkTokens(state, pieces));
      }
      block.children = children;
    }
  });
}
