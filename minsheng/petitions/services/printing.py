"""Printing a case's documents: a printed identity is a look at personal data, so it is audited."""

from django.db import transaction

from minsheng import audit
from minsheng.petitions import documents
from minsheng.petitions.models import Petition


@transaction.atomic
def petition_print(
    *, petition: Petition, kind: str, actor, reveal_identity: bool, hide_identity: bool = False
) -> bytes:
    """The PDF of document ``kind``; raises DomainError (code "no_document") if the case has none.

    ``hide_identity``: printed for the unit complained about, which sees not even the masked name."""
    pdf = documents.render(petition, kind, reveal_identity=reveal_identity, hide_identity=hide_identity)
    if reveal_identity:
        title = dict(documents.available(petition))[kind]
        audit.record(
            actor=actor,
            action="petitions.document.printed",
            target=petition,
            data={"number": petition.number, "kind": kind, "title": str(title)},
        )
    return pdf
