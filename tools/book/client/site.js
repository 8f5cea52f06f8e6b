// The website's only script: draws each chart with vega-embed (the PNG stays when it cannot), and runs the
// search box on the index built by tools/book/search_index.ts. Loads nothing from the network.
"use strict";

function drawCharts() {
  if (typeof vegaEmbed !== "function") return;
  for (const figure of document.querySelectorAll("figure.chart")) {
    const target = figure.querySelector(".vega-target");
    const spec = JSON.parse(figure.querySelector("script.vega-spec").textContent);
    vegaEmbed(target, spec, { actions: false, renderer: "svg", tooltip: true })
      .then(() => figure.classList.add("interactive"))
      .catch((error) => {
        figure.classList.add("static");
        console.warn(`chart ${figure.id}: shown as an image (${error.message})`);
      });
  }
}

let search;
function loadSearch() {
  if (search) return search;
  search = new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "assets/search-index.js";
    script.onload = () => {
      const { options, index } = globalThis.BOOK_SEARCH;
      resolve(MiniSearch.loadJSON(JSON.stringify(index), options));
    };
    script.onerror = () => reject(new Error("assets/search-index.js did not load"));
    document.head.appendChild(script);
  });
  return search;
}

function setUpSearch() {
  const input = document.getElementById("search");
  const list = document.getElementById("search-results");
  if (!input || !list) return;
  input.addEventListener("focus", () => loadSearch());
  input.addEventListener("input", async () => {
    const query = input.value.trim();
    if (query.length < 2) return void (list.hidden = true);
    const index = await loadSearch();
    const hits = index.search(query, { prefix: true, fuzzy: 0.2, boost: { title: 2 } }).slice(0, 12);
    list.replaceChildren(...hits.map((hit) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = hit.href;
      link.textContent = `${hit.notebook} · ${hit.title}`;
      item.appendChild(link);
      return item;
    }));
    if (hits.length === 0) {
      list.replaceChildren(Object.assign(document.createElement("li"), { textContent: "No match" }));
    }
    list.hidden = false;
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") list.hidden = true;
    if (event.key === "Enter") list.querySelector("a")?.click();
  });
}

drawCharts();
setUpSearch();
