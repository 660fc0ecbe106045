/*
 * Kennishub checklist tool.
 *
 * Turns the task-list items of a checklist into real checkboxes a reader can tick
 * with mouse or keyboard. Ticks are kept in this browser only (localStorage, key
 * "kennishub:checklist:<slug>") and never leave it. Adds a progress line that
 * screen readers announce, a reset button and a print button.
 *
 * A checklist is an element with data-checklist="<slug>" (the kennishub plugin
 * wraps checklist entries in one). Without such an element, the task lists of the
 * page form one checklist keyed by the page path.
 *
 * Works with and without Material's instant navigation: it runs on every document
 * that Material's document$ observable emits, or once on DOMContentLoaded.
 */
(function () {
  "use strict";

  var PREFIX = "kennishub:checklist:";
  var BLOCKS = /^(UL|OL|P|DIV|PRE|TABLE|BLOCKQUOTE|DETAILS|FIGURE|H[1-6])$/;

  function openStorage() {
    try {
      var store = window.localStorage;
      var probe = PREFIX + "probe";
      store.setItem(probe, "1");
      store.removeItem(probe);
      return store;
    } catch (error) {
      return null; // storage disabled: the checklist still works, without memory
    }
  }

  var storage = openStorage();

  function slugFromPath(pathname) {
    var path = pathname.replace(/index\.html$/, "").replace(/^\/+|\/+$/g, "");
    try {
      path = decodeURIComponent(path);
    } catch (error) {
      /* keep the raw path */
    }
    return path || "start";
  }

  function readTicks(key) {
    if (!storage) return null;
    try {
      var value = JSON.parse(storage.getItem(key));
      return Array.isArray(value) ? value : null;
    } catch (error) {
      return null;
    }
  }

  function writeTicks(key, ids) {
    if (!storage) return;
    try {
      storage.setItem(key, JSON.stringify(ids));
    } catch (error) {
      /* quota or privacy mode: keep working in memory */
    }
  }

  // The item's own text, without nested lists: the stable name of a tick.
  function itemText(item) {
    var copy = item.cloneNode(true);
    var nested = copy.querySelectorAll("ul, ol");
    for (var i = 0; i < nested.length; i++) nested[i].remove();
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // Make the checkbox's label hold the item text, so the text names the checkbox
  // and a click on it ticks the box.
  function labelCheckbox(input, index) {
    var label = input.closest("label");
    if (!label) {
      label = document.createElement("label");
      label.className = "task-list-control";
      input.parentNode.insertBefore(label, input);
      label.appendChild(input);
    }
    if (!label.querySelector(".kh-task-text")) {
      var text = document.createElement("span");
      text.className = "kh-task-text";
      var node = label.nextSibling;
      while (node && !(node.nodeType === 1 && BLOCKS.test(node.nodeName))) {
        var next = node.nextSibling;
        text.appendChild(node);
        node = next;
      }
      label.appendChild(text);
      if (!text.textContent.trim()) {
        input.setAttribute("aria-label", "Punt " + (index + 1));
      }
    }
    input.disabled = false;
    input.removeAttribute("disabled");
  }

  function makeButton(text) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = text;
    return button;
  }

  // The tools go before the block that holds the first task list, and before the
  // headings that introduce that block, so they read as belonging to the whole list.
  function toolsPlace(container) {
    var place = container.querySelector(".task-list");
    while (place.parentNode !== container) place = place.parentNode;
    while (
      place.previousElementSibling &&
      /^H[2-6]$/.test(place.previousElementSibling.nodeName)
    ) {
      place = place.previousElementSibling;
    }
    return place;
  }

  function setup(container, slug) {
    if (container.hasAttribute("data-kh-ready")) return;
    var inputs = container.querySelectorAll(
      ".task-list-item input[type='checkbox']"
    );
    if (!inputs.length) return;
    container.setAttribute("data-kh-ready", "");

    var key = PREFIX + slug;
    var ids = [];
    var seen = {};
    for (var i = 0; i < inputs.length; i++) {
      var base = itemText(inputs[i].closest(".task-list-item"));
      seen[base] = (seen[base] || 0) + 1;
      ids.push(seen[base] > 1 ? base + " #" + seen[base] : base);
      labelCheckbox(inputs[i], i);
    }

    var stored = readTicks(key);
    if (stored) {
      for (var j = 0; j < inputs.length; j++) {
        inputs[j].checked = stored.indexOf(ids[j]) !== -1;
      }
    }

    var tools = document.createElement("div");
    tools.className = "kh-checklist__tools";
    var progress = document.createElement("p");
    progress.className = "kh-checklist__progress";
    progress.setAttribute("role", "status");
    var reset = makeButton("Wis alle vinkjes");
    var print = makeButton("Print deze checklist");
    // Shown on paper only: where the printed checklist comes from.
    var source = document.createElement("p");
    source.className = "kh-checklist__source";
    var canonical = document.querySelector("link[rel=canonical]");
    source.textContent =
      "Afgedrukt van " + (canonical ? canonical.href : window.location.href);
    tools.appendChild(progress);
    tools.appendChild(reset);
    tools.appendChild(print);
    tools.appendChild(source);
    container.insertBefore(tools, toolsPlace(container));

    function update() {
      var done = 0;
      for (var k = 0; k < inputs.length; k++) {
        if (inputs[k].checked) done++;
        var item = inputs[k].closest(".task-list-item");
        item.classList.toggle("kh-done", inputs[k].checked);
      }
      progress.textContent = done + " van " + inputs.length + " afgevinkt";
    }

    function save() {
      var ticked = [];
      for (var k = 0; k < inputs.length; k++) {
        if (inputs[k].checked) ticked.push(ids[k]);
      }
      writeTicks(key, ticked);
    }

    container.addEventListener("change", function (event) {
      if (Array.prototype.indexOf.call(inputs, event.target) === -1) return;
      save();
      update();
    });
    reset.addEventListener("click", function () {
      for (var k = 0; k < inputs.length; k++) inputs[k].checked = false;
      save();
      update();
    });
    print.addEventListener("click", function () {
      window.print();
    });
    // Keep several open tabs of the same checklist in step.
    window.addEventListener("storage", function (event) {
      if (event.key !== key || !document.body.contains(container)) return;
      var ticks = readTicks(key) || [];
      for (var k = 0; k < inputs.length; k++) {
        inputs[k].checked = ticks.indexOf(ids[k]) !== -1;
      }
      update();
    });
    update();
  }

  function init(doc) {
    var root = doc && doc.querySelector ? doc : document;
    var marked = root.querySelectorAll("[data-checklist]");
    if (marked.length) {
      for (var i = 0; i < marked.length; i++) {
        var slug = marked[i].getAttribute("data-checklist").trim();
        setup(marked[i], slug || slugFromPath(window.location.pathname));
      }
      return;
    }
    var article = root.querySelector("article.md-content__inner") || root.body;
    if (article) setup(article, slugFromPath(window.location.pathname));
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      init(document);
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      init(document);
    });
  } else {
    init(document);
  }
})();
