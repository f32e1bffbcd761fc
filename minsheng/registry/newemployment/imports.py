"""Excel in and out for platforms, sites and stations (``core.sheets`` does the reading and reporting).

A row whose record already exists (same name in the same area; for a site, same platform and name)
updates it, so an exported sheet can be edited and imported back. One import is one audit entry.
"""

from datetime import datetime, time

from django.db import connection, transaction
from django.db.models import DateField, DateTimeField, TimeField
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng import audit
from minsheng.core.sheets import CellError, Column, boolean, choice, import_rows, integer, text
from minsheng.registry.credit_code import validate_credit_code
from minsheng.registry.newemployment import selectors
from minsheng.registry.newemployment.hours import DAYS_HINT, describe_days, parse_days
from minsheng.registry.newemployment.models import (
    AMENITIES,
    Platform,
    PlatformKind,
    ServiceStation,
    Site,
    amenity_label,
    region_label,
)
from minsheng.registry.newemployment.permissions import write_paths
from minsheng.registry.newemployment.services.records import check_hours


class RegionLookup:
    """An area cell as staff type it: a code, a name, or "青川区 东湖街道"; only the actor's areas."""

    def __init__(self, actor):
        self.by_key: dict[str, list] = {}
        for r in selectors.regions_of(write_paths(actor)):
            keys = {r.code, r.name}
            if r.parent_id:
                keys |= {f"{r.parent.name} {r.name}", f"{r.parent.name}{r.name}"}
            for k in keys:
                self.by_key.setdefault(k, []).append(r)

    def __call__(self, value):
        s = text(value)
        if not s:
            return None
        found = self.by_key.get(s) or self.by_key.get(" ".join(s.split()))
        if not found:
            raise CellError(_("“%(v)s”不是本辖区的区域（可填区划代码或名称）。") % {"v": s})
        if len(found) > 1:
            raise CellError(_("区域“%(v)s”有重名，请填写区划代码。") % {"v": s})
        return found[0]


def clock(value) -> time | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    s = text(value).replace("：", ":")
    try:
        return time.fromisoformat(s if len(s) > 4 else s.zfill(5))
    except ValueError:
        raise CellError(_("时间格式应为 HH:MM。")) from None


def days(value) -> str:
    try:
        return parse_days(text(value))
    except ValueError:
        raise CellError(str(DAYS_HINT)) from None


def credit(value) -> str:
    # A wrong code raises InvalidInput, which ``core.sheets`` reports beside the cell like a CellError.
    s = text(value, max_length=30)
    return validate_credit_code(s) if s else ""


def _columns_platform(actor):
    return (
        Column("name", gettext_lazy("平台名称"), lambda v: text(v, max_length=100), required=True),
        Column("kind", gettext_lazy("平台类型"), choice(PlatformKind), required=True),
        Column("credit_code", gettext_lazy("统一社会信用代码"), credit),
        Column("region", gettext_lazy("登记区域"), RegionLookup(actor), required=True),
        Column("note", gettext_lazy("备注")),
    )


def _columns_site(actor):
    return (
        Column("platform", gettext_lazy("平台名称"), lambda v: text(v, max_length=100), required=True),
        Column("name", gettext_lazy("站点名称"), lambda v: text(v, max_length=100), required=True),
        Column("region", gettext_lazy("所在区域"), RegionLookup(actor), required=True),
        Column("address", gettext_lazy("地址")),
        Column("worker_count", gettext_lazy("从业人数"), lambda v: integer(v) or 0),
        Column("contact", gettext_lazy("联系人"), lambda v: text(v, max_length=60)),
        Column("contact_phone", gettext_lazy("联系电话"), lambda v: text(v, max_length=30)),
    )


def _columns_station(actor):
    return (
        Column("name", gettext_lazy("驿站名称"), lambda v: text(v, max_length=100), required=True),
        Column("region", gettext_lazy("所在区域"), RegionLookup(actor), required=True),
        Column("address", gettext_lazy("地址"), required=True),
        Column("operator", gettext_lazy("运营单位"), lambda v: text(v, max_length=100)),
        Column("phone", gettext_lazy("服务电话"), lambda v: text(v, max_length=30)),
        Column("open_days", gettext_lazy("开放日"), days),
        Column("opens_at", gettext_lazy("开门时间"), clock),
        Column("closes_at", gettext_lazy("关门时间"), clock),
        Column("always_open", gettext_lazy("24小时开放"), boolean),
        Column("hours_note", gettext_lazy("开放时间说明")),
        *(Column(field, amenity_label(key), boolean) for key, field in AMENITIES),
        Column("is_public", gettext_lazy("对外公开"), boolean),
    )


KINDS = {
    "platforms": (Platform, _columns_platform),
    "sites": (Site, _columns_site),
    "stations": (ServiceStation, _columns_station),
}


