"""The rules of social-worker registration and continuing education, as pure functions of dates.

Nothing here touches the database; the numbers come from ``conf``. Dates are inclusive: a registration
of 2023-03-11 is valid up to and including ``valid_until`` = 2026-03-11 (registered_on + 3 years), and
its renewal starts the next day, so periods never overlap and every day belongs to at most one period.

Registering more than a year after passing is *not* silently accepted: it is refused unless the
registrar records why (情况说明), and such a registration is kept flagged "逾期登记"; certificates past
the deadline without any registration are listed as "逾期未登记".
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from minsheng.core.errors import DomainError
from minsheng.talent import conf

ASSISTANT = "assistant"  # the level value of 助理社会工作师 (see models.Level)
DEGREE = "degree"  # the kind value of 学历教育 (see models.CEKind)


def add_months(day: date, months: int) -> date:
    """Calendar months; the 31st (or 29 Feb) falls back to the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def _d(day: date) -> str:
    return date_format(day, "Y-m-d")


# -- registration


def registration_deadline(passed_on: date) -> date:
    """The last day of the first registration: one year after passing the examination."""
    return add_years(passed_on, conf.get("REGISTER_WITHIN_YEARS"))


def is_late(passed_on: date, registered_on: date) -> bool:
    return registered_on > registration_deadline(passed_on)


def check_first_registration(*, passed_on: date, registered_on: date, late_reason: str = "") -> bool:
    """Refuse an impossible or (unexplained) late first registration; return whether it is late."""
    if registered_on < passed_on:
        raise DomainError(
            _("登记日期不能早于考试通过日期（%(d)s）。") % {"d": _d(passed_on)}, code="before_passed"
        )
    if is_late(passed_on, registered_on) and not late_reason.strip():
        raise DomainError(
            _("取得证书后应在1年内（%(d)s前）办理登记，已逾期；如需补办，请填写逾期登记情况说明。")
            % {"d": _d(registration_deadline(passed_on))},
            code="late",
        )
    return is_late(passed_on, registered_on)


def valid_until(registered_on: date) -> date:
    return add_years(registered_on, conf.get("VALID_YEARS"))


def renewal_opens(until: date) -> date:
    """The first day re-registration may be done: 3 months before the end of validity."""
    return add_months(until, -conf.get("RENEWAL_WINDOW_MONTHS"))


def check_renewal(*, until: date, today: date) -> date:
    """Refuse a renewal outside the window; return the new period's first day (the day after ``until``)."""
    opens = renewal_opens(until)
    if today < opens:
        raise DomainError(
            _("尚未到续期登记时间：有效期至%(until)s，自%(opens)s起方可办理续期。")
            % {"until": _d(until), "opens": _d(opens)},
            code="too_early",
        )
    if today > until:
        raise DomainError(
            _("登记已于%(until)s到期失效，不能续期；请重新办理登记。") % {"until": _d(until)}, code="lapsed"
        )
    return until + timedelta(days=1)


def is_expired(until: date, today: date) -> bool:
    return today > until


# -- continuing education


def required_hours(level: str) -> int:
    return conf.get("CE_HOURS_ASSISTANT") if level == ASSISTANT else conf.get("CE_HOURS_OTHERS")


@dataclass(frozen=True)
class Progress:
    done: Decimal
    required: int

    @property
    def shortfall(self) -> Decimal:
        return max(Decimal(0), Decimal(self.required) - self.done)

    @property
    def met(self) -> bool:
        return self.shortfall == 0

    @property
    def percent(self) -> int:
        return min(100, int(self.done * 100 / self.required)) if self.required else 100


def credited_hours(records) -> Decimal:
    """Hours of a period from (kind, hours) pairs: degrees count once as 90 h, whatever their hours."""
    other = sum((Decimal(h) for kind, h in records if kind != DEGREE), Decimal(0))
    has_degree = any(kind == DEGREE for kind, _h in records)
    return other + (Decimal(conf.get("DEGREE_HOURS")) if has_degree else 0)


def progress(level: str, records) -> Progress:
    return Progress(done=credited_hours(records), required=required_hours(level))


# -- statistics


def per_10k(count: int, population: int | None) -> Decimal | None:
    """Social workers per 10,000 residents, 2 decimals; unknown (None) without a population."""
    if not population:
        return None
    return (Decimal(count) * 10000 / Decimal(population)).quantize(Decimal("0.01"))


def hours_text(value) -> str:
    """Hours as people write them: 90, 24.5 (the databases return 90, 90.0 or 90.00)."""
    text = f"{Decimal(value).quantize(Decimal('0.1')):f}"
    return text[:-2] if text.endswith(".0") else text
