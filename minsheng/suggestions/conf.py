"""Configurable rules of the people's suggestions (override in ``settings.MINSHENG["SUGGESTIONS"]``).

- ``STUDY_WORKDAYS``: working days a study unit has to decide on an assigned suggestion.
- ``REPLY_WORKDAYS``: working days after the decision within which the proposer is answered
  (Beijing practice: 3 working days).
- ``SIMILAR_LIMIT``: how many similar suggestions the office's page lists.
- ``SIMILAR_THRESHOLD``: the near-duplicate similarity from which a suggestion counts as similar.
- ``REPORT_THEMES``: how many themes (key words) a topic report names.
"""

from django.conf import settings

from minsheng.core.periods import Period, workdays

DEFAULTS = {
    "STUDY_WORKDAYS": 15,
    "REPLY_WORKDAYS": 3,
    "SIMILAR_LIMIT": 10,
    "SIMILAR_THRESHOLD": 0.5,
    "REPORT_THEMES": 10,
}


def get(name: str):
    return getattr(settings, "MINSHENG", {}).get("SUGGESTIONS", {}).get(name, DEFAULTS[name])


def study_period() -> Period:
    return workdays(int(get("STUDY_WORKDAYS")))


def reply_period() -> Period:
    return workdays(int(get("REPLY_WORKDAYS")))
