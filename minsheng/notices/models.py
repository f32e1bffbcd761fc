from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notice(models.Model):
    """A reminder for one user: shown in their inbox and, where they gave an address, e-mailed.

    ``key`` names what the reminder is about ("talent.renewal:42:2026"): periodic scans run many
    times a day and must remind once, so (user, key) is unique.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices", verbose_name=_("用户")
    )
    key = models.CharField(_("事由标识"), max_length=120)
    subject = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"), blank=True)
    url = models.CharField(_("链接"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    read_at = models.DateTimeField(_("已读时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("提醒")
        verbose_name_plural = _("提醒")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="notice_once_per_user_key")]
        indexes = [
            models.Index(
                fields=["user", "created_at"],
                name="notice_unread_idx",
                condition=models.Q(read_at__isnull=True),
            )
        ]

    def __str__(self):
        return self.subject
