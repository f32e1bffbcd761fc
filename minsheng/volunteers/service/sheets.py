"""Hours in and out of Excel: staff move their history from spreadsheets, and report in them.

An import creates *approved* records (history already certified on paper by the team chosen for the
file), source "import", without a shift; nothing is written on a dry run or when any row is wrong.
Rows are refused when the volunteer is not registered, when they overlap each other or a record
already kept, or when the hours are not between 0 and 24.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng import audit
from minsheng.core import sheets
from minsheng.core.errors import DomainError
from minsheng.core.periods import CHINA
from minsheng.people.blind_index import id_number_index
from minsheng.volunteers.models import ServiceArea, Team, Volunteer
from minsheng.volunteers.service import hours
from minsheng.volunteers.service.models import ServiceRecord, Source, Status
from minsheng.volunteers.service.services import stars


def _clock(value) -> time | None:
    if value in (None, ""):
        return None
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return value.time()
    try:
        return time.fromisoformat(str(value).strip().replace("：", ":"))
    except ValueError:
        raise sheets.CellError(_("时间格式应为 HH:MM。")) from None


def _hours(value):
    d = sheets.decimal(value)
    if d is not None and not (Decimal(0) < d <= Decimal(24)):
        raise sheets.CellError(_("服务时长应大于0且不超过24小时。"))
    return d


COLUMNS = (
    sheets.Column(
        "id_number", gettext_lazy("身份证号"), lambda v: sheets.text(v, max_length=18), required=True
    ),
    sheets.Column("title", gettext_lazy("服务内容"), lambda v: sheets.text(v, max_length=100), required=True),
    sheets.Column("day", gettext_lazy("服务日期"), sheets.day, required=True),
    sheets.Column("start", gettext_lazy("开始时间"), _clock),
    sheets.Column("hours", gettext_lazy("服务时长（小时）"), _hours, required=True),
    sheets.Column("area", gettext_lazy("服务领域"), sheets.choice(ServiceArea)),
    sheets.Column("notes", gettext_lazy("备注"), sheets.text),
)
DEFAULT_START = time(9, 0)


def import_hours(*, content: bytes, filename: str, team: Team, actor, now: datetime, dry_run: bool):
    rows = sheets.read_table(content, filename)
    seen: dict[int, list[tuple[datetime, datetime]]] = {}
    volunteers: dict[str, Volunteer | None] = {}

    def prepare(number: int, values: dict) -> ServiceRecord:
        key = id_number_index(values["id_number"])
        if key not in volunteers:
            volunteers[key] = Volunteer.objects.filter(id_number_bi=key).first()
        volunteer = volunteers[key]
        if volunteer is None:
            raise DomainError(_("该身份证号未注册为志愿者。"))
        start = datetime.combine(values["day"], values["start"] or DEFAULT_START, tzinfo=CHINA)
        end = start + timedelta(minutes=int(values["hours"] * 60))
        if end > now:
            raise DomainError(_("服务时间不能晚于当前时间。"))
        for other_start, other_end in seen.get(volunteer.pk, ()):
            if hours.overlaps(start, end, other_start, other_end):
                raise DomainError(_("与文件中同一志愿者的另一行时间重叠。"))
        clash = (
            ServiceRecord.objects.filter(volunteer=volunteer, check_in_at__lt=end)
            .exclude(status=Status.REJECTED)
            .filter(
                Q(check_out_at__gt=start)
                | Q(check_out_at__isnull=True, check_in_at__gte=start - timedelta(days=1))
            )
            .exists()
        )
        if clash:
            raise DomainError(_("与该志愿者已有的服务记录时间重叠。"))
        seen.setdefault(volunteer.pk, []).append((start, end))
        return ServiceRecord(
            volunteer=volunteer,
            team=team,
            region_id=team.region_id,
            area=values["area"] or "",
            title=values["title"],
            check_in_at=start,
            check_out_at=end,
            minutes=hours.served_minutes(start, end),
            source=Source.IMPORT,
            status=Status.APPROVED,
            decided_by=actor,
            decided_at=now,
            notes=values["notes"] or "",
            created_by=actor,
        )

    def save(prepared: list[ServiceRecord]) -> int:
        ServiceRecord.objects.bulk_create(prepared, batch_size=2000)
        stars.recompute({r.volunteer_id for r in prepared})
        audit.record(
            actor=actor,
            action="volunteer_service.records.imported",
            target=team,
            data={"file": filename[:120], "rows": len(prepared), "minutes": sum(r.minutes for r in prepared)},
        )
        return len(prepared)

    return sheets.import_rows(rows=rows, columns=COLUMNS, prepare=prepare, save=save, dry_run=dry_run)


EXPORT_HEADERS = (
    gettext_lazy("志愿者"),
    gettext_lazy("服务队"),
    gettext_lazy("服务内容"),
    gettext_lazy("服务日期"),
    gettext_lazy("开始时间"),
    gettext_lazy("服务时长（小时）"),
    gettext_lazy("服务领域"),
    gettext_lazy("状态"),
    gettext_lazy("记录方式"),
    gettext_lazy("备注"),
)


def export_rows(records):
    """Masked names only: an export travels by e-mail and USB stick; identity stays in the system."""
    areas = dict(ServiceArea.choices)
    for r in records.iterator(chunk_size=2000):
        local = r.check_in_at.astimezone(CHINA)
        yield (
            r.volunteer.name_masked,
            r.team.name,
            r.title,
            local.date(),
            local.strftime("%H:%M"),
            float(Decimal(r.minutes) / 60),
            str(areas.get(r.area, "")),
            r.get_status_display(),
            r.get_source_display(),
            r.notes,
        )


def export_hours(records) -> bytes:
    return sheets.workbook_bytes(EXPORT_HEADERS, export_rows(records), title=_("志愿服务时长"))
