"""Settings of the 新就业群体 registry, overridable in ``settings.MINSHENG["NEWEMPLOYMENT"]``."""

from django.conf import settings

DEFAULTS = {
    # The consent text a worker agrees to on registration; bump it when the text changes, so each
    # registration records which wording was agreed to.
    "CONSENT_VERSION": "2026-01",
    # Rate-limit scopes of the public forms share the portal's hourly allowance per client address.
    "RATE_SCOPE_REGISTER": "newemployment-register",
    "RATE_SCOPE_WITHDRAW": "newemployment-withdraw",
    "RATE_SCOPE_RIGHTS": "newemployment-rights",
}


def conf(name: str):
    return settings.MINSHENG.get("NEWEMPLOYMENT", {}).get(name, DEFAULTS[name])
