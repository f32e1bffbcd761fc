import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from minsheng.petitions import services
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import Rating, S
from minsheng.portal.tests.conftest import track

pytestmark = pytest.mark.django_db


def _error_of(response):
    return response.context["form"].non_field_errors()


def _without_tokens(response, *typed):
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    for text in typed:
        page = page.replace(text, "TYPED")
    return page


def test_it_gives_the_same_answer_for_a_wrong_code_and_a_wrong_number(client, file_petition):
    petition = file_petition()
    code = services.query_code_of(petition)
    wrong_code = track(client, petition.number, "ABCDEFGH")
    wrong_number = track(client, "XF2026-999999", code)
    assert wrong_code.status_code == wrong_number.status_code == 400
    assert _error_of(wrong_code) == _error_of(wrong_number) == ["编号或查询码不正确。"]
    # Apart from the number typed in, the two pages are the same.
    assert _without_tokens(wrong_code, petition.number) == _without_tokens(wrong_number, "XF2026-999999")
    assert code not in wrong_number.content.decode()
    assert client.get(f"/portal/track/{petition.number}/").status_code == 302


def test_it_shows_progress_to_whoever_proves_number_and_code(client, file_petition):
    petition = file_petition()
    response = track(client, petition.number.lower(), services.query_code_of(petition).lower())
    assert response.status_code == 302 and response.url == f"/portal/track/{petition.number}/"
    page = client.get(response.url).content.decode()
    assert "已登记" in page and "青川区信访局" in page and "转送/交办期限" in page
    assert "2026-03-26" in page  # 15 days after 2026-03-11


def test_it_never_shows_the_petitioners_identity_on_the_status_page(client, answered):
    petition, code = answered
    track(client, petition.number, code)
    page = client.get(f"/portal/track/{petition.number}/").content.decode()
    assert "责成物业三日内修复" in page
    for secret in ("110101199003074477", "13812341234", "1234", "王小明", "东湖街道某小区3号楼"):
        assert secret not in page


def test_it_asks_again_for_the_code_when_the_session_has_not_proven_the_case(client, file_petition):
    mine, other = file_petition(), file_petition(title="另一件事")
    track(client, mine.number, services.query_code_of(mine))
    response = client.get(f"/portal/track/{other.number}/")
    assert response.status_code == 302 and response.url.startswith("/portal/track/?number=")
    assert Client().get(f"/portal/track/{mine.number}/").status_code == 302


def test_it_forgets_the_proof_when_the_petitioner_leaves(client, file_petition):
    petition = file_petition()
    track(client, petition.number, services.query_code_of(petition))
    client.post("/portal/track/leave/")
    assert client.get(f"/portal/track/{petition.number}/").status_code == 302


def test_it_shows_the_answer_and_takes_a_rating(client, answered):
    petition, code = answered
    track(client, petition.number, code)
    page = client.get(f"/portal/track/{petition.number}/").content.decode()
    assert "已出具处理意见" in page and "支持" in page and "物业管理条例" in page
    assert "青川区住房和城乡建设局" in page and 'name="rating"' in page
    response = client.post(
        f"/portal/track/{petition.number}/rate/", {"rating": Rating.BASICALLY, "comment": "修得慢了点"}
    )
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.status == S.RATED and petition.rating == Rating.BASICALLY
    assert petition.rating_comment == "修得慢了点"
    page = client.get(f"/portal/track/{petition.number}/").content.decode()
    assert "感谢您的评价" in page and 'name="rating"' not in page


def test_it_refuses_a_second_rating(client, answered):
    petition, code = answered
    track(client, petition.number, code)
    client.post(f"/portal/track/{petition.number}/rate/", {"rating": Rating.SATISFIED})
    again = client.post(f"/portal/track/{petition.number}/rate/", {"rating": Rating.DISSATISFIED})
    assert again.status_code == 409
    assert "不能执行“评价”" in again.content.decode()
    petition.refresh_from_db()
    assert petition.rating == Rating.SATISFIED


def test_it_refuses_a_rating_before_the_answer(client, file_petition):
    petition = file_petition()
    track(client, petition.number, services.query_code_of(petition))
    assert 'name="rating"' not in client.get(f"/portal/track/{petition.number}/").content.decode()
    response = client.post(f"/portal/track/{petition.number}/rate/", {"rating": Rating.SATISFIED})
    assert response.status_code == 409
    petition.refresh_from_db()
    assert petition.status == S.REGISTERED and not petition.rating


def test_it_refuses_a_rating_without_a_choice(client, answered):
    petition, code = answered
    track(client, petition.number, code)
    response = client.post(f"/portal/track/{petition.number}/rate/", {"rating": "great"})
    assert response.status_code == 400
    assert response.context["rate_form"].errors["rating"]


def test_it_refuses_a_rating_from_a_browser_that_did_not_prove_the_case(client, answered):
    petition, _code = answered
    response = client.post(f"/portal/track/{petition.number}/rate/", {"rating": Rating.SATISFIED})
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.status == S.ANSWERED


def test_it_takes_a_request_for_review_and_later_for_re_review(client, answered, city_clerk):
    petition, code = answered
    track(client, petition.number, code)
    assert client.post(f"/portal/track/{petition.number}/review/", {"review-reason": ""}).status_code == 400
    response = client.post(f"/portal/track/{petition.number}/review/", {"review-reason": "至今未修复"})
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.status == S.REVIEWING and petition.review_unit.name == "云州市信访局"
    assert "云州市信访局" in client.get(f"/portal/track/{petition.number}/").content.decode()

    services.petition_decide_review(
        petition=petition, actor=city_clerk, now=timezone.now(), decision="维持原处理意见。"
    )
    page = client.get(f"/portal/track/{petition.number}/").content.decode()
    assert "维持原处理意见。" in page and 'name="re_review-reason"' in page
    response = client.post(
        f"/portal/track/{petition.number}/re-review/", {"re_review-reason": "不服复查意见"}
    )
    assert response.status_code == 302
    assert Petition.objects.get(pk=petition.pk).status == S.RE_REVIEWING


def test_it_offers_no_review_once_the_window_has_passed(client, answered):
    petition, code = answered
    Petition.objects.filter(pk=petition.pk).update(due_at=timezone.now() - timedelta(days=1))
    track(client, petition.number, code)
    assert 'name="review-reason"' not in client.get(f"/portal/track/{petition.number}/").content.decode()
    response = client.post(f"/portal/track/{petition.number}/review/", {"review-reason": "太晚了"})
    assert response.status_code == 409 and "届满" in response.content.decode()
    assert Petition.objects.get(pk=petition.pk).status == S.ANSWERED