def _preparer(kind: str, actor):
    """``prepare(row, values)``: refuse duplicates within the file; find the record a row updates."""
    seen: dict[tuple, int] = {}
    if kind == "platforms":
        existing = {(p.region_id, p.name): p for p in selectors.visible(Platform, actor)}
    elif kind == "stations":
        existing = {(s.region_id, s.name): s for s in selectors.visible(ServiceStation, actor)}
    else:
        existing = {(s.platform_id, s.name): s for s in selectors.visible(Site, actor)}
        platforms: dict[str, list[Platform]] = {}
        for p in selectors.visible(Platform, actor):
            platforms.setdefault(p.name, []).append(p)

    def prepare(number: int, values: dict):
        if kind == "sites":
            found = platforms.get(values["platform"], [])
            if not found:
                raise CellError(_("平台“%(v)s”未登记，请先登记平台。") % {"v": values["platform"]})
            if len(found) > 1:
                raise CellError(_("平台“%(v)s”有重名。") % {"v": values["platform"]})
            values["platform"] = found[0]
            key = (found[0].pk, values["name"])
        else:
            key = (values["region"].pk, values["name"])
        if key in seen:
            raise CellError(_("与第%(n)s行重复。") % {"n": seen[key]})
        seen[key] = number
        if kind == "stations":
            check_hours(**{k: values[k] for k in ("always_open", "opens_at", "closes_at", "open_days")})
        return existing.get(key), values

    return prepare


def _saver(kind: str, actor):
    model = KINDS[kind][0]

    def save(prepared: list) -> int:
        new, changed = [], []
        for obj, values in prepared:
            if obj is None:
                new.append(values)
                continue
            for k, v in values.items():
                setattr(obj, k, v)
            changed.append(obj)
        _insert(model, new)
        if changed:
            model.objects.bulk_update(changed, list(prepared[0][1]), batch_size=1000)
        audit.record(
            actor=actor,
            action=f"newemployment.{model._meta.model_name}.imported",
            data={"created": len(new), "updated": len(changed)},
        )
        return len(new) + len(changed)

    return save


def _insert(model, rows: list[dict]) -> None:
    """New records from field values, without model instances: one ``executemany`` of adapted values.

    At tens of thousands of rows, building instances and the ORM's per-value preparation cost several
    times what the database spends on the insert.
    """
    if not rows:
        return
    ops = connection.ops
    now = timezone.now()

    def column(f):
        """(key in a row, default, adapter) of one field."""
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            return f.name, now, ops.adapt_datetimefield_value
        if f.is_relation:
            return f.name, None, lambda v: getattr(v, "pk", v)
        if isinstance(f, DateTimeField):
            return f.name, f.get_default(), ops.adapt_datetimefield_value
        if isinstance(f, DateField):
            return f.name, f.get_default(), ops.adapt_datefield_value
        if isinstance(f, TimeField):
            return f.name, f.get_default(), ops.adapt_timefield_value
        return f.name, f.get_default(), None

    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    columns = [column(f) for f in fields]
    table = ops.quote_name(model._meta.db_table)
    names = ", ".join(ops.quote_name(f.column) for f in fields)
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(fields))})"
    params = [
        [
            (adapt(row.get(key, default)) if adapt else row.get(key, default))
            for key, default, adapt in columns
        ]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def run_import(*, kind: str, actor, rows, dry_run: bool, partial: bool = False):
    """Check (and unless ``dry_run``, save) a sheet of ``kind``; the report names every row's errors."""
    _model, columns = KINDS[kind]
    with transaction.atomic():
        return import_rows(
            rows=rows,
            columns=columns(actor),
            prepare=_preparer(kind, actor),
            save=_saver(kind, actor),
            dry_run=dry_run,
            partial=partial,
        )


# -- export


def headers(kind: str, actor) -> list:
    return [c.header for c in KINDS[kind][1](actor)]


def export_rows(kind: str, user):
    """The rows of the user's records, in the import's columns (so an export imports back)."""
    if kind == "platforms":
        for p in selectors.visible(Platform, user).select_related("region__parent").order_by("name", "id"):
            yield (p.name, p.get_kind_display(), p.credit_code, region_label(p.region), p.note)
    elif kind == "sites":
        qs = selectors.visible(Site, user).select_related("platform", "region__parent")
        for s in qs.order_by("platform__name", "name", "id"):
            yield (
                s.platform.name,
                s.name,
                region_label(s.region),
                s.address,
                s.worker_count,
                s.contact,
                s.contact_phone,
            )
    else:
        qs = selectors.visible(ServiceStation, user).select_related("region__parent")
        for s in qs.order_by("name", "id"):
            yield (
                s.name,
                region_label(s.region),
                s.address,
                s.operator,
                s.phone,
                describe_days(s.open_days),
                s.opens_at.strftime("%H:%M") if s.opens_at else "",
                s.closes_at.strftime("%H:%M") if s.closes_at else "",
                _yes_no(s.always_open),
                s.hours_note,
                *(_yes_no(getattr(s, f)) for _k, f in AMENITIES),
                _yes_no(s.is_public),
            )


def _yes_no(value: bool) -> str:
    return _("是") if value else _("否")
