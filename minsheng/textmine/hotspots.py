"""Hot-issue discovery (热点问题挖掘): messages grouped by content, place and time, ranked by heat.

Pure: no database; callers turn petitions or CSV rows into ``Message`` values.

Method
------
1. **Text.** Each text is cleaned (``segment.clean``: HTML, NFKC, traditional → simplified) and read up
   to ``TEXT_CHARS``. When it has several lines the first is its title, counted ``TITLE_REPEAT`` times:
   a title names the matter, a body wanders.
2. **Places.** The caller's place (e.g. the petition's region) plus places in the text, by a small rule
   set (``extract_places``):
   - administrative areas as the published data masks them: ``A市``, ``A3区``, ``K9县``;
   - named places: a suffix of ``PLACE_SUFFIXES`` (小区, 花园, 新城, 路, 街道, 村, 学校, 医院…) and up to 6
     name characters before it, stopping at function characters (的, 在, 住…), at 市/区/县/省 and at the
     previous place; leading verbs (投诉, 反映, 影响…) are cut, generic stems (配套, 公办…) and
     non-places (政府, 铁路…) dropped. 「我住在A市A5区劳动东路魅力之城小区」 gives ``A市``, ``A5区``,
     ``劳动东路`` and ``魅力之城小区``. 小区/社区 are dropped from a site's key (丽发新城小区 = 丽发新城).
3. **Vectors.** TF-IDF (sublinear tf, smooth idf, l2) of character bigrams (CJK, letters, digits) plus
   place tokens (a named place weighs ``PLACE_WEIGHT``, an area ``AREA_WEIGHT``). Bigrams need no
   segmentation (jieba would cost ~4× the whole rest) and survive names jieba does not know. Bigrams in
   more than ``MAX_DF`` of the messages are dropped; for the neighbour search each vector keeps its
   ``TOP_TERMS`` heaviest terms.
4. **Neighbours.** Cosine similarities by sparse products, ``BLOCK`` rows at a time; only pairs at or
   above ``LINK`` are kept, so memory grows with the number of close pairs, not with n². Place rules:
   two messages that both name sites (``SITE_SUFFIXES``; a site also matches by its last
   ``SITE_MATCH_CHARS``+ characters, 万科魅力之城 = 魅力之城) but share none, or both name districts but
   share none, are multiplied by ``PLACE_MISMATCH`` (the same complaint about two estates is two
   issues); two naming the same site by ``PLACE_MATCH``.
5. **Star clustering** (Aslam, Pelekhov & Rus 2004): the message with the most neighbours becomes a
   centre and takes its unclaimed neighbours; repeat. Every member is within ``LINK`` of its centre, so
   clusters do not chain from topic to topic as single-link clustering does. Stars whose mean vectors
   are at least ``MERGE`` similar are merged (one matter told in different words), and a message left
   alone joins the nearest group mean at ``ATTACH`` or more (same place rules throughout).
6. **Time.** A group is cut where consecutive messages are more than ``MAX_GAP_DAYS`` apart: the same
   complaint months later is a new issue. Groups of fewer than ``min_messages`` are not issues.
7. **Heat** (``heat_score``)::

       heat = W_VOLUME·ln(1+messages) + W_PEOPLE·ln(1+people) + W_LIKES·ln(1+likes) + W_GROWTH·max(0, growth)
       growth = ln((recent + 1) / (earlier + 1))

   ``recent`` counts the issue's messages in the ``RECENT_DAYS`` up to ``now``, ``earlier`` those in the
   ``RECENT_DAYS`` before. People weigh most: twenty people saying one thing matter more than one person
   saying it twenty times. Likes (where the source has them) count on a log scale, so that one viral
   message does not outrank a matter many people wrote about. A message of unknown author counts as
   one person.
8. **Naming** (top issues only). Key words: jieba words of up to ``KEYWORD_SAMPLE`` of the issue's
   messages (runs of single characters joined back: 58车贷), scored by the share of messages using the
   word × the word's bigram weight in the issue's mean vector. Place: the city, district and named
   place shared by at least ``PLACE_SHARE`` of the messages. Span: first to last message.
"""

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from minsheng.textmine.segment import clean, segment

