"""The order queue (/hotline/, open or finished with ``?done=1``) as a CSV or Excel export."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from minsheng.core.exports import ExportList, choice_label, local_time, register
from minsheng.hotline import selectors
from minsheng.hotline.forms import QueueFilterForm


def _queue(user, params):
    form = QueueFilterForm(params)
    f = form.cleaned_data if form.is_valid() else {}
    return selectors.queue(
        user, now=timezone.now(), state=f.get("state", ""), due=f.get("due", ""), search=f.get("q", ""),
        done=params.get("done") == "1",
    )  # fmt: skip


QUEUE = register(
    ExportList(
        key="hotline.queue",
        title=_("接诉即办工单"),
        columns=(
            (_("工单编号"), lambda o: o.number),
            (_("标题"), lambda o: o.title),
            (_("诉求类型"), lambda o: choice_label(o, "kind")),
            (_("区域"), lambda o: o.region.name if o.region_id else ""),
            (_("分类"), lambda o: o.category.name if o.category_id else ""),
            (_("状态"), lambda o: choice_label(o, "status")),
            (_("承办单位"), lambda o: o.unit.name if o.unit_id else ""),
            (_("收到时间"), lambda o: local_time(o.received_at)),
            (_("期限"), lambda o: local_time(o.due_at)),
        ),
        queryset=_queue,
        personal=True,  # addresses of the matters
    )
)
