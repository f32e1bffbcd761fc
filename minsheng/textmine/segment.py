"""Text clean-up and Chinese word segmentation shared by every text feature.

Pure functions: no Django, no database. jieba's dictionary and OpenCC's character table ship inside
their packages, so nothing is downloaded; both are loaded lazily, once per process.
"""

import html
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

MAX_CHARS = 5000  # a 100k-character paste routes on its beginning; the cost stays bounded
_TAGS = re.compile(r"<[^>]{0,200}>")
_SPACES = re.compile(r"\s+")
_jieba = None


# One registration cleans its text several times (each router, the duplicate index, its lookup):
# the last results are remembered, so only the first pays, also in a batch of up to 100.
@lru_cache(maxsize=128)
def clean(text: str | None) -> str:
    """Text without HTML tags or entities, NFKC-normalized (full-width → half-width), in simplified
    characters, single-spaced.

    Traditional characters are mapped one to one (OpenCC's character table, not its phrase rules):
    the aim is that 「醫院收費」 and 「医院收费」 match, not a perfect rendering for a reader.
    """
    if not text:
        return ""
    text = html.unescape(_TAGS.sub(" ", text[: MAX_CHARS * 2]))
    text = unicodedata.normalize("NFKC", text).translate(_traditional_to_simplified())
    return _SPACES.sub(" ", text).strip()[:MAX_CHARS]


@cache
def _traditional_to_simplified() -> dict[int, str]:
    table: dict[int, str] = {}
    lines = resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text("utf-8")
    for line in lines.splitlines():
        source, _tab, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    return table


def looks_segmented(text: str) -> bool:
    """True when the text is already words separated by spaces (e.g. a published segmentation).

    Raw Chinese has a space every few dozen characters at most; segmented text has one every two or
    three characters.
    """
    if len(text) < 8:
        return False
    return text.count(" ") * 5 >= len(text)


def _segmenter():
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(60)  # silence "Building prefix dict…" on stderr
        _jieba = jieba
    return _jieba


def segment(text: str | None) -> str:
    """Cleaned text as space-separated words; already segmented text is kept as it is."""
    text = clean(text)
    if not text or looks_segmented(text):
        return text
    # Without the HMM pass for unknown words jieba is ~15% faster; unknown names fall apart into
    # single characters, which the character-bigram features put back together.
    words = _segmenter().lcut(text, HMM=False)
    return " ".join(w for w in (w.strip() for w in words) if w)