# Heat weights (see the module docstring).
W_VOLUME = 1.0
W_PEOPLE = 2.0
W_LIKES = 0.5
W_GROWTH = 1.0
RECENT_DAYS = 7

# Clustering.
LINK = 0.25  # cosine at which two messages are about the same matter
MERGE = 0.35  # cosine between two clusters' mean vectors at which they are one matter
ATTACH = 0.25  # cosine between a lone message and a cluster's mean vector at which it joins
PLACE_MISMATCH = 0.5
PLACE_MATCH = 1.3
SITE_MATCH_CHARS = 3  # two site names ending in the same 3+ characters are one site (万科魅力之城, 魅力之城)
PLACE_WEIGHT = 1.5
AREA_WEIGHT = 0.5
TITLE_REPEAT = 2
MAX_DF = 0.05  # only applied from MAX_DF_FROM messages on: in a handful of messages every word is rare
MAX_DF_FROM = 200
TOP_TERMS = 40
BLOCK = 1000
MAX_GAP_DAYS = 45
MIN_MESSAGES = 2

# Naming and trend.
KEYWORDS = 5
PLACE_SHARE = 1 / 3
TREND_DAILY_MAX_DAYS = 62  # beyond this the trend is counted per week
TEXT_CHARS = (
    1000  # a long message is read from its beginning: the matter is stated there, and cost stays flat
)
MAX_TITLE_CHARS = 200  # a longer first line is a body without a title
KEYWORD_SAMPLE = 40  # messages of an issue segmented to name it
KEYWORD_BODY_CHARS = 200

STOP_WORDS = frozenset(
    """
    问题 反映 请问 希望 领导 您好 你好 谢谢 感谢 相关 部门 政府 市民 群众 我们 你们 他们 她们 自己 没有 什么
    怎么 为什么 如何 是否 可以 能够 一个 这个 那个 这些 那些 现在 目前 已经 一直 还是 但是 因为 所以 而且
    如果 或者 以及 进行 情况 要求 尽快 解决 处理 关于 建议 咨询 投诉 请求 工作 事情 时候 非常 严重 不能 不是
    就是 这样 那么 只是 还有 然后 之后 以后 以前 之前 可是 同时 其中 通过 由于 对于 根据 按照 应该 需要 不要
    知道 觉得 认为 表示 导致 造成 存在 出现 发现 得到 给予 予以 有关 本人 大家 各位 一下 一些 很多 许多 多次
    今年 去年 明年 每天 每次 至今 直到 还要 并且 而是 不会 不到 不了 的话 有人 有些 任何 所有 其他 其它 以上
    以下 等等 此事 此外 另外 这里 那里 哪里 各种 一样 起来 出来 下来 上去 真的 实在 特别 十分 比较 相当 最近
    您们 恳请 望 请 留言 网友 书记 市长 县长 区长 局长 主任 同志 您 谢 敬 尊敬 此致 敬礼
    """.split()
)
PLACE_SUFFIXES = (
    "小区", "花园", "公寓", "大厦", "广场", "新城", "家园", "山庄", "雅苑", "公馆", "名苑", "苑", "府",
    "街道", "社区", "村", "镇", "乡", "大道", "路", "街", "巷",
    "学校", "中学", "小学", "大学", "学院", "幼儿园", "医院", "卫生院", "公园", "市场",
    "高铁站", "地铁站", "车站", "工业园", "产业园", "园区",
)  # fmt: skip
# Suffixes that name one site: two messages naming different ones are about different places.
SITE_SUFFIXES = (
    "小区", "花园", "公寓", "大厦", "新城", "家园", "山庄", "雅苑", "公馆", "名苑", "苑", "府", "村",
    "学校", "中学", "小学", "大学", "学院", "幼儿园", "医院", "卫生院",
)  # fmt: skip

