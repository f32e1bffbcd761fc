"""Guessing query codes: each client address has a small hourly allowance of tracking attempts, after
which it gets a 429 in plain Chinese; other addresses, with the right code, are not held up."""

import pytest
from django.urls import reverse
from django.utils import timezone

from minsheng.petitions.services import query_code_of
from minsheng.suggestions import services as suggestions
from minsheng.suggestions.services import SuggestionInput

pytestmark = pytest.mark.django_db

LIMIT = 3
GUESSER, PETITIONER = "198.51.100.7", "203.0.113.20"


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.MINSHENG = {**settings.MINSHENG, "PORTAL_RATE_LIMIT_PER_HOUR": LIMIT}


@pytest.fixture
def petition(file_petition):
    p = file_petition()
    return p, query_code_of(p)


@pytest.fixture
def suggestion(world):
    receipt = suggestions.suggestion_submit(
        data=SuggestionInput(
            title="加装电梯费用按楼层分摊",
            reason="老旧小区没有电梯，老人上下楼困难。",
            proposal="建议制定按楼层递增的费用分摊指导标准。",
            name="李建华",
            phone="13912345678",
            address="东湖街道幸福里5号楼",
            region=world.regions["street"],
        ),
        actor=None,
        now=timezone.now(),
    )
    return receipt.suggestion, receipt.query_code


def guess(client, url, number, *, addr, code="WRONG234", **headers):
    return client.post(url, {"number": number, "code": code}, REMOTE_ADDR=addr, **headers)


@pytest.mark.parametrize("kind", ["petition", "suggestion"])
def test_it_stops_guessing_from_one_address_but_lets_the_right_code_in_from_another(client, request, kind):
    case, code = request.getfixturevalue(kind)
    url = reverse("portal:track" if kind == "petition" else "suggestions_public:track")
    wrong = [guess(client, url, case.number, addr=GUESSER).status_code for _ in range(LIMIT)]
    assert wrong == [400] * LIMIT
    refused = guess(client, url, case.number, addr=GUESSER)
    assert refused.status_code == 429
    assert "操作过于频繁" in refused.content.decode() and "分钟后再试" in refused.content.decode()
    assert int(refused.headers["Retry-After"]) > 0
    # Spent for this address, even with the right code: a lucky guess gains nothing.
    assert guess(client, url, case.number, addr=GUESSER, code=code).status_code == 429
    # The petitioner, elsewhere, is not held up by the guesser's failures.
    assert guess(client, url, case.number, addr=PETITIONER, code=code).status_code == 302


def test_a_forged_forwarded_for_header_does_not_give_a_new_allowance(client, petition):
    case, _code = petition
    url = reverse("portal:track")
    for n in range(LIMIT):
        guess(client, url, case.number, addr=GUESSER, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    assert guess(client, url, case.number, addr=GUESSER, HTTP_X_FORWARDED_FOR="10.0.0.99").status_code == 429


def test_behind_a_trusted_proxy_it_counts_the_address_the_proxy_saw(client, petition, settings):
    settings.MINSHENG = {**settings.MINSHENG, "TRUSTED_PROXIES": 1}
    case, code = petition
    url = reverse("portal:track")
    proxy = "10.1.1.1"
    for _ in range(LIMIT):
        # The left entry is the client's own claim; the right one was appended by our proxy.
        guess(client, url, case.number, addr=proxy, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {GUESSER}")
    forwarded = f"5.6.7.8, {GUESSER}"
    assert guess(client, url, case.number, addr=proxy, HTTP_X_FORWARDED_FOR=forwarded).status_code == 429
    other = guess(client, url, case.number, addr=proxy, code=code, HTTP_X_FORWARDED_FOR=PETITIONER)
    assert other.status_code == 302
