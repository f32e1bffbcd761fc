"""Which endpoints exist (URL conf and OpenAPI schema) and the real URL each is called at.

``pages()`` walks the URL resolver (every include, i18n patterns too) and names each pattern
``namespace:name`` (an unnamed one ``route:<pattern>``). ``api_operations()`` reads the django-ninja
schema of /api/v1/: ``"METHOD /api/v1/path"``. Patterns that ninja generates for its operations are
left to the schema, since one path may carry several operations with different rules.
"""

from django.urls import URLPattern, URLResolver, get_resolver, reverse

API_PREFIX = "/api/v1/"


def _walk(patterns, namespaces=(), prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = (*namespaces, p.namespace) if p.namespace else namespaces
            yield from _walk(p.url_patterns, ns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield namespaces, p, prefix + str(p.pattern)


def _is_ninja_operation(pattern: URLPattern) -> bool:
    return getattr(pattern.callback, "__module__", "") == "ninja.operation"


def pages() -> dict[str, str]:
    """Every page of the URL conf that is not an API operation: ``{key: route}``."""
    found = {}
    for namespaces, pattern, route in _walk(get_resolver().url_patterns):
        if _is_ninja_operation(pattern):
            continue
        key = ":".join((*namespaces, pattern.name or f"route:{route}"))
        found[key] = route
    return found


def api_operations() -> set[str]:
    """Every operation of the /api/v1/ schema: ``"GET /api/v1/petitions/{number}"``."""
    from minsheng.api.api import api

    schema = api.get_openapi_schema(path_prefix=API_PREFIX)
    return {f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops}


# ---- the URL each endpoint is called at ---------------------------------------------------------


def _by_kwarg(o) -> dict[str, dict[str, object]]:
    """``{namespace: {kwarg: value}}``: the record a kwarg names in each app, unless a URL says otherwise."""
    from minsheng.petitions import documents

    petition, suggestion = o.petition, o.suggestion
    return {
        "petitions": {
            "pk": o.reception.pk,
            "booking_id": o.booking.pk,
            "number": petition.number,
            "step_name": "accept",
            "token": o.attachment.token,
            "kind": documents.available(petition)[0][0],
            "action": "publish",
        },
        "suggestions": {
            "number": suggestion.number,
            "step_name": "reassign",
            "pk": o.topic.pk,
            "token": o.topic_attachment.token,
            "verdict": "approve",
        },
        "hotline": {"number": o.order.number, "step_name": "accept"},
        "whistles": {"number": o.whistle.number, "call_id": o.call.pk, "step_name": "acknowledge"},
        "registry:associations": {"pk": o.association.pk, "name": "dissolve"},
        "registry:twonew": {"pk": o.organization.pk},
        "registry:newemployment": {"kind": "stations", "pk": o.station.pk},
        "volunteers": {
            "pk": o.activity.pk,
            "team_pk": o.team.pk,
            "activity_pk": o.activity.pk,
            "action": "close",
            "signup_pk": o.signup.pk,
        },
        "volunteer_service": {"pk": o.record.pk, "volunteer": o.volunteer.pk},
        "talent": {"pk": o.worker.pk, "reg": o.registration.pk, "ce": o.ce.pk, "kind": "soon"},
        "suggestions_public": {
            "number": suggestion.number,
            "pk": o.topic.pk,
            "token": o.topic_attachment.token,
        },
        "volunteers_public": {"pk": o.activity.pk},
        "volunteer_service_public": {
            "token": o.codes["checkin"],
            "pk": o.certificate.pk,
            "code": o.certificate.code,
        },
        "newemployment_public": {"pk": o.station.pk},
        "portal": {"number": petition.number, "pk": o.reception.pk},
        "insight": {"kind": "monthly", "fmt": "xlsx", "pk": o.insight_report.pk},
        "exports": {"key": "petitions.queue", "fmt": "csv", "token": o.codes["export_job"]},
        "open311": {
            "fmt": "json",
            "code": o.hotline_category.code,
            "number": o.order.number,
            "token": o.order.token,
        },
    }


def _by_url(o) -> dict[str, dict[str, object]]:
    """URLs whose kwargs name another record than their app's default."""
    from minsheng.api.docs import ASSETS

    return {
        "api-docs-asset": {"name": next(iter(ASSETS))},
        "petitions:step": {"number": o.petition.number, "step_name": "accept"},
        "suggestions:moderate": {"pk": o.comment.pk, "verdict": "approve"},
        "registry:associations:report_review": {"pk": o.annual_report.pk},
        "registry:twonew:party": {"pk": o.party.pk},
        "registry:twonew:party_edit": {"pk": o.party.pk},
        "registry:twonew:party_dissolve": {"pk": o.party.pk},
        "registry:newemployment:platform_edit": {"pk": o.platform.pk},
        "registry:newemployment:site_edit": {"pk": o.site.pk},
        "registry:newemployment:activity_edit": {"pk": o.care_activity.pk},
        "volunteers:team": {"pk": o.team.pk},
        "volunteers:team_managers": {"pk": o.team.pk},
        "volunteers:project": {"team_pk": o.team.pk, "pk": o.project.pk},
        "volunteers:shift": {"activity_pk": o.activity.pk, "pk": o.shift.pk},
        "volunteers:signup_cancel": {
            "activity_pk": o.activity.pk,
            "pk": o.shift.pk,
            "signup_pk": o.signup.pk,
        },
        "volunteers:volunteer": {"pk": o.volunteer.pk},
        "volunteer_service:shift": {"pk": o.past_shift.pk},
        "volunteer_service:kiosk": {"pk": o.shift.pk, "volunteer": o.volunteer.pk},
        "volunteer_service:enter": {"pk": o.past_shift.pk, "volunteer": o.volunteer.pk},
        "volunteer_service:certificate_pdf": {"pk": o.certificate.pk},
        "volunteer_service:revoke": {"pk": o.certificate.pk},
        "volunteers_public:signup": {"pk": o.shift.pk},
        "volunteers_public:cancel": {"pk": o.signup.pk},
        "talent:import": {"kind": "workers"},
        "talent:import_template": {"kind": "workers"},
        "portal:booking_cancel": {"pk": o.booking.pk},
        "petitions:booking_receive": {"pk": o.reception.pk, "booking_id": o.booking.pk},
    }


def page_url(key: str, route: str, o) -> str:
    """The URL of page ``key`` with its kwargs filled from the records ``o``."""
    if key.startswith("route:"):
        return "/" + route
    namespace = key.rpartition(":")[0]
    specific = _by_url(o).get(key)
    defaults = _by_kwarg(o).get(namespace, {})
    wanted = _kwarg_names(key)
    kwargs = {k: (specific or {}).get(k, defaults.get(k)) for k in wanted}
    missing = [k for k, v in kwargs.items() if v is None]
    assert not missing, f"{key}: no record for {missing}; add one in tests/security/targets.py"
    return reverse(key, kwargs=kwargs or None)


def _kwarg_names(key: str) -> list[str]:
    namespaces, _, name = key.rpartition(":")
    resolver = get_resolver()
    for ns in namespaces.split(":") if namespaces else ():
        resolver = resolver.namespace_dict[ns][1]
    for possibility, _pattern, _defaults, _converters in resolver.reverse_dict.getlist(name):
        return list(possibility[0][1])
    return []


# Operations called with something better than nothing: a query a public calculator needs, a valid
# intake (so that refusing it proves the role check, not the schema check).
API_QUERIES = {"GET /api/v1/calendar/deadline": "?start=2026-03-11&days=15"}


def _api_bodies(o) -> dict[str, dict]:
    petition = {
        "channel": "online",
        "title": "楼道照明损坏",
        "request": "请求修复。",
        "facts": "3号楼楼道灯损坏。",
        "reasons": "夜间出行不便。",
        "region": o.world.regions["street"].code,
        "category": "03",
        "petitioner": {
            "name": "王小明",
            "id_number": "110101199003074477",
            "phone": "13812341234",
            "address": "东湖街道3号楼",
        },
    }
    return {
        "POST /api/v1/hotline/orders": {
            "kind": "complaint",
            "title": "路灯不亮",
            "content": "幸福路路灯坏了。",
        },
        "POST /api/v1/petitions": petition,
        "POST /api/v1/petitions/batch": {
            "items": [{"idempotency_key": "matrix-batch-1", "petition": petition}]
        },
    }


# Headers an operation requires before it looks at who calls.
API_HEADERS = {"POST /api/v1/hotline/orders": {"Idempotency-Key": "matrix-0001"}}


def api_call(operation: str, o) -> tuple[str, str, dict | None, dict | None]:
    """``(method, url, json body, headers)`` of an API operation, its ``{number}``/``{step}`` filled in."""
    method, path = operation.split(" ", 1)
    url = path.replace("{number}", o.petition.number).replace("{step}", "accept")
    body = None if method == "GET" else _api_bodies(o).get(operation, {})
    return method, url + API_QUERIES.get(operation, ""), body, API_HEADERS.get(operation)
