"""The demo's Open311 client: a key for an invented city-services app, printed once with an example."""

from django.utils.translation import gettext as _

from minsheng.api.open311.keys import issue_key


def seed(demo, *, now, rng) -> list[str]:
    key = issue_key(name="云州市民通App（演示）")
    return [
        _("Open311 GeoReport v2：接诉即办分类即服务，演示接口密钥（只显示这一次）：%(key)s") % {"key": key},
        "  http://127.0.0.1:8000/open311/v2/services.json",
        "  curl -d api_key=KEY -d service_code=CODE -d lat=30.1 -d long=120.2 -d description=… "
        "http://127.0.0.1:8000/open311/v2/requests.json",
    ]
