// Verkennen: browse the hub by combining filters, with or without search words.
//
// Filters are Pagefind filters written by kennishub/search.py. Within one facet the
// choices are combined with OR, across facets with AND. The count next to a choice is
// the number of results the reader would see with that choice added: for a facet that
// already has choices, it is counted without that facet's own choices. Without words the
// newest come first; with words, the best match. The state lives in the address
// (?q=…&thema=…), so a link can be shared; opening it restores the same view.

import { find, loadPagefind, plural, resultData, resultItem } from "./search.js";

const FACETS = [
  { key: "type", param: "soort", label: "Soort", plural: "soorten", order: ["Verhaal", "Interview", "Terugblik", "Checklist"] },
  { key: "themes", param: "thema", label: "Thema", plural: "thema's" },
  { key: "province", param: "provincie", label: "Provincie", plural: "provincies" },
  { key: "organisations", param: "organisatie", label: "Organisatie", plural: "organisaties", limit: 8, byCount: true },
  { key: "network", param: "netwerk", label: "Netwerk", plural: "netwerken", limit: 8, byCount: true },
  { key: "year", param: "jaar", label: "Jaar", plural: "jaren", descending: true },
];
const PAGE = 20;
const collator = new Intl.Collator("nl", { sensitivity: "base", numeric: true });

const app = document.querySelector("[data-kh-verkennen]");
if (app) main(app).catch((error) => {
  console.error(error);
  app.querySelector("[role=status]").textContent = "Verkennen lukt nu niet. Gebruik de overzichten hieronder.";
});

async function main(app) {
  const form = app.querySelector("form");
  const input = app.querySelector("input[type=search]");
  const facetsBox = app.querySelector("[data-kh-facets]");
  const status = app.querySelector("[role=status]");
  const list = app.querySelector("ol");
  const more = app.querySelector("[data-kh-more]");
  const reset = app.querySelector("[data-kh-reset]");
  const panel = app.querySelector("details");
  const chosen = app.querySelector("[data-kh-chosen]");
  const state = readUrl();
  let shown = PAGE;
  let results = [];
  let serial = 0;
  let timer = 0;

  app.hidden = false;
  if (panel && window.matchMedia("(min-width: 60em)").matches) panel.open = true;
  input.value = state.q;
  status.textContent = "Bijdragen laden…";
  const pf = await loadPagefind();
  const totals = await pf.filters();
  const boxes = buildFacets(facetsBox, totals, state.selected);

  async function update({ keepShown = false } = {}) {
    const mine = ++serial;
    if (!keepShown) shown = PAGE;
    const filters = filtersOf(state.selected);
    const found = await find(state.q, state.q ? { filters } : { filters, sort: { date: "desc" } });
    const counts = {};
    await Promise.all(FACETS.map(async (facet) => {
      if (!state.selected[facet.key].size) {
        counts[facet.key] = found.search.filters?.[facet.key] || {};
        return;
      }
      const others = filtersOf(state.selected, facet.key);
      const r = await pf.search(found.query || null, { filters: others });
      counts[facet.key] = r.filters?.[facet.key] || {};
    }));
    if (mine !== serial) return;
    results = found.search.results;
    for (const facet of FACETS) setCounts(boxes[facet.key], counts[facet.key]);
    await renderResults();
    if (mine !== serial) return;
    const n = FACETS.reduce((sum, f) => sum + state.selected[f.key].size, 0);
    if (chosen) chosen.textContent = n ? ` (${n} gekozen)` : "";
    status.textContent = describe(results.length, state, found);
    writeUrl(state);
    app.dataset.khShown = window.location.search; // the state the page shows (tests wait for it)
  }

  async function renderResults(focusFrom = -1) {
    const datas = await Promise.all(results.slice(0, shown).map(resultData));
    // Without search words an excerpt says nothing: show the summary instead.
    if (!state.q) for (const d of datas) d.excerpt = escapeHtml(d.meta.summary || "");
    list.replaceChildren(...datas.map((d) => resultItem(d, 3)));
    more.hidden = results.length <= shown;
    more.textContent = `Toon meer (nog ${(results.length - shown).toLocaleString("nl-NL")})`;
    if (focusFrom >= 0) list.querySelectorAll("a")[focusFrom]?.focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.q = input.value.trim();
    update();
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.q = input.value.trim(); update(); }, 250);
  });
  facetsBox.addEventListener("change", (event) => {
    const box = event.target;
    if (box.type !== "checkbox") return;
    const set = state.selected[box.dataset.key];
    if (box.checked) set.add(box.value);
    else set.delete(box.value);
    update();
  });
  reset.addEventListener("click", () => {
    state.q = "";
    input.value = "";
    for (const facet of FACETS) state.selected[facet.key].clear();
    for (const box of facetsBox.querySelectorAll("input[type=checkbox]")) box.checked = false;
    update();
    input.focus();
  });
  more.addEventListener("click", () => {
    const first = shown;
    shown += PAGE;
    renderResults(first);
  });

  await update();
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  const selected = {};
  for (const facet of FACETS) selected[facet.key] = new Set(params.getAll(facet.param).filter(Boolean));
  return { q: (params.get("q") || "").trim(), selected };
}

