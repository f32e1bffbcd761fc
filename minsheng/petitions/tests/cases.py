"""Moving a fresh case to any state through the real services (no shortcuts through the database).

Used by the workflow matrix, access, deadline and repeat tests. The case is filed in a street of the
county (intake: the county bureau), routed to the housing bureau, reviewed by the city bureau and
re-reviewed by the province bureau; the ``citizen`` persona is its petitioner (portal account).
"""

from datetime import datetime, timedelta

from minsheng.core.periods import CHINA
from minsheng.petitions import services
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import LegalChannel, Outcome, Rating, S
from minsheng.testing import World, file_petition

_ANSWERED = ("assign", "accept", "answer")
_REVIEWED = (*_ANSWERED, "request_review", "decide_review")
_RE_REVIEWING = (*_REVIEWED, "request_re_review")

# The way from registration to each state, one step after another.
PATHS: dict[S, tuple[str, ...]] = {
    S.REGISTERED: (),
    S.ASSIGNED: ("assign",),
    S.REDIRECTED: ("redirect",),
    S.NOT_ACCEPTED: ("decline",),
    S.ACCEPTED: ("assign", "accept"),
    S.EXTENDED: ("assign", "accept", "extend"),
    S.ANSWERED: _ANSWERED,
    S.RATED: (*_ANSWERED, "rate"),
    S.REVIEWING: (*_ANSWERED, "request_review"),
    S.REVIEWED: _REVIEWED,
    S.RE_REVIEWING: _RE_REVIEWING,
    S.HEARING: (*_RE_REVIEWING, "start_hearing"),
    S.FINAL: (*_RE_REVIEWING, "decide_re_review"),
    S.CLOSED: (*_ANSWERED, "close"),
}

# Who takes each step on the way (a key of ``world.users``).
BY = {
    "forward": "clerk",
    "assign": "clerk",
    "redirect": "clerk",
    "decline": "clerk",
    "link_repeat": "clerk",
    "object": "handler",
    "accept": "handler",
    "extend": "head",
    "answer": "handler",
    "settle": "handler",
    "rate": "citizen",
    "request_review": "citizen",
    "decide_review": "city_clerk",
    "request_re_review": "citizen",
    "start_hearing": "province_clerk",
    "end_hearing": "province_clerk",
    "decide_re_review": "province_clerk",
}


class Cases:
    """Files cases and takes steps on them; every step happens an hour after the one before."""

    def __init__(self, world: World, now: datetime):
        self.world = world
        self.now = now

    def tick(self, hours: int = 1) -> datetime:
        self.now = self.now + timedelta(hours=hours)
        return self.now

    def file(self, **overrides) -> Petition:
        overrides.setdefault("actor", self.world.users["clerk"])
        overrides.setdefault("account", self.world.users["citizen"])
        return file_petition(self.world, now=self.tick(), **overrides)

    def at(self, state: S, **overrides) -> Petition:
        """A fresh case brought to ``state`` through the real services."""
        petition = self.file(**overrides)
        for name in PATHS[state]:
            actor = "handler" if name == "redirect" and petition.status == S.ASSIGNED else BY.get(name)
            petition = self.take(name, petition, self.world.users.get(actor))
        assert petition.status == state
        return petition

    def take(self, name: str, petition: Petition, actor, *, args: dict | None = None, **kwargs) -> Petition:
        """Step ``name`` by ``actor`` with valid arguments (``args``, else ``arguments(name)``; ``kwargs``
        override single ones)."""
        if name == "close":
            # The petitioner's window runs out; the periodic scan closes the case.
            services.scan_deadlines(now=petition.due_at + timedelta(seconds=1))
            self.now = max(self.now, petition.due_at + timedelta(seconds=1))
            return Petition.objects.get(pk=petition.pk)
        now = kwargs.pop("now", None) or self.tick()
        args = {**(self.arguments(name) if args is None else args), **kwargs}
        service = getattr(services, f"petition_{name}")
        return service(petition=petition, actor=actor, now=now, **args)

    def arguments(self, name: str) -> dict:
        w = self.world
        return {
            "forward": lambda: {"unit": w.units["housing"], "note": "请依法处理"},
            "assign": lambda: {"unit": w.units["housing"], "note": "请依法处理并报送结果"},
            "redirect": lambda: {
                "legal_channel": LegalChannel.LITIGATION,
                "note": "属诉讼程序，请向法院起诉",
            },
            "decline": lambda: {"reason": "不属于信访事项"},
            "link_repeat": lambda: {"original": self.file()},
            "object": lambda: {"reason": "不属于本单位职权"},
            "accept": dict,
            "extend": lambda: {"extra_days": 10, "reason": "需现场勘查"},
            "answer": lambda: {
                "outcome": Outcome.SUPPORT,
                "facts": "经查属实",
                "reasons": "符合物业管理规定",
                "decision": "责成物业三日内修复",
                "basis": "《物业管理条例》第三十五条",
            },
            "settle": lambda: {"outcome": Outcome.MEDIATED, "agreement": "双方同意物业修复并赔偿"},
            "rate": lambda: {"rating": Rating.DISSATISFIED},
            "request_review": lambda: {"reason": "灯仍未修复"},
            "decide_review": lambda: {"decision": "维持原处理意见"},
            "request_re_review": lambda: {"reason": "不服复查意见"},
            "start_hearing": dict,
            "end_hearing": dict,
            "decide_re_review": lambda: {"decision": "维持复查意见"},
        }[name]()


def china(y: int, m: int, d: int, hour: int = 10) -> datetime:
    """A moment in China time."""
    return datetime(y, m, d, hour, tzinfo=CHINA)
