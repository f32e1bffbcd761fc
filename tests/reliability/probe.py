"""Django-side helper of the reliability tests, run as ``python -m tests.reliability.probe COMMAND``
inside a server site's environment (its own data dir and database). Prints one JSON line.

    seed [--overdue]     the test world, a hotline catalogue, API tokens of a clerk and an operator
                         (--overdue: and what ``overdue`` makes)
    overdue              an overdue petition and an overdue hotline order (for the deadline scans)
    effects              what the scans did: supervisions, overdue flags, notices, audit chain
    check FILE           the crash test's verdict on the acknowledged submissions listed in FILE,
                         with ``effects`` under "effects"
"""

import json
import os
import sys
from collections import Counter
from datetime import timedelta

import django

CATEGORY = "0101"


def seed(*options: str) -> dict:
    from django.conf import settings

    from minsheng.accounts.models import ApiToken
    from minsheng.hotline.models import Category, DispatchRule
    from minsheng.testing import build_world

    # Nobody logs in with these passwords (the clients use API tokens): skip Argon2's cost per user.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = build_world()
    lights = Category.objects.create(code=CATEGORY, name="路灯照明")
    DispatchRule.objects.create(category=lights, region=world.regions["county"], unit=world.units["housing"])
    _t, clerk_key = ApiToken.issue(user=world.users["clerk"], name="crash test")
    _t, operator_key = ApiToken.issue(user=world.users["operator"], name="crash test")
    return {
        **(overdue() if "--overdue" in options else {}),
        "clerk_token": clerk_key,
        "operator_token": operator_key,
        "petition_region": world.regions["street"].code,
        "order_region": world.regions["county"].code,
        "category": CATEGORY,
    }


def overdue() -> dict:
    """A petition registered 30 days ago (its 15-day routing clock ran out) and an order dispatched
    30 days ago (its handling deadline passed): one supervision and one overdue flag are due."""
    from django.utils import timezone

    from minsheng.accounts.models import User
    from minsheng.hotline.models import Category
    from minsheng.hotline.services import OrderIntake, order_receive
    from minsheng.orgs.models import Region
    from minsheng.people.services import Identity
    from minsheng.petitions.models import Category as PetitionCategory
    from minsheng.petitions.services import petition_submit
    from minsheng.testing import World, valid_intake

    then = timezone.now() - timedelta(days=30)
    world = World(
        regions={"street": Region.objects.get(code="990102001")},
        categories={"housing": PetitionCategory.objects.get(code="03")},
    )
    petition = petition_submit(
        intake=valid_intake(world), actor=User.objects.get(username="clerk"), now=then
    ).petition
    order = order_receive(
        intake=OrderIntake(
            kind="complaint", title="路灯不亮", content="幸福路路灯已坏一周。",
            category=Category.objects.get(code=CATEGORY), region=Region.objects.get(code="990102"),
            requester=Identity(name="张三", phone="13800001111"),
        ),
        actor=User.objects.get(username="operator"), now=then, action="dispatch",
    )  # fmt: skip
    return {"petition": petition.number, "order": order.number}


def effects() -> dict:
    from django.db.models import Count

    from minsheng.audit.chain import verify
    from minsheng.audit.models import AuditEvent
    from minsheng.core.models import TaskRun
    from minsheng.notices.models import Notice
    from minsheng.petitions.models import Petition, Supervision

    verdict = verify()
    return {
        "task_runs": dict(TaskRun.objects.values("task").annotate(n=Count("id")).values_list("task", "n")),
        "petitions": Petition.objects.count(),
        "petition_numbers": Petition.objects.values("number").distinct().count(),
        "supervisions": Supervision.objects.count(),
        "supervised_events": AuditEvent.objects.filter(action="petitions.petition.supervised").count(),
        "overdue_events": AuditEvent.objects.filter(action="hotline.order.overdue").count(),
        "overdue_notices": Notice.objects.filter(key__startswith="hotline.overdue.").count(),
        "audit_ok": verdict.ok,
        "audit_checked": verdict.checked,
    }


