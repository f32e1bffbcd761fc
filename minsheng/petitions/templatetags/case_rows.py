"""The rows of the staff lists of cases (the queue, the overdue page) and the deadline cell.

These are the busiest pages, and the template engine spent about 400 µs on each of their 50 rows
(two includes, a dozen variables and filters): more than half of a queue page's CPU. Built here
with ``format_html`` a row costs a tenth of that. The HTML is what the templates wrote.
"""

from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from minsheng.petitions.permissions import accused_among
from minsheng.petitions.templatetags.petitions_tags import due_class
from minsheng.petitions.workflow import S

register = template.Library()

_NUMBER = "XF0000-000000"  # stands for a case number in the one reversed URL of a render


@register.simple_tag(takes_context=True)
def queue_row(context, p, now, my_units) -> SafeString:
    """A row of the queue: number, title with area and category, petitioner, state, unit, deadline."""
    cls = due_class(p, now)
    category = format_html(" · {}", p.category) if p.category_id else ""
    manual = ""
    if p.manual_routing and p.status == S.REGISTERED:
        manual = format_html('<br><span class="badge due-soon">{}</span>', _("需人工分派"))
    return format_html(
        '<tr class="{}">\n      <td><a href="{}">{}</a></td>\n'
        '      <td>{}<br><span class="muted">{}{}</span></td>\n      <td>{}</td>\n      <td>{}</td>\n'
        "      <td>{}{}</td>\n      <td>{}</td>\n    </tr>",
        cls, _case_url(context, p), p.number, p.title, p.region, category, _petitioner(p, my_units),
        p.get_status_display(), _unit(p), manual, due_cell(p, cls),
    )  # fmt: skip


@register.simple_tag(takes_context=True)
def overdue_row(context, p, now) -> SafeString:
    """A row of the overdue page: number, title with area, state, unit, deadline, supervisions."""
    cls = due_class(p, now)
    return format_html(
        '<tr class="{}">\n        <td><a href="{}">{}</a></td>\n'
        '        <td>{}<br><span class="muted">{}</span></td>\n        <td>{}</td>\n        <td>{}</td>\n'
        "        <td>{}</td>\n        <td>{}</td>\n      </tr>",
        cls, _case_url(context, p), p.number, p.title, p.region, p.get_status_display(), _unit(p),
        due_cell(p, cls), p.supervision_count,
    )  # fmt: skip


@register.simple_tag
def due_cell(p, cls: str) -> SafeString:
    """A case's deadline: the day, a warning when no official calendar was there to count it, the
    clock it belongs to, and the overdue or due-soon badge of ``cls`` (see ``due_class``)."""
    if not p.due_at:
        return mark_safe('<span class="muted">—</span>')
    day = timezone.localtime(p.due_at)
    warning = ""
    if p.due_warning:
        warning = format_html('<abbr class="warn" title="{}">※</abbr>', _("期限按周末推算，缺官方日历"))
    badge = ""
    if cls == "overdue":
        badge = format_html('<span class="badge overdue">{}</span>', _("已超期"))
    elif cls == "due-soon":
        badge = format_html('<span class="badge due-soon">{}</span>', _("即将到期"))
    return format_html(
        '<time datetime="{}">{}</time>\n{}\n<br><span class="muted">{}</span>\n{}\n',
        day.isoformat(), day.strftime("%Y-%m-%d"), warning, p.get_due_clock_display(), badge,
    )  # fmt: skip


def _case_url(context, p) -> str:
    # One reverse() a render, not one a row: the case page's URL differs only by the number.
    cached = context.render_context.get("case_rows_url")
    if cached is None:
        cached = context.render_context["case_rows_url"] = reverse("petitions:case", args=[_NUMBER])
    return cached.replace(_NUMBER, quote(p.number))


def _petitioner(p, my_units) -> SafeString | str:
    if p.is_anonymous:
        return _("匿名")
    if accused_among(p, my_units) or not p.petitioner:  # the accused unit sees no petitioner, not even masked
        return "—"
    if p.is_collective:
        badge = _("%(n)s人") % {"n": p.headcount}
        return format_html('{} <span class="badge">{}</span>', p.petitioner.name_masked, badge)
    return p.petitioner.name_masked


def _unit(p) -> str:
    return str(p.unit) if p.unit_id else _("（待转送/交办）")
