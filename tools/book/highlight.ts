/**
 * Code highlighting at build time with highlight.js (TypeScript for code cells, and the few languages the
 * course's Markdown fences use); the page carries no highlighting script.
 *
 * @module
 */
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import bash from "highlight.js/lib/languages/bash";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import { escapeHtml } from "../../lib/display.ts";

hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("bash", bash);
hljs.registerLanguage("json", json);
hljs.registerLanguage("python", python);
hljs.registerAliases(["ts", "js", "javascript"], { languageName: "typescript" });
hljs.registerAliases(["sh", "shell", "console"], { languageName: "bash" });

/** Highlighted HTML of `code` (escaped plain text for an unknown language). */
export function highlightCode(code: string, lang = "typescript"): string {
  const language = lang && hljs.getLanguage(lang) ? lang : undefined;
  return language ? hljs.highlight(code, { language, ignoreIllegals: true }).value : escapeHtml(code);
}
