"""Retention of the social worker register (``people.retention``; ``retention_conf``: never purged).

No rule erases a registration; while one exists, its person keeps their identity whatever the periods
of their other records (an old closed petition does not erase a registered social worker).
"""

from django.db.models import Q

from minsheng.people.retention import Hold, register_hold

REGISTERED = register_hold(Hold("talent", Q(social_worker__isnull=False)))
