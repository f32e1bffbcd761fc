from django.db import models
from django.utils.translation import gettext_lazy as _


class RouterModel(models.Model):
    """One trained routing model: the file on disk and what it was trained on and scored.

    Rows are written once by ``manage.py router train``; the platform loads the newest.
    """

    version = models.CharField(_("版本"), max_length=40, unique=True)
    created_at = models.DateTimeField(_("训练时间"), db_index=True)
    trained_on = models.PositiveIntegerField(_("训练样本数"))
    labels = models.JSONField(_("类别"), default=list)
    scores = models.JSONField(_("评估指标"), default=dict, blank=True)
    path = models.CharField(_("模型文件"), max_length=500)

    class Meta:
        verbose_name = _("分类模型")
        verbose_name_plural = _("分类模型")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.version
