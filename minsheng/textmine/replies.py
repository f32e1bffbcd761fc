"""Reply quality (答复质量): how well an answer serves the message it answers, before it is sent.

Four dimensions, each 0–1, and a total of 0–100 (their weighted sum):

- **relevance** (``WEIGHTS["relevance"]``): the mean of two cosines between message and reply —
  character bigrams (robust to segmentation) and jieba words weighted by jieba's shipped idf table
  (so "问题"/"工作" count for little). The raw similarity is mapped linearly to 0–1 between
  ``RELEVANCE_ZERO`` and ``RELEVANCE_FULL``, calibrated on the 2,816 official replies of the 2020
  government-message data: ZERO is the 90th percentile of shuffled (wrong) message/reply pairs, FULL
  about the median of real pairs (``manage.py replies calibrate`` prints both and the AUC, 0.92).
- **completeness** (``WEIGHTS["completeness"]``): the share of the message's requests that the reply
  addresses. A request is a sentence with a request marker (请求/要求/希望/建议/恳请/能否/是否/为什么/？…);
  a message without one has its first sentence (the title) as its one request. A request is addressed
  when the reply contains at least ``ADDRESSED_SHARE`` of its ``KEYWORDS_PER_REQUEST`` key words (rare
  in the language by jieba's idf, and repeated in the message).
- **interpretability** (``WEIGHTS["interpretability"]``): the reply cites a basis (《…》, 第X条, 根据…规定,
  a document number), says what was or will be done (已/将/责令/督促… + a concrete verb), and gives a
  contact (a phone number, 联系电话, 窗口, "可向…咨询"), weighted by ``INTERPRETABILITY_WEIGHTS``.
- **timeliness** (``WEIGHTS["timeliness"]``): with a due date, 1 when answered by it and 0 when late
  (the deadline is the law's, there is no partial credit for missing it). Without a due date, the days
  from asking to answering against the statutory 60 days (条例第34条): 1 within ``PROMPT_DAYS``,
  falling linearly to 0 at ``STATUTORY_DAYS``.

A dimension that cannot be judged — no dates, or a message without words — reports 1.0, adds no check and is
left out of the total (the other weights are scaled up), so the total always measures what is known.
An empty reply scores 0. A reply that is only formula (称呼、已收悉、感谢、日期) with fewer than
``SUBSTANCE_MIN_CHARS`` other characters is boilerplate: relevance, completeness and interpretability
are 0 and a "substance" check says so.

Pure functions: no Django models, no database; gettext only for the labels a handler reads.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, lru_cache
from importlib import resources

from django.utils.translation import gettext as _

from minsheng.textmine.segment import clean, segment

WEIGHTS = {"relevance": 0.25, "completeness": 0.30, "interpretability": 0.30, "timeliness": 0.15}
INTERPRETABILITY_WEIGHTS = {"basis": 0.35, "action": 0.40, "contact": 0.25}

RELEVANCE_ZERO = 0.05  # raw similarity at or below which a reply is off topic (shuffled pairs' p90)
RELEVANCE_FULL = 0.20  # raw similarity at or above which it is fully on topic (about real pairs' median)
RELEVANCE_OK = 0.5  # relevance below this is shown to the handler as missing

MAX_REQUESTS = 6  # a long letter's many questions: the first and the last ones are kept
KEYWORDS_PER_REQUEST = 4
# One of four key words is enough: on the 2020 replies this separates real from shuffled pairs best
# (mean completeness 0.73 vs 0.08; requiring half of them drops real replies to 0.52 for no gain).
ADDRESSED_SHARE = 0.25

PROMPT_DAYS = 15  # full marks: answered within the 15 days of Art. 23's written notice
STATUTORY_DAYS = 60  # Art. 34: the handling period
SUBSTANCE_MIN_CHARS = 15
REQUEST_LABEL_CHARS = 30

_CJK = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_REQUEST_MARKER = re.compile(
    r"请求|要求|希望|建议|恳请|恳求|呼吁|盼望|(?<![申邀])请(?![假示])|能否|能不能|可否|可不可以|是否|"
    r"为什么|为何|凭什么|怎么|如何|何时|什么时候|多久|有没有|[？?]"
)
# Words that carry the asking, not the matter asked about.
_STOPWORDS = frozenset(
    "请求 要求 希望 建议 恳请 恳求 呼吁 能否 能不能 可否 是否 为什么 为何 怎么 如何 何时 什么 时候 "
    "多久 有没有 问题 情况 有关 相关 部门 领导 政府 我们 他们 你们 这个 那个 这些 那些 现在 已经 没有 "
    "一下 一些 可以 还是 但是 因为 所以 如果 这样 那么 就是 以及 或者 进行 给予 尽快 解决 处理 "
    "谢谢 感谢 您好 你好 市民 网友 留言 反映 回复 答复 咨询 怎么办 办理 请问 本人 知道 真的 具体 "
    "实际 适当 目前 还有 一直 不能 不是 需要 应该 老百姓 群众 尊敬 书记 市长 县长 区长 局长 "
    "关于 方面 存在".split()
)
_LAW_NOUNS = "法律|法规|条例|规定|办法|细则|意见|通知|政策|文件|标准|规范|决定|精神|规划|方案|纲要|规则|制度"
_BASIS = re.compile(
    # A title in 《》 must end like a law or a document: 《问政西地省》 is a web column, not a basis.
    rf"《[^》]{{0,60}}(?:法|{_LAW_NOUNS}|指引|指南|解释|公告|批复)》|第[一二三四五六七八九十百零〇\d]+条|"
    rf"(?:依据|根据|按照|依照|参照|遵照)[^，。；,;]{{0,24}}?(?:{_LAW_NOUNS})|"
    r"[〔\[（(【]\s*\d{4}\s*[〕\]）)】]\s*\d+\s*号|(?:法律|法规|政策)(?:规定|依据)"
)
_ACTION = re.compile(
    # "现将…回复如下" is the formula, not a promise.
    r"(?:已|(?<!现)将|正在|立即|马上|及时|尽快|责令|督促|要求|安排|组织|协调|计划|预计|拟|下一步)"
    r"[^，。；,;]{0,12}?"
    r"(?:整改|处理|解决|完成|修复|维修|清理|清除|查处|处罚|拆除|核查|调查|协调|落实|办理|改造|施工|发放|"
    r"补发|补缴|退还|退回|约谈|整治|安装|更换|疏通|制止|停止|关闭|取缔|立案|纳入|启动|开工|通车|恢复|"
    r"治理|部署|监管|检查|执法|督办|跟踪|回访|兑现|支付|赔偿|规范|核实|受理|审核|审批|上报)"
)
_CONTACT = re.compile(
    r"(?<!未留)(?<!没留)(?<!没有留)(?:联系|咨询|举报|投诉|服务|监督|值班|办公)电话|热线|联系方式|联系人|拨打|致电|来电咨询|窗口|"
    r"(?:办公|办事|联系)地址|地址[:：]|(?:可|请|欢迎)(?:您)?(?:直接)?(?:向|到|与|至|前往)[^，。；]{0,24}?"
    r"(?:咨询|联系|办理|反映|了解|申请)|(?<!\d)1[3-9]\d{9}(?!\d)|(?<![\d-])0\d{2,3}[-—－–]\d{4,8}"
)
# The formula every reply wears; what remains after removing it is the substance.
_FORMULA = re.compile(
    r"网友|市民|同志|朋友|先生|女士|您好|你好|感谢|谢谢|非常|您对|我们|我[局委办处区市县镇]|工作的?|关心|"
    r"支持|理解|监督|信任|关注|留言|来信|来电|已收悉|收悉|收到|现将|现|回复如下|答复如下|如下|回复|答复|"
    r"特此|此复|您|的|了|和|与|\d{2,4}年\d{1,2}月\d{1,2}日|“[^”]{0,20}”|[A-Za-z0-9]+"
)


@dataclass(frozen=True)
class Check:
    """One element a good reply has; the missing ones are those with ``ok=False``."""

    key: str  # "substance", "relevance", "request:1"…, "basis", "action", "contact", "timeliness"
    label: str
    ok: bool
    hint: str = ""


@dataclass(frozen=True)
class ReplyScore:
    total: int  # 0–100
    relevance: float  # 0–1
    completeness: float  # 0–1
    timeliness: float  # 0–1; 1.0 when the dates are not known (and then left out of the total)
    interpretability: float  # 0–1
    checks: list[Check] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def missing(self) -> list[Check]:
        """The checks that failed, in the order a handler should fix them."""
        return [c for c in self.checks if not c.ok]


def score_reply(
    message: str,
    reply: str,
    *,
    asked_at: datetime | None = None,
    answered_at: datetime | None = None,
    due_at: datetime | None = None,
) -> ReplyScore:
    """Score ``reply`` as an answer to ``message``; see the module docstring for the method."""
    message, reply = clean(message), clean(reply)
    timeliness, time_check = _timeliness(asked_at, answered_at, due_at)
    time_checks = [time_check] if time_check else []
    requests = find_requests(message)
    if not reply:
        hint = _("请填写查明的事实、处理意见和依据。")
        return ReplyScore(
            0, 0.0, 0.0, timeliness, 0.0, [Check("substance", _("答复内容"), False, hint)], requests
        )

    checks: list[Check] = []
    known = {"interpretability"} | ({"timeliness"} if time_check else set())
    has_substance = substance_chars(reply) >= SUBSTANCE_MIN_CHARS
    if not has_substance:
        checks.append(
            Check("substance", _("答复内容"), False, _("答复只有称呼、“已收悉”等套话，没有实质内容。"))
        )
    relevance = completeness = 1.0
    if requests:  # a message with something to judge against (not empty, not only emoji or digits)
        known |= {"relevance", "completeness"}
        relevance = relevance_score(message, reply) if has_substance else 0.0
        checks.append(_relevance_check(relevance))
        keywords = [request_keywords(request, message) for request in requests]
        addressed = [has_substance and addresses(words, reply) for words in keywords]
        checks.extend(
            _request_check(i, request, words, ok)
            for i, (request, words, ok) in enumerate(zip(requests, keywords, addressed, strict=True), 1)
        )
        completeness = round(sum(addressed) / len(addressed), 3)
    elements = _interpretability_checks(reply if has_substance else "")
    checks.extend(elements)
    interpretability = round(sum((INTERPRETABILITY_WEIGHTS[c.key] for c in elements if c.ok), 0.0), 3)
    checks.extend(time_checks)

    values = {
        "relevance": relevance,
        "completeness": completeness,
        "interpretability": interpretability,
        "timeliness": timeliness,
    }
    weight = sum(WEIGHTS[k] for k in known)
    total = round(100 * sum(WEIGHTS[k] * values[k] for k in known) / weight)
    return ReplyScore(total, relevance, completeness, timeliness, interpretability, checks, requests)


# ---- relevance ----


def relevance_raw(message: str, reply: str) -> float:
    """Similarity of two cleaned texts, 0–1: mean of the char-bigram and the idf-weighted word cosine."""
    return profile_similarity(text_profile(message), text_profile(reply))


def text_profile(text: str) -> tuple[Counter, Counter]:
    """(character bigrams, words) of a cleaned text: segment once, compare with many (calibration)."""
    return _bigrams(text), _words(text)


def profile_similarity(a: tuple[Counter, Counter], b: tuple[Counter, Counter]) -> float:
    """``relevance_raw`` of two ``text_profile``s."""
    return (_cosine(a[0], b[0]) + _cosine(a[1], b[1], weight=_idf())) / 2


def relevance_score(message: str, reply: str) -> float:
    """``relevance_raw`` mapped to 0–1 by the calibrated bounds."""
    raw = relevance_raw(message, reply)
    return round(min(1.0, max(0.0, (raw - RELEVANCE_ZERO) / (RELEVANCE_FULL - RELEVANCE_ZERO))), 3)


def _bigrams(text: str) -> Counter:
    chars = "".join(_CJK.findall(text))
    return Counter(chars[i : i + 2] for i in range(len(chars) - 1))


def _words(text: str) -> Counter:
    return Counter(_word_list(text))


@lru_cache(maxsize=1024)
def _word_list(text: str) -> tuple[str, ...]:
    # Cached: a request sentence is segmented once although its words are asked for three times.
    return tuple(w for w in segment(text).split() if len(w) >= 2 and _CJK.search(w))


def _cosine(a: Counter, b: Counter, weight: dict | None = None) -> float:
    if not a or not b:
        return 0.0
    default = _median_idf() if weight is not None else 1.0

    def w(gram):
        return weight.get(gram, default) if weight is not None else 1.0

    dot = sum(count * b[g] * w(g) ** 2 for g, count in a.items() if g in b)
    norm_a = math.sqrt(sum((count * w(g)) ** 2 for g, count in a.items()))
    norm_b = math.sqrt(sum((count * w(g)) ** 2 for g, count in b.items()))
    return dot / (norm_a * norm_b)


@cache
def _idf() -> dict[str, float]:
    """jieba's general-language idf table (shipped inside the package, nothing downloaded)."""
    table = {}
    text = resources.files("jieba").joinpath("analyse/idf.txt").read_text("utf-8")
    for line in text.splitlines():
        word, _space, value = line.rpartition(" ")
        if word:
            table[word] = float(value)
    return table


