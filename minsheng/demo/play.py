"""Perform the planned demo cases through the real petition services, all cases interleaved in time.

Every write is a service call with the ``now`` of its planned moment, so case numbers follow the
received dates, deadlines are computed on the official calendar and the audit chain is real.
"""

import random
from datetime import datetime

from minsheng.accounts.models import User
from minsheng.petitions import services
from minsheng.petitions.services import Intake
from minsheng.petitions.workflow import Channel, Outcome

from . import data, texts
from .plan import Case
from .world import DemoWorld


class Player:
    """Performs one event (a step of one case) at a time; ``rng`` picks the wording of notes."""

    def __init__(self, world: DemoWorld, rng: random.Random):
        self.world = world
        self.rng = rng

    def user(self, username: str) -> User:
        return self.world.users[username]

    def clerk_of(self, unit) -> User:
        return self.user(data.CLERK_OF[self.world.unit_key(unit)])

    def play(self, cases: list[Case]) -> None:
        events = sorted(
            ((when, i, step, case) for case in cases for i, (when, step) in enumerate(case.events)),
            key=lambda e: (e[0], e[1]),
        )
        for when, _i, step, case in events:
            getattr(self, f"do_{step}")(case, when)

    def _set(self, case: Case, petition) -> None:
        case.petition = petition

    def do_submit(self, case: Case, when: datetime) -> None:
        t = case.template
        w = case.words
        intake = Intake(
            channel=case.channel,
            kind=case.kind,
            title=t.title.format(**w)[:120],
            request=t.request.format(**w),
            facts=t.facts.format(**w),
            reasons=t.reasons.format(**w),
            region=self.world.regions[case.region_code],
            petitioner=case.identity,
            representatives=case.representatives,
            headcount=case.headcount,
            category=self.world.categories[t.category],
            accused_unit=self.world.units[case.accused_key] if case.accused_key else None,
            accused_person=t.accused_person,
            anonymous=case.anonymous,
        )
        if case.original is not None:
            intake.title = ("再次反映：" + intake.title)[:120]
        # Online petitions come in through the portal; the others are registered by the clerk.
        actor = None if case.channel == Channel.ONLINE else self.user(data.CLERK_OF[case.intake_key])
        account = self.user(case.account) if case.account else None
        receipt = services.petition_submit(intake=intake, actor=actor, now=when, account=account)
        self._set(case, receipt.petition)

    def _route(self, case: Case, when: datetime, unit_key: str) -> None:
        verb = services.petition_assign if self.rng.random() < 0.7 else services.petition_forward
        self._set(case, verb(
            petition=case.petition, actor=self.user(data.CLERK_OF[case.intake_key]), now=when,
            unit=self.world.units[unit_key], note=self.rng.choice(texts.ASSIGN_NOTES),
        ))  # fmt: skip

    def do_route(self, case: Case, when: datetime) -> None:
        self._route(case, when, case.unit_key)

    def do_misroute(self, case: Case, when: datetime) -> None:
        self._route(case, when, case.wrong_unit)

    def do_object(self, case: Case, when: datetime) -> None:
        reason = self.rng.choice(texts.OBJECT_REASONS).format(other=self.world.units[case.unit_key].name)
        self._set(case, services.petition_object(
            petition=case.petition, actor=self.user(data.HANDLER_OF[case.wrong_unit]), now=when, reason=reason
        ))  # fmt: skip

    def do_redirect(self, case: Case, when: datetime) -> None:
        legal = case.template.legal
        routed = case.petition.unit_id is not None
        actor = self.user(data.HANDLER_OF[case.unit_key] if routed else data.CLERK_OF[case.intake_key])
        self._set(case, services.petition_redirect(
            petition=case.petition, actor=actor, now=when,
            legal_channel=legal, note=texts.LEGAL_NOTES[legal],
        ))  # fmt: skip

    def do_decline(self, case: Case, when: datetime) -> None:
        self._set(case, services.petition_decline(
            petition=case.petition, actor=self.user(data.CLERK_OF[case.intake_key]), now=when,
            reason=self.rng.choice(texts.DECLINE_REASONS),
        ))  # fmt: skip

    def do_link_repeat(self, case: Case, when: datetime) -> None:
        self._set(case, services.petition_link_repeat(
            petition=case.petition, actor=self.user(data.CLERK_OF[case.intake_key]), now=when,
            original=case.original.petition,
        ))  # fmt: skip

    def do_accept(self, case: Case, when: datetime) -> None:
        handler = self.user(data.HANDLER_OF[case.unit_key])
        self._set(case, services.petition_accept(petition=case.petition, actor=handler, now=when))

    def do_extend(self, case: Case, when: datetime) -> None:
        self._set(case, services.petition_extend(
            petition=case.petition, actor=self.user(data.HEAD_OF[case.unit_key]), now=when,
            extra_days=self.rng.randint(15, 30), reason=self.rng.choice(texts.EXTEND_REASONS),
        ))  # fmt: skip

    def do_answer(self, case: Case, when: datetime) -> None:
        handler = self.user(data.HANDLER_OF[case.unit_key])
        unit = self.world.units[case.unit_key].name
        n = str(self.rng.randint(3, 15))
        if case.outcome in (Outcome.MEDIATED, Outcome.SETTLED):
            agreement = self.rng.choice(texts.AGREEMENTS).format(unit=unit, n=n)
            self._set(case, services.petition_settle(
                petition=case.petition, actor=handler, now=when, outcome=case.outcome, agreement=agreement
            ))  # fmt: skip
            return
        truth = {"support": "基本属实", "explain": "部分属实", "not_support": "与实际情况不符"}[case.outcome]
        self._set(case, services.petition_answer(
            petition=case.petition, actor=handler, now=when, outcome=case.outcome,
            facts=texts.ANSWER_FACTS.format(unit=unit, title=case.petition.title, truth=truth),
            reasons=texts.ANSWER_REASONS.format(basis=texts.BASIS[case.template.category[:2]]),
            decision=texts.DECISIONS[case.outcome].format(n=n),
            basis=texts.BASIS[case.template.category[:2]],
        ))  # fmt: skip

    def _petitioner(self, case: Case) -> dict:
        """The petitioner acts through the portal: logged in, or proven by number and query code."""
        if case.account:
            return {"actor": self.user(case.account)}
        return {"actor": None, "as_citizen": True}

    def do_rate(self, case: Case, when: datetime) -> None:
        who = self._petitioner(case)
        if not case.account and self.rng.random() < 0.3:
            # Rated on the phone in a return call, recorded by the clerk.
            who = {"actor": self.user(data.CLERK_OF[case.intake_key])}
        comment = self.rng.choice(texts.RATING_COMMENTS[case.rating])
        self._set(case, services.petition_rate(
            petition=case.petition, now=when, rating=case.rating, comment=comment, **who
        ))  # fmt: skip

    def do_request_review(self, case: Case, when: datetime) -> None:
        self._set(case, services.petition_request_review(
            petition=case.petition, now=when, reason=self.rng.choice(texts.REVIEW_REASONS),
            **self._petitioner(case),
        ))  # fmt: skip

    def do_decide_review(self, case: Case, when: datetime) -> None:
        self._set(case, services.petition_decide_review(
            petition=case.petition, actor=self.clerk_of(case.petition.review_unit), now=when,
            decision=self.rng.choice(texts.REVIEW_DECISIONS),
        ))  # fmt: skip

    def do_request_re_review(self, case: Case, when: datetime) -> None:
        self._set(case, services.petition_request_re_review(
            petition=case.petition, now=when, reason=self.rng.choice(texts.RE_REVIEW_REASONS),
            **self._petitioner(case),
        ))  # fmt: skip

    def do_start_hearing(self, case: Case, when: datetime) -> None:
        actor = self.clerk_of(case.petition.review_unit)
        self._set(case, services.petition_start_hearing(petition=case.petition, actor=actor, now=when))

    def do_end_hearing(self, case: Case, when: datetime) -> None:
        actor = self.clerk_of(case.petition.review_unit)
        self._set(case, services.petition_end_hearing(petition=case.petition, actor=actor, now=when))

    def do_decide_re_review(self, case: Case, when: datetime) -> None:
        self._set(case, services.petition_decide_re_review(
            petition=case.petition, actor=self.clerk_of(case.petition.review_unit), now=when,
            decision=self.rng.choice(texts.RE_REVIEW_DECISIONS),
        ))  # fmt: skip
