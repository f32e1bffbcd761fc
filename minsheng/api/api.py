"""The one NinjaAPI behind /api/v1/: who may call (token or session), error shapes, routers, docs."""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from minsheng.api import calendar, errors
from minsheng.api.auth import SessionAuth, TokenAuth
from minsheng.api.docs import LocalSwagger
from minsheng.api.parser import StrictParser
from minsheng.hotline import apis as hotline
from minsheng.petitions import apis as petitions


class ChineseJSONRenderer(JSONRenderer):
    # Chinese text as UTF-8, not \uXXXX escapes: half the bytes, and readable in a terminal.
    media_type = "application/json; charset=utf-8"
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="民声 Minsheng API",
    version="1",
    description=(
        "信访登记、办理与查询接口。认证：Authorization: Bearer <接口令牌>，"
        "或已登录的会话（写操作须带CSRF令牌）。"
        '错误统一为 {"detail", "code", "errors"}。'
    ),
    urls_namespace="api",
    # The token first: it is what other systems (and the intake benchmark) send.
    auth=[TokenAuth(), SessionAuth()],
    parser=StrictParser(),
    renderer=ChineseJSONRenderer(),
    docs=LocalSwagger(),
)
errors.install(api)
api.add_router("/calendar", calendar.router)
api.add_router("/petitions", petitions.router)
api.add_router("/track", petitions.track_router)
api.add_router("/hotline", hotline.router)
