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
    rows say how often people accept the proposal, so a correction is never silent.
    """

    domain = models.CharField(_("业务"), max_length=30)
    record_id = models.BigIntegerField(_("记录"))
    target = models.CharField(_("预测对象"), max_length=10, choices=Target.choices)
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


class NearDupRecord(models.Model):
    """The near-duplicate sketch of one record: its shingle count and 128-byte MinHash signature.

    Written by ``textmine.neardup`` in the transaction that writes the record; ``size`` 0 marks a
    text too short to shingle, whose signature is then a hash of the whole text (exact match only).
    """

    pk = models.CompositePrimaryKey("domain", "record_id")
    domain = models.CharField(_("业务"), max_length=30)
    record_id = models.BigIntegerField(_("记录"))
    size = models.PositiveIntegerField(_("字符片段数"))
    signature = models.BinaryField(_("签名"), max_length=128)

    class Meta:
        verbose_name = _("查重索引记录")
        verbose_name_plural = _("查重索引记录")

    def __str__(self):
        return f"{self.domain}#{self.record_id}"


class NearDupBucket(models.Model):
    """One LSH bucket a record is filed under; the key already encodes the domain and the band.

    The primary key (bucket, record_id) is the lookup index itself: no surrogate id, no second index.
    """

    pk = models.CompositePrimaryKey("bucket", "record_id")
    bucket = models.BigIntegerField(_("桶"))
    record_id = models.BigIntegerField(_("记录"))

    class Meta:
        verbose_name = _("查重索引桶")
        verbose_name_plural = _("查重索引桶")

    def __str__(self):
        return f"{self.bucket}: {self.record_id}"
