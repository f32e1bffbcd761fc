"""The audit log is a hash chain: any edit, deletion or truncation is found and named."""

from itertools import pairwise

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from minsheng import audit
from minsheng.audit.chain import GENESIS, MASK, verify
from minsheng.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(clerk, handler):
    made = []
    for i, actor in enumerate([clerk, handler, clerk, None, handler]):
        with transaction.atomic():
            made.append(
                audit.record(
                    actor=actor,
                    action=f"petitions.petition.step{i}",
                    target=("petitions.petition", str(100 + i)),
                    data={"n": i, "note": f"第{i}步"},
                )
            )
    return made


def test_it_verifies_an_intact_chain(events):
    verdict = verify()
    assert verdict.ok and verdict.checked == len(events)
    assert events[0].prev_hash == GENESIS
    assert all(later.prev_hash == earlier.hash for earlier, later in pairwise(events))


def test_it_verifies_in_batches_smaller_than_the_log(events):
    assert verify(batch=2).ok


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("action", "petitions.petition.deleted"),
        ("actor_label", "someone_else"),
        ("target_type", "people.person"),
        ("target_id", "999"),
        ("data", {"n": 2, "note": "改过"}),
        ("at", "2020-01-01T00:00:00+00:00"),
        ("actor_id", None),
    ],
)
def test_it_finds_an_edited_event(events, field, value):
    AuditEvent.objects.filter(pk=events[2].pk).update(**{field: value})
    verdict = verify()
    assert not verdict.ok
    assert verdict.first_bad_id == events[2].pk
    assert verdict.checked == 2


def test_it_finds_an_event_whose_hash_was_overwritten(events):
    AuditEvent.objects.filter(pk=events[2].pk).update(hash="f" * 64)
    assert verify().first_bad_id == events[2].pk


def test_it_finds_a_deleted_event_in_the_middle(events):
    AuditEvent.objects.filter(pk=events[2].pk).delete()
    verdict = verify()
    assert not verdict.ok
    assert verdict.first_bad_id == events[3].pk  # the event that no longer follows its predecessor


def test_it_finds_that_the_newest_event_was_deleted(events):
    AuditEvent.objects.filter(pk=events[-1].pk).delete()
    verdict = verify()
    assert not verdict.ok
    assert verdict.first_bad_id == events[-1].pk
    assert "newest" in verdict.reason


def test_it_masks_sensitive_values(clerk):
    with transaction.atomic():
        event = audit.record(
            actor=clerk,
            action="people.person.changed",
            data={"phone": "13812341234", "reason": "更正", "empty": ""},
            sensitive=("phone", "empty"),
        )
    assert event.data == {"phone": MASK, "reason": "更正", "empty": ""}
    assert verify().ok


def test_the_command_says_intact(events, capsys):
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert "intact" in out and str(len(events)) in out


def test_the_command_fails_naming_the_event(events):
    AuditEvent.objects.filter(pk=events[1].pk).update(data={"n": 1, "note": "改过"})
    with pytest.raises(CommandError, match=f"#{events[1].pk}"):
        call_command("audit_verify")