_AREA = re.compile(r"(?<![A-Za-z0-9])[A-Z]\d{0,2}[省市区县]")
_NAME_CHARS = (  # word characters except function characters and 省市区县 (a name stops there)
    r"[^\W_的地得在是了和与及到从对向我你他她们住位于该这那个有为被把将给请问关于反映家附近旁边里内外等省市区县]"
)
_SUFFIX = re.compile("|".join(sorted(PLACE_SUFFIXES, key=len, reverse=True)))
_NAME_TAIL = re.compile(_NAME_CHARS + "+$")
# A candidate place starting with a verb or a pronoun has caught words before the name (「投诉小区」).
_LEADING_NOISE = re.compile(
    r"^.*(?:投诉|举报|反映|咨询|建议|请求|要求|希望|整治|解决|取缔|影响|修复|修好|督促|靠近|位于|紧邻|距离|就是|这个|那个|一个|"
    r"我们|对于|请问|市民|业主|居民|所有|整个|其他|其它|全体|广大|附近|周边|旁边|所在|让|到|去|给|从|本|该|此|各|全)"
)
# Words before a suffix that describe a kind of place, not one place (「配套幼儿园」, 「公办学校」).
GENERIC_STEMS = frozenset(
    "配套 公办 民办 普惠 普惠性 私立 公立 附属 周边 城区 市区 郊区 老旧 农村 城中 新建 在建 原来 现在 "
    "所在 我们 他们 一些 这些 那些 各个 每个 多个 两个 几个 该".split()
)
# Names that end like a place but are not one.
NOT_PLACES = (
    "政府", "铁路", "公路", "道路", "马路", "线路", "思路", "出路", "网路", "电路", "之路", "走路", "小路",
    "大路", "农村", "乡村", "城乡", "城镇", "乡镇", "村镇", "下乡", "市场", "广场", "人民医院", "医院",
)  # fmt: skip
_PARTICLES = frozenset("的了是在和与及等也都就还又而被把将对向从到给让着过吗呢吧啊")
_NUMBER = re.compile(r"^[\d.,:%/\-]+$")
_AREA_TOKEN = re.compile(r"^[A-Za-z]\d{0,2}[省市区县]?$")


@dataclass(frozen=True)
class Message:
    id: int | str
    text: str  # title + body; a first line is read as the title
    at: datetime
    author: str = ""  # pseudonymous key of the person (distinct people count); "" = unknown
    place: str = ""  # known place (e.g. region name) if the caller has one; places in the text are added
    likes: int = 0


@dataclass
class Issue:
    keywords: list[str]
    place: str
    start: datetime
    end: datetime
    message_ids: list
    people: int
    likes: int
    heat: float
    trend: list[tuple[date, int]] = field(default_factory=list)  # messages per day or per week
    growth: float = 0.0

    @property
    def size(self) -> int:
        return len(self.message_ids)

    @property
    def name(self) -> str:
        """Place and key words, e.g. 「A市A5区魅力之城小区 油烟、噪音、扰民」."""
        return " ".join(part for part in (self.place, "、".join(self.keywords[:4])) if part)


def heat_score(*, messages: int, people: int, likes: int, growth: float) -> float:
    """The documented heat formula (module docstring, step 7)."""
    return (
        W_VOLUME * math.log1p(max(messages, 0))
        + W_PEOPLE * math.log1p(max(people, 0))
        + W_LIKES * math.log1p(max(likes, 0))
        + W_GROWTH * max(0.0, growth)
    )


def extract_places(text: str) -> tuple[list[str], list[str]]:
    """(areas, named places) mentioned in ``text``, each in order of first mention, without repeats."""
    return _places(clean(text))


