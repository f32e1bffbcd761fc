from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

_CHOICE_LABELS: dict[models.Field, dict] = {}


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        # Django builds the value → label dict at every call, translating every label to hash it:
        # 50 rows with two such columns cost a list page about a thousand translations.
        labels = _CHOICE_LABELS.get(field)
        if labels is None:
            labels = _CHOICE_LABELS[field] = dict(field.flatchoices)
        value = getattr(self, field.attname)
        return force_str(labels.get(value, value), strings_only=True)


class CalendarYear(models.Model):
    """A year whose official holiday arrangement is loaded. Days of other years are guessed (weekends)."""

    year = models.PositiveSmallIntegerField(_("年份"), primary_key=True)
    source = models.CharField(
        _("来源"), max_length=200, help_text=_("如：国务院办公厅关于2027年部分节假日安排的通知")
    )
    loaded_at = models.DateTimeField(_("载入时间"), auto_now=True)

    class Meta:
        verbose_name = _("官方日历年度")
        verbose_name_plural = _("官方日历年度")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)


class CalendarDay(models.Model):
    """A day that differs from the plain weekday/weekend rule: a holiday, or a 调休 make-up working day."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("法定节假日（休息）")
        WORKDAY = "workday", _("调休上班日")

    day = models.DateField(_("日期"), primary_key=True)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("名称"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("节假日/调休日")
        verbose_name_plural = _("节假日/调休日")
        ordering = ["day"]

    def __str__(self):
        return f"{self.day} {self.get_kind_display()} {self.name}".strip()


class TaskRun(models.Model):
    """A periodic task's tick that ran to the end (``minsheng.core.once``): a redelivered tick is skipped.

    ``tick`` is the id of the message Celery beat sent; a message the broker delivers again keeps it.
    """

    task = models.CharField(max_length=200)
    tick = models.CharField(max_length=64)
    worker = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task", "tick"], name="task_run_once")]
        indexes = [models.Index(fields=["task", "finished_at"], name="task_run_finished_idx")]

    def __str__(self):
        return f"{self.task} {self.tick}"
