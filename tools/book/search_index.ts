/**
 * The website's search index: one document per section of every notebook (heading and text), indexed at
 * build time with MiniSearch and written as a script (`assets/search-index.js`) so that it loads from
 * `file://` too, where pages cannot fetch JSON.
 *
 * @module
 */
import MiniSearch from "minisearch";
import type { Section } from "./notebook_page.ts";

/** A searchable section. */
export interface SearchDocument {
  id: number;
  title: string;
  notebook: string;
  href: string;
  text: string;
}

/** Options the page's script must load the index with (the same as it was built with). */
export const SEARCH_OPTIONS = {
  fields: ["title", "text"],
  storeFields: ["title", "notebook", "href"],
};

/** The documents of one page's sections. */
export function documentsOf(
  pageHref: string,
  notebook: string,
  sections: Section[],
  firstId: number,
): SearchDocument[] {
  return sections.map((s, k) => ({
    id: firstId + k,
    title: s.heading.replace(/[*_`$\\]/g, ""),
    notebook,
    href: s.id ? `${pageHref}#${s.id}` : pageHref,
    text: s.text.replace(/\s+/g, " ").trim(),
  }));
}

/** The script that defines `window.BOOK_SEARCH` (the serialized index and its options). */
export function searchIndexScript(documents: SearchDocument[]): string {
  const index = new MiniSearch(SEARCH_OPTIONS);
  index.addAll(documents);
  return `window.BOOK_SEARCH = ${JSON.stringify({ options: SEARCH_OPTIONS, index: index.toJSON() })};\n`;
}
