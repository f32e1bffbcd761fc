"""The English catalogue is complete, keeps every placeholder, and the pages read in English.

Chinese is the source language (msgids); ``locale/en/LC_MESSAGES/django.po`` is filled from
``locale/tools/en_catalogue.py`` by ``locale/tools/fill_en.py``.
"""

import gettext
import re
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from minsheng.core.errors import InvalidInput
from minsheng.orgs.models import Region, Unit
from minsheng.petitions import services
from minsheng.petitions.documents import facts
from minsheng.petitions.documents.kinds import KINDS
from minsheng.petitions.models import Category, Petition
from minsheng.petitions.workflow import Kind, S
from minsheng.testing import valid_intake

LOCALE = Path(settings.BASE_DIR) / "locale"
sys.path.insert(0, str(LOCALE / "tools"))
import pofile  # noqa: E402

PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
HAN = re.compile(r"[\u4e00-\u9fff]")
# %(name)s, %(n)d, %(s).1f, %s, {0}, {name}: what Python fills in at run time.
# The queue's count (templates/petitions/_queue_table.html); held in a variable so that makemessages
# does not list this test as a place the message is used.
QUEUE_COUNT = ("共 %(n)s 件", "共 %(n)s 件")
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdif]|%[sdif]|\{[^{}]*\}")


@pytest.fixture(scope="module")
def entries():
    return [e for e in pofile.parse(PO.read_text(encoding="utf-8")) if e.msgid]


def _translations(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural is not None else [entry.msgstr]


def test_it_has_an_english_translation_for_every_message(entries):
    assert len(entries) > 500
    untranslated = [e.msgid for e in entries if not e.translated]
    fuzzy = [e.msgid for e in entries if e.fuzzy]
    assert untranslated == [] and fuzzy == []


def test_it_keeps_every_placeholder_of_the_chinese_text(entries):
    broken = []
    for entry in entries:
        wanted = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in _translations(entry):
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                broken.append((entry.msgid, text))
    assert broken == []


def test_it_translates_into_english_not_chinese(entries):
    # A language's own name is the one exception: the switcher must let a Chinese reader find the way back.
    leftovers = [
        e.msgid for e in entries if e.msgid != "简体中文" and any(HAN.search(t) for t in _translations(e))
    ]
    # Calendar import keeps the Chinese type words 休/班 that the uploaded files may contain, the
    # message-board commands name the Chinese column headers of their CSV files (留言主题…) as they are,
    # and the volunteers' availability column is written in Chinese day words (周一上午…).
    kept = ("休/班", "holiday/休", "留言", "周一上午")
    assert [m for m in leftovers if not any(k in m for k in kept)] == []


def test_it_compiled_the_catalogue_django_reads(entries):
    # The .mo is what Django loads: a .po edited without compilemessages changes nothing on screen.
    with PO.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for entry in entries:
        if entry.msgid_plural is not None:
            got = [compiled.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
        else:
            got = [compiled.gettext(entry.msgid)]
        if got != _translations(entry):
            stale.append(entry.msgid)
    assert stale == []


def test_it_speaks_english_for_states_steps_and_choices():
    with translation.override("en"):
        assert str(S.ACCEPTED.label) == "Accepted, in progress"
        assert str(Kind.REPORT.label) == "Report / accusation"
        assert translation.ngettext(*QUEUE_COUNT, 1) % {"n": 1} == "1 case in total"
        assert translation.ngettext(*QUEUE_COUNT, 3) % {"n": 3} == "3 cases in total"
    with translation.override("zh-hans"):
        assert str(S.ACCEPTED.label) == "已受理·办理中"


def test_it_explains_bad_intake_in_english(world, clerk, now):
    intake = valid_intake(world, title="长" * 121, anonymous=True)
    with translation.override("en"), pytest.raises(InvalidInput) as refused:
        services.petition_submit(intake=intake, actor=clerk, now=now)
    assert refused.value.errors["title"] == "The title must not exceed 120 characters."
    assert refused.value.errors["anonymous"] == "Only reports/accusations may be submitted anonymously."
    assert not Petition.objects.exists()


def _user_data() -> list[str]:
    """Every text the pages show that people typed in rather than the platform wrote."""
    texts = [*Region.objects.values_list("name", flat=True), *Category.objects.values_list("name", flat=True)]
    texts += [t for pair in Unit.objects.values_list("name", "short_name") for t in pair]
    for p in Petition.objects.select_related("petitioner"):
        texts += [p.title, p.request, p.facts, p.reasons, p.petitioner.name_masked if p.petitioner else ""]
    # Longest first: a unit's name contains its region's name.
    return sorted((t for t in texts if t), key=len, reverse=True)


def _chinese_left(html: str) -> list[str]:
    """Chinese in <main> once user data and the <option>s of pickers (unit and region names) are gone."""
    main = html.split('<main id="main">', 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<option\b[^>]*>.*?</option>", "", main, flags=re.S)
    for text in _user_data():
        main = main.replace(text, "")
    return [line.strip() for line in main.splitlines() if HAN.search(line)]


@pytest.fixture
def assigned_case(world, clerk, file_petition, now):
    p = file_petition()
    return services.petition_assign(petition=p, actor=clerk, now=now, unit=world.units["housing"])


@pytest.mark.parametrize("path", ["/portal/", "/portal/submit/", "/portal/track/"])
def test_it_shows_the_portal_in_english(client, world, assigned_case, path):
    page = client.get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Petition" in page or "petition" in page
    assert _chinese_left(page) == []


def test_it_shows_a_petitioners_progress_in_english(client, assigned_case):
    code = services.query_code_of(assigned_case)
    client.post("/portal/track/", {"number": assigned_case.number, "code": code}, HTTP_ACCEPT_LANGUAGE="en")
    page = client.get(f"/portal/track/{assigned_case.number}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Forwarded / assigned" in page
    assert _chinese_left(page) == []


@pytest.mark.parametrize("path", ["/staff/", "/staff/new/", "/staff/overdue/", "/staff/cases/{number}/"])
def test_it_shows_the_workbench_in_english(client, clerk, assigned_case, path):
    client.force_login(clerk)
    page = client.get(path.format(number=assigned_case.number), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Petition" in page or "petition" in page
    assert _chinese_left(page) == []


def test_it_shows_the_steps_a_handler_may_take_in_english(client, handler, assigned_case):
    client.force_login(handler)
    page = client.get(f"/staff/cases/{assigned_case.number}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Accept" in page
    assert _chinese_left(page) == []


def test_it_shows_chinese_to_a_browser_that_asks_for_nothing_in_particular(client, clerk, assigned_case):
    client.force_login(clerk)
    page = client.get("/staff/").content.decode()
    assert "我的待办" in page and "My queue" not in page


def test_it_writes_the_acceptance_notice_in_english(world, handler, assigned_case, now):
    p = services.petition_accept(petition=assigned_case, actor=handler, now=now)
    with translation.override("en"):
        sheet = KINDS["acceptance"].build(p, facts.party(p, reveal_identity=False))
    text = " ".join([sheet.title, *(getattr(b, "label", "") + getattr(b, "text", "") for b in sheet.body)])
    assert sheet.title == "Notice of Acceptance"
    assert "accepted it according to law on 2026-3-11" in text
    for data in _user_data():
        text = text.replace(data, "")
    assert not HAN.search(text)
