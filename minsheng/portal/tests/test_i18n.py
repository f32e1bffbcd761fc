import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/portal/", "/portal/submit/", "/portal/track/"])
def test_it_renders_in_chinese_by_default(client, world, path):
    response = client.get(path)
    assert response.status_code == 200
    assert '<html lang="zh-hans">' in response.content.decode()


@pytest.mark.parametrize("path", ["/portal/", "/portal/submit/", "/portal/track/"])
def test_it_renders_in_english_when_the_browser_asks(client, world, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_it_follows_the_language_chosen_in_the_switcher(client, world):
    client.post("/i18n/setlang/", {"language": "en", "next": "/portal/"})
    response = client.get("/portal/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert '<html lang="en">' in response.content.decode()


def test_it_shows_the_laws_promises_on_the_home_page(client, world):
    page = client.get("/portal/").content.decode()
    for promise in ("15日内书面告知", "60日内办结", "30日内可申请复查"):
        assert promise in page
    assert 'href="/portal/submit/"' in page and 'href="/portal/track/"' in page
