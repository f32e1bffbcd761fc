"""Platforms, sites, stations and care activities: kept by the registrar of the area.

Each service names the fields it writes; the audit entry lists what changed (old → new).
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from minsheng import audit
from minsheng.core.errors import InvalidInput
from minsheng.registry.credit_code import validate_credit_code
from minsheng.registry.newemployment.models import (
    AMENITIES,
    CareActivity,
    Platform,
    PlatformKind,
    ServiceStation,
    Site,
)
from minsheng.registry.newemployment.permissions import can_write

PLATFORM_FIELDS = ("name", "kind", "credit_code", "region", "note")
SITE_FIELDS = ("platform", "name", "region", "address", "worker_count", "contact", "contact_phone")
STATION_FIELDS = (
    "name",
    "region",
    "address",
    "operator",
    "phone",
    "open_days",
    "opens_at",
    "closes_at",
    "always_open",
    "hours_note",
    *(f for _k, f in AMENITIES),
    "is_public",
)
ACTIVITY_FIELDS = ("title", "station", "region", "held_on", "participants", "note")


def _check_region(actor, region) -> None:
    # The form offers only the actor's areas; a forged id is refused here all the same.
    if not can_write(actor, region):
        raise InvalidInput(_("只能登记本辖区的记录。"), field="region")


def _required(values: dict, fields: dict) -> None:
    errors = {
        f: _("请填写%(label)s。") % {"label": label} for f, label in fields.items() if not values.get(f)
    }
    if errors:
        raise InvalidInput(next(iter(errors.values())), errors=errors)


def _assign(obj, values: dict, fields: tuple[str, ...]) -> dict:
    """Set ``fields`` from ``values`` (missing keys keep their value); the changes, printable."""
    changes = {}
    for name in fields:
        if name not in values:
            continue
        new = values[name]
        if isinstance(new, str):
            new = new.strip()
        field = obj._meta.get_field(name)
        if field.is_relation:  # compare ids: an unsaved record has no related object to read
            old_id, new_id = getattr(obj, field.attname), getattr(new, "pk", None)
            if old_id != new_id:
                changes[name] = [old_id, new_id]
                setattr(obj, name, new)
            continue
        old = getattr(obj, name)
        if old != new:
            changes[name] = [None if old is None else str(old), None if new is None else str(new)]
            setattr(obj, name, new)
    return changes


def _save_unique(obj, message: str, field: str = "name") -> None:
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        raise InvalidInput(message, field=field) from None


def _record(actor, obj, verb: str, changes: dict, created: bool) -> None:
    label = obj._meta.model_name
    action = f"newemployment.{label}.{'created' if created else verb}"
    audit.record(actor=actor, action=action, target=obj, data={"changes": changes})


@transaction.atomic
def platform_save(*, actor, values: dict, platform: Platform | None = None) -> Platform:
    created = platform is None
    platform = platform or Platform()
    values = dict(values)
    if values.get("credit_code"):
        values["credit_code"] = validate_credit_code(values["credit_code"])
    if "kind" in values and values["kind"] not in PlatformKind.values:
        raise InvalidInput(_("平台类型无效。"), field="kind")
    changes = _assign(platform, values, PLATFORM_FIELDS)
    _required(
        {f: getattr(platform, f, None) for f in ("name", "kind")},
        {"name": _("平台名称"), "kind": _("平台类型")},
    )
    _check_region(actor, platform.region if platform.region_id else None)
    if not changes:
        return platform
    _save_unique(platform, _("本区域已登记同名平台。"))
    _record(actor, platform, "updated", changes, created)
    return platform


@transaction.atomic
def site_save(*, actor, values: dict, site: Site | None = None) -> Site:
    created = site is None
    site = site or Site()
    changes = _assign(site, values, SITE_FIELDS)
    _required(
        {"name": site.name, "platform": site.platform_id}, {"name": _("站点名称"), "platform": _("平台")}
    )
    _check_region(actor, site.region if site.region_id else None)
    if site.worker_count is None or site.worker_count < 0:
        raise InvalidInput(_("从业人数不能小于0。"), field="worker_count")
    if not changes:
        return site
    _save_unique(site, _("该平台已有同名站点。"))
    _record(actor, site, "updated", changes, created)
    return site


def check_hours(*, always_open: bool, opens_at, closes_at, open_days: str) -> None:
    """A station's hours make sense (the form and the sheet import both answer to this)."""
    if always_open:
        return
    if (opens_at is None) != (closes_at is None):
        raise InvalidInput(_("请同时填写开门和关门时间。"), field="closes_at")
    if not open_days or any(c not in "1234567" for c in open_days):
        raise InvalidInput(_("开放日无效。"), field="open_days")


@transaction.atomic
def station_save(*, actor, values: dict, station: ServiceStation | None = None) -> ServiceStation:
    created = station is None
    station = station or ServiceStation()
    changes = _assign(station, values, STATION_FIELDS)
    _required(
        {"name": station.name, "address": station.address}, {"name": _("驿站名称"), "address": _("地址")}
    )
    _check_region(actor, station.region if station.region_id else None)
    check_hours(
        always_open=station.always_open,
        opens_at=station.opens_at,
        closes_at=station.closes_at,
        open_days=station.open_days,
    )
    if not changes:
        return station
    station.save()
    _record(actor, station, "updated", changes, created)
    return station


@transaction.atomic
def station_delete(*, actor, station: ServiceStation) -> None:
    _check_region(actor, station.region)
    audit.record(
        actor=actor,
        action="newemployment.servicestation.deleted",
        target=station,
        data={"name": station.name, "address": station.address},
    )
    station.delete()


@transaction.atomic
def activity_save(*, actor, values: dict, activity: CareActivity | None = None) -> CareActivity:
    created = activity is None
    activity = activity or CareActivity()
    values = dict(values)
    if values.get("station") is not None and not values.get("region"):
        values["region"] = values["station"].region  # held at a station: in its area
    changes = _assign(activity, values, ACTIVITY_FIELDS)
    _required(
        {"title": activity.title, "held_on": activity.held_on},
        {"title": _("活动名称"), "held_on": _("活动日期")},
    )
    _check_region(actor, activity.region if activity.region_id else None)
    if activity.station_id and not can_write(actor, activity.station.region):
        raise InvalidInput(_("只能选择本辖区的驿站。"), field="station")
    if not changes:
        return activity
    activity.save()
    _record(actor, activity, "updated", changes, created)
    return activity
