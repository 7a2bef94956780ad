/* Full-text search with Pagefind, in Material's search box (overrides/main.html).
 * Pagefind's index is cut into small pieces at build time (Chinese segmented by jieba), and a
 * search fetches only the pieces for its words: a first search stays small however many
 * reports the site has. Results are drawn with Material's classes; every text from the index
 * goes in as text, never as markup. ?q=… opens the search with that query (shareable links,
 * and the search form on the home page). */
(function () {
  "use strict";
  var PAGE = 10;  // results drawn at a time: each one fetches its own small fragment
  // This file is <root>/assets/javascripts/search.js: the site root follows from its address.
  var root = new URL("../../", document.currentScript.src);
  var box = document.querySelector("[data-jx-search]");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  var form = box.querySelector("form");
  var input = box.querySelector(".md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  // The index comes in shards, each of one year's reports (generator/search_index.py), listed in
  // pagefind/shards.json newest year first, the other pages (home, year, department pages)
  // last. The years are searched in turn, newest first, so the newest year's results show as soon
  // as that year has answered, and a year filter leaves the others out. A year's shards are
  // shared out between up to WORKERS Web Workers (one per imported copy of pagefind.js), which
  // score them side by side on the phone's cores. Every year's Pagefinds start from the placeholder
  // bundle at pagefind/, so its program and WebAssembly are downloaded once; each shard's entry
  // file is fetched at the address its tag gives (cached), not with the time of every opening.
  var WORKERS = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 3));
  var groups = null;  // [{year, label, parts: [{pagefind, worker}]}] in search order, once loaded
  var loading = null;
  var current = 0;  // the newest query's number: an older, slower answer is dropped
  var options = { baseUrl: root.pathname, excerptLength: 40 };

  function manifest() {
    return fetch(new URL("pagefind/shards.json", root)).then(function (response) {
      return response.ok ? response.json() : { tag: null, groups: [] };
    });
  }

  // One Pagefind on one worker for some of a year's shards.
  function part(bundles, module, tag, worker) {
    var pagefind = module.createInstance({ basePath: new URL("pagefind/", root).href, metaCacheTag: tag });
    return pagefind.options(options).then(function () {
      return Promise.all(bundles.map(function (bundle) {
        return pagefind.mergeIndex(new URL(bundle.path, root).href, { baseUrl: root.pathname, metaCacheTag: bundle.tag });
      }));
    }).then(function () { return pagefind.init(); }).then(function () {
      return { pagefind: pagefind, worker: worker };
    });
  }

  // A year's shards are shared out between the workers, starting with the one after the previous
  // year's first: a large year is scored on every core at once, small years side by side.
  // The Pagefinds of one worker are made one after another: they share its WebAssembly, and two
  // made at once would each load it, the second pulling it from under the first ("unreachable").
  var made = [];  // worker -> when its last Pagefind is ready
  function yearGroup(group, modules, tag, first) {
    var count = Math.min(modules.length, group.bundles.length);
    var parts = [];
    for (var j = 0; j < count; j++) {
      var worker = (first + j) % modules.length;
      var bundles = group.bundles.filter(function (b, n) { return n % count === j; });
      made[worker] = (made[worker] || Promise.resolve()).then(part.bind(null, bundles, modules[worker], tag, worker));
      parts.push(made[worker]);
    }
    return Promise.all(parts).then(function (loaded) {
      return { year: group.year, label: group.year ? group.year + " 年度" : "部门和其他页面", parts: loaded };
    });
  }

  function load() {
    if (!loading) {
      loading = manifest().then(function (found) {
        var count = Math.max(1, Math.min(WORKERS, found.groups.length));
        var modules = [];
        for (var i = 0; i < count; i++) {
          // Another address, another module: another Web Worker.
          modules.push(import(new URL("pagefind/pagefind.js" + (i ? "?worker=" + i : ""), root).href));
        }
        return Promise.all(modules).then(function (loaded) {
          return Promise.all(found.groups.map(function (group, n) { return yearGroup(group, loaded, found.tag, n % count); }));
        });
      }).then(function (loaded) {
        groups = loaded;
        showFilters();
      });
    }
    return loading;
  }

  // The year and department filters, made when the search first opens (no page carries them).
  var filters = null;
  function showFilters() {
    if (filters || !groups.length) return;
    filters = document.createElement("div");
    filters.className = "jx-search-filters";
    var year = document.createElement("select");
    year.setAttribute("aria-label", "只搜索某一年度");
    year.appendChild(new Option("全部年度", ""));
    groups.forEach(function (g) { if (g.year) year.appendChild(new Option(g.label, String(g.year))); });
    var department = document.createElement("input");
    department.type = "search";
    department.placeholder = "全部部门";
    department.setAttribute("aria-label", "只搜索某个部门的报告");
    department.setAttribute("list", "jx-search-departments");
    department.autocomplete = "off";
    var names = document.createElement("datalist");
    names.id = "jx-search-departments";
    filters.append(year, department, names);
    meta.parentNode.insertBefore(filters, meta);
    year.addEventListener("change", function () { if (input.value.trim()) run(); });
    department.addEventListener("change", function () { if (input.value.trim()) run(); });
    filters.year = year;
    filters.department = department;
    filters.known = {};
    // The departments every year's index knows, for the list under the box.
    var parts = [].concat.apply([], groups.map(function (g) { return g.parts; }));
    Promise.all(parts.map(function (p) { return p.pagefind.filters(); })).then(function (all) {
      all.forEach(function (f) { Object.keys((f && f.department) || {}).forEach(function (n) { filters.known[n] = true; }); });
      Object.keys(filters.known).sort(function (a, b) { return a.localeCompare(b, "zh-Hans-CN"); }).forEach(function (n) {
        names.appendChild(new Option(n));
      });
    });
  }

  function chosen() {
    var year = filters && filters.year.value;
    var department = filters ? filters.department.value.trim() : "";
    return {
      groups: groups.filter(function (g) { return !year || String(g.year) === year; }),
      options: department ? { filters: { department: department } } : {},
      department: department
    };
  }

  // Pagefind's excerpts are the page's text with only < and > escaped, <mark> around the
  // matched words and zero-width spaces between segmented words. Build them as text nodes and
  // <mark> elements: nothing from the index is ever parsed as HTML.
  function decode(text) {
    return text.replace(/\u200b/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
  }
  function excerpt(html) {
    var p = document.createElement("p");
    html.split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
      if (marked) {
        var mark = document.createElement("mark");
        mark.textContent = decode(marked[1]);
        p.appendChild(mark);
      } else if (part) {
        p.appendChild(document.createTextNode(decode(part)));
      }
    });
    return p;
  }

  function article(title, text, level, isDocument) {
    var a = document.createElement("article");
    a.className = "md-search-result__article md-typeset" + (isDocument ? " md-search-result__article--document" : "");
    var h = document.createElement(level);
    h.textContent = title.replace(/\u200b/g, "");
    a.appendChild(h);
    if (text) a.appendChild(excerpt(text));
    return a;
  }

  function link(url, child) {
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = url;
    a.appendChild(child);
    return a;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var title = (data.meta && data.meta.title) || data.url;
    // Sections of the page that matched, apart from the page's own title heading.
    var subs = (data.sub_results || []).filter(function (s) { return s.url.indexOf("#") > 0 && s.title !== title; });
    li.appendChild(link(data.url, article(title, subs.length ? "" : data.excerpt, "h1", true)));
    subs.slice(0, 3).forEach(function (s) {
      li.appendChild(link(s.url, article(s.title, s.excerpt, "h2", false)));
    });
    return li;
  }

  function say(text) { meta.textContent = text; }

  // Draws the results not yet shown, up to state.limit, in rank order, each as soon as its text
  // has arrived (every result fetches its own fragment), with a heading where a year begins,
  // then the "more" button. Called again as later years answer, and by that button.
  function draw(state) {
    var results = state.results, from = state.shown, end = Math.min(results.length, state.limit);
    state.shown = Math.max(from, end);
    var old = list.querySelector(".jx-search-more");
    if (old) old.remove();
    var slots = [];
    for (var i = from; i < end; i++) {
      if (i === 0 || results[i].group !== results[i - 1].group) {
        var heading = document.createElement("li");
        heading.className = "jx-search-year";
        heading.textContent = results[i].group.label;
        list.appendChild(heading);
      }
      var slot = document.createElement("li");
      slot.hidden = true;  // a place kept for the result, so a later one cannot overtake it
      list.appendChild(slot);
      slots.push(slot);
    }
    if (results.length > state.shown) {
      var li = document.createElement("li");
      li.className = "jx-search-more";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = "显示更多结果（还有 " + (results.length - state.shown) + " 个）";
      button.addEventListener("click", function () {
        state.limit = state.shown + PAGE;
        draw(state).then(function (items) {
          // Keyboard focus goes on to the first new result, not back to the top.
          if (state.number === current && items[0]) items[0].querySelector("a").focus();
        });
      });
      li.appendChild(button);
      list.appendChild(li);
    }
    return Promise.all(slots.map(function (slot, k) {
      return results[from + k].result.data().then(function (data) {
        if (state.number !== current) return null;
        var drawn = item(data);
        slot.replaceWith(drawn);
        return drawn;
      });
    }));
  }

  // The chosen years are asked newest first, one at a time on each Web Worker (a worker does one
  // thing at a time: a second year's search queued on it would hold up the first year's result
  // texts). Answers are drawn in year order, each year as soon as it and every newer one have
  // answered, best first within it; the count grows as they come.
  function run() {
    var query = input.value.trim();
    var number = ++current;
    if (!query) {
      list.replaceChildren();
      say("输入词语开始搜索");
      return Promise.resolve();
    }
    say("正在搜索…");
    return load().then(function () {
      var ask = chosen();
      var state = { results: [], shown: 0, limit: PAGE, number: number };
      var free = {};  // worker -> when its previous year has answered and been drawn
      var step = Promise.resolve();
      list.replaceChildren();
      ask.groups.forEach(function (g, i) {
        // Each part of the year as soon as its worker is free; the year's results best first.
        var answer = Promise.all(g.parts.map(function (p) {
          return (free[p.worker] || Promise.resolve()).then(function () {
            return number === current ? p.pagefind.search(query, ask.options) : null;
          }).then(function (found) { return found ? found.results : []; });
        })).then(function (found) {
          return [].concat.apply([], found).sort(function (a, b) { return b.score - a.score; });
        });
        step = step.then(function () { return answer; }).then(function (found) {
          if (number !== current) return;
          found.forEach(function (result) { state.results.push({ result: result, group: g }); });
          var next = ask.groups[i + 1];
          // While years are still answering, the count is said without 找到: it is still growing.
          if (next) say("目前 " + state.results.length + " 个结果，正在搜索 " + next.label + "…");
          return draw(state);
        });
        g.parts.forEach(function (p) { free[p.worker] = step; });
      });
      return step.then(function () {
        if (number !== current) return;
        if (state.results.length) say("找到 " + state.results.length + " 个符合条件的页面");
        else say(ask.department && filters && !filters.known[ask.department]
          ? "没有名为“" + ask.department + "”的部门，请从列表中选择"
          : "没有找到符合条件的结果");
      });
    }).catch(function (e) {
      if (number !== current) return;
      console.error("搜索失败", e);
      say("搜索暂时无法使用，请刷新页面后再试。");
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  input.addEventListener("focus", function () {
    load();
    if (!toggle.checked) toggle.checked = true;
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run().then(function () {
      var first = list.querySelector(".md-search-result__link");
      if (first) first.focus();
    });
  });
  form.addEventListener("reset", function () {
    setTimeout(run, 0);
    input.focus();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus(); else input.blur();
  });

  function links() {
    return [input].concat(Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link, .jx-search-more button")));
  }

  // The keys Material's own search answers to: / s f open it, Esc closes it, arrows move
  // between the box and the results.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (toggle.checked && box.contains(target)) {
      var ownArrows = target !== input && /^(INPUT|SELECT)$/.test(target.tagName);  // the filters
      if (event.key === "Escape") {
        toggle.checked = false;
        input.blur();
        event.preventDefault();
      } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !ownArrows) {
        var all = links();
        var at = all.indexOf(target);
        var next = all[Math.max(0, Math.min(all.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))];
        if (next) next.focus();
        event.preventDefault();
      }
    } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[/sf]$/.test(event.key)) {
      toggle.checked = true;
      input.focus();
      event.preventDefault();
    }
  });

  // Choosing a result closes the search; instant navigation then loads the page.
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".md-search-result__link")) {
      toggle.checked = false;
    }
  });

  var asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    toggle.checked = true;
    input.focus();
    run();
  }
})();