function writeUrl(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const facet of FACETS) for (const value of state.selected[facet.key]) params.append(facet.param, value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

function filtersOf(selected, except = null) {
  const filters = {};
  for (const facet of FACETS) {
    const values = [...selected[facet.key]];
    if (facet.key !== except && values.length) filters[facet.key] = { any: values };
  }
  return filters;
}

function describe(count, state, found) {
  const n = plural(count, "bijdrage", "bijdragen");
  if (!count) return "Geen bijdragen gevonden. Haal een filter weg of probeer andere woorden.";
  if (!state.q) return `${n}, nieuwste eerst`;
  if (found.corrected) return `Geen bijdragen met ‘${state.q}’. ${n} met ‘${found.query}’, best passend eerst`;
  return `${n} met ‘${state.q}’, best passend eerst`;
}

function orderValues(facet, counts) {
  const values = Object.keys(counts);
  if (facet.order) return values.sort((a, b) => rank(facet.order, a) - rank(facet.order, b) || collator.compare(a, b));
  if (facet.descending) return values.sort((a, b) => collator.compare(b, a));
  if (facet.byCount) return values.sort((a, b) => counts[b] - counts[a] || collator.compare(a, b));
  return values.sort(collator.compare);
}

function rank(order, value) {
  const i = order.indexOf(value);
  return i < 0 ? order.length : i;
}

// One fieldset per facet; returns { key: [{ box, count, label, li }] }.
function buildFacets(container, totals, selected) {
  const boxes = {};
  let id = 0;
  for (const facet of FACETS) {
    const counts = { ...(totals[facet.key] || {}) };
    for (const value of selected[facet.key]) counts[value] ??= 0; // a shared link may name an old value
    const values = orderValues(facet, counts);
    boxes[facet.key] = [];
    if (!values.length) continue;
    const fieldset = document.createElement("fieldset");
    fieldset.className = "kh-facet";
    const legend = document.createElement("legend");
    legend.textContent = facet.label;
    const ul = document.createElement("ul");
    fieldset.append(legend, ul);
    values.forEach((value, i) => {
      const li = document.createElement("li");
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = facet.param;
      box.value = value;
      box.id = `kh-f${++id}`;
      box.dataset.key = facet.key;
      box.checked = selected[facet.key].has(value);
      const text = document.createElement("span");
      text.textContent = value;
      const count = document.createElement("span");
      count.className = "kh-count";
      label.append(box, text, " ", count);
      li.append(label);
      ul.append(li);
      if (facet.limit && i >= facet.limit && !box.checked) li.hidden = true;
      boxes[facet.key].push({ box, count, label, li });
    });
    if (facet.limit && values.length > facet.limit) {
      const toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "kh-facet__more";
      toggle.setAttribute("aria-expanded", "false");
      const all = `Toon alle ${values.length} ${facet.plural}`;
      toggle.textContent = all;
      toggle.addEventListener("click", () => {
        const open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = open ? "Toon minder" : all;
        boxes[facet.key].forEach((o, i) => { o.li.hidden = !open && i >= facet.limit && !o.box.checked; });
        if (open) boxes[facet.key][facet.limit]?.box.focus();
      });
      fieldset.append(toggle);
    }
    container.append(fieldset);
  }
  return boxes;
}

function setCounts(options, counts) {
  for (const { box, count, label } of options) {
    const n = counts[box.value] || 0;
    count.textContent = `(${n.toLocaleString("nl-NL")})`;
    label.classList.toggle("kh-facet--empty", n === 0 && !box.checked);
  }
}
