"""Hotline work orders (工单), the dispatch catalogue, the knowledge base and the daily rollups.

Ready for Open311 GeoReport v2: a Category's ``code`` is the stable service_code; an Order has a
public ``token`` (service_request_id), ``due_at`` (expected_datetime), optional lat/long and address.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minsheng.hotline.workflow import (
    RUNNING,
    Channel,
    Kind,
    RedirectChannel,
    S,
    Satisfaction,
    Urgency,
)


class Category(models.Model):
    """A hotline category (市政设施 › 路灯…): becomes an Open311 service, keyed by ``code``."""

    code = models.CharField(_("代码"), max_length=20, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.CharField(_("说明"), max_length=200, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("接诉即办分类")
        verbose_name_plural = _("接诉即办分类")
        ordering = ["code"]

    def __str__(self):
        return self.name


class KnowledgeAnswer(models.Model):
    """A standard answer the operator may give on the spot to a consultation (知识库)."""

    question = models.CharField(_("问题"), max_length=200)
    answer = models.TextField(_("答复口径"))
    category = models.ForeignKey(
        Category, verbose_name=_("分类"), null=True, blank=True, on_delete=models.SET_NULL
    )
    keywords = models.CharField(_("关键词"), max_length=200, blank=True, help_text=_("以空格或逗号分隔"))
    is_active = models.BooleanField(_("启用"), default=True)
    use_count = models.PositiveIntegerField(_("使用次数"), default=0)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("知识库答复")
        verbose_name_plural = _("知识库答复")
        ordering = ["-use_count", "id"]

    def __str__(self):
        return self.question


class DispatchRule(models.Model):
    """派单目录: orders of ``category`` in ``region`` (or below it) go to ``unit``."""

    category = models.ForeignKey(Category, verbose_name=_("分类"), on_delete=models.CASCADE)
    region = models.ForeignKey("orgs.Region", verbose_name=_("区域"), on_delete=models.CASCADE)
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("承办单位"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("备注"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("派单目录")
        verbose_name_plural = _("派单目录")
        ordering = ["category__code", "region__code"]
        constraints = [models.UniqueConstraint(fields=["category", "region"], name="hotline_rule_unique")]

    def __str__(self):
        return f"{self.category} × {self.region} → {self.unit}"


class Order(models.Model):
    number = models.CharField(_("工单编号"), max_length=20, unique=True)
    token = models.CharField(_("公开查询码"), max_length=24, unique=True)
    # The caller's Idempotency-Key (API intake): a retry after a lost answer finds this order.
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True, editable=False)
    channel = models.CharField(_("来源"), max_length=10, choices=Channel.choices, default=Channel.PHONE)
    kind = models.CharField(_("诉求类型"), max_length=12, choices=Kind.choices)
    urgency = models.CharField(
        _("紧急程度"), max_length=10, choices=Urgency.choices, default=Urgency.ORDINARY
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("分类"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="orders",
    )
    title = models.CharField(_("标题"), max_length=120)
    content = models.TextField(_("诉求内容"))
    region = models.ForeignKey(
        "orgs.Region", verbose_name=_("问题属地"), null=True, blank=True, on_delete=models.PROTECT
    )
    address = models.CharField(_("详细地址"), max_length=200, blank=True)
    lat = models.DecimalField(_("纬度"), max_digits=9, decimal_places=6, null=True, blank=True)
    long = models.DecimalField(_("经度"), max_digits=9, decimal_places=6, null=True, blank=True)

    requester = models.ForeignKey(
        "people.Person", verbose_name=_("诉求人"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="hotline_orders",
    )  # fmt: skip
    is_anonymous = models.BooleanField(_("匿名"), default=False)

    status = models.CharField(_("状态"), max_length=12, choices=S.choices, default=S.RECEIVED)
    centre = models.ForeignKey(
        "orgs.Unit", verbose_name=_("接诉中心"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("承办单位"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="hotline_orders",
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField(_("受理时间"))
    dispatched_at = models.DateTimeField(_("派单时间"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    visited_at = models.DateTimeField(_("回访时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    due_at = models.DateTimeField(_("办理期限"), null=True, blank=True)
    due_warning = models.BooleanField(_("期限按周末推算"), default=False)
    overdue_since = models.DateTimeField(_("超期时间"), null=True, blank=True)

    # On the spot and redirects
    knowledge_answer = models.ForeignKey(
        KnowledgeAnswer, verbose_name=_("知识库答复"), null=True, blank=True, on_delete=models.SET_NULL
    )
    answer_text = models.TextField(_("答复内容"), blank=True)
    redirect_channel = models.CharField(
        _("转接/导入渠道"), max_length=16, choices=RedirectChannel.choices, blank=True
    )
    redirect_reason = models.TextField(_("转接理由"), blank=True)

    # Objection (退单), once
    objection_count = models.PositiveSmallIntegerField(_("退单次数"), default=0)
    objection_reason = models.TextField(_("退单理由"), blank=True)
    objection_decision = models.TextField(_("退单审核意见"), blank=True)

    # Extensions
    extension_count = models.PositiveSmallIntegerField(_("延期次数"), default=0)
    extension_reason = models.TextField(_("延期理由"), blank=True)
    extension_explanation = models.TextField(_("向诉求人说明"), blank=True)

    reply = models.TextField(_("办理结果"), blank=True)

    # Return visit (回访)
    # ``reached``: the centre reached the requester, which makes the visit valid (有效回访);
    # ``contacted``: the requester says the unit contacted them (响应).
    reached = models.BooleanField(_("回访接通"), null=True, blank=True)
    contacted = models.BooleanField(_("承办单位已联系"), null=True, blank=True)
    solved = models.BooleanField(_("问题已解决"), null=True, blank=True)
    satisfaction = models.CharField(_("满意度"), max_length=12, choices=Satisfaction.choices, blank=True)
    visit_note = models.TextField(_("回访记录"), blank=True)

    class Meta:
        verbose_name = _("工单")
        verbose_name_plural = _("工单")
        indexes = [
            # The overdue scan reads only orders whose clock runs, by deadline.
            models.Index(fields=["due_at"], name="hotline_running_due_idx", condition=Q(status__in=RUNNING)),
            models.Index(fields=["unit", "status", "due_at"], name="hotline_unit_queue_idx"),
            models.Index(fields=["centre", "status", "due_at"], name="hotline_centre_queue_idx"),
            models.Index(fields=["received_at"], name="hotline_received_idx"),
            models.Index(fields=["category", "received_at"], name="hotline_cat_received_idx"),
            models.Index(fields=["visited_at"], name="hotline_visited_idx"),
        ]

    def __str__(self):
        return self.number

    @property
    def is_open(self) -> bool:
        from minsheng.hotline.workflow import TERMINAL

        return self.status not in TERMINAL

    @property
    def is_report(self) -> bool:
        return self.kind == Kind.REPORT

    @property
    def text(self) -> str:
        return compose_text(self.title, self.content)

    @property
    def valid_visit(self) -> bool:
        return self.visited_at is not None and bool(self.reached)


def compose_text(*parts: str) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


class OrderCopy(models.Model):
    """An order dispatched to a street office is copied to the district government (抄送), read-only."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="copies")
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("抄送单位"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("工单抄送")
        verbose_name_plural = _("工单抄送")
        constraints = [models.UniqueConstraint(fields=["order", "unit"], name="hotline_copy_unique")]
        indexes = [models.Index(fields=["unit", "order"], name="hotline_copy_unit_idx")]


class OrderSequence(models.Model):
    """Yearly counters for order numbers (RX2026-000123)."""

    prefix = models.CharField(max_length=10, primary_key=True)
    last = models.PositiveIntegerField(default=0)


class DailyRollup(models.Model):
    """Counts per day × unit × region × category, kept in step with the orders.

    ``received``: orders dispatched to the unit that day; the visit counts: return visits made that day
    (``contacted``/``solved``/``satisfied``/``basically`` count valid visits only).
    Incremented in the transaction of the dispatch or the visit; ``manage.py hotline_rollups rebuild``
    recomputes the whole table from the orders.
    """

    day = models.DateField(_("日期"))
    unit = models.ForeignKey("orgs.Unit", on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey("orgs.Region", on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="+")
    received = models.PositiveIntegerField(default=0)
    visits = models.PositiveIntegerField(default=0)  # return visits made
    valid = models.PositiveIntegerField(default=0)  # of which the requester was reached
    contacted = models.PositiveIntegerField(default=0)
    solved = models.PositiveIntegerField(default=0)
    satisfied = models.PositiveIntegerField(default=0)
    basically = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("每日统计")
        verbose_name_plural = _("每日统计")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "unit", "region", "category"], name="hotline_rollup_unique"
            )
        ]
        indexes = [
            models.Index(fields=["unit", "day"], name="hotline_rollup_unit_idx"),
            models.Index(fields=["region", "day"], name="hotline_rollup_region_idx"),
            models.Index(fields=["day"], name="hotline_rollup_day_idx"),
        ]
