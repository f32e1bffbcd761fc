"""The certificate of volunteer service (志愿服务证明) on one A4 page: facts in, PDF bytes out.

Knows nothing of models. Free of charge by law (志愿服务条例第19条), so the page says so. The QR code
carries the public verification address; the code is printed beside it for those who type it.
"""

import io
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from minsheng.core.pdf_fonts import cjk_font
from minsheng.volunteers.service import qr
from minsheng.volunteers.service.codes import grouped

RED = colors.HexColor("#c00000")


@dataclass(frozen=True)
class CertificateFacts:
    name: str
    hours: str  # "123.5"
    period_start: date | None
    period_end: date
    issuer: str
    issued_on: date
    code: str
    verify_url: str
    stars: int = 0


def chinese_date(day: date) -> str:
    return _("%(y)s年%(m)s月%(d)s日") % {"y": day.year, "m": day.month, "d": day.day}


def _styles() -> dict[str, ParagraphStyle]:
    font = cjk_font()
    base = ParagraphStyle("body", fontName=font, fontSize=14, leading=26, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", base, fontSize=26, leading=36, alignment=TA_CENTER, textColor=RED),
        "body": ParagraphStyle("cbody", base, firstLineIndent=28),
        "right": ParagraphStyle("right", base, alignment=TA_RIGHT),
        "small": ParagraphStyle("small", base, fontSize=9.5, leading=14),
    }


def render(facts: CertificateFacts) -> bytes:
    s = _styles()
    period = (
        _("%(start)s至%(end)s")
        % {"start": chinese_date(facts.period_start), "end": chinese_date(facts.period_end)}
        if facts.period_start
        else _("截至%(end)s") % {"end": chinese_date(facts.period_end)}
    )
    body = _(
        "兹证明 %(name)s 同志%(period)s参加志愿服务，经记录单位审核确认，累计志愿服务时间 %(hours)s 小时。"
    ) % {"name": f"<b>{escape(facts.name)}</b>", "period": escape(period), "hours": f"<b>{facts.hours}</b>"}
    if facts.stars:
        body += _("按累计服务时间认定为%(n)s星级志愿者。") % {"n": facts.stars}
    code_text = _("验证码：%(code)s<br/>扫描二维码或访问以下地址核验本证明：<br/>%(url)s") % {
        "code": grouped(facts.code),
        "url": escape(facts.verify_url),
    }
    verify = Table(
        [[qr.drawing(facts.verify_url, size=32 * mm), Paragraph(code_text, s["small"])]],
        colWidths=(36 * mm, None),
        style=TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)]),
    )
    story = [
        Spacer(1, 20 * mm),
        Paragraph(_("志愿服务证明"), s["title"]),
        Spacer(1, 14 * mm),
        Paragraph(body, s["body"]),
        Paragraph(_("特此证明。"), s["body"]),
        Spacer(1, 20 * mm),
        Paragraph(escape(facts.issuer), s["right"]),
        Paragraph(chinese_date(facts.issued_on), s["right"]),
        Spacer(1, 30 * mm),
        verify,
        Spacer(1, 4 * mm),
        Paragraph(
            _(
                "本证明依据《志愿服务条例》由志愿服务组织无偿出具，不收取任何费用。证明内容以在线核验结果为准。"
            ),
            s["small"],
        ),
    ]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        topMargin=30 * mm,
        bottomMargin=25 * mm,
        title=_("志愿服务证明"),
        author=facts.issuer,
    )
    doc.build(story)
    return out.getvalue()
