"""Which form and which service perform each workflow step: the one table the step endpoint reads."""

from collections.abc import Callable

from minsheng.petitions import forms, services

STEP_ACTIONS: dict[str, tuple[type[forms.StepForm], Callable]] = {
    "forward": (forms.RouteForm, services.petition_forward),
    "assign": (forms.RouteForm, services.petition_assign),
    "redirect": (forms.RedirectForm, services.petition_redirect),
    "decline": (forms.ReasonForm, services.petition_decline),
    "link_repeat": (forms.LinkRepeatForm, services.petition_link_repeat),
    "object": (forms.ReasonForm, services.petition_object),
    "accept": (forms.StepForm, services.petition_accept),
    "extend": (forms.ExtendForm, services.petition_extend),
    "answer": (forms.AnswerForm, services.petition_answer),
    "settle": (forms.SettleForm, services.petition_settle),
    "rate": (forms.RateForm, services.petition_rate),
    "request_review": (forms.ReasonForm, services.petition_request_review),
    "decide_review": (forms.DecisionForm, services.petition_decide_review),
    "request_re_review": (forms.ReasonForm, services.petition_request_re_review),
    "start_hearing": (forms.StepForm, services.petition_start_hearing),
    "end_hearing": (forms.StepForm, services.petition_end_hearing),
    "decide_re_review": (forms.DecisionForm, services.petition_decide_re_review),
}


def step_form(name: str, *, user, petition, data=None) -> forms.StepForm:
    """The form of step ``name``; ids are prefixed by the step so that many forms share one page."""
    form_class = STEP_ACTIONS[name][0]
    return form_class(data, user=user, petition=petition, auto_id=f"id_{name}_%s")
