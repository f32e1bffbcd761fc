"""Files to upload in tests: real small ones of each accepted type, and hostile ones dressed as them."""

import io
import zipfile

from PIL import Image

HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + b"\x00" * 64
    + b"This program cannot be run in DOS mode"
)
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"  # noqa: E501


def image(fmt: str) -> bytes:
    """A 4×4 picture as PNG or JPEG bytes."""
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def docx(*, word: bool = True) -> bytes:
    """The skeleton of a Word document: a ZIP with [Content_Types].xml and word/document.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(
            "word/document.xml" if word else "notes/readme.xml", "<w:document>楼道无灯</w:document>"
        )
    return out.getvalue()


def zip_bomb(*, body: str = "word/", megabytes: int = 20) -> bytes:
    """An office-looking ZIP whose one member unpacks from ~20 KB to ``megabytes`` MB of zeros.

    Written in 1 MB chunks: the bomb is never held unpacked in memory, here or in the code under test.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open(f"{body}payload.xml", "w") as member:
            chunk = b"\x00" * (1 << 20)
            for _ in range(megabytes):
                member.write(chunk)
    return out.getvalue()
