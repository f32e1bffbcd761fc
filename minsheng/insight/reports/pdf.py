"""A report as a PDF: title, then each section's table and chart (ReportLab graphics), in Chinese."""

from io import BytesIO

from django.utils.translation import gettext
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from minsheng.core.pdf_fonts import cjk_font
from minsheng.insight.reports.figures import Chart, Document

WIDTH = A4[0] - 40 * mm
BRAND = colors.HexColor("#b3261e")
MAX_BARS = 15


def _styles(font: str) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("t", fontName=font, fontSize=18, leading=26, alignment=1, spaceAfter=4),
        "subtitle": ParagraphStyle(
            "s", fontName=font, fontSize=10, leading=14, alignment=1, textColor=colors.grey
        ),
        "h": ParagraphStyle("h", fontName=font, fontSize=13, leading=18, spaceBefore=10, spaceAfter=4),
        "cell": ParagraphStyle("c", fontName=font, fontSize=9, leading=12),
        "note": ParagraphStyle("n", fontName=font, fontSize=8, leading=11, textColor=colors.grey),
    }


def _chart(chart: Chart, font: str) -> Drawing:
    labels, values = chart.labels[:MAX_BARS], [float(v or 0) for v in chart.values[:MAX_BARS]]
    if chart.kind == "line":
        drawing = Drawing(WIDTH, 150)
        plot = HorizontalLineChart()
        plot.x, plot.y, plot.width, plot.height = 30, 30, WIDTH - 40, 105
        plot.data = [values or [0]]
        plot.categoryAxis.categoryNames = labels or [""]
        plot.categoryAxis.labels.fontName = font
        plot.categoryAxis.labels.fontSize = 6
        plot.categoryAxis.labels.angle = 45 if len(labels) > 12 else 0
        plot.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 12 else "n"
        plot.lines[0].strokeColor = BRAND
        plot.lines[0].strokeWidth = 1.5
    else:
        height = 18 + 14 * max(len(labels), 1)
        drawing = Drawing(WIDTH, height)
        plot = HorizontalBarChart()
        plot.x, plot.y, plot.width, plot.height = 110, 8, WIDTH - 130, height - 14
        # Largest first, top down: ReportLab draws the first category at the bottom.
        plot.data = [values[::-1] or [0]]
        plot.categoryAxis.categoryNames = [str(x)[:14] for x in labels[::-1]] or [""]
        plot.categoryAxis.labels.fontName = font
        plot.categoryAxis.labels.fontSize = 7
        plot.bars[0].fillColor = BRAND
        plot.barLabelFormat = "%.0f" if all(float(v).is_integer() for v in values) else "%.1f"
        plot.barLabels.fontName = font
        plot.barLabels.fontSize = 7
        plot.barLabels.nudge = 8
    plot.valueAxis.valueMin = 0
    plot.valueAxis.labels.fontName = font
    plot.valueAxis.labels.fontSize = 7
    drawing.add(plot)
    return drawing


def render(doc: Document) -> bytes:
    font = cjk_font()
    st = _styles(font)
    out = BytesIO()
    pdf = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=doc.title,
    )
    story = [Paragraph(doc.title, st["title"]), Paragraph(doc.subtitle, st["subtitle"]), Spacer(1, 6 * mm)]
    for section in doc.sections:
        head = [Paragraph(section.title, st["h"])]
        if section.rows:
            data = [[Paragraph(str(h), st["cell"]) for h in section.headers]]
            data += [[Paragraph(str(c), st["cell"]) for c in row] for row in section.rows]
            table = Table(
                data,
                repeatRows=1,
                colWidths=[WIDTH * 0.4]
                + [WIDTH * 0.6 / (len(section.headers) - 1)] * (len(section.headers) - 1),
            )
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.4, colors.lightgrey),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f1f1f1")),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ]
                )
            )
            head.append(table)
        else:
            head.append(Paragraph(gettext("（无数据）"), st["note"]))
        story.append(KeepTogether(head[:2]) if len(head) > 1 else head[0])
        if section.chart and any(section.chart.values):
            story += [Spacer(1, 3 * mm), _chart(section.chart, font)]
        if section.note:
            story.append(Paragraph(section.note, st["note"]))
    pdf.build(story)
    return out.getvalue()
