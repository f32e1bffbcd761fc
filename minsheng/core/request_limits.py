"""Requests refused before any view reads them: bodies too large, query strings carrying NUL bytes.

A body larger than the site accepts is answered 413 with a message before a byte of it is read: files
may make up ``MINSHENG["REQUEST_MAX_BYTES"]``, a body without files (a form, JSON) at most
``DATA_UPLOAD_MAX_MEMORY_SIZE``. Django would refuse the latter too, but only once a view reads the
form, as a bare 400; the sender deserves to know it was the size.

A NUL byte in a query string is never meant (no text column can hold one, PostgreSQL refuses it with
an error): such a request is answered 400 here rather than by whichever page's query trips on it.

Answers come in the caller's format: the API's error object, Open311's error list, or a page.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def max_request_bytes() -> int:
    return int(settings.MINSHENG.get("REQUEST_MAX_BYTES", 50 * 1024 * 1024))


def _refusal(request, status: int, code: str, message: str):
    if request.path.startswith("/open311/"):
        return JsonResponse([{"code": status, "description": message}], status=status, safe=False,
                            json_dumps_params={"ensure_ascii": False})  # fmt: skip
    if request.path.startswith("/api/"):
        body = {"detail": message, "code": code, "errors": {}}
        return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    return render(request, f"{status}.html", {"message": message}, status=status)


class RequestLimitsMiddleware:
    """Refuse too-large bodies (413) and NUL bytes in the query string (400), before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        multipart = request.META.get("CONTENT_TYPE", "").startswith("multipart/")
        limit = max_request_bytes() if multipart else settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and length > limit:
            mb = max(1, limit // (1024 * 1024))
            message = _("提交的内容过大（超过%(mb)sMB），请减少或压缩附件后重试。") % {"mb": mb}
            return _refusal(request, 413, "too_large", message)
        if any("\x00" in k or any("\x00" in v for v in vs) for k, vs in request.GET.lists()):
            return _refusal(request, 400, "bad_request", _("请求参数含有不允许的字符。"))
        return self.get_response(request)
