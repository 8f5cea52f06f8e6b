/**
 * Markdown that renders differently in different front ends. JupyterLab takes maths out before it parses
 * Markdown; GitHub, nbconvert and most Markdown renderers parse Markdown first, so a line inside `$$…$$` that
 * looks like Markdown becomes Markdown there:
 *
 * - a line starting with `+`, `-` or `*` and a space becomes a list item (`+ b` continuing `a`);
 * - a line starting with `1.` or `1)` and a space becomes an ordered list, `#` a heading, `>` a quote;
 * - a blank line ends the paragraph, so the `$$` pair is split and neither half is maths.
 *
 * Write the operator at the end of the previous line, or start the line with `{}+` or `\quad +`.
 *
 * @module
 */

/** A trap: 1-based line in the cell's source, and what is wrong. */
export interface MarkdownTrap {
  line: number;
  problem: string;
}

const MARKDOWN_START: [RegExp, string][] = [
  [/^\s*[-+*]\s/, "starts with a list marker (+, - or *), so GitHub and nbconvert render a list"],
  [/^\s*\d+[.)]\s/, "starts like an ordered list item"],
  [/^\s*#/, "starts with #, a heading outside JupyterLab"],
  [/^\s*>/, "starts with >, a block quote outside JupyterLab"],
];

/**
 * The traps in one Markdown cell's source.
 *
 * @example
 * ```ts
 * import { markdownTraps } from "./markdown_traps.ts";
 * const traps = markdownTraps("$$\nL = a\n+ b\n$$");
 * if (traps.length !== 1 || traps[0].line !== 3) throw new Error(JSON.stringify(traps));
 * ```
 */
export function markdownTraps(source: string): MarkdownTrap[] {
  const traps: MarkdownTrap[] = [];
  const lines = source.split("\n");
  let inMath = false, inFence = false, opened = 0;
  lines.forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    if (inFence) return;
    // Inside display maths, a line other than the opening one is a continuation line.
    if (inMath && !/^\s*\$\$/.test(text)) {
      if (text.trim() === "") {
        traps.push({ line: i + 1, problem: `blank line inside $$…$$ (opened on line ${opened})` });
      }
      for (const [pattern, problem] of MARKDOWN_START) {
        if (pattern.test(text)) traps.push({ line: i + 1, problem: `display-maths line ${problem}` });
      }
    }
    const marks = text.replace(/\\\$/g, "").match(/\$\$/g)?.length ?? 0;
    if (marks % 2 === 1) {
      inMath = !inMath;
      if (inMath) opened = i + 1;
    }
  });
  return traps;
}
