"""People's suggestions benchmark: submission throughput, the office's work list and overdue list,
the overdue scan and the per-topic report.

Runs in a fresh database of its own: SQLite in a temporary data directory, and PostgreSQL too when
``DATABASE_URL`` is set (a database ``minsheng_bench_suggestions`` is created on that server and dropped
at the end). The world is ``minsheng.testing.build_world``; texts are invented.

- submit: ``--submit`` suggestions through ``suggestion_submit`` one by one (person record with
  encryption and blind indexes, number, near-duplicate index, audit), per second and p50/p99 ms;
- lists: with ``--rows`` suggestions bulk-created (one office, 40% open with a deadline), the office's
  first page (100 rows, by deadline), its overdue list and the scan's due query, p50/p95 ms;
- report: ``topic_report`` over a topic of ``--topic-size`` suggestions (segmentation, themes).

    .venv/bin/python bench/suggestions.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/suggestions.py
"""

import argparse
import random
import time
from datetime import date, timedelta

from harness import percentile, run_each_database, timed

PG_DB = "minsheng_bench_suggestions"
WORDS = (
    "加装电梯",
    "费用分摊",
    "社区食堂",
    "停车位",
    "路灯",
    "公交线路",
    "菜市场",
    "口袋公园",
    "充电桩",
    "学校门口",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--submit", type=int, default=2_000)
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--topic-size", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=50)
    run_each_database(parser, run, name="suggestions", pg_db=PG_DB, skip_sqlite=True)


def run(args) -> None:
    from django.utils import timezone

    from minsheng.core.periods import CHINA
    from minsheng.suggestions import services
    from minsheng.suggestions.services import SuggestionInput, TopicInput
    from minsheng.testing import build_world

    world = build_world()
    clerk = world.users["suggestion_clerk"]
    now = timezone.now()
    today = now.astimezone(CHINA).date()
    topic = services.topic_create(
        office=world.units["social_work"],
        actor=clerk,
        data=TopicInput("基准测试征集", "说明", today - timedelta(days=30), today + timedelta(days=30)),
    )
    topic = services.topic_publish(topic=topic, actor=clerk, now=now)
    rng = random.Random(7)
    print(f"[{args.child}] people's suggestions benchmark")

    times = []
    started = time.perf_counter()
    for i in range(args.submit):
        words = rng.sample(WORDS, 3)
        data = SuggestionInput(
            title=f"关于{words[0]}的建议{i}",
            reason=f"{words[1]}问题突出，居民反映强烈，编号{i}。",
            proposal=f"建议统筹{words[2]}建设，第{i}号方案。",
            name=f"测试{i}",
            phone=f"139{i:08d}",
            topic=topic,
        )
        t0 = time.perf_counter()
        services.suggestion_submit(data=data, actor=None, now=now, idempotency_key=f"bench-{i}")
        times.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    p50, p99 = percentile(times, 0.5), percentile(times, 0.99)
    print(f"  submit: {args.submit / elapsed:,.0f}/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms")

    report_topic(topic, args)
    fill(world, topic, args.rows, now=now, rng=rng)
    lists(world, now=now, repeat=args.repeat, rows=args.rows)


def report_topic(topic, args) -> None:
    from minsheng.suggestions.report import report_pdf, report_xlsx, topic_report

    start = time.perf_counter()
    data = topic_report(topic)
    mid = time.perf_counter()
    report_xlsx(data)
    report_pdf(data, today=date.today())
    end = time.perf_counter()
    print(
        f"  report over {data.total} suggestions: figures+themes {(mid - start) * 1000:.0f} ms, "
        f"xlsx+pdf {(end - mid) * 1000:.0f} ms"
    )


def fill(world, topic, n: int, *, now, rng, batch: int = 20_000) -> None:
    from django.db import transaction

    from minsheng.people.models import Person
    from minsheng.suggestions.models import Suggestion
    from minsheng.suggestions.workflow import Clock, S

    person = Person.objects.first()
    office, county = world.units["social_work"], world.regions["county"]
    units = [world.units[k] for k in ("housing", "labour", "street_office")]
    states = [S.RECEIVED, S.STUDYING, S.ADOPTED, S.NOT_ADOPTED, S.PARTLY_ADOPTED]
    start = time.perf_counter()
    for first in range(0, n, batch):
        rows = []
        for i in range(first, min(n, first + batch)):
            state = states[i % len(states)]
            open_ = state in (S.RECEIVED, S.STUDYING) or i % 10 == 0
            rows.append(
                Suggestion(
                    number=f"JB2026-{i:07d}",
                    query_code_enc="x",
                    office=office,
                    region=county,
                    topic=topic,
                    title=f"建议{i}",
                    reason="理由",
                    proposal="建议",
                    proposer=person,
                    status=state,
                    received_at=now - timedelta(days=rng.randint(0, 365)),
                    study_unit=units[i % 3] if state != S.RECEIVED else None,
                    due_at=now + timedelta(days=rng.randint(-30, 30))
                    if open_ and state != S.RECEIVED
                    else None,
                    due_clock=Clock.STUDY if state == S.STUDYING else (Clock.REPLY if open_ else ""),
                )
            )
        with transaction.atomic():
            Suggestion.objects.bulk_create(rows, batch_size=2000)
    print(f"  filled {n:,} suggestions in {time.perf_counter() - start:.0f} s")


def lists(world, *, now, repeat: int, rows: int) -> None:
    from django.db import connection

    from minsheng.suggestions import selectors
    from minsheng.suggestions.models import Suggestion

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    clerk, handler = world.users["suggestion_clerk"], world.users["handler"]
    cases = {
        "office first page": lambda: selectors.work_list(clerk, now=now, due="open"),
        "office overdue list": lambda: selectors.work_list(clerk, now=now, due="overdue"),
        "study unit first page": lambda: selectors.work_list(handler, now=now, due="open"),
        "scan due query (500)": lambda: list(
            Suggestion.objects.filter(due_at__lt=now, reminded_at__isnull=True).values_list("pk", flat=True)[
                :500
            ]
        ),
    }
    for name, fn in cases.items():
        p50, p95 = timed(fn, repeat)
        print(f"  {name} at {rows:,}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
