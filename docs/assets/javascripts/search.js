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
  // A large site's index comes in shards (generator/search_index.py). Scoring a word found on
  // every page takes time in proportion to the pages, so the shards are split between up to
  // WORKERS Pagefinds, each in its own Web Worker, and searched side by side on the phone's cores.
  // Not more than three: each one downloads Pagefind's program again (about 150 KB).
  var WORKERS = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 3));
  var engines = null;  // the Pagefinds, once loaded
  var loading = null;
  var current = 0;  // the newest query's number: an older, slower answer is dropped

  function bundles() {
    return fetch(new URL("pagefind/shards.json", root)).then(function (response) {
      return response.ok ? response.json() : [];
    }).catch(function () { return []; }).then(function (others) { return ["pagefind/"].concat(others); });
  }

  // One Pagefind for a group of shards. Every shard's bundle carries its own pagefind.js, and
  // importing another shard's copy gives another module, hence another Web Worker.
  function engine(paths) {
    var options = { baseUrl: root.pathname, excerptLength: 40 };
    return import(new URL(paths[0] + "pagefind.js", root).href).then(function (module) {
      return module.options(options).then(function () {
        return Promise.all(paths.slice(1).map(function (path) {
          return module.mergeIndex(new URL(path, root).href, options);
        }));
      }).then(function () { return module.init(); }).then(function () { return module; });
    });
  }

  function load() {
    if (!loading) {
      loading = bundles().then(function (all) {
        var count = Math.min(WORKERS, all.length);
        var groups = [];
        for (var i = 0; i < count; i++) {
          groups.push(all.filter(function (path, n) { return n % count === i; }));
        }
        return Promise.all(groups.map(engine));
      }).then(function (loaded) { engines = loaded; });
    }
    return loading;
  }

  // Every Pagefind's results in one list, best first, as Pagefind itself merges shards.
  function search(query) {
    return Promise.all(engines.map(function (pagefind) { return pagefind.search(query); })).then(function (answers) {
      return [].concat.apply([], answers.map(function (answer) { return answer ? answer.results : []; }))
        .sort(function (a, b) { return b.score - a.score; });
    });
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

  // Draws results[from…from+PAGE] in rank order, each as soon as its text has arrived (every
  // result fetches its own fragment), then the "more" button. Resolves when all are drawn.
  function more(results, from, number) {
    var slice = results.slice(from, from + PAGE);
    if (from === 0) list.replaceChildren();
    var old = list.querySelector(".jx-search-more");
    if (old) old.remove();
    var slots = slice.map(function () {
      var li = document.createElement("li");
      li.hidden = true;  // a place kept for the result, so a later one cannot overtake it
      list.appendChild(li);
      return li;
    });
    if (from + PAGE < results.length) {
      var li = document.createElement("li");
      li.className = "jx-search-more";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.textContent = "显示更多结果（还有 " + (results.length - from - PAGE) + " 个）";
      button.addEventListener("click", function () { more(results, from + PAGE, number); });
      li.appendChild(button);
      list.appendChild(li);
    }
    return Promise.all(slice.map(function (result, i) {
      return result.data().then(function (data) {
        if (number !== current) return null;
        var drawn = item(data);
        slots[i].replaceWith(drawn);
        return drawn;
      });
    })).then(function (items) {
      // "More" was pressed: keyboard focus goes on to the first new result, not back to the top.
      if (from > 0 && number === current && items[0]) items[0].querySelector("a").focus();
    });
  }

  function run() {
    var query = input.value.trim();
    var number = ++current;
    if (!query) {
      list.replaceChildren();
      say("输入词语开始搜索");
      return Promise.resolve();
    }
    say("正在搜索…");
    return load().then(function () { return search(query); }).then(function (results) {
      if (number !== current) return;
      if (!results.length) {
        list.replaceChildren();
        say("没有找到符合条件的结果");
        return;
      }
      return more(results, 0, number).then(function () {
        if (number === current) say("找到 " + results.length + " 个符合条件的页面");
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
      if (event.key === "Escape") {
        toggle.checked = false;
        input.blur();
        event.preventDefault();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
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
