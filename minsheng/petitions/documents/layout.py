"""How every petition document looks on A4: one ``Sheet`` in, PDF bytes out.

A sheet knows nothing of petitions: the issuing unit as a red header, the title, the document
number, the addressee, body blocks, and the seal line (issuing unit and date). Text from users is
escaped here, so a petitioner's "<" never becomes markup.
"""

import io
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from minsheng.core.pdf_fonts import cjk_font

RED = colors.HexColor("#c00000")
BODY_SIZE = 12
# Official documents indent the first line of a paragraph by two characters.
INDENT = 2 * BODY_SIZE


@dataclass(frozen=True)
class Text:
    """A body paragraph; ``label`` is set in front of it, e.g. "处理意见：". Line breaks are kept."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Grid:
    """Label/value rows in a ruled table (the matter on a transfer form)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Signatures:
    """Signature lines of an agreement: one per party."""

    parties: tuple[str, ...]


@dataclass
class Sheet:
    title: str
    number: str
    issuer: str
    addressee: str
    day: date
    address: str = ""  # where the document is sent; printed small under the seal
    body: list = field(default_factory=list)  # Text | Heading | Grid | Signatures


def chinese_date(day: date) -> str:
    return _("%(y)s年%(m)s月%(d)s日") % {"y": day.year, "m": day.month, "d": day.day}


def _styles() -> dict[str, ParagraphStyle]:
    font = cjk_font()
    # wordWrap="CJK" breaks lines between any two Chinese characters (there are no spaces to break at).
    base = ParagraphStyle("body", fontName=font, fontSize=BODY_SIZE, leading=21, wordWrap="CJK")
    return {
        "issuer": ParagraphStyle("issuer", base, fontSize=22, leading=30, alignment=TA_CENTER, textColor=RED),
        "title": ParagraphStyle("title", base, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=4),
        "number": ParagraphStyle("number", base, fontSize=10.5, alignment=TA_RIGHT, spaceAfter=10),
        "addressee": ParagraphStyle("addressee", base, spaceAfter=4),
        "body": ParagraphStyle("text", base, firstLineIndent=INDENT, alignment=TA_JUSTIFY, spaceAfter=4),
        "heading": ParagraphStyle("heading", base, spaceBefore=6, spaceAfter=2, keepWithNext=1),
        "cell": ParagraphStyle("cell", base, fontSize=10.5, leading=17),
        "seal": ParagraphStyle("seal", base, alignment=TA_RIGHT),
        "footer": ParagraphStyle("footer", base, fontSize=9, alignment=TA_CENTER),
    }


def _markup(text: str) -> str:
    return escape(text.strip()).replace("\n", "<br/>")


def _block(block, st: dict[str, ParagraphStyle], width: float) -> list:
    if isinstance(block, Text):
        return [Paragraph(escape(block.label) + _markup(block.text), st["body"])]
    if isinstance(block, Heading):
        return [Paragraph(_markup(block.text), st["heading"])]
    if isinstance(block, Grid):
        rows = [[Paragraph(_markup(k), st["cell"]), Paragraph(_markup(v), st["cell"])] for k, v in block.rows]
        table = Table(rows, colWidths=[32 * mm, width - 32 * mm], repeatRows=0, splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f2f2f2")),
                ]
            )
        )
        return [Spacer(1, 4), table]
    if isinstance(block, Signatures):
        rows = [
            [Paragraph(_markup(p), st["cell"]), Paragraph(_("（签字/盖章）"), st["cell"])]
            for p in block.parties
        ]
        return [Spacer(1, 12), Table(rows, colWidths=[width / 2, width / 2], rowHeights=16 * mm)]
    raise TypeError(f"unknown block {block!r}")


def _page_footer(number: str, st: dict[str, ParagraphStyle]):
    def draw(canvas, doc):
        text = _("%(number)s　第%(page)s页") % {"number": number, "page": doc.page}
        footer = Paragraph(escape(text), st["footer"])
        footer.wrap(doc.width, 20 * mm)
        footer.drawOn(canvas, doc.leftMargin, 12 * mm)

    return draw


def render_sheet(sheet: Sheet) -> bytes:
    """The sheet as an A4 PDF with the Chinese font embedded."""
    st = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=25 * mm,
        bottomMargin=25 * mm,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        # Metadata carries no personal data: it is visible in any PDF reader's properties.
        title=f"{sheet.title} {sheet.number}",
        author=sheet.issuer,
        creator="Minsheng",
    )
    story = [
        Paragraph(_markup(sheet.issuer), st["issuer"]),
        HRFlowable(width="100%", thickness=1.5, color=RED, spaceBefore=2, spaceAfter=12),
        Paragraph(_markup(sheet.title), st["title"]),
        Paragraph(_markup(_("编号：%(number)s") % {"number": sheet.number}), st["number"]),
    ]
    if sheet.addressee:
        story.append(Paragraph(_markup(sheet.addressee + "："), st["addressee"]))
    # A frame pads its content by 6 pt on each side: tables must fit the text width, not the frame's.
    text_width = doc.width - 12
    body = [flowable for block in sheet.body for flowable in _block(block, st, text_width)]
    seal = [
        Spacer(1, 16),
        Paragraph(_markup(sheet.issuer), st["seal"]),
        Paragraph(_markup(_("（印章）")), st["seal"]),
        Paragraph(_markup(chinese_date(sheet.day)), st["seal"]),
    ]
    # The seal goes with the last paragraph above it: a page holding only a seal could be re-used.
    # (A long table is not dragged along: it would leave the page before it half empty.)
    split = len(body) - 1 if body and isinstance(body[-1], Paragraph) else len(body)
    story += [*body[:split], KeepTogether([*body[split:], *seal])]
    if sheet.address:
        story += [Spacer(1, 18), Paragraph(_markup(_("送达地址：%(a)s") % {"a": sheet.address}), st["cell"])]
    footer = _page_footer(sheet.number, st)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
