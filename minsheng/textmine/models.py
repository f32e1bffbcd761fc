from django.db import models
from django.utils.translation import gettext_lazy as _


class Target(models.TextChoices):
    CATEGORY = "category", _("问题分类")
    UNIT = "unit", _("责任单位")


class RouterModel(models.Model):
    """One trained routing model: the file on disk and what it was trained on and scored.

    Rows are written once by ``manage.py router train``; the platform loads the newest.
    """

    version = models.CharField(_("版本"), max_length=40, unique=True)
    target = models.CharField(_("预测对象"), max_length=10, choices=Target.choices, default=Target.CATEGORY)
    created_at = models.DateTimeField(_("训练时间"), db_index=True)
    trained_on = models.PositiveIntegerField(_("训练样本数"))
    labels = models.JSONField(_("类别"), default=list)
    scores = models.JSONField(_("评估指标"), default=dict, blank=True)
    path = models.CharField(_("模型文件"), max_length=500)

    class Meta:
        verbose_name = _("分类模型")
        verbose_name_plural = _("分类模型")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target", "created_at"], name="routermodel_target_idx")]

    def __str__(self):
        return self.version


class RoutingFeedback(models.Model):
    """What the router proposed for a record and what a person chose.

    The chosen label is already training data (``router train`` learns from confirmed routings); these
    rows say how often people accept the proposal, per model version, so a correction is never silent.
    """

    domain = models.CharField(_("业务"), max_length=30)
    record_id = models.BigIntegerField(_("记录"))
    target = models.CharField(_("预测对象"), max_length=10, choices=Target.choices)
    model_version = models.CharField(_("模型版本"), max_length=40, blank=True)
    suggested = models.CharField(_("建议"), max_length=100, blank=True)
    confidence = models.FloatField(_("置信度"), null=True, blank=True)
    chosen = models.CharField(_("人工确定"), max_length=100)
    at = models.DateTimeField(_("时间"))

    class Meta:
        verbose_name = _("分派反馈")
        verbose_name_plural = _("分派反馈")
        indexes = [
            models.Index(fields=["domain", "record_id"], name="feedback_record_idx"),
            models.Index(fields=["target", "at"], name="feedback_target_at_idx"),
        ]

    def __str__(self):
        return f"{self.domain}#{self.record_id} {self.target}: {self.suggested} → {self.chosen}"

    @property
    def corrected(self) -> bool:
        return self.suggested != self.chosen
