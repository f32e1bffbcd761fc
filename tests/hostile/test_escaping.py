"""Script tags and SQL fragments typed into any text field are stored verbatim and shown escaped.

Django's autoescape and the ORM's bound parameters do the work; these tests make sure no page opts out
(|safe, mark_safe) for text a visitor wrote, and that the fragments are kept as the visitor typed them.
"""

import pytest

from minsheng.petitions.models import Petition
from minsheng.suggestions.models import Suggestion
from tests.hostile.files import HTML, PDF

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
SQL = "'; DROP TABLE petitions_petition; --"
SQL_ESCAPED = "&#x27;; DROP TABLE petitions_petition; --"


def _shows_escaped(page: str) -> None:
    assert SCRIPT not in page and ESCAPED in page


def test_it_keeps_a_portal_petition_verbatim_and_shows_it_escaped_to_staff(client, world, clerk, form_data):
    data = form_data(
        title=f"楼道照明{SCRIPT}", facts=f"灯坏了。{SQL}", address='"><img src=x onerror=alert(1)>'
    )
    assert client.post("/portal/submit/", data).status_code == 302
    petition = Petition.objects.get()  # the table is still there, and holds one case
    assert petition.title == f"楼道照明{SCRIPT}" and petition.facts == f"灯坏了。{SQL}"
    client.force_login(clerk)
    page = client.get(f"/staff/cases/{petition.number}/").content.decode()
    _shows_escaped(page)
    assert SQL_ESCAPED in page
    queue = client.get("/staff/", {"q": SCRIPT}).content.decode()
    assert SCRIPT not in queue


def test_it_shows_hostile_input_escaped_when_a_portal_form_comes_back_with_errors(client, world, form_data):
    response = client.post("/portal/submit/", form_data(title=SCRIPT, consent=None))
    assert response.status_code == 400
    _shows_escaped(response.content.decode())
    assert not Petition.objects.exists()


def test_it_keeps_a_suggestion_verbatim_and_shows_it_escaped_to_the_office(
    client, world, suggestion_clerk, suggestion_form
):
    data = suggestion_form(title=f"充电桩{SCRIPT}"[:120], proposal=f"建议：{SQL}")
    assert client.post("/portal/suggestions/new/", data).status_code == 302
    suggestion = Suggestion.objects.get()
    assert suggestion.title == f"充电桩{SCRIPT}" and suggestion.proposal == f"建议：{SQL}"
    client.force_login(suggestion_clerk)
    page = client.get(f"/suggestions/s/{suggestion.number}/").content.decode()
    _shows_escaped(page)
    assert SQL_ESCAPED in page


def test_it_shows_hostile_input_escaped_on_the_staff_intake_form(client, world, clerk):
    client.force_login(clerk)
    response = client.post("/staff/new/", {"title": SCRIPT, "facts": SQL})
    assert response.status_code == 400
    _shows_escaped(response.content.decode())


def test_it_shows_a_hostile_tracking_number_escaped(client, world):
    response = client.post("/portal/track/", {"number": SCRIPT, "code": SQL})
    assert response.status_code < 500
    assert SCRIPT not in response.content.decode()


def test_it_refuses_a_web_page_dressed_as_a_pdf_on_the_portal_with_a_chinese_message(
    client, world, form_data
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    disguised = SimpleUploadedFile("证据.pdf", HTML, content_type="application/pdf")
    response = client.post("/portal/submit/", form_data(attachments=[disguised]))
    assert response.status_code == 400
    assert "文件“证据.pdf”的内容不是PDF" in response.content.decode()
    assert not Petition.objects.exists()
    real = SimpleUploadedFile("证据.pdf", PDF, content_type="application/pdf")
    assert client.post("/portal/submit/", form_data(attachments=[real])).status_code == 302
