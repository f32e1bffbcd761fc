"""Builders for the association tests: valid credit codes and bodies made through the services."""

from decimal import Decimal

from minsheng.registry.associations.models import Kind, Level
from minsheng.registry.associations.services import Details, association_create
from minsheng.registry.associations.workflow import S
from minsheng.registry.credit_code import CHARSET, credit_code_check_char


def credit_code(n: int, *, prefix: str = "51", region: str = "990102") -> str:
    """The n-th valid code of a social organization registered in ``region``."""
    body, digits = "", n
    for _ in range(9):
        body = CHARSET[digits % 31] + body
        digits //= 31
    first17 = f"{prefix}{region}{body}"
    return first17 + credit_code_check_char(first17)


def details(n: int = 1, **overrides) -> Details:
    values = dict(
        name=f"青川区第{n}行业协会",
        kind=Kind.ASSOCIATION,
        level=Level.COUNTY,
        registration_unit="青川区民政局",
        credit_code=credit_code(n),
        industry="C",
        supervising_unit="青川区工业和信息化局",
        individual_members=60,
        unit_members=0,
        funds=Decimal("50000"),
        legal_representative="张三",
        contact_person="李四",
        contact_phone="13800000000",
        registered_on=None,
    )
    values.update(overrides)
    return Details(**values)


def make_association(world, actor, now, *, n: int = 1, region=None, status=S.ACTIVE, **overrides):
    from datetime import date

    if status != S.PREPARING:
        overrides.setdefault("registered_on", date(2020, 5, 1))
    return association_create(
        actor=actor,
        region=region or world.regions["county"],
        details=details(n, **overrides),
        status=status,
        now=now,
    )
