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

    class Meta:
        verbose_name = _("群众")
        verbose_name_plural = _("群众")

    def __str__(self):
        return self.name_masked or str(self.pk)
