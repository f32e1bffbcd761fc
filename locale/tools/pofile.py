"""A tiny reader/writer for gettext .po files — just enough for our English catalogue.

We avoid a third-party dependency (polib) because the catalogue only needs: entries with
comments, flags, optional msgctxt, msgid, optional msgid_plural and msgstr / msgstr[n].
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    if "\n" not in text[:-1]:
        return '"' + escaped.replace("\n", "\\n") + '"'
    # Multi-line strings are written one source line per quoted line, as gettext does.
    parts = escaped.split("\n")
    lines = [p + "\\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    return '""\n' + "\n".join(f'"{line}"' for line in lines)


@dataclass
class Entry:
    """One catalogue entry; `msgstr_plural` is used instead of `msgstr` when `msgid_plural` is set."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)  # every '#' line except flags
    flags: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The lookup key: msgid, prefixed with 'context\\x04' like gettext does when there is one."""
        return f"{self.msgctxt}\x04{self.msgid}" if self.msgctxt is not None else self.msgid

    @property
    def translated(self) -> bool:
        if self.msgid_plural is not None:
            return bool(self.msgstr_plural) and all(self.msgstr_plural.values())
        return bool(self.msgstr)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


def parse(text: str) -> list[Entry]:
    """Entries in file order; the header is the entry whose msgid is empty."""
    entries: list[Entry] = []
    current = Entry()
    target: tuple[str, int | None] | None = None
    started = False

    def flush() -> None:
        nonlocal current, started
        if started:
            entries.append(current)
        current, started = Entry(), False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            target = None
            continue
        if line.startswith("#~"):
            continue  # obsolete entries are dropped (we run makemessages with --no-obsolete)
        if line.startswith("#"):
            if started and target is not None and current.msgid is not None and _has_msgstr(current):
                flush()
            if line.startswith("#,"):
                current.flags += [f.strip() for f in line[2:].split(",") if f.strip()]
            else:
                current.comments.append(raw)
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, value = match.group(1), match.group(2), _unquote(match.group(3))
            if keyword == "msgctxt" and _has_msgstr(current):
                flush()
            started = True
            target = (keyword.split("[")[0], int(index) if index is not None else None)
            _append(current, target, value)
        elif line.startswith('"') and target is not None:
            _append(current, target, _unquote(line))
        else:
            raise ValueError(f"Unparseable .po line: {raw!r}")
    flush()
    return entries


def _has_msgstr(entry: Entry) -> bool:
    return bool(entry.msgstr) or bool(entry.msgstr_plural)


def _append(entry: Entry, target: tuple[str, int | None], value: str) -> None:
    name, index = target
    if name == "msgstr" and index is not None:
        entry.msgstr_plural[index] = entry.msgstr_plural.get(index, "") + value
    elif name == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + value
    elif name == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + value
    else:
        setattr(entry, name, getattr(entry, name) + value)


def dump(entries: list[Entry]) -> str:
    """The catalogue as text, in the layout gettext tools write."""
    blocks = []
    for entry in entries:
        lines = list(entry.comments)
        if entry.flags:
            lines.append("#, " + ", ".join(entry.flags))
        if entry.msgctxt is not None:
            lines.append("msgctxt " + _quote(entry.msgctxt))
        lines.append("msgid " + _quote(entry.msgid))
        if entry.msgid_plural is not None:
            lines.append("msgid_plural " + _quote(entry.msgid_plural))
            for index in sorted(entry.msgstr_plural) or [0, 1]:
                lines.append(f"msgstr[{index}] " + _quote(entry.msgstr_plural.get(index, "")))
        else:
            lines.append("msgstr " + _quote(entry.msgstr))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
