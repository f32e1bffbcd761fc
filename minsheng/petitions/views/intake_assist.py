"""What the clerk sees beside the intake form while typing: the router's proposal, cases with nearly
the same text, and the petitioner's earlier cases on a similar matter (possible repeats, Art. 19)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from minsheng.core.errors import InvalidInput
from minsheng.orgs.selectors import clerk_bureaus
from minsheng.people.blind_index import id_number_index
from minsheng.people.validators import check_id_number
from minsheng.petitions import selectors
from minsheng.petitions.forms import IntakeForm
from minsheng.petitions.models import compose_text
from minsheng.petitions.services import proposals

MIN_CHARS = 6  # below this there is nothing to compare yet


@login_required
@require_POST
def intake_assist(request):
    """The assist panel (htmx partial); pre-fills the category when the clerk left it empty and the
    router is sure (an out-of-band swap of the category field)."""
    bureaus = clerk_bureaus(request.user)
    if not bureaus:
        raise PermissionDenied(_("只有信访部门的登记员可以登记信访件。"))
    post = request.POST
    text = compose_text(*(post.get(f, "")[:20_000] for f in ("title", "request", "facts", "reasons")))
    context = {"enough": len(text) >= MIN_CHARS, "threshold": proposals.threshold()}
    if context["enough"]:
        proposal = proposals.routing_proposal(text)
        context.update(
            proposal=proposal,
            similar=selectors.similar_cases(request.user, text),
            repeats=_repeats(request.user, text, post.get("id_number", "")),
            repeat_bar=selectors.SAME_PERSON_SIMILARITY,
        )
        if not post.get("category") and proposal.category is not None:
            bureau = min(bureaus, key=lambda b: len(b.region_path))
            form = IntakeForm(bureau=bureau, initial={"category": proposal.category.value.pk})
            context["category_field"] = form["category"]
    return render(request, "petitions/_intake_assist.html", context)


def _repeats(user, text: str, id_number: str) -> list:
    try:
        check_id_number(id_number)
    except InvalidInput:  # an unfinished or mistyped number simply finds nothing yet
        return []
    candidates = selectors.repeat_candidates(id_number_bi=id_number_index(id_number))
    return selectors.same_person_cases(user, text, candidates)
