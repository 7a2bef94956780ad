"""Chart options carry only what differs from ECharts' defaults (generator/chart_defaults.py):
the page's chart JSON shrinks at least 3×, and in a real Chromium every chart looks the same."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from unittest import mock

import pytest

from generator import chart_defaults, charts, derive, loading, render
from generator.chart_defaults import strip_defaults
from generator.paths import ECHARTS

from .conftest import DATA, DEMO, ROOT

ECHARTS_LIB = ROOT / "node_modules" / "echarts" / "lib"


@functools.cache
def derived(data: Path) -> derive.Derived:
    return derive.derive(loading.load(data).entries)


def page_charts(data: Path, page: str, stripped: bool = True) -> list[charts.Chart]:
    """The charts of one page as the build makes them; unstripped: as pyecharts gives them."""
    d, env = derived(data), render.make_env()
    reports = [rec for rec in d.records if f"{rec.report.year}/{rec.entry.stem}/index.md" == page]
    with mock.patch.object(charts, "strip_defaults", strip_defaults if stripped else lambda option: option):
        pages = [render.render_report(env, rec, {}) for rec in reports] or render.render_indexes(env, d)
    [found] = [p.charts for p in pages if p.path == page]
    assert found, f"{page} has no charts"
    return found


REPORT = (DATA, "2021/huangshi-shangwuju/index.md")
# Between them, every kind of chart the site draws: a pie, bars, two series of bars, lines.
DEMO_PAGES = [(DEMO, "2022/index.md"), (DEMO, "2022/shili-jiaoyuju-xiaoyuan-anquan/index.md"),
              (DEMO, "departments/shili-jiaoyuju/index.md")]


def test_the_reports_chart_json_is_at_most_a_third_of_pyecharts():
    size = {stripped: sum(len(c.option_json().encode()) for c in page_charts(*REPORT, stripped=stripped))
            for stripped in (True, False)}
    assert size[True] * 3 <= size[False], size


def test_only_values_echarts_uses_anyway_go():
    option = {
        "animation": True, "animationDuration": 1000, "animationDelay": 0,
        "aria": {"enabled": True}, "grid": {"containLabel": True, "left": 0},
        "title": [{"show": True, "padding": 5}],
        "tooltip": {"trigger": "item", "borderWidth": 0, "show": True},
        "legend": [{"show": True, "selected": {}}, {"show": False}],
        "xAxis": [{"animation": True, "animationDuration": 1000, "splitLine": {"show": True}, "nameTruncate": {}}],
        "yAxis": [{"data": ["a"], "splitLine": {"show": True}, "animationEasing": "cubicOut"}],
        "series": [
            {"type": "bar", "name": "a", "data": [1], "label": {"show": True, "formatter": "{c}", "margin": 8},
             "barGap": "30%", "z": 2, "zlevel": 0},
            {"type": "pie", "name": "b", "data": [], "label": {"show": True}, "radius": [0, "75%"]},
            {"type": "somethingelse", "z": 2},
        ],
    }
    assert strip_defaults(option) == {
        "animation": True,  # ECharts' default is 'auto'
        "aria": {"enabled": True}, "grid": {"containLabel": True, "left": 0},  # never touched
        "title": [{}],  # still draws a box
        "tooltip": {"borderWidth": 0},  # still there: `tooltip: {}` turns tooltips on
        "legend": [{}, {"show": False}],
        "xAxis": [{}],  # a value axis: split lines by default; animation as the chart's
        "yAxis": [{"data": ["a"], "splitLine": {"show": True}, "animationEasing": "cubicOut"}],  # a category axis
        "series": [
            {"type": "bar", "name": "a", "data": [1], "label": {"show": True, "formatter": "{c}", "margin": 8},
             "barGap": "30%"},  # a bar's label is hidden by default; its barGap is 20%
            {"type": "pie", "name": "b", "data": []},
            {"type": "somethingelse", "z": 2},  # no table: kept whole
        ],
    }
    assert strip_defaults({"title": {"text": "标题", "show": True}}) == {"title": {"text": "标题"}}
    assert strip_defaults({"legend": {"show": 1}}) == {"legend": {"show": 1}}  # 1 is not true
    assert "animation" in strip_defaults({"animation": "auto", "xAxis": [{"animation": True}]})["xAxis"][0]


def test_settings_said_unread_are_unread_by_the_echarts_the_site_serves():
    """ECharts 6 settings pyecharts writes out; should an upgrade read them, revisit FALLBACKS."""
    sources = {p: p.read_text(encoding="utf-8") for p in ECHARTS_LIB.rglob("*.js")}
    for name in ("richInheritPlainLabel", "nameMoveOverlap", "displayTransition"):
        assert not [p for p, text in sources.items() if name in text], name
    assert not [p for p, text in sources.items() if "/legend/" in p.as_posix() and "triggerEvent" in text]
    # Nor does the plain legend read what only a scrolling legend has.
    plain = (ECHARTS_LIB / "component" / "legend" / "LegendView.js").read_text(encoding="utf-8")
    assert not [key for key in chart_defaults.SCROLL_LEGEND if key in plain]


@pytest.fixture(scope="module")
def echarts_page(browser):
    """A blank page with the ECharts bundle the site serves."""
    assert ECHARTS.exists(), "build/echarts.min.js is missing: run `make deps`"
    page = browser.new_page()
    page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
    page.add_script_tag(path=str(ECHARTS))
    yield page
    page.close()


def test_the_default_tables_are_echarts_own(echarts_page):
    """Every value in chart_defaults.DEFAULTS is what ECharts' model holds when the option says
    nothing, in the light theme and in the dark one."""
    option = {"title": {}, "legend": [{}, {"type": "scroll"}], "tooltip": {},
              "xAxis": {"type": "category", "data": ["a"]}, "yAxis": {"type": "value"},
              "series": [{"type": t, "data": [1]} for t in ("bar", "line", "pie")]}
    wrong = []
    for theme in (None, "dark"):
        merged = echarts_page.evaluate("""([option, theme]) => {
            const el = document.createElement('div');
            el.style.cssText = 'width: 400px; height: 300px';
            document.body.appendChild(el);
            const chart = echarts.init(el, theme, {renderer: 'svg'});
            chart.setOption(option);
            const merged = chart.getOption();
            chart.dispose(); el.remove();
            return merged;
        }""", [option, theme])
        models = {"global": merged, "title": merged["title"][0], "legend": merged["legend"][0],
                  "scroll legend": merged["legend"][1], "tooltip": merged["tooltip"][0],
                  "category": merged["xAxis"][0], "value": merged["yAxis"][0], **{s["type"]: s for s in merged["series"]}}
        for name, table in chart_defaults.DEFAULTS.items():
            for path, value in leaves(table):
                held = models[name]
                for key in path:
                    held = held.get(key) if isinstance(held, dict) else None
                if as_json(held) != as_json(value):
                    wrong.append((theme or "light", name, ".".join(path), held, value))
    assert wrong == [], "\n".join(map(str, wrong))


def leaves(table: dict, path: tuple = ()):
    for key, value in table.items():
        if isinstance(value, dict):
            yield from leaves(value, path + (key,))
        else:
            yield path + (key,), value


def as_json(value) -> str:
    # JavaScript has one kind of number: 1000 and 1000.0 are the same; true and 1 are not.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, list):
        return "[" + ",".join(as_json(v) for v in value) + "]"
    return json.dumps(value, sort_keys=True)


# Draws an option as docs/assets/javascripts/charts.js does (theme, SVG renderer, locale, what
# it adds to the option), at a fixed size with animation off, then with a tooltip shown.
DRAW = """async ([option, height, theme, large]) => {
    const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
    const el = document.createElement('div');
    el.style.cssText = `width: 640px; height: ${height}px`;
    document.body.appendChild(el);
    option.backgroundColor = 'transparent';
    option.aria = {enabled: true};
    if (large) option.textStyle = {fontSize: 18};
    option.animation = false;
    const chart = echarts.init(el, theme, {renderer: 'svg', locale: 'ZH'});
    chart.setOption(option);
    const settled = async () => {  // an axis of the full option animates by its own setting
        for (let i = 0; i < 600 && (i === 0 || !chart.getZr().animation.isFinished()); i++) await frame();
    };
    // SVG ids and class names carry counters that run on from one chart to the next.
    const same = (svg) => {
        const names = new Map();
        return svg.replace(/zr\\d+-/g, 'zr-').replace(/zr-cls-\\d+/g, name => {
            if (!names.has(name)) names.set(name, 'zr-cls-' + names.size);
            return names.get(name);
        });
    };
    const seen = () => same(el.innerHTML);
    await settled();
    const drawn = {svg: same(chart.renderToSVGString()), dom: seen(),
                   label: el.getAttribute('aria-label')};
    chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});
    await settled();
    drawn.tooltip = seen();
    chart.dispose();
    el.remove();
    return drawn;
}"""


@pytest.mark.parametrize("where", [REPORT, *DEMO_PAGES], ids=lambda where: where[1])
def test_stripped_charts_look_the_same(echarts_page, where):
    full, stripped = page_charts(*where, stripped=False), page_charts(*where)
    assert [c.key for c in full] == [c.key for c in stripped]
    for theme, large in ((None, False), ("dark", False), (None, True)):
        for f, s in zip(full, stripped):
            drawn = [echarts_page.evaluate(DRAW, [c.option, c.height, theme, large]) for c in (f, s)]
            assert "<path" in drawn[0]["svg"] and drawn[0]["tooltip"] != drawn[0]["dom"], f.key  # drawn, tip shown
            for aspect in ("svg", "dom", "label", "tooltip"):
                assert drawn[0][aspect] == drawn[1][aspect], (where[1], f.key, theme or "light", large, aspect)


def every_chart() -> list[charts.Chart]:
    """Every chart the real and the demo sites draw, reports and overviews."""
    out = []
    for data in (DATA, DEMO):
        d, env = derived(data), render.make_env()
        for page in [render.render_report(env, rec, {}) for rec in d.records] + render.render_indexes(env, d):
            out += page.charts
    return out


def test_the_page_carries_each_option_without_what_every_chart_shares_and_charts_js_puts_it_back(browser):
    """The option a page carries, put back together by the site's own charts.js and the
    chart-shared.js the build writes, is the option pyecharts made, key for key."""
    from generator import chart_shared

    made = every_chart()
    assert {s["type"] for c in made for s in c.option["series"]} == {"bar", "line", "pie"}
    page = browser.new_page()
    page.set_content("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>")
    page.add_script_tag(content=chart_shared.shared_script())
    page.add_script_tag(path=str(ROOT / "docs/assets/javascripts/charts.js"))
    carried = [c.option_json() for c in made]
    put_back = page.evaluate("(options) => options.map(o => window.jxCharts.fullOption(JSON.parse(o)))", carried)
    page.close()
    same = functools.partial(json.dumps, sort_keys=True)
    for chart, whole in zip(made, put_back):  # (JavaScript has one kind of number: 5.0 comes back 5)
        assert same(charts._whole(whole)) == same(charts._whole(chart.option)), chart.key
    # …and the pages carry much less: at least half of each report's chart JSON was shared.
    full = sum(len(json.dumps(c.option, ensure_ascii=False, separators=(",", ":")).encode()) for c in made)
    assert sum(len(o.encode()) for o in carried) * 2 <= full


def test_a_chart_that_lacks_a_shared_value_is_refused_not_changed():
    from generator import chart_shared

    option = {**every_chart()[0].option}
    option["animationEasing"] = "linear"
    with pytest.raises(chart_shared.NotShared, match="animationEasing"):
        chart_shared.split(option)
