"""The peer side of bench/peer.py, run with bench/peer/.venv/bin/python (django-helpdesk's own venv).

Migrates a fresh database, loads ``--tickets`` tickets (bulk_create, spread over ten years, ~3% open,
like our generated history), then measures with Django's test client, as a staff user:
- the ticket list: the page (/helpdesk/tickets/) plus the data request its table makes (50 rows);
- ticket creation through the staff form (POST /helpdesk/tickets/submit/), tickets per second.
Prints one JSON line.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")


def p95(times):
    times = sorted(times)
    return times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--create", type=int, default=200)
    args = parser.parse_args()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone
    from helpdesk.models import Queue, Ticket

    call_command("migrate", verbosity=0)
    user = get_user_model().objects.create_superuser("peer", "peer@example.invalid", "x")
    queue = Queue.objects.create(title="Petitions", slug="petitions", email_address="q@example.invalid")
    rng = random.Random(1)
    now = timezone.now()
    start = time.perf_counter()
    batch = []
    for i in range(args.tickets):
        created = now - timedelta(seconds=rng.random() * 3650 * 86400)
        status = Ticket.OPEN_STATUS if rng.random() < 0.03 else Ticket.CLOSED_STATUS
        batch.append(Ticket(title=f"小区楼道照明长期损坏 {i}", queue=queue, created=created, modified=created,
                            submitter_email=f"p{i % 50000}@example.invalid", status=status,
                            description="某小区3号楼楼道灯自去年12月起损坏，多次报修无果。请求尽快修复。",
                            priority=3, secret_key=f"{i:012d}"))  # fmt: skip
        if len(batch) == 10_000:
            Ticket.objects.bulk_create(batch)
            batch = []
    Ticket.objects.bulk_create(batch)
    load_s = time.perf_counter() - start
    from django.db import connection

    with connection.cursor() as c:
        c.execute("ANALYZE")
    client = Client()
    client.force_login(user)
    page = client.get("/helpdesk/tickets/").content.decode()
    data_url = re.search(r'"url": "([^"]*datatables[^"]*)"', page).group(1)
    params = "?draw=1&start=0&length=50&order%5B0%5D%5Bcolumn%5D=0&order%5B0%5D%5Bdir%5D=asc"

    def list_once():
        assert client.get("/helpdesk/tickets/").status_code == 200
        r = client.get(data_url + params)
        assert r.status_code == 200 and len(r.json()["data"]) > 0

    list_once()
    times = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        list_once()
        times.append((time.perf_counter() - t) * 1000)
    before = Ticket.objects.count()
    t = time.perf_counter()
    for i in range(args.create):
        r = client.post("/helpdesk/tickets/submit/", {
            "queue": queue.pk, "title": f"新工单 {i}", "body": "某小区3号楼楼道灯损坏。", "priority": 3,
            "submitter_email": "new@example.invalid", "assigned_to": "",
        })  # fmt: skip
        assert r.status_code in (200, 302), r.status_code
    create_s = time.perf_counter() - t
    created = Ticket.objects.count() - before
    assert created == args.create, (created, r.content[:500])
    print(json.dumps({
        "engine": connection.vendor, "tickets": args.tickets, "load_s": round(load_s, 1),
        "list_p50_ms": round(statistics.median(times), 1), "list_p95_ms": round(p95(times), 1),
        "create_per_s": round(created / create_s, 1),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
