"""Open311 GeoReport v2 (/open311/v2/): hotline categories as services, work orders as requests.

Existing 311 clients (apps, city dashboards) work unchanged: the endpoints, parameters, field names,
the XML and JSON shapes and the error format are the specification's. See ``views.py``.
"""
