"""Rollups (small tables the dashboard reads instead of the case tables) and the generated reports.

A ``Rollup`` row counts the records of one source received (checked in) on one local day that share
every dimension: area, unit, owner, category, channel, state, kind, accused unit and due day. The
measures are what the rates need. A row is never edited: the rows of a (source, day) are recomputed
together from the records and replaced in one transaction (``rollups.refresh``/``rebuild``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    PETITION = "petition", _("信访事项")
    SUGGESTION = "suggestion", _("人民建议")
    HOTLINE = "hotline", _("接诉即办工单")
    VOLUNTEER = "volunteer", _("志愿服务时长")


MEASURES = (
    "count",
    "accepted",
    "accepted_on_time",
    "completed",
    "completed_on_time",
    "rated",
    "satisfied",
    "basically",
    "visits",
    "valid",
    "contacted",
    "solved",
    "repeat",
    "supervised",
    "forwarded",
    "assigned",
    "adopted",
    "minutes",
)


class Counts(models.Model):
    """The dimensions and measures a rollup row shares with its month (abstract)."""

    # The street/township (or the higher area) the record is about — communities are summed into their
    # street, which keeps the table small; empty for a record without a place (a consultation).
    region = models.ForeignKey("orgs.Region", null=True, on_delete=models.CASCADE, related_name="+")
    region_path = models.CharField(max_length=255, blank=True)  # copied: scope and area filters read no join
    unit = models.ForeignKey("orgs.Unit", null=True, on_delete=models.CASCADE, related_name="+")
    # Whose work it is besides the unit: the intake bureau of a petition, the hotline centre of an order,
    # the office of a suggestion (all units), the team of a service record (a volunteer team).
    owner_id = models.PositiveIntegerField(null=True)
    category = models.CharField(max_length=20, blank=True)  # the source's category id (volunteers: area)
    channel = models.CharField(max_length=12, blank=True)
    state = models.CharField(max_length=20)
    kind = models.CharField(max_length=12, blank=True)
    accused = models.ForeignKey("orgs.Unit", null=True, on_delete=models.CASCADE, related_name="+")

    count = models.PositiveIntegerField(default=0)
    accepted = models.PositiveIntegerField(default=0)
    accepted_on_time = models.PositiveIntegerField(default=0)
    completed = models.PositiveIntegerField(default=0)
    completed_on_time = models.PositiveIntegerField(default=0)
    rated = models.PositiveIntegerField(default=0)
    satisfied = models.PositiveIntegerField(default=0)
    basically = models.PositiveIntegerField(default=0)
    visits = models.PositiveIntegerField(default=0)
    valid = models.PositiveIntegerField(default=0)
    contacted = models.PositiveIntegerField(default=0)
    solved = models.PositiveIntegerField(default=0)
    repeat = models.PositiveIntegerField(default=0)
    supervised = models.PositiveIntegerField(default=0)  # 督办 raised (sum of supervision counts)
    forwarded = models.PositiveIntegerField(default=0)  # 转送
    assigned = models.PositiveIntegerField(default=0)  # 交办
    adopted = models.PositiveIntegerField(default=0)
    minutes = models.PositiveBigIntegerField(default=0)

    class Meta:
        abstract = True


class Rollup(Counts):
    source = models.CharField(_("来源"), max_length=10, choices=Source.choices)
    day = models.DateField(_("日期"))  # local (China) day of receipt, or of check-in for service hours
    due_day = models.DateField(null=True)  # open work on a staff deadline only: overdue and due-soon

    class Meta:
        verbose_name = _("统计汇总")
        verbose_name_plural = _("统计汇总")
        indexes = [
            models.Index(fields=["source", "day"], name="insight_source_day_idx"),
            # Every source at once (the volume of each business) reads a day range, not a source.
            models.Index(fields=["day"], name="insight_day_idx"),
            models.Index(
                fields=["source", "region_path", "day"],
                name="insight_area_day_idx",
                opclasses=["varchar_pattern_ops", "varchar_pattern_ops", "date_ops"],
            ),
            models.Index(fields=["source", "unit", "day"], name="insight_unit_day_idx"),
            models.Index(fields=["source", "owner_id", "day"], name="insight_owner_day_idx"),
            # The dashboard's backlog (overdue, due soon) reads only this index on PostgreSQL: open work
            # is spread over the whole table, and fetching its rows read ~18,000 pages at 10M cases.
            # SQLite builds the same index without the included columns.
            models.Index(
                fields=["source", "due_day"],
                name="insight_open_due_cover_idx",
                condition=models.Q(due_day__isnull=False),
                include=[
                    "count",
                    "unit",
                    "owner_id",
                    "region_path",
                    "accused",
                    "kind",
                    "category",
                    "channel",
                ],
            ),
        ]


class RollupMonth(Counts):
    """The rollup summed per month (without the due day): what long periods read, a dozen rows per
    combination a year instead of 365. Recomputed from ``Rollup`` whenever a day of the month is."""

    source = models.CharField(max_length=10, choices=Source.choices)
    month = models.DateField()  # the first day

    class Meta:
        verbose_name = _("月度统计汇总")
        verbose_name_plural = _("月度统计汇总")
        indexes = [
            models.Index(fields=["source", "month"], name="insight_m_source_idx"),
            models.Index(fields=["month"], name="insight_m_month_idx"),
            models.Index(
                fields=["source", "region_path", "month"],
                name="insight_m_area_idx",
                opclasses=["varchar_pattern_ops", "varchar_pattern_ops", "date_ops"],
            ),
            models.Index(fields=["source", "unit", "month"], name="insight_m_unit_idx"),
            models.Index(fields=["source", "owner_id", "month"], name="insight_m_owner_idx"),
        ]


class Watermark(models.Model):
    """The last audit event the incremental refresh has read; locked while a refresh runs."""

    name = models.CharField(max_length=40, primary_key=True)
    event_id = models.BigIntegerField(null=True)  # None: never built; the first refresh rebuilds
    refreshed_at = models.DateTimeField(null=True)


def report_path(instance, filename):
    return f"insight/{instance.period_start:%Y}/{filename}"


class Report(models.Model):
    """A generated report file: the Art. 41 annual report or a monthly briefing, for one area."""

    class Kind(models.TextChoices):
        ANNUAL = "annual", _("年度信访工作报告（条例第四十一条）")
        MONTHLY = "monthly", _("月度民情简报")

    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    period_start = models.DateField(_("期间起"))
    period_end = models.DateField(_("期间止"))
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="insight_reports"
    )
    pdf = models.FileField(_("PDF"), upload_to=report_path)
    xlsx = models.FileField(_("Excel"), upload_to=report_path)
    created_at = models.DateTimeField(_("生成时间"))

    class Meta:
        verbose_name = _("统计报告")
        verbose_name_plural = _("统计报告")
        ordering = ["-period_start", "kind"]
        # The schedule may run twice: one report per kind, period and unit.
        constraints = [
            models.UniqueConstraint(fields=["kind", "period_start", "unit"], name="insight_report_once")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.period_start:%Y-%m}"
