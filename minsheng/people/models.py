from django.db import models
from django.utils.translation import gettext_lazy as _

from minsheng.core.models import TimeStamped


class Person(TimeStamped):
    """A citizen as a record (usually without a login). Personal data is encrypted at rest.

    ``*_enc`` hold Fernet tokens; ``*_bi`` are blind indexes for exact lookup; ``*_masked`` are what
    lists show, so a queue page never needs to decrypt.
    """

    name_enc = models.TextField(blank=True)
    id_number_enc = models.TextField(blank=True)
    phone_enc = models.TextField(blank=True)
    address_enc = models.TextField(blank=True)
    id_number_bi = models.CharField(max_length=64, blank=True, db_index=True)
    phone_bi = models.CharField(max_length=64, blank=True, db_index=True)
    name_bi = models.CharField(max_length=64, blank=True, db_index=True)
    name_masked = models.CharField(_("姓名"), max_length=60, blank=True)
    phone_masked = models.CharField(_("电话"), max_length=20, blank=True)
    is_organization = models.BooleanField(_("单位/组织"), default=False)
    account = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="person_records"
    )
    # Set when the retention period of every record about the person ran out and the personal data
    # above was erased (retention.py); the row stays, so the cases pointing at it keep their counts.
    purged_at = models.DateTimeField(_("个人信息清除时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("群众")
        verbose_name_plural = _("群众")

    def __str__(self):
        return self.name_masked or str(self.pk)


class Erasure(models.Model):
    """One record whose personal data was erased at the end of its retention period.

    Kept here rather than as a column in every domain: the purge stays idempotent (a record listed
    here is never scrubbed twice) without touching the domains' tables, and the list says what went.
    """

    record_type = models.CharField(_("记录类型"), max_length=40)
    record_id = models.BigIntegerField(_("记录编号"))
    erased_at = models.DateTimeField(_("清除时间"))

    class Meta:
        verbose_name = _("个人信息清除记录")
        verbose_name_plural = _("个人信息清除记录")
        constraints = [models.UniqueConstraint(fields=["record_type", "record_id"], name="erasure_once")]

    def __str__(self):
        return f"{self.record_type}:{self.record_id}"