def find_issues(
    messages: Iterable[Message],
    *,
    now: datetime | None = None,
    top: int = 20,
    since: datetime | date | None = None,
    until: datetime | date | None = None,
    area: str = "",
    min_messages: int = MIN_MESSAGES,
) -> list[Issue]:
    """The ``top`` hottest issues among ``messages`` received between ``since`` and ``until`` (inclusive;
    a date means the whole day) whose place or text mentions ``area``.

    ``now`` anchors growth (default: ``until``, else the newest message). Trends run over ``since``…
    ``until`` (default: the oldest message … ``now``). Naive and aware datetimes may be mixed: naive ones
    are read in ``now``'s zone.
    """
    messages = [m for m in messages if isinstance(m.at, datetime)]
    tz = next((d.tzinfo for d in (now, *(m.at for m in messages[:1])) if d is not None and d.tzinfo), None)
    local = [_local(m.at, tz) for m in messages]
    lo = _bound(since, tz, end=False)
    hi = _bound(until, tz, end=True)
    keep = [
        i
        for i, (m, at) in enumerate(zip(messages, local, strict=True))
        if (lo is None or at >= lo)
        and (hi is None or at <= hi)
        and (not area or area in m.place or area in m.text)
    ]
    if not keep:
        return []
    messages = [messages[i] for i in keep]
    local = [local[i] for i in keep]
    anchor = _local(now, tz) if now else (hi if hi else max(local))
    docs = [_read(m) for m in messages]
    matrix, terms, is_place = _vectors(docs)
    clusters = [c for c in _split_by_time(_cluster(matrix, docs), local) if len(c) >= max(min_messages, 1)]
    measured = sorted(
        (_measure(members, messages, local, anchor) for members in clusters),
        key=lambda m: (-m.heat, -len(m.members), str(messages[m.members[0]].id)),
    )
    span = ((lo or min(local)).date(), (hi or anchor).date())
    return [
        _describe(m, messages, local, docs, matrix, terms, is_place, span) for m in measured[: max(top, 0)]
    ]


# --- reading -----------------------------------------------------------------------------------------


@dataclass
class _Doc:
    title: str
    body: str
    areas: list[str]
    sites: list[str]  # named places, canonical (丽发新城小区 → 丽发新城)
    site_keys: list[str]  # those that name one site (SITE_SUFFIXES)
    districts: list[str]  # the caller's place, else the areas below city level found in the text


def _read(message: Message) -> _Doc:
    raw = message.text or ""
    title, newline, body = raw.partition("\n")
    if not newline or len(title) > MAX_TITLE_CHARS:
        title, body = "", raw
    title, body = clean(title), clean(body[: TEXT_CHARS * 2])[:TEXT_CHARS]
    areas, named = _places(f"{title} {body}")
    given = clean(message.place) if message.place else ""
    if given:
        areas = [given, *(a for a in areas if a != given)]
    sites = list(dict.fromkeys(_site_key(n) for n in named))
    site_keys = list(dict.fromkeys(_site_key(n) for n in named if n.endswith(SITE_SUFFIXES)))
    districts = [given] if given else [a for a in areas if not a.endswith(("市", "省"))]
    return _Doc(title, body, areas, sites, site_keys, districts)


def _places(text: str) -> tuple[list[str], list[str]]:
    areas = list(dict.fromkeys(_AREA.findall(text)))
    named = []
    previous_end = 0
    # Suffix first, then at most 6 name characters back (not past the previous place): one scan for
    # suffixes is far cheaper than trying every start position, and 「暮云街道丽发新城」 comes apart.
    for found in _SUFFIX.finditer(text):
        head = _NAME_TAIL.search(text[max(previous_end, found.start() - 6) : found.start()])
        previous_end = found.end()
        if head is None:
            continue
        name = _LEADING_NOISE.sub("", head.group()) + found.group()
        stem = name[: -len(found.group())]
        if (
            len(stem) >= 2
            and stem not in GENERIC_STEMS
            and not name.endswith(NOT_PLACES)
            and not stem[0].isdigit()
        ):
            named.append(name)
    return areas, list(dict.fromkeys(named))