def check(path: str) -> dict:
    """Every acknowledged submission stored once, whole; nothing stored twice or half.

    FILE: {"petitions": {key: {"number": …, "reps": n}}, "orders": {key: {"number": …, "dispatch": b}}}.
    Each submission's title carries its key, so a duplicate (two rows of one submission) shows even if
    it had no key stored.
    """
    from django.db.models import Count

    from minsheng.audit.chain import verify
    from minsheng.audit.models import AuditEvent
    from minsheng.hotline.models import Order
    from minsheng.people.models import Person
    from minsheng.petitions.models import Petition, Representative
    from minsheng.petitions.textsource import DOMAIN
    from minsheng.textmine.models import NearDupRecord

    with open(path) as f:
        acked = json.load(f)
    report: dict = {"acknowledged": 0, "stored": 0, "lost": 0, "duplicates": 0, "half_written": 0}
    problems: list[str] = []

    def events(action: str) -> Counter:
        rows = AuditEvent.objects.filter(action=action).values_list("target_id", flat=True)
        return Counter(rows)

    # Petitions
    registered = events("petitions.petition.registered")
    petitions = {p.idempotency_key: p for p in Petition.objects.all()}
    indexed = set(NearDupRecord.objects.filter(domain=DOMAIN).values_list("record_id", flat=True))
    per_petition = Representative.objects.values("petition_id").annotate(n=Count("id"))
    reps = dict(per_petition.values_list("petition_id", "n"))
    for key, want in acked.get("petitions", {}).items():
        report["acknowledged"] += 1
        p = petitions.get(key)
        if p is None or p.number != want["number"]:
            report["lost"] += 1
            problems.append(f"petition {key}: acknowledged as {want['number']}, stored as {p and p.number}")
            continue
        report["stored"] += 1
        whole = (
            p.petitioner_id is not None
            and registered[str(p.pk)] == 1
            and p.pk in indexed
            and reps.get(p.pk, 0) == want["reps"]
            and p.attachments.count() == want.get("attachments", 0)
        )
        if not whole:
            report["half_written"] += 1
            problems.append(f"petition {p.number} half-written")
    titles = Counter(Petition.objects.values_list("title", flat=True))
    report["duplicates"] += sum(n - 1 for n in titles.values() if n > 1)

    # Hotline orders
    received, dispatched = events("hotline.order.received"), events("hotline.order.dispatch")
    orders = {o.idempotency_key: o for o in Order.objects.all()}
    for key, want in acked.get("orders", {}).items():
        report["acknowledged"] += 1
        o = orders.get(key)
        if o is None or o.number != want["number"]:
            report["lost"] += 1
            problems.append(f"order {key}: acknowledged as {want['number']}, stored as {o and o.number}")
            continue
        report["stored"] += 1
        whole = o.requester_id is not None and received[str(o.pk)] == 1
        if want["dispatch"]:
            whole = whole and o.unit_id is not None and o.due_at is not None and dispatched[str(o.pk)] == 1
        if not whole:
            report["half_written"] += 1
            problems.append(f"order {o.number} half-written")
    titles = Counter(Order.objects.values_list("title", flat=True))
    report["duplicates"] += sum(n - 1 for n in titles.values() if n > 1)

    # Stored but never acknowledged: a submission whose answer was lost and that was never retried.
    report["unacknowledged_stored"] = (len(petitions) - len(acked.get("petitions", {}))) + (
        len(orders) - len(acked.get("orders", {}))
    )
    # A person record nothing refers to would be the trace of a half-written intake.
    report["orphan_people"] = Person.objects.filter(
        petitions__isnull=True, hotline_orders__isnull=True, representative__isnull=True
    ).count()
    # Case numbers are gap-free: a transaction cut short by a kill rolls its counter back too.
    report["number_gaps"] = _gaps(Petition.objects.values_list("number", flat=True)) + _gaps(
        Order.objects.values_list("number", flat=True)
    )
    verdict = verify()
    report["audit_ok"], report["audit_checked"] = verdict.ok, verdict.checked
    report["problems"] = problems[:20]
    report["effects"] = effects()
    return report


def _gaps(numbers) -> int:
    """Numbers missing from each yearly series (XF2026-000001 …) up to its highest."""
    series: dict[str, list[int]] = {}
    for number in numbers:
        prefix, _sep, n = number.rpartition("-")
        series.setdefault(prefix, []).append(int(n))
    return sum(max(ns) - len(set(ns)) for ns in series.values())


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    command, args = argv[0], argv[1:]
    result = {"seed": seed, "overdue": overdue, "effects": effects, "check": check}[command](*args)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
