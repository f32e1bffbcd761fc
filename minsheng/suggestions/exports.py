"""The suggestions work list (/suggestions/) as a CSV or Excel export (``core.exports``)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.core.exports import ExportList, choice_label, local_time, register
from minsheng.suggestions import selectors
from minsheng.suggestions.workflow import S


def _work_list(user, params):
    topic = params.get("topic", "")
    return selectors.work_queryset(
        user,
        now=timezone.now(),
        state=params.get("state", "") if params.get("state", "") in S.values else "",
        due=params.get("due", ""),
        topic=int(topic) if topic.isascii() and topic.isdigit() and len(topic) < 19 else None,
        search=params.get("q", "")[:60],
    )


WORK_LIST = register(
    ExportList(
        key="suggestions.list",
        title=_("人民建议"),
        columns=(
            (_("建议编号"), lambda s: s.number),
            (_("建议主题"), lambda s: s.title),
            (_("征集活动"), lambda s: s.topic.title if s.topic_id else ""),
            (_("状态"), lambda s: choice_label(s, "status")),
            (_("研究单位"), lambda s: s.study_unit.name if s.study_unit_id else ""),
            (_("收到时间"), lambda s: local_time(s.received_at)),
            (_("期限"), lambda s: local_time(s.due_at)),
        ),
        queryset=_work_list,
        personal=False,  # the list shows no proposer
    )
)