def _site_key(name: str) -> str:
    """One key for 「丽发新城小区」 and 「丽发新城社区」: a trailing 小区/社区 goes when a name remains."""
    for suffix in ("小区", "社区"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _vectors(docs: list[_Doc]):
    """Character-bigram + place TF-IDF (sublinear tf, smooth idf, l2); also the term of every column
    (bigram codes ≥ 0, place codes < 0) and which columns are places."""
    n = len(docs)
    codes, rows, counts = _bigrams(docs)
    places: dict[str, int] = {}
    place_codes, place_rows = [], []
    for row, d in enumerate(docs):
        for token in ["@" + a for a in d.areas] + ["#" + s for s in d.sites]:
            place_codes.append(-1 - places.setdefault(token, len(places)))
            place_rows.append(row)
    codes = np.concatenate([codes, np.asarray(place_codes, dtype=np.int64)])
    rows = np.concatenate([rows, np.asarray(place_rows, dtype=np.int64)])
    counts = np.concatenate([counts, np.ones(len(place_rows))])
    if not len(codes):  # nothing to compare (empty texts): one placeholder column keeps the shapes valid
        return sparse.csr_matrix((n, 1)), np.array([np.iinfo(np.int64).min]), np.array([True])
    terms, columns = np.unique(codes, return_inverse=True)
    tf = sparse.csr_matrix(
        (np.asarray(counts, dtype=np.float64), (np.asarray(rows), columns)), shape=(n, len(terms))
    )
    tf.sum_duplicates()
    df = np.bincount(tf.indices, minlength=len(terms))
    is_place = terms < 0
    weights = np.log((1 + n) / (1 + df)) + 1.0
    if n >= MAX_DF_FROM:
        weights[(df > MAX_DF * n) & ~is_place] = 0.0
    for token, k in places.items():
        weights[np.searchsorted(terms, -1 - k)] *= AREA_WEIGHT if token[0] == "@" else PLACE_WEIGHT
    tf.data = (1.0 + np.log(tf.data)) * weights[tf.indices]
    tf.eliminate_zeros()
    return normalize(tf, copy=False), terms, is_place


def _bigrams(docs: list[_Doc]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(codes, rows, counts) of every bigram of every title (counted TITLE_REPEAT times) and body, in
    one vectorized pass over all texts joined by NULs (not a character, so no pair crosses two texts)."""
    texts = [t for d in docs for t in (d.title, d.body)]
    points = _code_points("\0".join(texts))
    segment_of = np.repeat(np.arange(len(texts)), [len(t) + 1 for t in texts])[: len(points)]
    keep = _pairable(points)
    keep = keep[:-1] & keep[1:]
    codes = ((points[:-1] << 21) | points[1:])[keep]
    segments = segment_of[:-1][keep]
    counts = np.where(segments % 2 == 0, float(TITLE_REPEAT), 1.0)
    return codes, segments // 2, counts


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.lower().encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


def _pairable(points: np.ndarray) -> np.ndarray:
    """CJK characters, letters and digits (「58车贷」 is named by its digits); punctuation and spaces
    break bigrams."""
    ok = ((points >= 0x4E00) & (points <= 0x9FFF)) | ((points >= 0x3400) & (points <= 0x4DBF))
    return ok | ((points >= ord("a")) & (points <= ord("z"))) | ((points >= ord("0")) & (points <= ord("9")))


def _pair_codes(text: str) -> np.ndarray:
    """The bigram codes of one text (two 21-bit code points each), as ``_bigrams`` makes them."""
    points = _code_points(text)
    keep = _pairable(points)
    return ((points[:-1] << 21) | points[1:])[keep[:-1] & keep[1:]]


# --- clustering --------------------------------------------------------------------------------------


def _cluster(matrix, docs: list[_Doc]) -> list[list[int]]:
    n = matrix.shape[0]
    # A site is known by its whole name and its endings of SITE_MATCH_CHARS or more characters.
    sites = [
        [name[k:] for name in d.site_keys for k in range(max(1, len(name) - SITE_MATCH_CHARS + 1))]
        for d in docs
    ]
    places = (_membership(sites), _membership([d.districts for d in docs]))
    graph = _neighbours(_keep_top_terms(matrix, TOP_TERMS), places, LINK)
    clusters = _merge(_stars(graph, n), matrix, places)
    return _attach(clusters, matrix, places)


def _keep_top_terms(matrix, k: int):
    """Each row's ``k`` heaviest terms, renormalized (ranks within rows by one sort of all entries)."""
    matrix = matrix.tocsr(copy=True)
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    # Weights are in (0, 1] (l2-normalized rows), so row·2 − weight orders by row, heaviest first.
    order = np.argsort(rows * 2.0 - matrix.data)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - matrix.indptr[rows[order]]
    matrix.data[rank >= k] = 0.0
    matrix.eliminate_zeros()
    return normalize(matrix, copy=False)


def _membership(values: list[list[str]]):
    """Rows × distinct values, 1 where the row names the value."""
    index: dict[str, int] = {}
    rows, cols = [], []
    for row, names in enumerate(values):
        for name in names:
            rows.append(row)
            cols.append(index.setdefault(name, len(index)))
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(values), max(len(index), 1)))


