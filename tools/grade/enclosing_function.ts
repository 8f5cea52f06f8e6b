/**
 * Which function a line of TypeScript is in: a small lexer that tells code from strings, template text and
 * comments and pairs braces, and {@linkcode enclosingFunction}, which names the innermost named function
 * whose body holds a position. Enough for the exercise markers; not a parser.
 *
 * @module
 */

interface Lexed {
  /** For each character: true when it is code (not in a string, template text or comment). */
  code: boolean[];
  /** Open position → close position of each code `{`, with the paren depth at the brace. */
  braces: { open: number; close: number; parens: number }[];
  /** Paren depth before each character. */
  parens: number[];
}

/** A small TypeScript lexer: enough to tell code from strings/comments and to pair braces. */
function lex(src: string): Lexed {
  const code = new Array<boolean>(src.length).fill(false);
  const parens = new Array<number>(src.length).fill(0);
  const braces: Lexed["braces"] = [];
  const open: { pos: number; parens: number; template: boolean }[] = [];
  let depth = 0;
  let i = 0;
  // In template text; a `${` opens a brace marked `template`, whose `}` returns to template text.
  let inTemplate = false;
  while (i < src.length) {
    const c = src[i], n = src[i + 1];
    parens[i] = depth;
    if (inTemplate) {
      if (c === "\\") {
        i += 2;
        continue;
      }
      if (c === "`") inTemplate = false;
      else if (c === "$" && n === "{") {
        open.push({ pos: i + 1, parens: depth, template: true });
        inTemplate = false;
        i += 2;
        continue;
      }
      i++;
      continue;
    }
    if (c === "/" && n === "/") {
      while (i < src.length && src[i] !== "\n") parens[i++] = depth;
      continue;
    }
    if (c === "/" && n === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end < 0 ? src.length : end + 2;
      while (i < stop) parens[i++] = depth;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c && src[i] !== "\n") i += src[i] === "\\" ? 2 : 1;
      i++;
      continue;
    }
    if (c === "`") {
      inTemplate = true;
      i++;
      continue;
    }
    code[i] = true;
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (c === "{") open.push({ pos: i, parens: depth, template: false });
    else if (c === "}") {
      const o = open.pop();
      if (o?.template) {
        inTemplate = true;
      } else if (o) braces.push({ open: o.pos, close: i, parens: o.parens });
    }
    i++;
  }
  for (const o of open) if (!o.template) braces.push({ open: o.pos, close: src.length, parens: o.parens });
  return { code, braces, parens };
}

const KEYWORDS = new Set([
  "if",
  "for",
  "while",
  "switch",
  "catch",
  "return",
  "function",
  "with",
  "else",
  "do",
  "new",
]);
const HEADERS: { re: RegExp; arrowOrFunction: boolean }[] = [
  { re: /\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)/g, arrowOrFunction: false },
  {
    re:
      /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=;]*)?=\s*(?:async\s+)?(?=function\b|\(|[A-Za-z_$][\w$]*\s*=>)/g,
    arrowOrFunction: true,
  },
  {
    re:
      /^[ \t]*(?:(?:public|private|protected|static|async|override)\s+)*([A-Za-z_$][\w$]*)\s*(?:<[^>\n]*>)?\s*\(/gm,
    arrowOrFunction: false,
  },
];

/** Name of the innermost named function whose body contains `pos`, or null. */
export function enclosingFunction(src: string, pos: number): string | null {
  const { code, braces, parens } = lex(src);
  let best: { name: string; open: number } | null = null;
  for (const { re, arrowOrFunction } of HEADERS) {
    for (const m of src.matchAll(re)) {
      const at = m.index! + m[0].indexOf(m[1]);
      if (!code[at] || KEYWORDS.has(m[1])) continue;
      // The body: the first code "{" after the header at the header's paren depth, before any ";" there.
      const depth = parens[at];
      let body = -1;
      for (let k = m.index! + m[0].length; k < src.length; k++) {
        if (!code[k] || parens[k] !== depth) continue;
        if (src[k] === ";") break;
        if (src[k] === "{") {
          // A brace right after ":", "|", "&", "<" or "," opens a type (`): { a: number } {`): skip over it.
          let b = k - 1;
          while (b > 0 && /\s/.test(src[b])) b--;
          if (/[:|&<,]/.test(src[b])) {
            k = braces.find((x) => x.open === k)?.close ?? k;
            continue;
          }
          body = k;
          break;
        }
      }
      if (body < 0) continue;
      if (arrowOrFunction) {
        const between = src.slice(m.index! + m[0].length, body);
        if (!/^\s*function\b/.test(between) && !between.includes("=>")) continue;
      }
      const brace = braces.find((b) => b.open === body);
      if (!brace || !(brace.open < pos && pos < brace.close)) continue;
      if (!best || brace.open > best.open) best = { name: m[1], open: brace.open };
    }
  }
  return best?.name ?? null;
}

/** True when `pos` is inside at least one code brace pair (a function or block body). */
export function insideBraces(src: string, pos: number): boolean {
  return lex(src).braces.some((b) => b.open < pos && pos < b.close);
}
