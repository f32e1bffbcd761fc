from django.urls import path

from minsheng.api.api import api
from minsheng.api.docs import docs_asset

urlpatterns = [
    path("docs/assets/<str:name>", docs_asset, name="api-docs-asset"),
    path("", api.urls),
]