def _neighbours(matrix, places, threshold: float):
    """Sparse graph of the pairs of rows of ``matrix`` at or above ``threshold`` after the place rules."""
    n = matrix.shape[0]
    i, j, s = _similar(matrix, matrix, places, places, threshold, same=True)
    return sparse.csr_matrix((s, (i, j)), shape=(n, n))


def _similar(left, right, left_places, right_places, threshold: float, *, same: bool = False):
    """(i, j, similarity) of the rows of ``left`` and ``right`` at or above ``threshold``, ``BLOCK`` rows
    at a time, after the place rules: × PLACE_MISMATCH when both name sites (or districts) and share
    none, × PLACE_MATCH when they share a site. ``*_places`` are (sites, districts) memberships."""
    transposed = right.T.tocsc()
    found = [], [], []
    for start in range(0, left.shape[0], BLOCK):
        block = (left[start : start + BLOCK] @ transposed).tocoo()
        i, j, s = block.row + start, block.col, block.data
        keep = s * PLACE_MATCH >= threshold  # prune first: the place rules cost per pair
        if same:
            keep &= i != j
        i, j, s = i[keep], j[keep], s[keep]
        (site_apart, site_shared), (district_apart, _) = (
            _compare(mine, theirs, i, j) for mine, theirs in zip(left_places, right_places, strict=True)
        )
        s = np.where(
            site_apart | district_apart, s * PLACE_MISMATCH, np.where(site_shared, s * PLACE_MATCH, s)
        )
        keep = s >= threshold
        for out, values in zip(found, (i[keep], j[keep], s[keep]), strict=True):
            out.append(values)
    return tuple(np.concatenate(part) if part else np.zeros(0) for part in found)


