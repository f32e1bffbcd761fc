"""Which form and which service perform each staff step: the one table the step endpoint reads."""

from collections.abc import Callable

from minsheng.suggestions import forms, services


def _decide(name: str) -> Callable:
    def perform(**kwargs):
        return services.suggestion_decide(step=name, **kwargs)

    return perform


STEP_ACTIONS: dict[str, tuple[type[forms.StepForm], Callable]] = {
    "assign": (forms.AssignForm, services.suggestion_assign),
    "reassign": (forms.AssignForm, services.suggestion_reassign),
    "convert": (forms.ConvertForm, services.suggestion_convert),
    "redirect": (forms.RedirectForm, services.suggestion_redirect),
    "adopt": (forms.DecideForm, _decide("adopt")),
    "adopt_partly": (forms.DecideForm, _decide("adopt_partly")),
    "not_adopt": (forms.DecideForm, _decide("not_adopt")),
    "reply": (forms.ReplyForm, services.suggestion_reply),
    "reward": (forms.RewardForm, services.suggestion_reward),
    "publish": (forms.StepForm, services.suggestion_publish),
}


def step_form(name: str, *, suggestion, data=None) -> forms.StepForm:
    form_class = STEP_ACTIONS[name][0]
    return form_class(data, suggestion=suggestion, auto_id=f"id_{name}_%s")
