// Search for the kennishub: a small interface on Pagefind's JavaScript API.
//
// Loaded only when a reader first opens the search (see overrides/partials/search.html).
// Exports the search core that the Verkennen page shares (verkennen.js):
//   loadPagefind()          Pagefind, loaded once, with the site's base URL
//   find(query, options)    search with Dutch fallbacks (corrections for typos)
//   resultData(result)      url, meta and excerpt of a result (loads its fragment)
//   resultItem(data)        a result as a list item; the excerpt keeps only text and <mark>
// The index holds compounds as "basis~school" (see kennishub/compounds.py): the marker
// is removed from everything shown.

const ROOT = new URL("../../", import.meta.url);
const BUNDLE = new URL("pagefind/", ROOT);
const VOCABULARY = new URL("pagefind/woorden.json", ROOT);
const MAX_RESULTS = 10;
const DATE_NL = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric" });

let pagefind = null;
let vocabulary = null;

export function loadPagefind() {
  pagefind ??= import(new URL("pagefind.js", BUNDLE).href).then(async (pf) => {
    await pf.options({ baseUrl: ROOT.pathname, excerptLength: 24 });
    await pf.init();
    return pf;
  });
  return pagefind;
}

// ---- Dutch-aware correction of typos ("bedoel je …?") --------------------------------

function loadVocabulary() {
  vocabulary ??= fetch(VOCABULARY)
    .then((r) => (r.ok ? r.json() : []))
    .catch(() => []);
  return vocabulary;
}

// A spelling key: what sounds the same in Dutch, or is often mixed up, becomes one form.
export function soundKey(word) {
  return word
    .normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/ij|ei|y/g, "Y").replace(/au|ou/g, "U")
    .replace(/ph/g, "f").replace(/th/g, "t").replace(/ch/g, "g")
    .replace(/c(?=[eiY])/g, "s").replace(/c/g, "k").replace(/z/g, "s").replace(/v/g, "f")
    .replace(/dt\b|d\b/g, "t")
    .replace(/(.)\1+/g, "$1");
}

