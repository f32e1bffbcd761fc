"""The public register: what the law makes public of a registered body, and nothing else (no
contact person, phone, address, members or funds). No login."""

from django.core.paginator import Paginator
from django.shortcuts import render

from minsheng.registry.associations import selectors
from minsheng.registry.associations.forms import PublicSearchForm

PAGE_SIZE = 50


def public_list(request):
    form = PublicSearchForm(request.GET)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(selectors.public_register(q=q), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "associations/public_list.html", {"form": form, "page": page, "q": q})
