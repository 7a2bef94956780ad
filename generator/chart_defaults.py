"""ECharts options without the values ECharts would use anyway.

pyecharts writes out nearly every setting it knows, most of them at ECharts' own default: on a
report page that is two thirds of the chart JSON. strip_defaults() removes a key only when its
value is proven redundant for the ECharts the site serves (5.6.0, see package.json):

- DEFAULTS: it equals the `defaultOption` of the ECharts model that reads it (the file under
  node_modules/echarts/ each table comes from is named above it);
- FALLBACKS: ECharts reads it with a fallback to that very value, or (ECharts 6 settings that
  pyecharts writes out) 5.6.0 never reads it at all;
- an axis' animation setting equal to the chart's own, which the axis inherits anyway
  (lib/model/Model.js: getShallow() and isAnimationEnabled() fall back to the parent model).

ECharts merges the theme between its defaults and the option, so a value the dark theme
(lib/theme/dark.js) changes is left out of the tables unless the theme keeps the default.
Anything else stays: keys pyecharts sets to other values (animation: true, not 'auto'; a bar's
label.show; tooltip.borderWidth 0, not 1), keys nothing proves redundant, whatever the project
sets itself (grid, aria, data, names, formatters), and every component without a table here (the
site's charts use no other). tests/test_chart_options.py checks the tables against ECharts and
draws the charts of several pages in Chromium with and without stripping.
"""

from __future__ import annotations


# lib/model/globalDefault.js (darkMode, color and textStyle: themed; fontFamily depends on the platform)
GLOBAL = {"colorBy": "series", "blendMode": None, "animation": "auto", "animationDuration": 1000,
          "animationDurationUpdate": 500, "animationEasing": "cubicInOut", "animationEasingUpdate": "cubicInOut",
          "animationThreshold": 2000, "progressiveThreshold": 3000, "progressive": 400, "hoverLayerThreshold": 3000,
          "useUTC": False}

# What a component reads from the chart when it does not say (lib/animation/basicTransition.js).
ANIMATION = ("animation", "animationDuration", "animationDurationUpdate", "animationEasing",
             "animationEasingUpdate", "animationDelay", "animationDelayUpdate", "animationThreshold")

# lib/component/title/install.js (text colours: themed)
TITLE = {"show": True, "text": "", "target": "blank", "subtext": "", "subtarget": "blank", "left": 0, "top": 0,
         "backgroundColor": "rgba(0,0,0,0)", "borderColor": "#ccc", "borderWidth": 0, "padding": 5, "itemGap": 10,
         "textStyle": {"fontSize": 18, "fontWeight": "bold"}, "subtextStyle": {"fontSize": 12}}

# lib/component/legend/LegendModel.js, plus `selected` (line 82: "option.selected || {}")
# (textStyle colour: themed)
LEGEND = {
    "z": 4, "show": True, "orient": "horizontal", "left": "center", "top": 0, "align": "auto",
    "backgroundColor": "rgba(0,0,0,0)", "borderColor": "#ccc", "borderRadius": 0, "borderWidth": 0, "padding": 5,
    "itemGap": 10, "itemWidth": 25, "itemHeight": 14, "symbolRotate": "inherit", "symbolKeepAspect": True,
    "inactiveColor": "#ccc", "inactiveBorderColor": "#ccc", "inactiveBorderWidth": "auto",
    "selectedMode": True, "selected": {}, "selector": False, "selectorPosition": "auto", "selectorItemGap": 7,
    "selectorButtonGap": 10, "tooltip": {"show": False},
}
# lib/component/legend/ScrollableLegendModel.js: what a scrolling legend adds (pageTextStyle colour:
# themed). The plain legend pyecharts makes never reads these, so they go from it too.
SCROLL_LEGEND = {
    "scrollDataIndex": 0, "pageButtonItemGap": 5, "pageButtonGap": None, "pageButtonPosition": "end",
    "pageFormatter": "{current}/{total}", "pageIconColor": "#2f4554", "pageIconInactiveColor": "#aaa",
    "pageIconSize": 15, "animationDurationUpdate": 800,
}

# lib/component/tooltip/TooltipModel.js
TOOLTIP = {
    "z": 60, "show": True, "showContent": True, "trigger": "item", "triggerOn": "mousemove|click",
    "alwaysShowContent": False, "displayMode": "single", "renderMode": "auto", "confine": None, "showDelay": 0,
    "hideDelay": 100, "transitionDuration": 0.4, "enterable": False, "backgroundColor": "#fff", "shadowBlur": 10,
    "shadowColor": "rgba(0, 0, 0, .2)", "shadowOffsetX": 1, "shadowOffsetY": 2, "borderRadius": 4,
    "borderWidth": 1, "padding": None, "extraCssText": "",
    "axisPointer": {"type": "line", "axis": "auto", "animation": "auto", "animationDurationUpdate": 200,
                    "animationEasingUpdate": "exponentialOut"},
    "textStyle": {"color": "#666", "fontSize": 14},
}

