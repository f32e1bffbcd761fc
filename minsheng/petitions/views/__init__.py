"""The staff workbench: queue, overdue list, intake, the case page and its steps."""

from minsheng.petitions.views.case import attachment, case, document, identity
from minsheng.petitions.views.intake import intake
from minsheng.petitions.views.queue import overdue, queue
from minsheng.petitions.views.steps import step

__all__ = ["attachment", "case", "document", "identity", "intake", "overdue", "queue", "step"]
