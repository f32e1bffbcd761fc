"""The dispatch catalogue (派单目录): category × area → unit; most specific area wins."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng import audit
from minsheng.core import sheets
from minsheng.core.errors import InvalidInput
from minsheng.hotline.models import Category, DispatchRule
from minsheng.orgs.models import Region, Unit

HANDLING_KINDS = (Unit.Kind.DEPARTMENT, Unit.Kind.STREET_OFFICE, Unit.Kind.GOVERNMENT)


def resolve_unit(category: Category | None, region: Region | None) -> Unit | None:
    """The unit of the rule for ``category`` whose area is the nearest to ``region`` up the tree.

    A rule for a category also serves its subcategories when they have none of their own.
    """
    if category is None or region is None:
        return None
    region_ids = [int(x) for x in region.path.strip("/").split("/") if x]
    categories = [category.pk] + ([category.parent_id] if category.parent_id else [])
    rules = list(
        DispatchRule.objects.filter(
            category_id__in=categories, region_id__in=region_ids, unit__is_active=True
        )
        .select_related("unit")
        .only("category_id", "region_id", "unit")
    )
    if not rules:
        return None
    depth = {rid: i for i, rid in enumerate(region_ids)}
    # Deeper area first; the category itself before its parent.
    best = max(rules, key=lambda r: (r.category_id == category.pk, depth[r.region_id]))
    return best.unit


@transaction.atomic
def rule_save(*, category: Category, region: Region, unit: Unit, actor, note: str = "") -> DispatchRule:
    """Create or change the rule for ``category`` × ``region``."""
    if unit.kind not in HANDLING_KINDS:
        raise InvalidInput(_("承办单位须为职能部门、街道（乡镇）或人民政府。"), field="unit")
    rule, created = DispatchRule.objects.update_or_create(
        category=category, region=region, defaults={"unit": unit, "note": note}
    )
    audit.record(
        actor=actor,
        action="hotline.rule.created" if created else "hotline.rule.changed",
        target=rule,
        data={"category": category.code, "region": region.code, "unit": unit.pk},
    )
    return rule


# -- Excel in and out

COLUMNS = (
    sheets.Column("category", gettext_lazy("分类代码"), required=True),
    sheets.Column("region", gettext_lazy("区划代码"), required=True),
    sheets.Column("unit", gettext_lazy("承办单位"), required=True),
    sheets.Column("note", gettext_lazy("备注")),
)
EXPORT_HEADERS = (
    gettext_lazy("分类代码"),
    gettext_lazy("分类名称"),
    gettext_lazy("区划代码"),
    gettext_lazy("区域"),
    gettext_lazy("承办单位"),
    gettext_lazy("备注"),
)


def rules_import(*, content: bytes, filename: str, actor, dry_run: bool, partial: bool = False):
    """Check (dry run) or save the rules of a spreadsheet; units are named by full or short name."""
    rows = sheets.read_table(content, filename)
    categories = {c.code: c for c in Category.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    units = {}
    for u in Unit.objects.filter(is_active=True, kind__in=HANDLING_KINDS):
        units.setdefault(u.name, u)
        if u.short_name:
            units.setdefault(u.short_name, u)
    seen: set[tuple[str, str]] = set()

    def prepare(number, values):
        category = categories.get(values["category"])
        if category is None:
            raise sheets.CellError(_("分类代码“%(v)s”不存在。") % {"v": values["category"]})
        region = regions.get(values["region"])
        if region is None:
            raise sheets.CellError(_("区划代码“%(v)s”不存在。") % {"v": values["region"]})
        unit = units.get(values["unit"])
        if unit is None:
            raise sheets.CellError(_("承办单位“%(v)s”不存在或不能承办工单。") % {"v": values["unit"]})
        key = (category.code, region.code)
        if key in seen:
            raise sheets.CellError(_("同一分类和区域在文件中出现了两次。"))
        seen.add(key)
        return category, region, unit, values.get("note") or ""

    def save(prepared):
        for category, region, unit, note in prepared:
            DispatchRule.objects.update_or_create(
                category=category, region=region, defaults={"unit": unit, "note": note}
            )
        audit.record(actor=actor, action="hotline.rule.imported", target=None, data={"rows": len(prepared)})
        return len(prepared)

    return sheets.import_rows(
        rows=rows, columns=COLUMNS, prepare=prepare, save=save, dry_run=dry_run, partial=partial
    )


def rules_workbook(rules) -> bytes:
    rows = (
        (r.category.code, r.category.name, r.region.code, r.region.name, r.unit.name, r.note) for r in rules
    )
    return sheets.workbook_bytes(EXPORT_HEADERS, rows, title=_("派单目录"))