# lib/coord/axisDefault.js, with `offset: 0` from lib/component/grid/installSimple.js
# (line colours and split area colours: themed)
_AXIS = {
    "show": True, "z": 0, "inverse": False, "name": "", "nameLocation": "end", "nameRotate": None,
    "nameTruncate": {"maxWidth": None, "ellipsis": "...", "placeholder": "."}, "nameTextStyle": {}, "nameGap": 15,
    "silent": False, "triggerEvent": False, "tooltip": {"show": False}, "axisPointer": {}, "offset": 0,
    "axisLine": {"onZero": True, "onZeroAxisIndex": None, "lineStyle": {"width": 1, "type": "solid"},
                 "symbol": ["none", "none"], "symbolSize": [10, 15]},
    "axisTick": {"inside": False, "length": 5, "lineStyle": {"width": 1}},
    "axisLabel": {"show": True, "inside": False, "rotate": 0, "showMinLabel": None, "showMaxLabel": None,
                  "margin": 8, "fontSize": 12},
    "splitLine": {"showMinLine": True, "showMaxLine": True, "lineStyle": {"width": 1, "type": "solid"}},
    "splitArea": {"show": False},
}
AXES = {
    "category": _AXIS | {
        "boundaryGap": True, "deduplication": None,
        "axisLine": _AXIS["axisLine"] | {"show": True},
        "axisTick": _AXIS["axisTick"] | {"show": True, "alignWithLabel": False, "interval": "auto"},
        "axisLabel": _AXIS["axisLabel"] | {"interval": "auto"},
        "splitLine": _AXIS["splitLine"] | {"show": False},  # the dark theme says false too
    },
    "value": _AXIS | {
        "boundaryGap": [0, 0], "splitNumber": 5,
        "axisLine": _AXIS["axisLine"] | {"show": "auto"},
        "axisTick": _AXIS["axisTick"] | {"show": "auto"},
        "splitLine": _AXIS["splitLine"] | {"show": True},
        "minorTick": {"show": False, "splitNumber": 5, "length": 3, "lineStyle": {}},
        "minorSplitLine": {"show": False, "lineStyle": {"width": 1}},
    },
}

# lib/chart/bar/BaseBarSeries.js and lib/chart/bar/BarSeries.js
_BAR = {
    "z": 2, "coordinateSystem": "cartesian2d", "legendHoverLink": True, "barMinHeight": 0, "barMinAngle": 0,
    "large": False, "largeThreshold": 400, "progressive": 3000, "progressiveChunkMode": "mod",
    "clip": True, "roundCap": False, "showBackground": False, "realtimeSort": False,
    "backgroundStyle": {"color": "rgba(180, 180, 180, 0.2)", "borderColor": None, "borderWidth": 0,
                        "borderType": "solid", "borderRadius": 0, "shadowBlur": 0, "shadowColor": None,
                        "shadowOffsetX": 0, "shadowOffsetY": 0, "opacity": 1},
    "select": {"itemStyle": {"borderColor": "#212121"}},
}
# lib/chart/pie/PieSeries.js
_PIE = {
    "z": 2, "legendHoverLink": True, "colorBy": "data", "center": ["50%", "50%"], "radius": [0, "75%"],
    "clockwise": True, "startAngle": 90, "endAngle": "auto", "padAngle": 0, "minAngle": 0, "minShowLabelAngle": 0,
    "selectedOffset": 10, "percentPrecision": 2, "stillShowZeroSum": True,
    "left": 0, "top": 0, "right": 0, "bottom": 0, "width": None, "height": None,
    "label": {"rotate": 0, "show": True, "overflow": "truncate", "position": "outer", "alignTo": "none",
              "edgeDistance": "25%", "bleedMargin": 10, "distanceToLabelLine": 5},
    "labelLine": {"show": True, "length": 15, "length2": 15, "smooth": False, "minTurnAngle": 90,
                  "maxSurfaceAngle": 90, "lineStyle": {"width": 1, "type": "solid"}},
    "itemStyle": {"borderWidth": 1, "borderJoin": "round"},
    "showEmptyCircle": True, "emptyCircleStyle": {"color": "lightgray", "opacity": 1},
    "labelLayout": {"hideOverlap": True}, "emphasis": {"scale": True, "scaleSize": 5},
    "avoidLabelOverlap": True, "animationType": "expansion", "animationDuration": 1000,
    "animationTypeUpdate": "transition", "animationEasingUpdate": "cubicInOut", "animationDurationUpdate": 500,
    "animationEasing": "cubicInOut",
}
# lib/chart/line/LineSeries.js (symbol: themed, 'circle' in the dark theme)
_LINE = {
    "z": 3, "coordinateSystem": "cartesian2d", "legendHoverLink": True, "clip": True, "label": {"position": "top"},
    "endLabel": {"show": False, "valueAnimation": True, "distance": 8}, "lineStyle": {"width": 2, "type": "solid"},
    "emphasis": {"scale": True}, "step": False, "smooth": False, "smoothMonotone": None, "symbolSize": 4,
    "symbolRotate": None, "showSymbol": True, "showAllSymbol": "auto", "connectNulls": False, "sampling": "none",
    "animationEasing": "linear", "progressive": 0, "universalTransition": {"divideShape": "clone"},
    "triggerLineEvent": False,
}
DEFAULTS = {"global": GLOBAL, "title": TITLE, "legend": LEGEND, "scroll legend": SCROLL_LEGEND,
            "tooltip": TOOLTIP, **AXES, "bar": _BAR, "pie": _PIE, "line": _LINE}

