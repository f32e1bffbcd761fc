"""Excel import (staff migrate their spreadsheets) and export of volunteers."""

from datetime import datetime
from functools import partial

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng import audit
from minsheng.core import sheets
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.periods import CHINA
from minsheng.orgs.models import Region
from minsheng.people.blind_index import id_number_index
from minsheng.volunteers import availability
from minsheng.volunteers.models import Skill, Volunteer
from minsheng.volunteers.permissions import Scope
from minsheng.volunteers.services.registration import (
    Registration,
    build_volunteer,
    check_registration,
    duplicate_message,
    list_of,
)


def _list(value) -> list[str]:
    return list_of(sheets.text(value, max_length=1000))


def _availability(value) -> int:
    try:
        return availability.parse(sheets.text(value, max_length=500))
    except ValueError as e:
        raise sheets.CellError(
            _("无法识别“%(token)s”，请写作“周一上午、周六全天、工作日晚上”。") % {"token": e}
        ) from None


COLUMNS = (
    sheets.Column("name", gettext_lazy("姓名"), required=True),
    sheets.Column("id_number", gettext_lazy("身份证号码"), required=True),
    sheets.Column("phone", gettext_lazy("手机号码"), required=True),
    sheets.Column("region", gettext_lazy("所属区域代码"), required=True),
    sheets.Column("skills", gettext_lazy("技能/资质"), _list),
    sheets.Column("languages", gettext_lazy("语言"), _list),
    sheets.Column("availability", gettext_lazy("可服务时间"), _availability),
    sheets.Column("service_regions", gettext_lazy("服务区域代码"), _list),
    sheets.Column("guardian_name", gettext_lazy("监护人姓名")),
    sheets.Column("guardian_phone", gettext_lazy("监护人电话")),
    sheets.Column("guardian_consent", gettext_lazy("监护人已同意"), sheets.boolean),
)


class _Importer:
    def __init__(self, *, scope: Scope, now: datetime):
        self.scope, self.now = scope, now
        self.regions = {r.code: r for r in Region.objects.all()}
        self.skills = {s.name: s for s in Skill.objects.all()}
        self.seen: dict[str, int] = {}

    def region(self, code: str) -> Region:
        region = self.regions.get(code)
        if region is None:
            raise DomainError(_("区域代码%(code)s不存在。") % {"code": code})
        if not self.scope.covers(region.path, write=True):
            raise DomainError(_("区域%(name)s不在您的管辖范围内。") % {"name": region.name})
        return region

    def prepare(self, number: int, values: dict):
        unknown = [s for s in values.get("skills") or [] if s not in self.skills]
        if unknown:
            raise DomainError(_("未知的技能/资质：%(names)s。") % {"names": "、".join(unknown)})
        reg = Registration(
            name=values["name"],
            id_number=values["id_number"],
            phone=values["phone"],
            region=self.region(values["region"]),
            skills=[self.skills[s] for s in values.get("skills") or []],
            languages=values.get("languages") or [],
            availability=values.get("availability") or 0,
            service_regions=[self.region(c) for c in values.get("service_regions") or []],
            guardian_name=values.get("guardian_name") or "",
            guardian_phone=values.get("guardian_phone") or "",
            guardian_consent=bool(values.get("guardian_consent")),
        )
        try:
            checked = check_registration(reg, now=self.now)
        except InvalidInput as e:
            raise DomainError("；".join(e.errors.values()) or e.message) from None
        bi = id_number_index(checked["id_number"])
        if bi in self.seen:
            raise DomainError(_("与第%(row)s行的身份证号码重复。") % {"row": self.seen[bi]})
        self.seen[bi] = number
        if Volunteer.objects.filter(id_number_bi=bi).exists():
            raise DomainError(duplicate_message())
        return reg, checked

    def save(self, prepared: list, *, actor) -> int:
        made = []
        for reg, checked in prepared:
            v = build_volunteer(reg, checked, now=self.now, source=Volunteer.Source.IMPORT)
            made.append((v, reg))
        Volunteer.objects.bulk_create([v for v, _r in made], batch_size=500)
        skills = Volunteer.skills.through
        regions = Volunteer.service_regions.through
        skills.objects.bulk_create(
            [skills(volunteer_id=v.pk, skill_id=s.pk) for v, r in made for s in r.skills], batch_size=1000
        )
        regions.objects.bulk_create(
            [regions(volunteer_id=v.pk, region_id=g.pk) for v, r in made for g in set(r.service_regions)],
            batch_size=1000,
        )
        audit.record(actor=actor, action="volunteers.volunteer.imported", data={"count": len(made)})
        return len(made)


def volunteers_import(
    *,
    actor,
    scope: Scope,
    content: bytes,
    filename: str,
    now: datetime,
    dry_run: bool,
    partial_ok: bool = False,
) -> sheets.ImportReport:
    """Check (dry run) or import volunteers; nothing is written when a row is wrong unless ``partial_ok``."""
    if not scope.is_registrar:
        raise DomainError(_("只有登记管理员可以导入志愿者。"), code="forbidden")
    rows = sheets.read_table(content, filename)
    importer = _Importer(scope=scope, now=now)
    return sheets.import_rows(
        rows=rows,
        columns=COLUMNS,
        prepare=importer.prepare,
        save=partial(importer.save, actor=actor),
        dry_run=dry_run,
        partial=partial_ok,
    )


def template_bytes() -> bytes:
    example = (
        "张三",
        "110101199003074477",
        "13800000000",
        "990102001",
        "急救证、心理疏导",
        "普通话、英语",
        "周六全天、工作日晚上",
        "990102001、990102002",
        "",
        "",
        "否",
    )
    return sheets.workbook_bytes([c.header for c in COLUMNS], [example], title=_("志愿者导入模板"))


EXPORT_HEADERS = (
    gettext_lazy("编号"),
    gettext_lazy("姓名"),
    gettext_lazy("电话"),
    gettext_lazy("性别"),
    gettext_lazy("出生年份"),
    gettext_lazy("所属区域"),
    gettext_lazy("技能/资质"),
    gettext_lazy("语言"),
    gettext_lazy("可服务时间"),
    gettext_lazy("服务区域"),
    gettext_lazy("状态"),
    gettext_lazy("认定服务时长（小时）"),
    gettext_lazy("星级"),
    gettext_lazy("注册时间"),
)


@transaction.atomic
def volunteers_export(*, actor, queryset) -> bytes:
    """Masked identity data only (a list for planning, not a copy of the register); audited."""
    qs = queryset.select_related("region").prefetch_related("skills", "service_regions").order_by("pk")

    def rows():
        for v in qs.iterator(chunk_size=1000):
            yield (
                v.pk,
                v.name_masked,
                v.phone_masked,
                v.get_gender_display(),
                v.birth_date.year,
                v.region.name,
                "、".join(s.name for s in v.skills.all()),
                "、".join(v.languages),
                availability.describe(v.availability),
                "、".join(r.name for r in v.service_regions.all()),
                v.get_status_display(),
                round(v.approved_minutes / 60, 1),
                v.stars,
                v.registered_at.astimezone(CHINA).replace(tzinfo=None),
            )

    content = sheets.workbook_bytes(EXPORT_HEADERS, rows(), title=_("志愿者"))
    audit.record(actor=actor, action="volunteers.volunteer.exported", data={"count": queryset.count()})
    return content