def _compare(a, b, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each pair (i, j): (both name places of this kind and none in common, they share one)."""
    if not len(i):
        return np.zeros(0, dtype=bool), np.zeros(0, dtype=bool)
    left, right = a[i], b[j]
    named = (np.diff(left.indptr) > 0) & (np.diff(right.indptr) > 0)
    shared = np.asarray(left.multiply(right).sum(axis=1)).ravel() > 0
    return named & ~shared, shared


def _stars(graph, n: int) -> list[list[int]]:
    degree = np.diff(graph.indptr)
    strength = np.asarray(graph.sum(axis=1)).ravel()
    order = np.lexsort((np.arange(n), -strength, -degree))
    owner = np.full(n, -1, dtype=np.int64)
    stars: list[list[int]] = []
    for centre in order:
        if owner[centre] >= 0:
            continue
        owner[centre] = len(stars)
        members = [int(centre)]
        for j in graph.indices[graph.indptr[centre] : graph.indptr[centre + 1]]:
            if owner[j] < 0:
                owner[j] = len(stars)
                members.append(int(j))
        stars.append(members)
    return stars


def _assignment(clusters: list[list[int]], n: int):
    rows = np.repeat(np.arange(len(clusters)), [len(c) for c in clusters])
    cols = np.concatenate(clusters) if clusters else np.zeros(0, dtype=np.int64)
    return sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(clusters), n))


def _group_places(groups: list[list[int]], places, n: int):
    """A group's places: those named by at least PLACE_SHARE of its messages."""
    assign = _assignment(groups, n)
    sizes = np.array([len(c) for c in groups], dtype=np.float64)
    shared = []
    for membership in places:
        share = sparse.csr_matrix(sparse.diags(1 / sizes) @ (assign @ membership))
        share.data = (share.data >= PLACE_SHARE).astype(np.float64)
        share.eliminate_zeros()
        shared.append(share)
    return assign, shared


def _merge(stars: list[list[int]], matrix, places) -> list[list[int]]:
    """Join stars whose mean vectors are at least MERGE similar (after the place rules)."""
    big = [members for members in stars if len(members) > 1]
    if len(big) < 2:
        return stars
    assign, star_places = _group_places(big, places, matrix.shape[0])
    graph = _neighbours(normalize(assign @ matrix), star_places, MERGE)
    _count, labels = sparse.csgraph.connected_components(graph, directed=False)
    merged: dict[int, list[int]] = {}
    for k, members in enumerate(big):
        merged.setdefault(int(labels[k]), []).extend(members)
    return list(merged.values()) + [members for members in stars if len(members) == 1]


def _attach(clusters: list[list[int]], matrix, places) -> list[list[int]]:
    """A message left alone joins the group whose mean vector is nearest, if at least ATTACH similar
    (after the place rules): a short 「车位不应该被捆绑销售！」 is far from every single message but
    close to their mean."""
    groups = [c for c in clusters if len(c) > 1]
    alone = [c[0] for c in clusters if len(c) == 1]
    if not groups or not alone:
        return clusters
    assign, group_places = _group_places(groups, places, matrix.shape[0])
    alone_places = [membership[alone] for membership in places]
    i, j, s = _similar(matrix[alone], normalize(assign @ matrix), alone_places, group_places, ATTACH)
    best: dict[int, tuple[float, int]] = {}
    for row, group, sim in zip(i.tolist(), j.tolist(), s.tolist(), strict=True):
        if sim > best.get(row, (-1.0, 0))[0]:
            best[row] = (sim, group)
    for row, (_sim, group) in best.items():
        groups[group].append(alone[row])
    return groups + [[alone[row]] for row in range(len(alone)) if row not in best]


def _split_by_time(clusters: list[list[int]], local: list[datetime]) -> list[list[int]]:
    gap = timedelta(days=MAX_GAP_DAYS)
    out = []
    for members in clusters:
        members = sorted(members, key=lambda i: (local[i], i))
        run = [members[0]]
        for i in members[1:]:
            if local[i] - local[run[-1]] > gap:
                out.append(run)
                run = []
            run.append(i)
        out.append(run)
    return out


# --- describing --------------------------------------------------------------------------------------


@dataclass
class _Measured:
    members: list[int]
    people: int
    likes: int
    growth: float
    heat: float


def _measure(members, messages, local, anchor) -> _Measured:
    people = len({messages[i].author or f"\0{i}" for i in members})
    likes = sum(max(_int(messages[i].likes), 0) for i in members)
    recent_from = anchor - timedelta(days=RECENT_DAYS)
    earlier_from = recent_from - timedelta(days=RECENT_DAYS)
    recent = sum(1 for i in members if recent_from < local[i] <= anchor)
    earlier = sum(1 for i in members if earlier_from < local[i] <= recent_from)
    growth = math.log((recent + 1) / (earlier + 1))
    heat = heat_score(messages=len(members), people=people, likes=likes, growth=growth)
    return _Measured(members, people, likes, round(growth, 4), round(heat, 4))


def _int(value) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _describe(m: _Measured, messages, local, docs, matrix, terms, is_place, span) -> Issue:
    members = m.members
    place = _place(docs, members)
    return Issue(
        keywords=_keywords(docs, matrix, terms, is_place, members, place),
        place=place,
        start=messages[members[0]].at,  # members are in time order (_split_by_time)
        end=messages[members[-1]].at,
        message_ids=[messages[i].id for i in members],
        people=m.people,
        likes=m.likes,
        heat=m.heat,
        trend=_trend([local[i] for i in members], span),
        growth=m.growth,
    )


def _keywords(docs, matrix, terms, is_place, members, place: str) -> list[str]:
    """Words of the issue's messages, scored by the share of messages using the word times the word's
    weight in the issue's mean bigram vector (which carries the idf: words everyone uses score low)."""
    mean = np.asarray(matrix[members].mean(axis=0)).ravel()
    mean[is_place] = 0.0
    sample = members[:KEYWORD_SAMPLE]
    used: Counter[str] = Counter()
    for i in sample:
        text = f"{docs[i].title} {docs[i].body[:KEYWORD_BODY_CHARS]}"
        used.update({w for w in _joined_words(segment(text).split()) if _is_word(w)})
    scores = {}
    for word, count in used.items():
        codes = _pair_codes(word)
        at = np.searchsorted(terms, codes)
        found = at[(at < len(terms)) & (terms[np.minimum(at, len(terms) - 1)] == codes)]
        if len(found) and len(found) == len(codes):
            scores[word] = count / len(sample) * float(mean[found].mean())
    chosen: list[str] = []
    for word in sorted(scores, key=lambda w: (-scores[w], w)):
        if scores[word] <= 0 or len(chosen) == KEYWORDS:
            break
        if word.lower() in place.lower() or any(
            word.lower() in c.lower() or c.lower() in word.lower() for c in chosen
        ):
            continue
        chosen.append(word)
    return chosen


def _joined_words(words: list[str]) -> list[str]:
    """jieba's words, with runs of single characters joined back (with a short number before them):
    without its HMM pass jieba cuts unknown words such as 「58车贷」 into 「58 车 贷」."""
    out, run = [], []
    for word in [*words, " "]:
        if len(word) == 1 and "\u4e00" <= word <= "\u9fff" and word not in _PARTICLES:
            if not run and out and len(out[-1]) <= 3 and out[-1].isascii() and out[-1].isalnum():
                run.append(out.pop())
            run.append(word)
            continue
        if len(run) > 1:
            out.append("".join(run))
        run = []
        out.append(word)
    return out


def _is_word(word: str) -> bool:
    return (
        len(word) > 1 and word not in STOP_WORDS and not _NUMBER.match(word) and not _AREA_TOKEN.match(word)
    )


def _place(docs: list[_Doc], members: list[int]) -> str:
    need = max(1, math.ceil(len(members) * PLACE_SHARE))

    def shared(values) -> str:
        counts = Counter(v for v in values if v)
        if not counts:
            return ""
        value, count = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return value if count >= need else ""

    city = shared(next((a for a in docs[i].areas if a.endswith("市")), "") for i in members)
    area = shared(next(iter(docs[i].districts), "") for i in members)
    named = shared(n for i in members for n in docs[i].sites)
    parts = [p for p in (city, area if area != city else "", named) if p]
    return "".join(parts)


def _trend(times: list[datetime], span: tuple[date, date]) -> list[tuple[date, int]]:
    first, last = span
    if last < first:
        first, last = last, first
    weekly = (last - first).days > TREND_DAILY_MAX_DAYS
    if weekly:
        first -= timedelta(days=first.weekday())
    step = 7 if weekly else 1
    buckets = (last - first).days // step + 1
    counts = [0] * buckets
    for t in times:
        k = (t.date() - first).days // step
        if 0 <= k < buckets:
            counts[k] += 1
    return [(first + timedelta(days=k * step), c) for k, c in enumerate(counts)]


def _local(moment: datetime, tz) -> datetime:
    """Naive wall time in ``tz`` (aware values converted; naive ones taken as already there)."""
    if moment.tzinfo is not None and tz is not None:
        moment = moment.astimezone(tz)
    return moment.replace(tzinfo=None)


def _bound(value, tz, *, end: bool) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.max if end else time.min)
    return _local(value, tz)
