"""Content-Security-Policy: scripts only from our own files. No template may carry an inline script, an
on*= event handler or a javascript: URL, since the policy would block them (and must stay strict)."""

import re
from pathlib import Path

import pytest
from django.test import Client

from minsheng.testing import PASSWORD

ROOT = Path(__file__).resolve().parents[2]

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
# An attribute named on… inside a tag (onclick=, onload =, hx-on:click= …).
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*?\s(?:hx-)?on[a-zA-Z:\-]*\s*=", re.DOTALL)
JS_URL = re.compile(r"javascript\s*:", re.IGNORECASE)


def templates() -> list[Path]:
    found = sorted((ROOT / "templates").rglob("*.html"))
    for folder in (ROOT / "minsheng").rglob("templates"):
        found += sorted(folder.rglob("*.html"))
    return found


def inline_scripts(html: str) -> list[str]:
    """<script> tags that run code written in the page (data blocks of type application/json do not)."""
    return [
        attrs
        for attrs in SCRIPT_TAG.findall(html)
        if "src=" not in attrs and "application/json" not in attrs and "application/ld+json" not in attrs
    ]


def violations(html: str) -> list[str]:
    found = [f"inline <script{a}>" for a in inline_scripts(html)]
    found += [m.group(0)[-40:] for m in EVENT_HANDLER.finditer(html)]
    found += [html[max(0, m.start() - 30) : m.end()] for m in JS_URL.finditer(html)]
    return found


def test_it_scans_the_templates_of_every_app():
    paths = templates()
    assert len(paths) > 100
    assert any("minsheng" in str(p.relative_to(ROOT)).split("/")[0] for p in paths)


def test_no_template_has_inline_script_event_handlers_or_javascript_urls():
    bad = {
        str(p.relative_to(ROOT)): v for p in templates() if (v := violations(p.read_text(encoding="utf-8")))
    }
    assert bad == {}


def test_the_checker_would_notice_each_kind_of_violation():
    assert violations("<script>alert(1)</script>")
    assert violations('<button onclick="go()">')
    assert violations('<body\n  onload = "x()">')
    assert violations('<a href="JavaScript:void(0)">')
    assert not violations('<script src="/static/js/charts.js" defer></script><p>one click</p>')
    assert not violations('<script type="application/json" id="s">{}</script><a href="/x">on</a>')


def script_sources(policy: str) -> list[str]:
    directives = {}
    for directive in filter(None, (d.strip() for d in policy.split(";"))):
        name, _sep, values = directive.partition(" ")
        directives[name] = values
    return (directives.get("script-src") or directives.get("default-src", "")).split()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/portal/", "/portal/track/", "/accounts/login/", "/admin/login/", "/staff/"]
)
def test_pages_send_a_policy_without_inline_scripts_and_carry_none(world, url):
    browser = Client()
    browser.post("/accounts/login/", {"username": "clerk", "password": PASSWORD})
    response = browser.get(url)
    assert response.status_code == 200
    sources = script_sources(response.headers["Content-Security-Policy"])
    assert sources == ["'self'"]
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert inline_scripts(response.content.decode()) == []
