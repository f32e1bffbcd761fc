"""Every write of the 新就业群体 registry: keyword-only, atomic, explicit actor, audited. Import from here."""

from minsheng.registry.newemployment.services.records import (
    activity_save,
    platform_save,
    site_save,
    station_delete,
    station_save,
)
from minsheng.registry.newemployment.services.rights import RightsReceipt, rights_request_submit
from minsheng.registry.newemployment.services.workers import (
    WorkerReceipt,
    worker_register,
    worker_withdraw,
)

__all__ = [
    "RightsReceipt",
    "WorkerReceipt",
    "activity_save",
    "platform_save",
    "rights_request_submit",
    "site_save",
    "station_delete",
    "station_save",
    "worker_register",
    "worker_withdraw",
]
