"""Fill locale/en/LC_MESSAGES/django.po from en_catalogue.CATALOGUE and report what is missing.

Run after ``manage.py makemessages -l en``:

    .venv/bin/python locale/tools/fill_en.py && .venv/bin/python manage.py compilemessages -l en

Entries in the catalogue overwrite the .po (the catalogue is the source of truth); entries the
catalogue lacks keep whatever translation the .po has. Fuzzy flags are removed from filled entries.
Exit status 1 when an entry is left untranslated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pofile
from en_catalogue import CATALOGUE

PO = Path(__file__).resolve().parents[1] / "en" / "LC_MESSAGES" / "django.po"
HEADER = {
    "Project-Id-Version": "Minsheng",
    "Language-Team": "English",
    "Language": "en",
    "Last-Translator": "Minsheng developers",
}


def fill(entries: list[pofile.Entry]) -> list[pofile.Entry]:
    """Translate ``entries`` in place; return the ones still untranslated."""
    missing = []
    for entry in entries:
        if entry.msgid == "":
            _fix_header(entry)
            continue
        value = CATALOGUE.get(entry.key)
        if value is not None:
            if entry.msgid_plural is not None:
                singular, plural = value if isinstance(value, tuple) else (value, value)
                entry.msgstr_plural = {0: singular, 1: plural}
            else:
                if isinstance(value, tuple):
                    raise ValueError(f"plural translation for a singular msgid: {entry.msgid!r}")
                entry.msgstr = value
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
        if not entry.translated or entry.fuzzy:
            missing.append(entry)
    return missing


def _fix_header(entry: pofile.Entry) -> None:
    fields = dict(line.split(": ", 1) for line in entry.msgstr.splitlines() if ": " in line)
    # A stable revision date (the extraction date) keeps repeated runs from rewriting the header.
    values = {**HEADER, "PO-Revision-Date": fields.get("POT-Creation-Date", "")}
    lines = []
    for line in entry.msgstr.splitlines(keepends=True):
        name = line.split(":", 1)[0]
        lines.append(f"{name}: {values[name]}\n" if name in values else line)
    entry.msgstr = "".join(lines)
    entry.flags = [f for f in entry.flags if f != "fuzzy"]
    entry.comments = [
        "# English translation of Minsheng.",
        "# This file is distributed under the project's licence.",
    ]


def main() -> int:
    entries = pofile.parse(PO.read_text(encoding="utf-8"))
    missing = fill(entries)
    PO.write_text(pofile.dump(entries), encoding="utf-8")
    if shutil.which("msgcat"):
        # Re-wrap as gettext does so that the next makemessages run leaves no diff noise.
        subprocess.run(["msgcat", "--width=79", "-o", str(PO), str(PO)], check=True)
    known = {e.key for e in entries}
    unused = sorted(k for k in CATALOGUE if k not in known)
    for key in unused:
        print(f"unused catalogue entry: {key!r}")
    for entry in missing:
        print(f"UNTRANSLATED: {entry.msgid!r}")
    print(f"{len(entries) - 1} entries, {len(missing)} untranslated, {len(unused)} unused catalogue entries")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
