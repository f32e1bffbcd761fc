"""Every API error has one shape: ``{"detail": "<translated>", "code": "<code>", "errors": {field: msg}}``.

A caller (a clerk's browser, another system, a fuzzer) never sees a stack trace or a 500 for input it
sent: malformed JSON, wrong types and unknown values are 400, like the InvalidInput of a service.
"""

import logging
import re

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from minsheng.core.errors import DomainError, InvalidInput

logger = logging.getLogger(__name__)


def error_body(detail, code: str, errors: dict | None = None) -> dict:
    return {"detail": str(detail), "code": code, "errors": {k: str(v) for k, v in (errors or {}).items()}}


def _messages() -> dict:
    # pydantic error type → a message a person can act on (ctx values fill the placeholders).
    return {
        "missing": _("缺少必填项。"),
        "string_too_long": _("不能超过%(max_length)s个字符。"),
        "string_too_short": _("至少需要%(min_length)s个字符。"),
        "too_long": _("最多%(max_length)s项。"),
        "enum": _("取值无效，可选：%(expected)s。"),
        "literal_error": _("取值无效，可选：%(expected)s。"),
        "int_parsing": _("应为整数。"),
        "int_type": _("应为整数。"),
        "int_from_float": _("应为整数。"),
        "bool_parsing": _("应为 true 或 false。"),
        "bool_type": _("应为 true 或 false。"),
        "string_type": _("应为文本。"),
        "greater_than_equal": _("不能小于%(ge)s。"),
        "less_than_equal": _("不能大于%(le)s。"),
        "greater_than": _("应大于%(gt)s。"),
        "less_than": _("应小于%(lt)s。"),
        "date_parsing": _("日期格式应为YYYY-MM-DD。"),
        "date_from_datetime_parsing": _("日期格式应为YYYY-MM-DD。"),
        "date_from_datetime_inexact": _("日期格式应为YYYY-MM-DD。"),
        "date_type": _("日期格式应为YYYY-MM-DD。"),
        "model_type": _("应为JSON对象。"),
        "model_attributes_type": _("应为JSON对象。"),
        "dict_type": _("应为JSON对象。"),
        "list_type": _("应为列表。"),
    }


def _field_name(loc: tuple) -> str:
    # ("body", "payload", "petitioner", "name") → "petitioner.name"; ("query", "days") → "days".
    parts = [str(p) for p in loc]
    if parts and parts[0] == "body":
        parts = parts[2:]
    elif parts and parts[0] in ("query", "path", "header", "cookie", "form"):
        parts = parts[1:]
    return ".".join(parts) or "body"


def _message(error: dict) -> str:
    ctx = dict(error.get("ctx") or {})
    if error.get("type") == "value_error" and "error" in ctx:
        return str(ctx["error"])  # our own validators already speak Chinese
    if "expected" in ctx:
        # pydantic lists choices as "'a', 'b' or 'c'"; a list of the bare values reads better.
        ctx["expected"] = "、".join(re.findall(r"'([^']*)'", str(ctx["expected"]))) or ctx["expected"]
    template = _messages().get(error.get("type", ""), _("格式不正确。"))
    try:
        return template % ctx
    except (KeyError, TypeError, ValueError):
        return _("格式不正确。")


def validation_errors(errors: list[dict]) -> dict[str, str]:
    """Field → message for a ninja ValidationError (the first error of each field wins)."""
    result: dict[str, str] = {}
    for error in errors:
        result.setdefault(_field_name(tuple(error.get("loc") or ())), _message(error))
    return result


def _http_error_message(exc: HttpError) -> tuple[str, str]:
    if isinstance(exc, AuthenticationError):
        return _("请先登录，或在 Authorization 头中提供有效的接口令牌（Bearer）。"), "unauthenticated"
    if isinstance(exc, Throttled):
        return _("请求过于频繁，请稍后再试。"), "throttled"
    message = str(exc)
    if message.startswith("Cannot parse request body"):
        return _("请求体不是有效的JSON，或含有不允许的字符。"), "invalid_json"
    if exc.status_code == 403:
        return _("CSRF校验失败，请刷新页面后重试。") if "CSRF" in message else message, "forbidden"
    return message, {404: "not_found", 409: "conflict"}.get(exc.status_code, "error")


def install(api: NinjaAPI) -> None:
    """Register the handlers that give every error the shape above."""

    def domain_error(request, exc: DomainError):
        errors = exc.errors if isinstance(exc, InvalidInput) else {}
        return api.create_response(request, error_body(exc.message, exc.code, errors), status=exc.status_code)

    def not_found(request, exc):
        return api.create_response(request, error_body(_("未找到。"), "not_found"), status=404)

    def invalid(request, exc: ValidationError):
        errors = validation_errors(exc.errors)
        field, message = next(iter(errors.items()), ("body", _("格式不正确。")))
        detail = _("%(field)s：%(message)s") % {"field": field, "message": message}
        return api.create_response(request, error_body(detail, "invalid", errors), status=400)

    def http_error(request, exc: HttpError):
        message, code = _http_error_message(exc)
        return api.create_response(request, error_body(message, code), status=exc.status_code)

    def denied(request, exc):
        return api.create_response(request, error_body(_("您没有权限执行此操作。"), "forbidden"), status=403)

    def too_big(request, exc):
        return api.create_response(request, error_body(_("请求体过大。"), "too_large"), status=413)

    def suspicious(request, exc):
        return api.create_response(request, error_body(_("请求无效。"), "bad_request"), status=400)

    def unexpected(request, exc):
        # Logged with its traceback for us; the caller gets no internals.
        logger.exception("API error on %s %s", request.method, request.path)
        return api.create_response(
            request, error_body(_("服务器内部错误，请稍后再试。"), "server_error"), status=500
        )

    api.add_exception_handler(DomainError, domain_error)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(PermissionDenied, denied)
    api.add_exception_handler(RequestDataTooBig, too_big)
    api.add_exception_handler(SuspiciousOperation, suspicious)
    api.add_exception_handler(Exception, unexpected)
