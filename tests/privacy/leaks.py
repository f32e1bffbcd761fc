"""Looking for an informant in whatever a user receives: HTML, JSON, XML, Excel, PDF or an e-mail."""

import io
import os
import shutil
import subprocess
import zipfile

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from minsheng.people import masking
from minsheng.people.services import Identity

INFORMANT = Identity(
    name="冯举明", id_number="110101199003074477", phone="13712345678", address="青川区东湖街道和平里7号"
)
# Pages a GET must not be sent to in a sweep: they log out, switch language or belong to the admin.
SKIP_PREFIXES = ("/admin/", "/accounts/logout", "/i18n/", "/static/", "/media/")


def text_of(response) -> str:
    """What a person would read in the response, whatever its format."""
    if isinstance(response, str):
        return response
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if content.startswith(b"%PDF"):
        return _pdf_text(content)
    if content.startswith(b"PK") or "spreadsheet" in kind:
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            parts = [book.read(n) for n in book.namelist() if n.endswith(".xml")]
        return "\n".join(p.decode("utf-8", "replace") for p in parts)
    return content.decode("utf-8", "replace")


def _pdf_text(content: bytes) -> str:
    if not shutil.which("pdftotext"):
        message = "pdftotext is not installed (apt-get install poppler-utils)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " — CI must read the PDFs")
        pytest.skip(message)
    command = ["pdftotext", "-enc", "UTF-8", "-", "-"]
    done = subprocess.run(command, input=content, capture_output=True, check=True)
    # Text in a PDF may be broken into lines anywhere: compare without whitespace.
    return "".join(done.stdout.decode("utf-8", "replace").split())


def assert_no_leak(response, where: str, *, typed: str = "") -> None:
    """``typed``: what the user typed into a search box, which the page may show back to them."""
    text = text_of(response)
    compact = "".join(text.split())
    for label, value in (
        ("name", INFORMANT.name),
        ("phone", INFORMANT.phone),
        ("ID number", INFORMANT.id_number),
        ("address", INFORMANT.address),
        # The masked forms too: a surname and the last four digits are enough in a small place.
        ("masked name", masking.mask_name(INFORMANT.name)),
        ("masked phone", masking.mask_phone(INFORMANT.phone)),
    ):
        if value == typed:
            continue
        assert value not in text and value not in compact, f"the informant's {label} reached X at {where}"


def get_paths_without_arguments() -> list[str]:
    """Every URL of the project that takes no argument, e.g. ``/staff/``, ``/hotline/rates/``."""
    found: list[str] = []

    def walk(patterns, prefix: str) -> None:
        for p in patterns:
            route = str(p.pattern)
            if "<" in route or route.startswith("^"):
                continue
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + route)
            elif isinstance(p, URLPattern):
                found.append("/" + prefix + route)

    walk(get_resolver().url_patterns, "")
    return sorted(p for p in set(found) if not p.startswith(SKIP_PREFIXES))
