"""Records in a given state, made through the real services."""

from minsheng.volunteers.service import services
from minsheng.volunteers.service.models import ServiceRecord, Source, Status


def served(shift, volunteer, actor, *, start, end) -> ServiceRecord:
    services.check_in(shift=shift, volunteer=volunteer, actor=actor, now=start)
    return services.check_out(shift=shift, volunteer=volunteer, actor=actor, now=end)


def history(volunteer, team, *, minutes, start, status=Status.APPROVED, region=None) -> ServiceRecord:
    """An imported record of past service (no shift)."""
    from datetime import timedelta

    return ServiceRecord.objects.create(
        volunteer=volunteer, team=team, region=region or team.region, title="历史服务", check_in_at=start,
        check_out_at=start + timedelta(minutes=minutes), minutes=minutes, source=Source.IMPORT, status=status,
    )  # fmt: skip
