"""The official documents of a petition case as PDF (受理告知书, 处理意见书, 复查意见书 …).

``available(petition)`` lists what exists for the case now; ``render(petition, kind, reveal_identity=…)``
prints one. The caller decides whether the reader may see the petitioner's identity and audits it when
they do: the accused unit must never learn who complained (条例第30、46条).
"""

from django.utils.translation import gettext as _

from minsheng.core.errors import DomainError
from minsheng.petitions.documents import facts
from minsheng.petitions.documents.kinds import KINDS
from minsheng.petitions.documents.layout import render_sheet
from minsheng.petitions.models import Petition

__all__ = ["KINDS", "available", "render"]


def available(petition: Petition) -> list[tuple[str, str]]:
    """(kind, label) of every document the case has in its current state and history, in case order."""
    return [(kind.code, kind.label(petition)) for kind in KINDS.values() if kind.exists(petition)]


def render(petition: Petition, kind: str, *, reveal_identity: bool, hide_identity: bool = False) -> bytes:
    """The document ``kind`` as PDF bytes; DomainError(code="no_document") when the case has none.

    With ``reveal_identity`` False the petitioner's name and address are printed masked.
    """
    doc = KINDS.get(kind)
    if doc is None or not doc.exists(petition):
        raise DomainError(_("该信访件目前没有这种文书。"), code="no_document")
    party = facts.party(petition, reveal_identity=reveal_identity, hide_identity=hide_identity)
    return render_sheet(doc.build(petition, party))
