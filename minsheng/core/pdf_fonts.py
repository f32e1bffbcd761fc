"""The Chinese font the documents are set in, registered with ReportLab once per process.

An embedded TrueType font prints the same on every reader. ReportLab embeds only TrueType outlines,
so Noto CJK (OpenType/CFF) cannot be used; without a TrueType CJK font on the machine the documents
fall back to the Adobe CID font STSong-Light, which a PDF reader supplies itself (not embedded).
"""

import threading
from pathlib import Path

from reportlab.lib import textsplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import paragraph

# (path, subfont index in a .ttc collection); the first one found wins.
CANDIDATES = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),  # Debian fonts-wqy-zenhei
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),  # Debian fonts-wqy-microhei
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),  # Debian fonts-arphic-uming
)
EMBEDDED_NAME = "MinshengCJK"
FALLBACK_NAME = "STSong-Light"

# Chinese punctuation that must not begin a line (GB/T 15834 practice). ReportLab's own list is
# Japanese and lacks the full-width comma, semicolon, colon, closing quotes and book-title marks.
CANNOT_START_LINE = "，。、；：！？）》」』】”’…—％"

_lock = threading.Lock()
_registered: str | None = None


def cjk_font() -> str:
    """The registered font name to use in paragraph styles (registers it on first call)."""
    global _registered
    with _lock:
        if _registered is None:
            _hang_chinese_punctuation()
            _registered = _register()
        return _registered


def _register() -> str:
    for path, index in CANDIDATES:
        if not Path(path).is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont(EMBEDDED_NAME, path, subfontIndex=index))
        except (TTFError, OSError):  # a broken or CFF font file: try the next one
            continue
        return EMBEDDED_NAME
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_NAME))
    return FALLBACK_NAME


def _hang_chinese_punctuation() -> None:
    # Both line breakers (one-style paragraphs: textsplit.wordSplit; mixed: paragraph.cjkFragSplit)
    # read their module's global on every break; adding characters only makes them hang in the right
    # margin instead of starting the next line.
    for module in (textsplit, paragraph):
        module.ALL_CANNOT_START += "".join(c for c in CANNOT_START_LINE if c not in module.ALL_CANNOT_START)
