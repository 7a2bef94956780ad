/* Draws every chart of the page from the ECharts option in its data-chart attribute.
 * Runs again after each instant navigation (Material's document$), follows the light/dark
 * palette, resizes with its container and disposes of the charts of pages it leaves.
 * No eval, no inline script: the option is plain JSON. */
(function () {
  "use strict";
  var live = [];        // [{chart, observer}] of the current page
  var drawnTheme = null;
  var made = new Set(); // every instance not yet disposed: none may outlive its page
  var SELECTOR = ".jx-chart[data-chart]";

  function theme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : null;
  }

  function dispose(chart) {
    if (!chart.isDisposed()) chart.dispose();
    made.delete(chart);
  }

  function disposeAll() {
    live.forEach(function (entry) {
      entry.observer.disconnect();
      dispose(entry.chart);
    });
    live = [];
    sweep();
  }

  // Whatever a navigation raced past: an instance whose element has left the page goes too.
  function sweep() {
    made.forEach(function (chart) {
      if (chart.getDom().isConnected) return;
      live = live.filter(function (entry) {
        if (entry.chart !== chart) return true;
        entry.observer.disconnect();
        return false;
      });
      dispose(chart);
    });
  }

  // The page's option leaves out what every chart of its kind shares (generator/chart_shared.py,
  // whose rule this follows): values come back where missing, parts are merged (made if
  // missing), "each" parts go into every element of their list (legend, axes, series).
  function withShared(own, shared) {
    Object.keys(shared).forEach(function (key) {
      var common = shared[key];
      if (common !== null && typeof common === "object" && !Array.isArray(common)) {
        if (own[key] === undefined) own[key] = {};
        withShared(own[key], common);
      } else if (!(key in own)) {
        own[key] = JSON.parse(JSON.stringify(common));
      }
    });
    return own;
  }

  function fullOption(option) {
    var kind = option.series && option.series[0] && option.series[0].type;
    var shared = window.JX_CHART_SHARED && window.JX_CHART_SHARED[kind];
    if (!shared) return option;
    withShared(option, shared.option);
    Object.keys(shared.each).forEach(function (name) {
      (option[name] || []).forEach(function (item) { withShared(item, shared.each[name]); });
    });
    return option;
  }

  function drawAll() {
    disposeAll();
    if (typeof echarts === "undefined") return;
    drawnTheme = theme();
    document.querySelectorAll(SELECTOR).forEach(function (el) {
      var option;
      try {
        option = fullOption(JSON.parse(el.getAttribute("data-chart")));
      } catch (e) {
        console.error("图表数据无法解析", el.id, e);
        return;
      }
      option.backgroundColor = "transparent";
      option.aria = { enabled: true };
      if (document.documentElement.hasAttribute("data-jx-large")) {
        option.textStyle = { fontSize: 18 };  // larger text: the charts follow
      }
      var stale = echarts.getInstanceByDom(el);  // init would hand it back instead of a new one
      if (stale) dispose(stale);
      var chart = echarts.init(el, drawnTheme, { renderer: "svg", locale: "ZH" });
      chart.setOption(option);
      made.add(chart);
      var observer = new ResizeObserver(function () { chart.resize(); });
      observer.observe(el);
      el.setAttribute("data-chart-drawn", "true");
      live.push({ chart: chart, observer: observer });
    });
  }

  // Redraw in the other theme when the reader switches the palette; no reload needed.
  new MutationObserver(function (changes) {
    if (changes.some(function (c) { return c.attributeName === "data-md-color-scheme"; })) drawAll();
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  // …and in larger type when the reader switches on larger text.
  new MutationObserver(drawAll).observe(document.documentElement, { attributes: true, attributeFilter: ["data-jx-large"] });

  // Material swaps the page's content after telling its subscribers (us) of a navigation, at
  // times after the charts were drawn: sweep whenever nodes leave the page.
  new MutationObserver(function (changes) {
    if (made.size && changes.some(function (c) { return c.removedNodes.length; })) sweep();
  }).observe(document.body, { childList: true, subtree: true });

  // Exposed for tests and debugging: how many chart instances are alive.
  window.jxCharts = {
    count: function () { return live.length; },
    alive: function () { return made.size; },
    theme: function () { return drawnTheme || "light"; },
    fullOption: fullOption
  };

  if (typeof document$ !== "undefined") {
    document$.subscribe(drawAll);  // every page load, including instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", drawAll);
  }
})();
