"""A report as an Excel workbook: a sheet per section with its table and, where there is one, a chart."""

from io import BytesIO

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Font

from minsheng.insight.reports.figures import Document


def _sheet_name(title: str, used: set[str]) -> str:
    base = "".join(c for c in title if c not in "[]:*?/\\")[:28] or "Sheet"
    name, k = base, 2
    while name in used:
        name, k = f"{base[:26]}{k}", k + 1
    used.add(name)
    return name


def render(doc: Document) -> bytes:
    book = Workbook()
    cover = book.active
    cover.title = gettext("报告")
    cover.append([doc.title])
    cover.append([doc.subtitle])
    cover["A1"].font = Font(bold=True, size=14)
    used = {cover.title}
    for section in doc.sections:
        sheet = book.create_sheet(_sheet_name(section.title, used))
        sheet.append([section.title])
        sheet["A1"].font = Font(bold=True)
        sheet.append(list(section.headers))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in section.rows:
            sheet.append(list(row))
        if section.note:
            sheet.append([section.note])
        sheet.column_dimensions["A"].width = 30
        numeric = [r for r in section.rows if len(r) > 1 and isinstance(r[1], (int, float))]
        if section.chart and numeric and len(numeric) == len(section.rows):
            chart = LineChart() if section.chart.kind == "line" else BarChart()
            chart.title = section.title
            last = 2 + len(section.rows)
            chart.add_data(Reference(sheet, min_col=2, min_row=2, max_row=last), titles_from_data=True)
            chart.set_categories(Reference(sheet, min_col=1, min_row=3, max_row=last))
            chart.legend = None
            sheet.add_chart(chart, "E2")
    out = BytesIO()
    book.save(out)
    return out.getvalue()
