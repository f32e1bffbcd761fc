import pytest

from minsheng.petitions.models import Petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit_of_three(settings):
    settings.MINSHENG = {**settings.MINSHENG, "PORTAL_RATE_LIMIT_PER_HOUR": 3}


def test_it_answers_429_after_the_hourly_number_of_submissions(client, form_data, limit_of_three):
    for i in range(3):
        response = client.post("/portal/submit/", form_data(idempotency_key=f"key{i}-" + "f" * 24))
        assert response.status_code == 302
    refused = client.post("/portal/submit/", form_data(idempotency_key="key9-" + "f" * 24))
    assert refused.status_code == 429
    assert "操作过于频繁" in refused.content.decode()
    assert int(refused.headers["Retry-After"]) > 0
    assert Petition.objects.count() == 3


def test_it_limits_guesses_of_query_codes(client, file_petition, limit_of_three):
    petition = file_petition()
    for _ in range(3):
        assert (
            client.post("/portal/track/", {"number": petition.number, "code": "WRONG234"}).status_code == 400
        )
    assert client.post("/portal/track/", {"number": petition.number, "code": "WRONG234"}).status_code == 429


def test_it_counts_each_client_address_on_its_own(client, form_data, limit_of_three):
    for _ in range(4):
        client.post("/portal/track/", {"number": "XF2026-000001", "code": "X"}, REMOTE_ADDR="10.0.0.1")
    other = client.post("/portal/track/", {"number": "XF2026-000001", "code": "X"}, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 400


def test_it_does_not_count_reading_the_forms(client, world, limit_of_three):
    for _ in range(5):
        assert client.get("/portal/submit/").status_code == 200
        assert client.get("/portal/track/").status_code == 200