// Damerau-Levenshtein distance (adjacent transpositions count as one edit), capped.
export function editDistance(a, b, cap = 3) {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev2 = null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

// The closest vocabulary word to `word`, or null. Words are ordered most used first.
export function closestWord(word, words) {
  const w = word.toLowerCase();
  if (w.length < 4) return null;
  const allowed = w.length <= 5 ? 1 : 2;
  const key = soundKey(w);
  let best = null;
  for (let rank = 0; rank < words.length; rank++) {
    const candidate = words[rank];
    if (candidate === w || Math.abs(candidate.length - w.length) > allowed + 1) continue;
    const sound = editDistance(key, soundKey(candidate), allowed);
    const spelled = editDistance(w, candidate, allowed + 1);
    if (sound > allowed && spelled > allowed) continue;
    const score = Math.min(sound, spelled) * 10 + spelled + rank / words.length;
    if (!best || score < best.score) best = { word: candidate, score };
  }
  return best && best.word;
}

// ---- searching ------------------------------------------------------------------------

export function words(query) {
  return (query || "").toLowerCase().split(/[\s,;:!?()"]+/u).filter(Boolean);
}

// Letters and digits only, lower case, no accents: how words are compared here.
const fold = (word) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

// The highlighted words of the top results, whole and split at compound markers.
async function matchedWords(results) {
  const datas = await Promise.all(results.slice(0, 3).map((r) => r.data()));
  const found = new Set();
  for (const d of datas) {
    for (const m of (d.excerpt || "").matchAll(/<mark>(.*?)<\/mark>/g)) {
      for (const part of [m[1], ...m[1].split("~")]) found.add(fold(part));
    }
  }
  return [...found];
}

// Does `word` match one of `matched` well? Pagefind, finding nothing for a word, tries
// ever shorter beginnings of it ("croswijk" ends up matching "C."); such a match
// shares only a short beginning with the word typed.
function matchedWell(word, matched) {
  const need = Math.min(word.length, Math.max(4, Math.ceil(word.length * 0.6)));
  return matched.some((m) => commonPrefix(word, m) >= need);
}

// Search. When a word of four letters or more finds nothing, or only a poor match, and
// the hub never uses that word, replace it by the closest word the hub does use and
// search again. Returns { search, query, corrected }: what was searched at last.
export async function find(query, options = {}) {
  const pf = await loadPagefind();
  const q = (query || "").trim();
  const search = await pf.search(q || null, options);
  if (!q) return { search, query: q, corrected: false };
  const parts = words(q).map(fold).filter((w) => w.length >= 4);
  const matched = search.results.length ? await matchedWords(search.results) : [];
  const doubtful = parts.filter((w) => !matchedWell(w, matched));
  if (!doubtful.length) return { search, query: q, corrected: false };
  const list = await loadVocabulary();
  const known = new Set(list);
  const fixes = new Map();
  for (const w of doubtful) {
    if (known.has(w)) continue;
    const better = closestWord(w, list);
    if (better) fixes.set(w, better);
  }
  if (!fixes.size) return { search, query: q, corrected: false };
  const corrected = words(q).map((w) => fixes.get(fold(w)) || w).join(" ");
  const second = await pf.search(corrected, options);
  if (second.results.length) return { search: second, query: corrected, corrected: true };
  return { search, query: q, corrected: false };
}

export const unmark = (text) => (text || "").replace(/(\p{L})~(?=\p{L})/gu, "$1");

// DOM nodes for an excerpt: only its text and its <mark> elements survive.
export function renderExcerpt(excerptHtml) {
  const template = document.createElement("template");
  template.innerHTML = unmark(excerptHtml);
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

export function formatDate(iso) {
  const date = iso ? new Date(`${iso}T12:00:00`) : null;
  return date && !Number.isNaN(date.getTime()) ? DATE_NL.format(date) : "";
}

export async function resultData(result) {
  const data = await result.data();
  return { url: data.url, meta: data.meta || {}, excerpt: data.excerpt || "" };
}

export function plural(n, one, many) {
  return `${n.toLocaleString("nl-NL")} ${n === 1 ? one : many}`;
}

// One result as a list item, in Material's search result markup.
export function resultItem(data, headingLevel = 3) {
  const li = document.createElement("li");
  li.className = "md-search-result__item kh-result";
  const a = document.createElement("a");
  a.className = "md-search-result__link";
  a.href = data.url;
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  const title = document.createElement(`h${headingLevel}`);
  title.className = "kh-result__title";
  title.textContent = data.meta.title || data.url;
  const meta = document.createElement("p");
  meta.className = "kh-result__meta";
  meta.textContent = [data.meta.type, formatDate(data.meta.date)].filter(Boolean).join(" · ");
  const teaser = document.createElement("p");
  teaser.className = "md-search-result__teaser kh-result__excerpt";
  teaser.append(renderExcerpt(data.excerpt));
  article.append(title, meta, teaser);
  a.append(article);
  li.append(a);
  return li;
}

// ---- the header search ----------------------------------------------------------------

export function start(root) {
  if (root.dataset.khStarted) return;
  root.dataset.khStarted = "1";
  const toggle = document.getElementById("__search");
  const form = root.querySelector("form");
  const input = root.querySelector("input[type=search]");
  const status = root.querySelector("[role=status]");
  const list = root.querySelector("ol");
  const all = root.querySelector("[data-kh-search-all]");
  const opener = document.querySelector("[data-kh-search-open]");
  const verkennen = new URL(root.dataset.khVerkennenUrl || "verkennen/", document.baseURI);
  let returnFocus = null;
  let serial = 0;
  let timer = 0;

  const isOpen = () => !toggle || toggle.checked;
  const open = () => {
    if (!isOpen()) returnFocus = document.activeElement;
    if (toggle) toggle.checked = true;
    input.focus();
  };
  const close = () => {
    if (toggle) toggle.checked = false;
    const target = returnFocus && returnFocus !== input && document.contains(returnFocus) ? returnFocus : opener;
    returnFocus = null;
    if (target && target.offsetParent !== null) target.focus();
    else input.blur();
  };

  const show = async () => {
    const mine = ++serial;
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      all.parentElement.hidden = true;
      status.textContent = "Typ een of meer woorden om te zoeken";
      root.dataset.khShown = "";
      return;
    }
    status.textContent = "Zoeken…";
    let found;
    try {
      found = await find(query);
    } catch (error) {
      if (mine === serial) status.textContent = "Zoeken lukt nu niet. Probeer het later nog eens.";
      throw error;
    }
    const results = found.search.results;
    const datas = await Promise.all(results.slice(0, MAX_RESULTS).map(resultData));
    if (mine !== serial) return; // a newer query is on its way
    list.replaceChildren(...datas.map((d) => resultItem(d, 3)));
    const count = results.length;
    let text = count ? plural(count, "resultaat", "resultaten") : `Geen resultaten voor ‘${query}’`;
    if (found.corrected) text = `Geen resultaten voor ‘${query}’. ${plural(count, "resultaat", "resultaten")} voor ‘${found.query}’`;
    if (count > MAX_RESULTS) text += `, de eerste ${MAX_RESULTS} hieronder`;
    status.textContent = text;
    all.href = `${verkennen.pathname}?q=${encodeURIComponent(found.query)}`;
    all.parentElement.hidden = count === 0;
    root.dataset.khShown = query; // which query the list shows (tests wait for it)
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => show().catch(console.error), 120);
  };

  input.addEventListener("input", schedule);
  input.addEventListener("focus", () => { if (toggle) toggle.checked = true; });
  form.addEventListener("reset", () => setTimeout(() => { input.focus(); schedule(); }));
  form.addEventListener("submit", (event) => {
    if (!input.value.trim()) event.preventDefault();
  });
  root.querySelector("[data-kh-search-close]").addEventListener("click", close);
  if (opener) opener.addEventListener("click", open);

  root.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a")];
    const index = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      event.preventDefault();
      (index === 0 ? input : links[index - 1]).focus();
    }
  });
  document.addEventListener("keydown", (event) => {
    const el = document.activeElement;
    const typing = el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      open();
    }
  });
  // Closing by the overlay (a label for the toggle) must not leave focus in the box.
  if (toggle) toggle.addEventListener("change", () => { if (!toggle.checked && root.contains(document.activeElement)) input.blur(); });

  if (document.activeElement !== input && isOpen()) input.focus();
  loadPagefind().catch(() => { status.textContent = "Zoeken lukt nu niet. Probeer het later nog eens."; });
  if (input.value.trim()) schedule();
}
