"""ECharts options for the dashboard (printed as JSON by the page; ``static/js/charts.js`` draws them).

Every bar or point carries a link to the list behind it (the "links" key of an option).
"""

from urllib.parse import urlencode

from django.urls import reverse

from minsheng.insight.selectors import Bar, Dashboard


def drill_url(params: dict) -> str:
    return reverse("insight:cases") + "?" + urlencode(params)


def _links(bars: list[Bar]) -> dict[str, str]:
    return {b.label: drill_url(b.params) for b in bars}


def bars(items: list[Bar], *, name: str, horizontal: bool = False, color: str = "#b3261e") -> dict:
    labels = [b.label for b in items]
    values = [b.value for b in items]
    category = {
        "type": "category",
        "data": labels[::-1] if horizontal else labels,
        "axisLabel": {"interval": 0, "rotate": 0 if horizontal else 30},
    }
    value = {"type": "value", "minInterval": 1}
    return {
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 8, "right": 16, "top": 16, "bottom": 8, "containLabel": True},
        "xAxis": value if horizontal else category,
        "yAxis": category if horizontal else value,
        "series": [
            {
                "type": "bar",
                "name": name,
                "data": values[::-1] if horizontal else values,
                "itemStyle": {"color": color},
            }
        ],
        "links": _links(items),
    }


def trend(items: list[Bar], *, name: str) -> dict:
    return {
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 8, "right": 16, "top": 16, "bottom": 8, "containLabel": True},
        "xAxis": {"type": "category", "data": [b.label for b in items]},
        "yAxis": {"type": "value", "minInterval": 1},
        "series": [
            {
                "type": "line",
                "name": name,
                "data": [b.value for b in items],
                "smooth": False,
                "areaStyle": {"opacity": 0.15},
                "itemStyle": {"color": "#b3261e"},
            }
        ],
        "links": _links(items),
    }


def dashboard_charts(d: Dashboard, names: dict[str, str]) -> dict[str, dict]:
    return {
        "trend": trend(d.trend, name=names["count"]),
        "channel": bars(d.by_channel, name=names["count"]),
        "category": bars(d.by_category, name=names["count"], horizontal=True),
        "area": bars(d.by_area, name=names["count"], horizontal=True, color="#1f5fa8"),
        "unit": bars(d.by_unit, name=names["count"], horizontal=True, color="#1f5fa8"),
        "complained": bars(d.complained, name=names["count"], horizontal=True, color="#7a4b00"),
    }
