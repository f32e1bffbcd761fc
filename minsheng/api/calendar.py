"""Public deadline calculator: the same period functions the services use, on the official calendar."""

from datetime import date
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from minsheng.core.calendar_store import official_calendar
from minsheng.core.errors import InvalidInput
from minsheng.core.periods import add_days, add_workdays

router = Router(tags=["calendar"])

MAX_DAYS = 3650
# Wide enough for any real case; keeps date arithmetic far from date.min/date.max.
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)
ADDERS = {"calendar": add_days, "workdays": add_workdays}


class DeadlineIn(Schema):
    start: date = Field(description="起算日（不计入期间），YYYY-MM-DD")
    days: int = Field(ge=0, le=MAX_DAYS, description="期间天数")
    mode: Literal["calendar", "workdays"] = Field(
        "calendar", description="calendar：自然日（末日遇节假日顺延）；workdays：工作日"
    )


class DeadlineOut(Schema):
    start: date
    days: int
    mode: str
    due: date
    warnings: list[str]


@router.get("/deadline", auth=None, response=DeadlineOut, summary="计算期限届满日")
def deadline(request, params: Query[DeadlineIn]):
    """The last day of a period of ``days`` after ``start``, by the Civil Code's counting rule.

    ``warnings`` is non-empty when the period reaches a year whose official holiday arrangement
    is not loaded: the answer then assumes weekends only.
    """
    if not EARLIEST <= params.start <= LATEST:
        raise InvalidInput(_("起算日应在1900年至2199年之间。"), field="start")
    result = ADDERS[params.mode](params.start, params.days, official_calendar())
    return {
        "start": params.start,
        "days": params.days,
        "mode": params.mode,
        "due": result.due,
        "warnings": result.warnings,
    }