@cache
def _median_idf() -> float:
    values = sorted(_idf().values())
    return values[len(values) // 2]


def _relevance_check(relevance: float) -> Check:
    return Check(
        "relevance",
        _("答复切题"),
        relevance >= RELEVANCE_OK,
        "" if relevance >= RELEVANCE_OK else _("答复与来信反映的内容关联不明显，请针对所反映的问题作答。"),
    )


# ---- completeness ----


def find_requests(message: str) -> list[str]:
    """The sentences of a cleaned message that ask for something (at most ``MAX_REQUESTS``)."""
    sentences = [s.strip() for s in _SENTENCE.findall(message)]
    sentences = [s for s in sentences if _content_words(s)]
    found = list(dict.fromkeys(s for s in sentences if _REQUEST_MARKER.search(s)))
    if not found:
        return sentences[:1]
    if len(found) > MAX_REQUESTS:
        found = found[:1] + found[-(MAX_REQUESTS - 1) :]
    return found


def request_keywords(request: str, message: str = "") -> list[str]:
    """The words that say what ``request`` is about: rare in the language (jieba's idf) and repeated in
    the whole message (a topic is named more than once; an incidental detail is not)."""
    counts = Counter(_word_list(message)) if message else Counter()
    idf, default = _idf(), _median_idf()

    def weight(word):
        return idf.get(word, default) * (1 + math.log(counts[word] or 1))

    return sorted(_content_words(request), key=lambda w: (-weight(w), w))[:KEYWORDS_PER_REQUEST]


def addresses(keywords: list[str], reply: str) -> bool:
    """The reply mentions enough of the key words (substring match: no segmentation drift)."""
    if not keywords:
        return True
    found = sum(1 for word in keywords if word in reply)
    return found >= ADDRESSED_SHARE * len(keywords)


def _content_words(sentence: str) -> set[str]:
    return {w for w in _word_list(sentence) if w not in _STOPWORDS}


def _request_check(n: int, request: str, keywords: list[str], ok: bool) -> Check:
    text = request if len(request) <= REQUEST_LABEL_CHARS else request[:REQUEST_LABEL_CHARS] + "…"
    label = _("诉求%(n)s：%(text)s") % {"n": n, "text": text}
    if ok:
        return Check(f"request:{n}", label, True)
    words = "、".join(keywords)
    hint = _("答复没有回应这一诉求（未提及：%(words)s）。") % {"words": words}
    return Check(f"request:{n}", label, False, hint)


# ---- interpretability ----


def _interpretability_checks(reply: str) -> list[Check]:
    return [
        Check(
            "basis",
            _("政策法规依据"),
            bool(_BASIS.search(reply)),
            _("请写明所依据的法律、法规、政策或文件，例如《信访工作条例》第三十二条。"),
        ),
        Check(
            "action",
            _("处理措施"),
            bool(_ACTION.search(reply)),
            _("请写明已经或将要采取的具体措施（谁、做什么、何时完成）。"),
        ),
        Check(
            "contact",
            _("联系方式"),
            bool(_CONTACT.search(reply)),
            _("请留下联系电话、办理窗口或咨询渠道，方便信访人进一步了解。"),
        ),
    ]


def substance_chars(reply: str) -> int:
    """Chinese characters left after removing greetings, thanks, receipt formulas and dates."""
    return len(_CJK.findall(_FORMULA.sub("", reply)))


# ---- timeliness ----


def _timeliness(asked_at, answered_at, due_at) -> tuple[float, Check | None]:
    if answered_at is None or (asked_at is None and due_at is None):
        return 1.0, None
    label = _("答复时限")
    if due_at is not None:
        late = _days_between(due_at, answered_at)
        if late <= 0:
            return 1.0, Check("timeliness", label, True)
        hint = _("已超过办理期限 %(n)s 日。") % {"n": math.ceil(late)}
        return 0.0, Check("timeliness", label, False, hint)
    taken = max(0.0, _days_between(asked_at, answered_at))
    value = min(1.0, max(0.0, (STATUTORY_DAYS - taken) / (STATUTORY_DAYS - PROMPT_DAYS)))
    if taken <= PROMPT_DAYS:
        return 1.0, Check("timeliness", label, True)
    hint = _("距来信已 %(n)s 日（法定办理期限60日，15日内答复为佳）。") % {"n": math.floor(taken)}
    return round(value, 3), Check("timeliness", label, value >= 0.5, hint)


def _days_between(start: datetime, end: datetime) -> float:
    if (start.tzinfo is None) != (end.tzinfo is None):
        # Mixed naive and aware dates (e.g. a CSV against a database): compare wall-clock times.
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    return (end - start).total_seconds() / 86400
