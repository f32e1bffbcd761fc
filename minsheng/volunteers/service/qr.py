"""QR codes with ReportLab's own encoder (no new dependency): an SVG for pages, a drawing for PDFs.

ReportLab's SVG renderer writes one element per module (~50 KB); a single path of the dark modules is
~3 KB and scales crisply on a kiosk screen or a phone.
"""

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing

QUIET_ZONE = 4  # modules of white margin a scanner needs (ISO/IEC 18004)


def matrix(text: str) -> list[list[bool]]:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    n = code.getModuleCount()
    return [[bool(code.isDark(r, c)) for c in range(n)] for r in range(n)]


def svg(text: str, *, size: int = 240, label: str = "") -> str:
    """An inline ``<svg>`` of the QR code for ``text`` (only path data we generate; safe to embed)."""
    rows = matrix(text)
    n = len(rows) + 2 * QUIET_ZONE
    parts = []
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                parts.append(f"M{start + QUIET_ZONE} {r + QUIET_ZONE}h{c - start}v1h-{c - start}z")
            else:
                c += 1
    title = f"<title>{_escape(label)}</title>" if label else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" width="{size}" height="{size}"'
        f' role="img" shape-rendering="crispEdges">{title}<rect width="{n}" height="{n}" fill="#fff"/>'
        f'<path fill="#000" d="{"".join(parts)}"/></svg>'
    )


def drawing(text: str, *, size: float) -> Drawing:
    """A ReportLab drawing ``size`` points square, to place on a PDF page."""
    widget = QrCodeWidget(text, barLevel="M", barBorder=QUIET_ZONE)
    x0, y0, x1, y1 = widget.getBounds()
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.add(widget)
    return d


def _escape(s: str) -> str:
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
