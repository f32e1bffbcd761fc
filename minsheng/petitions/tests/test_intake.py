"""Registering a petition (信访工作条例 Arts. 17–20): what is required, what is refused, what is kept."""

from dataclasses import replace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from minsheng.core.errors import InvalidInput
from minsheng.people.models import Person
from minsheng.people.services import Identity
from minsheng.petitions.models import Attachment, Petition, Representative
from minsheng.petitions.services import petition_submit, query_code_of
from minsheng.petitions.tests.cases import china
from minsheng.petitions.workflow import Channel, Clock, Kind, S
from minsheng.testing import ID_NUMBERS, valid_intake

pytestmark = pytest.mark.django_db

PERSON = Identity(name="王小明", id_number=ID_NUMBERS[0], phone="13812341234", address="东湖街道某小区3号楼")


@pytest.fixture
def submit(world, clerk, now):
    def run(*, key=None, attachments=(), when=None, **overrides):
        return petition_submit(
            intake=valid_intake(world, **overrides),
            actor=clerk,
            now=when or now,
            idempotency_key=key,
            attachments=attachments,
        )

    return run


def refused(submit, **overrides) -> InvalidInput:
    before = Petition.objects.count()
    with pytest.raises(InvalidInput) as caught:
        submit(**overrides)
    assert Petition.objects.count() == before
    return caught.value


@pytest.mark.parametrize("field", ["title", "request", "facts", "reasons"])
def test_it_requires_each_part_of_the_matter(submit, field):
    assert field in refused(submit, **{field: "  "}).errors


def test_it_requires_the_petitioners_name_and_address(submit):
    assert "name" in refused(submit, petitioner=replace(PERSON, name="")).errors
    assert "address" in refused(submit, petitioner=replace(PERSON, address="")).errors
    both = refused(submit, petitioner=replace(PERSON, name="", address=""))
    assert {"name", "address"} <= set(both.errors)
    assert {"name", "address"} <= set(refused(submit, petitioner=None).errors)


def test_it_reports_every_missing_field_at_once(submit):
    error = refused(submit, title="", facts="", petitioner=replace(PERSON, address=""))
    assert {"title", "facts", "address"} <= set(error.errors)


def test_it_accepts_anonymity_only_for_a_report(submit):
    error = refused(submit, kind=Kind.REQUEST, anonymous=True, petitioner=None)
    assert "anonymous" in error.errors
    people = Person.objects.count()
    report = submit(kind=Kind.REPORT, anonymous=True, petitioner=None).petition
    assert report.is_anonymous and report.petitioner is None
    assert Person.objects.count() == people


def test_it_stores_no_identity_for_an_anonymous_report_even_when_one_was_typed_in(submit):
    people = Person.objects.count()
    report = submit(kind=Kind.REPORT, anonymous=True, petitioner=PERSON).petition
    assert report.petitioner is None
    assert Person.objects.count() == people


def representatives(n: int) -> list[Identity]:
    return [Identity(name=f"代表{i}", phone=f"1391234567{i}") for i in range(n)]


def test_it_refuses_more_than_five_representatives(submit):
    error = refused(submit, channel=Channel.VISIT, headcount=30, representatives=representatives(6))
    assert "representatives" in error.errors


def test_it_accepts_a_collective_visit_with_five_representatives(submit):
    petition = submit(channel=Channel.VISIT, headcount=30, representatives=representatives(5)).petition
    assert petition.is_collective and petition.headcount == 30
    assert Representative.objects.filter(petition=petition).count() == 5


def test_it_refuses_a_visit_of_five_or_more_without_representatives(submit):
    assert "representatives" in refused(submit, channel=Channel.VISIT, headcount=5).errors


def test_it_refuses_an_id_number_with_a_wrong_check_digit(submit):
    wrong = ID_NUMBERS[0][:-1] + ("8" if ID_NUMBERS[0][-1] != "8" else "9")
    error = refused(submit, petitioner=replace(PERSON, id_number=wrong))
    assert "id_number" in error.errors


def test_it_refuses_a_bad_phone_number(submit):
    assert "phone" in refused(submit, petitioner=replace(PERSON, phone="12345")).errors


@pytest.mark.parametrize("headcount", [0, -1, None, "3"])
def test_it_refuses_a_headcount_that_is_not_a_positive_number(submit, headcount):
    assert "headcount" in refused(submit, headcount=headcount).errors


def test_it_creates_one_case_for_two_submissions_with_the_same_key(submit):
    first = submit(key="client-42:abc")
    again = submit(key="client-42:abc")
    assert first.created and not again.created
    assert again.petition.pk == first.petition.pk
    assert again.query_code == first.query_code == query_code_of(first.petition)
    assert Petition.objects.filter(idempotency_key="client-42:abc").count() == 1


def test_it_starts_the_routing_clock_at_registration(submit):
    petition = submit().petition
    assert petition.status == S.REGISTERED and petition.due_clock == Clock.ROUTE
    assert petition.intake_unit.name == "青川区信访局"


def test_it_refuses_an_attachment_of_a_type_it_does_not_take(submit):
    upload = SimpleUploadedFile("virus.exe", b"MZ...", content_type="application/octet-stream")
    assert "attachments" in refused(submit, attachments=(upload,)).errors
    assert Attachment.objects.count() == 0


def test_it_refuses_an_attachment_that_is_too_large(submit, settings):
    settings.MINSHENG = {**settings.MINSHENG, "ATTACHMENT_MAX_BYTES": 1024}
    good = SimpleUploadedFile("photo.jpg", b"x" * 10, content_type="image/jpeg")
    big = SimpleUploadedFile("scan.pdf", b"x" * 1025, content_type="application/pdf")
    assert "attachments" in refused(submit, attachments=(good, big)).errors
    assert Attachment.objects.count() == 0


def test_it_keeps_an_accepted_attachment(submit, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("照片.JPG", b"\xff\xd8\xff" + b"x" * 100, content_type="image/jpeg")
    petition = submit(attachments=(upload,)).petition
    attachment = petition.attachments.get()
    assert attachment.extension == ".jpg" and attachment.size == 103
    assert attachment.file.read() == b"\xff\xd8\xff" + b"x" * 100


def test_it_numbers_cases_per_year_without_gaps(submit):
    numbers = [submit().petition.number for _ in range(3)]
    assert numbers == ["XF2026-000001", "XF2026-000002", "XF2026-000003"]
    refused(submit, title="")  # a refused submission uses no number
    assert submit().petition.number == "XF2026-000004"
    assert submit(when=china(2027, 1, 4)).petition.number == "XF2027-000001"
