"""Every write to the 两新组织 registry: keyword-only, atomic, with an actor, audited."""

from minsheng.registry.twonew.services.importing import COLUMNS, export_rows, units_import  # noqa: F401
from minsheng.registry.twonew.services.instructors import (  # noqa: F401
    instructor_assign,
    instructor_create,
    instructor_unassign,
)
from minsheng.registry.twonew.services.party import party_org_create, party_org_dissolve, party_org_update  # noqa: F401
from minsheng.registry.twonew.services.units import UnitData, unit_create, unit_update  # noqa: F401
