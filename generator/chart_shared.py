"""What every chart of a kind says alike, sent once for the whole site instead of on every page.

After chart_defaults.py has taken out what ECharts would use anyway, most of what is left is the
same on every chart of a kind (bars, lines, rings): the animation, the tooltip's frame, the grid,
the axes, how bars label their values. SHARED holds those parts by kind (the type of the first
series); the page's data-chart attribute carries the option without them, and
docs/assets/javascripts/charts.js puts them back (fullOption) from assets/javascripts/chart-shared.js,
which the build writes from SHARED. The option ECharts gets is the same, key for key.

The rule both sides follow: whatever SHARED[kind]["option"] holds is put back into the option,
a value where it is missing and a part (a dict) merged into the option's part, made if missing;
SHARED[kind]["each"][name] goes the same way into every element of the option's list `name`
(legend, xAxis, yAxis, series). So every chart of a kind must hold all of its SHARED, with the
same values: split() refuses loudly a chart that does not, rather than let it change.
"""

from __future__ import annotations

import json

_ANIMATION = {"animation": True, "animationDurationUpdate": 300, "animationEasing": "cubicOut",
              "animationEasingUpdate": "cubicOut", "aria": {"enabled": True}}
_TOOLTIP = {"borderWidth": 0, "confine": False, "padding": 5}
_NO_SPLIT_LINE = {"splitLine": {"lineStyle": {"show": False}}}
_LEGEND = {"backgroundColor": "transparent"}
SHARED = {
    "bar": {
        "option": _ANIMATION | {"tooltip": _TOOLTIP | {"trigger": "axis"},
                                "grid": {"containLabel": True, "left": 8, "right": 56, "top": 8}},
        "each": {
            "legend": _LEGEND,
            "xAxis": {"axisLabel": {"hideOverlap": True}, "splitNumber": 3, **_NO_SPLIT_LINE},
            "yAxis": {"inverse": True, "splitNumber": 5, "splitLine": {"lineStyle": {"show": False}, "show": True}},
            "series": {"type": "bar", "barGap": "30%", "datasetIndex": 0, "seriesLayoutBy": "column",
                       "label": {"margin": 8, "position": "right", "show": True}},
        },
    },
    "line": {
        "option": _ANIMATION | {"tooltip": _TOOLTIP | {"trigger": "axis"}},
        "each": {
            "legend": _LEGEND,
            "xAxis": {"splitNumber": 5, "splitLine": {"lineStyle": {"show": False}, "show": True}},
            "yAxis": _NO_SPLIT_LINE,
            "series": {"type": "line", "areaStyle": {"opacity": 0}, "hoverAnimation": True, "lineStyle": {"show": False},
                       "label": {"margin": 8, "show": True}, "logBase": 10, "seriesLayoutBy": "column",
                       "xAxisIndex": 0, "z": 0},
        },
    },
    "pie": {
        "option": _ANIMATION | {"tooltip": _TOOLTIP},
        "each": {
            "legend": _LEGEND,
            "series": {"type": "pie", "center": ["50%", "42%"], "radius": ["40%", "66%"], "selectedMode": False,
                       "label": {"margin": 8, "show": False}, "labelLine": {"showAbove": False},
                       "emptyCircleStyle": {"borderCap": "butt", "borderColor": "#000", "borderDashOffset": 0,
                                            "borderJoin": "bevel", "borderMiterLimit": 10, "borderType": "solid",
                                            "borderWidth": 0}},
        },
    },
}


class NotShared(ValueError):
    """A chart lacks part of what SHARED says every chart of its kind has: SHARED or the chart must change."""


def _without(value: dict, shared: dict, where: str) -> dict:
    out = dict(value)
    for key, common in shared.items():
        if isinstance(common, dict) and isinstance(out.get(key), dict):
            rest = _without(out[key], common, f"{where}.{key}")
            if rest:
                out[key] = rest
            else:
                del out[key]
        elif key in out and _same(out[key], common):
            del out[key]
        else:
            raise NotShared(f"{where}.{key}: {out.get(key)!r}, not the shared {common!r}")
    return out


def _same(a, b) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def kind(option: dict) -> str | None:
    series = option.get("series") or [{}]
    return series[0].get("type")


def split(option: dict) -> dict:
    """The option without what SHARED holds for its kind; charts.js's fullOption() gives it back whole.
    The first series keeps its type: it names the kind."""
    shared = SHARED.get(kind(option))
    if shared is None:
        return option
    out = _without(option, shared["option"], "option")
    for name, common in shared["each"].items():
        if name in out:
            out[name] = [_without(item, common, f"{name}[{i}]") for i, item in enumerate(out[name])]
    out["series"][0] = {"type": option["series"][0]["type"], **out["series"][0]}
    return out


def shared_script() -> str:
    """assets/javascripts/chart-shared.js: SHARED for charts.js, loaded before it."""
    return "window.JX_CHART_SHARED=" + json.dumps(SHARED, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + ";\n"
