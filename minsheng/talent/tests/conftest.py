"""Fixtures of the talent tests: a day to count from and a way to put a registered worker on the books."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from minsheng.people.services import Identity
from minsheng.talent import services
from minsheng.talent.models import Field, Level

# Valid check digits (GB 11643), invented.
IDS = [
    "110101199003074477",
    "110101198507120014",
    "44030519991231002X",
    "110101199001010011",
    "110101199202020046",
    "110101198803030057",
]


def id_number(n: int) -> str:
    """The n-th valid ID number (birth dates vary; the check digit is computed)."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    body = f"110101{1970 + n % 40:04d}0101{n % 1000:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


@pytest.fixture
def today(now):
    return now.date()  # Wednesday 2026-03-11


@pytest.fixture
def real_today():
    """What the pages count from (they read the clock)."""
    return timezone.localdate()


@pytest.fixture
def make_worker(world, registrar):
    counter = iter(range(1, 10_000))

    def make(
        *,
        region=None,
        level=Level.INTERMEDIATE,
        passed_on=date(2022, 6, 1),
        registered_on=date(2023, 3, 1),
        today=date(2026, 3, 11),
        hours=(),
        field=Field.COMMUNITY,
        name="测试工",
        employer="青川区阳光社会工作服务中心",
        actor=None,
    ):
        n = next(counter)
        actor = actor or registrar
        worker = services.worker_create(
            identity=Identity(name=f"{name}{n}", id_number=id_number(n), phone=f"1380000{n:04d}"),
            data=services.WorkerData(
                region=region or world.regions["street"], employer=employer, field=field
            ),
            actor=actor,
        )
        if level:
            cert = services.certificate_add(
                worker=worker, level=level, number=f"ZS{n:06d}", passed_on=passed_on, actor=actor, today=today
            )
            if registered_on:
                reg = services.registration_register(
                    certificate=cert,
                    registered_on=registered_on,
                    actor=actor,
                    today=today,
                    late_reason="补办",
                )
                for kind, h, on in hours:
                    services.ce_add(
                        worker=worker,
                        actor=actor,
                        today=today,
                        kind=kind,
                        title="培训",
                        on=on or reg.registered_on,
                        hours=Decimal(h),
                    )
        worker.refresh_from_db()
        return worker

    return make


@pytest.fixture(autouse=True)
def _pending_uploads_in_tmp(settings, tmp_path):
    # An import's upload waits between the check and the confirmation under DATA_DIR; not the repo's.
    settings.DATA_DIR = tmp_path
