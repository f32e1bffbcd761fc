"""The Art. 41 annual report and the monthly briefing, as PDF or Excel bytes — plain functions.

``annual_report(2026, scope=scope_of(user))`` and ``monthly_briefing(date(2026, 10, 1), scope=…)``;
``scope`` is a ``Scope`` (``selectors.scope_of``/``region_scope``) or a User.
"""

from datetime import date

from minsheng.insight.reports import figures, pdf, xlsx
from minsheng.insight.scope import as_scope

RENDERERS = {"pdf": pdf.render, "xlsx": xlsx.render}


def _render(doc, fmt: str) -> bytes:
    if fmt not in RENDERERS:
        raise ValueError(f"unknown format {fmt!r}")
    return RENDERERS[fmt](doc)


def annual_report(year: int, *, scope, fmt: str = "pdf", region=None, today: date | None = None) -> bytes:
    """信访工作年度报告 (条例第四十一条) of ``year`` for what ``scope`` may see (``region``: a part of it)."""
    return _render(figures.annual(year, scope=as_scope(scope), region=region, today=today), fmt)


def monthly_briefing(
    month: date, *, scope, fmt: str = "pdf", region=None, today: date | None = None
) -> bytes:
    """月度信访与民情简报 of the month containing ``month``."""
    return _render(figures.monthly(month, scope=as_scope(scope), region=region, today=today), fmt)
