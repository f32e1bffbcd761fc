"""The API docs page with the Swagger UI that ships inside django-ninja: no CDN, works offline.

ninja renders its local template only when "ninja" is in INSTALLED_APPS (else it links a CDN);
serving the bundled files ourselves keeps the page offline without touching the settings, and
works the same before and after ``collectstatic``.
"""

import json
from pathlib import Path

import ninja
from django.http import FileResponse, Http404, HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from ninja.openapi.docs import DocsBase

ASSET_DIR = Path(ninja.__file__).parent / "static" / "ninja"
ASSETS = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-init.js": "text/javascript",
    "favicon.svg": "image/svg+xml",
    "favicon.png": "image/png",
}

# The settings sit in a JSON <script> block that swagger-ui-init.js reads: no inline code runs.
PAGE = """<!DOCTYPE html>
<html lang="zh-hans">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{assets}swagger-ui.css">
<link rel="icon" href="{assets}favicon.svg" type="image/svg+xml">
</head>
<body data-csrf-token="{csrf}" data-api-csrf="true">
<script type="application/json" id="swagger-settings">{settings}</script>
<div id="swagger-ui"></div>
<script src="{assets}swagger-ui-bundle.js"></script>
<script src="{assets}swagger-ui-init.js"></script>
</body>
</html>
"""


class LocalSwagger(DocsBase):
    def render_page(self, request, api, **kwargs):
        settings = {"url": self.get_openapi_url(api, kwargs), "layout": "BaseLayout", "deepLinking": True}
        # "</" cannot close the script block early once escaped this way.
        settings_json = json.dumps(settings).replace("</", "<\\/")
        html = PAGE.format(
            title=escape(api.title),
            assets=reverse("api-docs-asset", args=["x"])[:-1],
            csrf=escape(get_token(request)),
            settings=settings_json,
        )
        return HttpResponse(html)


@require_GET
@cache_control(max_age=86400, public=True)
def docs_asset(request, name: str):
    """One of the Swagger UI files bundled with ninja (a fixed list: nothing else is readable)."""
    if name not in ASSETS:
        raise Http404
    return FileResponse(open(ASSET_DIR / name, "rb"), content_type=ASSETS[name])
