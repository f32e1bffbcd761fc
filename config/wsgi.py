import gc
import itertools
import os

from django.core.signals import request_finished
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# What a web process loads lives as long as the process: Django, the apps and the text models at
# start-up, then templates, URL patterns and the like in its first requests. Frozen, it is out of
# the cyclic collector's sight: a full collection walks a few thousand objects instead of ~240,000,
# a 3 ms pause instead of 130 ms inside whichever request set it off (the slowest loads of the busiest
# pages). With gunicorn --preload the first freeze runs in the master before the fork, as Python's
# documentation of gc.freeze advises; each worker freezes again once warmed up.
WARM_UP_REQUESTS = 50
_served = itertools.count(1)  # next() is atomic under the GIL: gthread workers count right


def _freeze_after_warm_up(**_kwargs) -> None:
    if next(_served) == WARM_UP_REQUESTS:
        request_finished.disconnect(_freeze_after_warm_up)
        gc.collect()  # no garbage into the permanent generation
        gc.freeze()


gc.freeze()
request_finished.connect(_freeze_after_warm_up)
