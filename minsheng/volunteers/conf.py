"""Configurable rules of volunteer registration and sign-up (override in ``settings.MINSHENG["VOLUNTEERS"]``).

- ``MINOR_AGE``: below this age (in full years on the day of registration) a volunteer is a minor.
- ``MINOR_RULE``: ``"consent"`` — a minor registers only with a guardian's name, phone and consent
  (the common rule of the 志愿服务条例 and local regulations); ``"forbidden"`` — minors may not register.
- ``REMINDER_HOURS``: shifts starting within this many hours get a reminder ("the day before").
- ``MATCH_LIMIT``: how many suggestions the matching page shows.
"""

from django.conf import settings

MINOR_CONSENT = "consent"
MINOR_FORBIDDEN = "forbidden"

DEFAULTS = {
    "MINOR_AGE": 18,
    "MINOR_RULE": MINOR_CONSENT,
    "REMINDER_HOURS": 24,
    "MATCH_LIMIT": 50,
}


def get(name: str):
    return getattr(settings, "MINSHENG", {}).get("VOLUNTEERS", {}).get(name, DEFAULTS[name])