# Not in any defaultOption, yet what ECharts 5.6.0 does without them: where it reads each (under
# node_modules/echarts/lib/ unless said), or "unread" for ECharts 6 settings 5.6.0 never reads.
_SERIES_FALLBACKS = {
    "zlevel": 0,  # core/echarts.js: model.get('zlevel') || 0
    "cursor": "pointer",  # set on a shape only when given; zrender/lib/graphic/Displayable.js: 'pointer'
    "stackStrategy": "samesign",  # processor/dataStack.js: get('stackStrategy') || 'samesign'
    "label": {"valueAnimation": False,  # label/labelStyle.js: if (obj.valueAnimation)
              "richInheritPlainLabel": True},  # unread
}
_AXIS_FALLBACKS = {
    "minInterval": 0,  # scale/helper.js: interval < minInterval, never so for 0
    "scale": False,  # coord/axisModelCommonMixin.js: return !option.scale
    "nameMoveOverlap": True,  # unread
}
FALLBACKS = {
    # animation/basicTransition.js: delay || 0
    "global": {"animationDelay": 0, "animationDelayUpdate": 0},
    "legend": {"triggerEvent": False},  # unread by the legend
    "tooltip": {
        "appendToBody": False,  # component/tooltip/TooltipView.js: get('appendToBody', true) ? 'body' : …
        "order": "seriesAsc",  # component/tooltip/tooltipMarkup.js: only valueAsc/valueDesc/seriesDesc sort
        "displayTransition": True, "textStyle": {"richInheritPlainLabel": True},  # unread
    },
    "category": _AXIS_FALLBACKS, "value": _AXIS_FALLBACKS,
    "bar": _SERIES_FALLBACKS, "pie": _SERIES_FALLBACKS, "line": _SERIES_FALLBACKS,
}


def _merge(a: dict, b: dict) -> dict:
    return {**a, **{k: _merge(a[k], v) if isinstance(v, dict) and isinstance(a.get(k), dict) else v
                    for k, v in b.items()}}


_TABLES = {name: _merge(table, FALLBACKS.get(name, {})) for name, table in DEFAULTS.items()}
_MISSING = object()


def strip_defaults(option: dict) -> dict:
    """A copy of the option without the values ECharts would use anyway (see the module's doc)."""
    inherited = {k: option.get(k, _TABLES["global"].get(k, _MISSING)) for k in ANIMATION}
    defaults = {
        "title": lambda c: _TABLES["title"],
        "legend": lambda c: _TABLES["legend"] | SCROLL_LEGEND,
        "tooltip": lambda c: _TABLES["tooltip"],
        "xAxis": lambda a: _TABLES.get(_axis_type(a), {}) | inherited,
        "yAxis": lambda a: _TABLES.get(_axis_type(a), {}) | inherited,
        "series": lambda s: _TABLES.get(s.get("type"), {}),
    }
    out = _strip(option, _TABLES["global"])
    for name, value in option.items():
        # A component left with no settings stays: `tooltip: {}` still turns tooltips on,
        # `title: {}` still draws an (empty) box.
        if name in defaults and isinstance(value, dict):
            out[name] = _strip(value, defaults[name](value))
        elif name in defaults and isinstance(value, list):
            out[name] = [_strip(v, defaults[name](v)) if isinstance(v, dict) else v for v in value]
    return out


def _axis_type(axis: dict) -> str:
    # lib/coord/axisModelCreator.js getAxisType(): an axis with data is a category axis.
    return axis.get("type") or ("category" if axis.get("data") is not None else "value")


def _strip(value: dict, defaults: dict) -> dict:
    out = {}
    for key, v in value.items():
        d = defaults.get(key, _MISSING)
        if isinstance(v, dict) and isinstance(d, dict):
            kept = _strip(v, d)
            if kept:  # an empty object merges nothing into the default
                out[key] = kept
        elif not _same(v, d):
            out[key] = v
    return out


def _same(a, b) -> bool:
    """Equal as JSON values: to Python False == 0 and 1 == 1.0, to ECharts they differ."""
    if b is _MISSING or type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b
