"""What an uploaded file is, judged by its content — not by the name the sender gave it.

An attachment named ``.pdf`` must start like a PDF, a ``.jpg`` like a JPEG; an executable or a web
page renamed to look like one is refused. Word documents and Excel workbooks are ZIP archives: their
table of contents is read first (never their content) and an archive that would unpack to far more
than it weighs — a zip bomb — is refused before anything opens it. Text must be text: UTF-8 or GB18030,
without NUL bytes.

The size of a whole request is limited before it is read: ``minsheng.core.request_limits``.
"""

import secrets
import zipfile
from typing import BinaryIO

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from minsheng.core.errors import InvalidInput

# An office document is a ZIP of XML; a real one unpacks to at most a few dozen times its size.
ZIP_MAX_UNPACKED = 200 * 1024 * 1024
ZIP_MAX_RATIO = 100
ZIP_MAX_MEMBERS = 10_000
HEAD = 2048  # bytes read to recognise a file's type

PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
PDF = b"%PDF-"
ZIP = b"PK\x03\x04"
# Starts of web pages and scripts that a browser would run if it were ever served as one.
MARKUP = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe", b"<head")


def _kind_names() -> dict[str, str]:
    return {
        ".pdf": _("PDF"),
        ".jpg": _("JPEG图片"),
        ".jpeg": _("JPEG图片"),
        ".png": _("PNG图片"),
        ".docx": _("Word文档（.docx）"),
        ".xlsx": _("Excel工作簿（.xlsx）"),
        ".txt": _("纯文本"),
        ".csv": _("CSV文本"),
    }


def _refuse(name: str, ext: str, field: str) -> InvalidInput:
    kind = _kind_names().get(ext, ext)
    return InvalidInput(
        _("文件“%(name)s”的内容不是%(kind)s，可能是改了扩展名的其他文件，已拒绝。")
        % {"name": name, "kind": kind},
        field=field,
        code="bad_content",
    )


def check_zip(stream: BinaryIO, *, name: str, field: str = "file", required: tuple[str, ...] = ()) -> None:
    """Refuse a ZIP that is damaged, a zip bomb, or lacks a member starting with each of ``required``.

    Only the central directory is read. Its declared sizes bind: Python's zipfile (and openpyxl, which
    uses it) stops reading a member at its declared size, so an archive that lies unpacks no further.
    """
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise InvalidInput(
            _("文件“%(name)s”已损坏或不是有效的压缩格式文档。") % {"name": name},
            field=field,
            code="bad_content",
        ) from None
    finally:
        stream.seek(0)
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members)
    too_dense = any(m.file_size > ZIP_MAX_RATIO * max(m.compress_size, 1) + HEAD for m in members)
    if len(members) > ZIP_MAX_MEMBERS or unpacked > ZIP_MAX_UNPACKED or too_dense:
        raise InvalidInput(
            _("文件“%(name)s”解压后过大（%(mb)sMB，压缩率异常），疑似“压缩炸弹”，已拒绝。")
            % {"name": name, "mb": max(unpacked, packed) // (1024 * 1024)},
            field=field,
            code="zip_bomb",
        )
    names = [m.filename for m in members]
    if not all(any(n.startswith(prefix) for n in names) for prefix in required):
        raise InvalidInput(
            _("文件“%(name)s”不是有效的Office文档。") % {"name": name}, field=field, code="bad_content"
        )


def decode_text(content: bytes) -> str | None:
    """The text of ``content`` read as UTF-8 (with or without BOM), else GB18030; None if neither fits."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _looks_like_markup(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(MARKUP)


def check_content(stream: BinaryIO, *, ext: str, name: str, field: str = "attachments") -> None:
    """Refuse ``stream`` unless its content is what ``ext`` says (``.pdf``, ``.png``, ``.docx``, …).

    ``stream`` is left at its start. Extensions this module does not know are left to the caller's
    list of allowed types.
    """
    ext = ext.lower()
    stream.seek(0)
    head = stream.read(HEAD)
    stream.seek(0)
    if ext == ".pdf":
        # The PDF header may follow a few bytes of junk (the specification allows it within 1024).
        ok = PDF in head[:1024] and not _looks_like_markup(head)
    elif ext in (".jpg", ".jpeg"):
        ok = head.startswith(JPEG)
    elif ext == ".png":
        ok = head.startswith(PNG)
    elif ext in (".docx", ".xlsx"):
        if not head.startswith(ZIP):
            raise _refuse(name, ext, field)
        check_zip(
            stream,
            name=name,
            field=field,
            required=("[Content_Types].xml", "word/" if ext == ".docx" else "xl/"),
        )
        return
    elif ext in (".txt", ".csv"):
        content = stream.read()
        stream.seek(0)
        ok = b"\x00" not in content and decode_text(content) is not None and not _looks_like_markup(head)
    else:
        return
    if not ok:
        raise _refuse(name, ext, field)


def check_upload(upload, *, ext: str, field: str = "attachments") -> None:
    """``check_content`` for a Django ``UploadedFile``."""
    check_content(upload, ext=ext, name=upload.name or "", field=field)


def save_attachment(model, upload: UploadedFile, ext: str, **owner):
    """Store an accepted upload as a new row of an attachment ``model`` (token, extension, original
    name, content type, size, file) belonging to ``owner`` (e.g. ``petition=…``); the file is named by
    a random token, never by what the sender called it."""
    token = secrets.token_hex(16)
    attachment = model(
        token=token,
        extension=ext,
        original_name=(upload.name or "")[:200],
        content_type=settings.MINSHENG["ATTACHMENT_TYPES"][ext],
        size=upload.size,
        **owner,
    )
    attachment.file.save(f"{token}{ext}", upload, save=False)
    attachment.save()
    return attachment
