"""The work queue (/staff/) as a CSV or Excel export (``core.exports``), read through the queue's selector.

The export shows what the page shows with the same filters: the petitioner's masked name, never the
clear one, and no name at all to the unit a case complains about.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.core.exports import ExportList, choice_label, local_time, register
from minsheng.orgs.selectors import unit_ids_of
from minsheng.petitions import permissions, selectors
from minsheng.petitions.forms import QueueFilterForm


def _queue(user, params):
    form = QueueFilterForm(params)
    f = form.cleaned_data if form.is_valid() else {}
    qs = selectors.queue(
        user, now=timezone.now(), state=f.get("state", ""), search=f.get("q", ""), due=f.get("due", ""),
        manual=f.get("manual", False),
    )  # fmt: skip
    return qs.annotate(hide_petitioner=permissions.accused_flag(unit_ids_of(user)))


def _petitioner(p):
    if p.is_anonymous:
        return _("匿名")
    if p.hide_petitioner:
        return ""  # the unit complained about never learns who complained
    return p.petitioner.name_masked if p.petitioner_id else ""


QUEUE = register(
    ExportList(
        key="petitions.queue",
        title=_("信访件"),
        columns=(
            (_("编号"), lambda p: p.number),
            (_("标题"), lambda p: p.title),
            (_("信访人"), _petitioner),
            (_("问题属地"), lambda p: p.region.name),
            (_("分类"), lambda p: p.category.name if p.category_id else ""),
            (_("状态"), lambda p: choice_label(p, "status")),
            (_("责任单位"), lambda p: p.unit.name if p.unit_id else ""),
            (_("收到时间"), lambda p: local_time(p.received_at)),
            (_("期限"), lambda p: local_time(p.due_at)),
        ),
        queryset=_queue,
    )
)
