"""The documents of a petition case (DESIGN.md §1.1), one builder each: case in, ``Sheet`` out.

Each kind declares when it exists (``exists``), its label and number suffix, and how it reads;
``minsheng.petitions.documents`` only looks kinds up here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from minsheng.petitions.documents import facts
from minsheng.petitions.documents.facts import Party
from minsheng.petitions.documents.layout import Grid, Heading, Sheet, Signatures, Text, chinese_date
from minsheng.petitions.models import Petition
from minsheng.petitions.workflow import Kind, LegalChannel, Outcome, S

OPINION_OUTCOMES = frozenset({Outcome.SUPPORT, Outcome.EXPLAIN, Outcome.NOT_SUPPORT})
AGREEMENT_OUTCOMES = frozenset({Outcome.MEDIATED, Outcome.SETTLED})
# The outcome as the 意见书 states it (the choice labels add the name of the agreement).
OUTCOME_WORDS = {
    Outcome.SUPPORT: gettext_lazy("支持"),
    Outcome.EXPLAIN: gettext_lazy("解释说明"),
    Outcome.NOT_SUPPORT: gettext_lazy("不予支持"),
}


@dataclass(frozen=True)
class DocKind:
    code: str
    exists: Callable[[Petition], bool]
    label: Callable[[Petition], str]
    suffix: Callable[[Petition], str]
    build: Callable[[Petition, Party], Sheet]

    def number(self, petition: Petition) -> str:
        return f"{petition.number}-{self.suffix(petition)}"


def _matter(p: Petition, party: Party) -> str:
    """The opening every notice shares: who raised which matter, when and how."""
    return _("%(you)s于%(day)s通过%(channel)s提出的“%(title)s”信访事项（信访件编号%(number)s），") % {
        "you": party.you,
        "day": chinese_date(facts.china_day(p.received_at)),
        "channel": facts.channel_label(p),
        "title": p.title,
        "number": p.number,
    }


def _sheet(kind: DocKind, p: Petition, party: Party, *, issuer, moment, body, to_petitioner=True) -> Sheet:
    return Sheet(
        title=kind.label(p),
        number=kind.number(p),
        issuer=issuer.name,
        addressee=party.name if to_petitioner else "",
        day=facts.china_day(moment),
        body=body,
        address=party.address if to_petitioner else "",
    )


def _acceptance(p: Petition, party: Party) -> Sheet:
    due = facts.handling_due(p)
    body = [
        Text(
            _matter(p, party)
            + _("本机关（%(unit)s）已于%(day)s依法受理。")
            % {"unit": p.unit.name, "day": chinese_date(facts.china_day(p.accepted_at))}
        ),
        Text(
            _(
                "根据《信访工作条例》第三十四条，本机关将自受理之日起60日内办结，即于%(due)s前出具处理意见；"
                "情况复杂的，经本机关负责人批准，可以适当延长办理期限，但延长期限不超过30日，"
                "并将延期理由告知你。"
            )
            % {"due": chinese_date(due.due)}
        ),
        Text(_("%(you)s可以凭信访件编号和查询码在网上查询办理进度。特此告知。") % {"you": party.you}),
    ]
    return _sheet(ACCEPTANCE, p, party, issuer=p.unit, moment=p.accepted_at, body=body)


def _non_acceptance(p: Petition, party: Party) -> Sheet:
    if p.status == S.REDIRECTED:
        channel = LegalChannel(p.legal_channel).label if p.legal_channel else ""
        body = [
            Text(
                _matter(p, party)
                + _(
                    "经审查，该事项属于应当通过%(channel)s等法定途径解决的事项。根据《信访工作条例》"
                    "第三十一条（诉访分离），本机关不作为信访事项受理。请%(you)s依照有关法律、法规的规定，"
                    "向有权处理的机关提出。"
                )
                % {"channel": channel, "you": party.you}
            ),
            Text(p.decision_note, label=_("说明：")),
        ]
        issuer = facts.redirect_issuer(p)
    else:
        body = [
            Text(_matter(p, party) + _("经审查，本机关决定不予受理。")),
            Text(p.decision_note, label=_("理由：")),
        ]
        issuer = p.intake_unit
    body.append(Text(_("特此告知。")))
    return _sheet(NON_ACCEPTANCE, p, party, issuer=issuer, moment=p.closed_at or p.updated_at, body=body)


def _transfer(p: Petition, party: Party) -> Sheet:
    due = chinese_date(facts.notify_due(p).due)
    values = {"number": p.number, "unit": p.unit.name, "due": due, "intake": p.intake_unit.name}
    if p.assignment_kind == "assign":
        lead = _(
            "现将%(number)s号信访事项交办你单位。请依照《信访工作条例》第二十二条、第二十三条的规定办理，"
            "于%(due)s前书面告知信访人是否受理，并将办理结果报送%(intake)s。"
        )
    else:
        lead = _(
            "现将%(number)s号信访事项转送你单位。请依照《信访工作条例》第二十二条、第二十三条的规定办理，"
            "于%(due)s前书面告知信访人是否受理。"
        )
    objection = _("如该事项不属于你单位职权范围，请自收到之日起5个工作日内提出异议并说明理由。")
    sheet = _sheet(
        TRANSFER,
        p,
        party,
        issuer=p.intake_unit,
        moment=p.assigned_at,
        body=[Text(lead % values), Text(objection), Grid(_matter_rows(p, party))],
        to_petitioner=False,
    )
    sheet.addressee = p.unit.name
    return sheet


def _matter_rows(p: Petition, party: Party) -> tuple[tuple[str, str], ...]:
    rows = [
        (_("信访件编号"), p.number),
        (_("收到时间"), chinese_date(facts.china_day(p.received_at))),
        (_("信访渠道"), facts.channel_label(p)),
        (_("信访类别"), Kind(p.kind).label),
        (_("问题属地"), p.region.name),
        (_("信访人"), party.name),
        (_("地址"), party.address or "—"),
    ]
    if p.category_id:
        rows.insert(4, (_("分类"), p.category.name))
    if p.accused_unit_id or p.accused_person:
        rows.append((_("被反映单位/人"), _accused(p)))
    rows += [(_("标题"), p.title), (_("诉求"), p.request), (_("事实"), p.facts)]
    if p.reasons:
        rows.append((_("理由"), p.reasons))
    return tuple(rows)


def _opinion(p: Petition, party: Party) -> Sheet:
    intro = _matter(p, party) + _("本机关于%(day)s受理。经调查核实，现出具处理意见如下：") % {
        "day": chinese_date(facts.china_day(p.accepted_at))
    }
    body = [
        Text(intro),
        Heading(_("一、信访请求")),
        Text(p.request),
        Text(p.facts, label=_("信访人陈述的事实：")),
        *([Text(p.reasons, label=_("信访人陈述的理由："))] if p.reasons else []),
        Heading(_("二、查明的事实")),
        Text(p.answer_facts),
        Heading(_("三、理由")),
        Text(p.answer_reasons),
        Heading(_("四、处理意见")),
        Text(p.answer_decision),
        Text(str(OUTCOME_WORDS[p.outcome]), label=_("处理结果：")),
        Heading(_("五、法律依据")),
        Text(p.answer_basis),
        Heading(_("六、复查权利告知")),
        Text(_review_notice(p)),
    ]
    return _sheet(OPINION, p, party, issuer=p.unit, moment=p.answered_at, body=body)


def _review_notice(p: Petition) -> str:
    return _(
        "如对本处理意见不服，可以自收到本意见书之日起30日内（即%(due)s前）请求%(above)s复查"
        "（《信访工作条例》第三十五条）。"
    ) % {"due": chinese_date(facts.request_due(p.answered_at).due), "above": facts.body_above(p.unit)}


def _agreement(p: Petition, party: Party) -> Sheet:
    mediated = p.outcome == Outcome.MEDIATED
    accepted = _("本机关于%(day)s受理。") % {"day": chinese_date(facts.china_day(p.accepted_at))}
    lead = (
        _("经本机关主持调解，双方自愿达成如下协议：") if mediated else _("经双方协商，自愿达成如下和解协议：")
    )
    host = _("主持调解机关：%(unit)s") if mediated else _("办理机关：%(unit)s")
    parties = (
        _("信访人：%(name)s") % {"name": party.name},
        _("对方当事人：%(other)s") % {"other": _accused(p)},
        host % {"unit": p.unit.name},
    )
    body = [
        Text(_matter(p, party) + accepted),
        Text(lead),
        Text(p.answer_decision),
        Text(_("本协议依据《信访工作条例》第三十三条达成，经各方签字（盖章）后生效，各方应当自觉履行。")),
        Text(_review_notice(p)),
        Signatures(parties),
    ]
    return _sheet(AGREEMENT, p, party, issuer=p.unit, moment=p.answered_at, body=body)


def _accused(p: Petition) -> str:
    return "、".join(x for x in (p.accused_unit.name if p.accused_unit_id else "", p.accused_person) if x)


def _extension(p: Petition, party: Party) -> Sheet:
    values = {
        "accepted": chinese_date(facts.china_day(p.accepted_at)),
        "original": chinese_date(facts.handling_due(p).due),
        "n": p.extension_days,
        "new": chinese_date(facts.extended_due(p).due),
    }
    body = [
        Text(_matter(p, party) + _("本机关已于%(accepted)s受理，原定于%(original)s前办结。") % values),
        Text(p.extension_reason, label=_("延期理由：")),
        Text(
            _(
                "经本机关负责人批准，根据《信访工作条例》第三十四条，办理期限延长%(n)s日，"
                "延长后的办理期限至%(new)s。特此告知。"
            )
            % values
        ),
    ]
    moment = facts.step_time(p, "extend") or p.accepted_at
    return _sheet(EXTENSION, p, party, issuer=p.unit, moment=moment, body=body)


def _review(p: Petition, party: Party) -> Sheet:
    body_unit = facts.reviewer(p)
    requested = facts.step_time(p, "request_review")
    intro = _("%(you)s不服%(unit)s作出的%(doc)s（编号%(number)s），") % {
        "you": party.you,
        "unit": p.unit.name,
        "doc": AGREEMENT.label(p) if p.outcome in AGREEMENT_OUTCOMES else OPINION.label(p),
        "number": (AGREEMENT if p.outcome in AGREEMENT_OUTCOMES else OPINION).number(p),
    }
    if requested:
        intro += _("于%(day)s") % {"day": chinese_date(facts.china_day(requested))}
    intro += _("向本机关申请复查。本机关依照《信访工作条例》第三十五条进行了复查，现出具复查意见如下：")
    moment = facts.step_time(p, "decide_review") or p.updated_at
    body = [
        Text(intro),
        Text(facts.step_data(p, "request_review", "reason") or "—", label=_("复查请求及理由：")),
        Text(p.review_decision, label=_("复查意见：")),
        Text(
            _(
                "如对本复查意见不服，可以自收到本意见书之日起30日内（即%(due)s前）向%(above)s请求复核"
                "（《信访工作条例》第三十六条）。"
            )
            % {"due": chinese_date(facts.request_due(moment).due), "above": facts.body_above(body_unit)}
        ),
    ]
    return _sheet(REVIEW, p, party, issuer=body_unit, moment=moment, body=body)


def _re_review(p: Petition, party: Party) -> Sheet:
    body_unit = facts.reviewer(p)
    requested = facts.step_time(p, "request_re_review")
    intro = _("%(you)s不服%(unit)s作出的复查意见（编号%(number)s），") % {
        "you": party.you,
        "unit": body_unit.name if body_unit else "",
        "number": REVIEW.number(p),
    }
    if requested:
        intro += _("于%(day)s") % {"day": chinese_date(facts.china_day(requested))}
    intro += _("向本机关申请复核。本机关依照《信访工作条例》第三十六条进行了复核，现出具复核意见如下：")
    body = [
        Text(intro),
        Text(facts.step_data(p, "request_re_review", "reason") or "—", label=_("复核请求及理由：")),
        Text(p.re_review_decision, label=_("复核意见：")),
        Text(
            _(
                "本复核意见为终结意见。根据《信访工作条例》第三十六条，信访人对复核意见不服，"
                "仍然以同一事实和理由提出投诉请求的，各级机关不再受理。"
            )
        ),
    ]
    moment = p.closed_at or facts.step_time(p, "decide_re_review") or p.updated_at
    return _sheet(RE_REVIEW, p, party, issuer=p.review_unit, moment=moment, body=body)


def _const(text: str) -> Callable[[Petition], str]:
    return lambda p: text


TRANSFER = DocKind(
    "transfer",
    exists=lambda p: bool(p.assigned_at and p.unit_id and p.assignment_kind in ("forward", "assign")),
    label=lambda p: _("信访事项交办单") if p.assignment_kind == "assign" else _("信访事项转送单"),
    suffix=lambda p: "JB" if p.assignment_kind == "assign" else "ZS",
    build=_transfer,
)
ACCEPTANCE = DocKind(
    "acceptance",
    exists=lambda p: bool(p.accepted_at and p.unit_id),
    label=lambda p: _("受理告知书"),
    suffix=_const("SL"),
    build=_acceptance,
)
NON_ACCEPTANCE = DocKind(
    "non_acceptance",
    exists=lambda p: p.status in (S.NOT_ACCEPTED, S.REDIRECTED),
    label=lambda p: _("不予受理告知书"),
    suffix=_const("BSL"),
    build=_non_acceptance,
)
EXTENSION = DocKind(
    "extension",
    exists=lambda p: bool(p.extension_days > 0 and p.accepted_at and p.unit_id),
    label=lambda p: _("延期告知书"),
    suffix=_const("YQ"),
    build=_extension,
)
OPINION = DocKind(
    "opinion",
    exists=lambda p: bool(p.outcome in OPINION_OUTCOMES and p.answered_at and p.unit_id),
    label=lambda p: _("信访处理意见书"),
    suffix=_const("YJ"),
    build=_opinion,
)
AGREEMENT = DocKind(
    "agreement",
    exists=lambda p: bool(p.outcome in AGREEMENT_OUTCOMES and p.answered_at and p.unit_id),
    label=lambda p: _("调解协议书") if p.outcome == Outcome.MEDIATED else _("和解协议书"),
    suffix=lambda p: "TJ" if p.outcome == Outcome.MEDIATED else "HJ",
    build=_agreement,
)
REVIEW = DocKind(
    "review",
    exists=lambda p: bool(p.review_decision and p.unit_id),
    label=lambda p: _("复查意见书"),
    suffix=_const("FC"),
    build=_review,
)
RE_REVIEW = DocKind(
    "re_review",
    exists=lambda p: bool(p.re_review_decision and p.review_unit_id),
    label=lambda p: _("复核意见书"),
    suffix=_const("FH"),
    build=_re_review,
)

# In the order a case meets them.
KINDS = {
    k.code: k
    for k in (TRANSFER, ACCEPTANCE, NON_ACCEPTANCE, EXTENSION, OPINION, AGREEMENT, REVIEW, RE_REVIEW)
}
