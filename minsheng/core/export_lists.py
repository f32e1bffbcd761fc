"""The lists that can be exported (see ``exports.py``), each read through its page's own selector.

A list shows in its export what its page shows, with the same filters from the query string: the
petitioner's masked name, never the clear one; an informant is never named to the unit a case
complains about (blank, even where the page would show the masked name).
"""

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.core.exports import ExportList, register


def _local(value):
    return timezone.localtime(value) if value else None


def _label(obj, field):
    return getattr(obj, f"get_{field}_display")()


# -- petitions: the work queue (/staff/)


def _petition_queue(user, params):
    from minsheng.orgs.selectors import unit_ids_of
    from minsheng.petitions import selectors
    from minsheng.petitions.forms import QueueFilterForm

    form = QueueFilterForm(params)
    f = form.cleaned_data if form.is_valid() else {}
    qs = selectors.queue(
        user, now=timezone.now(), state=f.get("state", ""), search=f.get("q", ""), due=f.get("due", ""),
        manual=f.get("manual", False),
    )  # fmt: skip
    units = list(unit_ids_of(user))
    hide = ExpressionWrapper(Q(accused_unit_id__in=units), output_field=BooleanField())
    return qs.annotate(hide_petitioner=hide)


def _petitioner(p):
    if p.is_anonymous:
        return _("匿名")
    if p.hide_petitioner:
        return ""  # the unit complained about never learns who complained
    return p.petitioner.name_masked if p.petitioner_id else ""


PETITIONS = register(
    ExportList(
        key="petitions.queue",
        title=_("信访件"),
        columns=(
            (_("编号"), lambda p: p.number),
            (_("标题"), lambda p: p.title),
            (_("信访人"), _petitioner),
            (_("问题属地"), lambda p: p.region.name),
            (_("分类"), lambda p: p.category.name if p.category_id else ""),
            (_("状态"), lambda p: _label(p, "status")),
            (_("责任单位"), lambda p: p.unit.name if p.unit_id else ""),
            (_("收到时间"), lambda p: _local(p.received_at)),
            (_("期限"), lambda p: _local(p.due_at)),
        ),
        queryset=_petition_queue,
    )
)


# -- hotline: the order queue (/hotline/), open or finished (?done=1)


def _hotline_queue(user, params):
    from minsheng.hotline import selectors
    from minsheng.hotline.forms import QueueFilterForm

    form = QueueFilterForm(params)
    f = form.cleaned_data if form.is_valid() else {}
    return selectors.queue(
        user, now=timezone.now(), state=f.get("state", ""), due=f.get("due", ""), search=f.get("q", ""),
        done=params.get("done") == "1",
    )  # fmt: skip


HOTLINE = register(
    ExportList(
        key="hotline.queue",
        title=_("接诉即办工单"),
        columns=(
            (_("工单编号"), lambda o: o.number),
            (_("标题"), lambda o: o.title),
            (_("诉求类型"), lambda o: _label(o, "kind")),
            (_("区域"), lambda o: o.region.name if o.region_id else ""),
            (_("分类"), lambda o: o.category.name if o.category_id else ""),
            (_("状态"), lambda o: _label(o, "status")),
            (_("承办单位"), lambda o: o.unit.name if o.unit_id else ""),
            (_("收到时间"), lambda o: _local(o.received_at)),
            (_("期限"), lambda o: _local(o.due_at)),
        ),
        queryset=_hotline_queue,
        personal=True,  # addresses of the matters
    )
)


# -- people's suggestions: the work list (/suggestions/)


def _suggestions(user, params):
    from minsheng.suggestions import selectors
    from minsheng.suggestions.workflow import S

    qs = selectors.suggestions_visible_to(user).select_related("topic", "study_unit")
    state, topic, text = params.get("state", ""), params.get("topic", ""), params.get("q", "").strip()[:60]
    if state in S.values:
        qs = qs.filter(status=state)
    if topic.isdigit():
        qs = qs.filter(topic_id=int(topic))
    if text:
        qs = qs.filter(Q(number=text.upper()) | Q(title__icontains=text))
    if params.get("due") == "overdue":
        return qs.filter(due_at__lt=timezone.now()).order_by("due_at", "id")
    return qs.order_by("-received_at", "-id")


SUGGESTIONS = register(
    ExportList(
        key="suggestions.list",
        title=_("人民建议"),
        columns=(
            (_("建议编号"), lambda s: s.number),
            (_("建议主题"), lambda s: s.title),
            (_("征集活动"), lambda s: s.topic.title if s.topic_id else ""),
            (_("状态"), lambda s: _label(s, "status")),
            (_("研究单位"), lambda s: s.study_unit.name if s.study_unit_id else ""),
            (_("收到时间"), lambda s: _local(s.received_at)),
            (_("期限"), lambda s: _local(s.due_at)),
        ),
        queryset=_suggestions,
        personal=False,  # the list shows no proposer
    )
)
