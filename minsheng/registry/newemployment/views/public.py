"""Public pages: service stations (only public ones), voluntary worker registration, rights requests.

No page here shows any worker's data; every POST is rate-limited per client address like the portal's.
"""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.portal import tracking
from minsheng.portal.ratelimit import rate_limited
from minsheng.registry.newemployment import selectors, services
from minsheng.registry.newemployment.conf import conf
from minsheng.registry.newemployment.models import AMENITIES, amenity_label
from minsheng.registry.newemployment.public_forms import (
    RightsForm,
    StationFilterForm,
    WithdrawForm,
    WorkerForm,
)

REGISTERED_KEY = "newemp_registered"
PAGE_SIZE = 30
RIGHTS_KEY = "newemp_rights_receipt"


def _amenities(station):
    return [amenity_label(k) for k, f in AMENITIES if getattr(station, f)]


def stations(request):
    form = StationFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    now = timezone.now()
    rows = selectors.public_stations(
        region=data.get("region"),
        amenity=data.get("amenity") or "",
        open_at=now if data.get("open_now") else None,
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    items = [(s, _amenities(s), selectors.station_is_open(s, now)) for s in page]
    return render(request, "newemployment/public/stations.html", {"form": form, "items": items, "page": page})


def station(request, pk):
    s = selectors.public_station(pk)
    ctx = {"s": s, "amenities": _amenities(s), "open": selectors.station_is_open(s, timezone.now())}
    return render(request, "newemployment/public/station.html", ctx)


@never_cache
@rate_limited(conf("RATE_SCOPE_REGISTER"))
def register(request):
    form = WorkerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            receipt = services.worker_register(
                platform=d["platform"],
                work_kind=d["work_kind"],
                region=d["region"],
                nickname=d["nickname"],
                phone=d["phone"],
                consent=d["consent"],
                now=timezone.now(),
            )
        except InvalidInput as error:
            apply_errors(form, error)
        else:
            request.session[REGISTERED_KEY] = receipt.withdraw_code
            return redirect("newemployment_public:registered")
    status = 400 if request.method == "POST" else 200
    ctx = {"form": form, "consent_version": conf("CONSENT_VERSION")}
    return render(request, "newemployment/public/register.html", ctx, status=status)


@never_cache
def registered(request):
    code = request.session.pop(REGISTERED_KEY, None)
    if code is None:
        return redirect("newemployment_public:register")
    return render(request, "newemployment/public/registered.html", {"code": code})


@never_cache
@rate_limited(conf("RATE_SCOPE_WITHDRAW"))
def withdraw(request):
    form = WithdrawForm(request.POST or None)
    done = False
    if request.method == "POST" and form.is_valid():
        done = services.worker_withdraw(code=form.cleaned_data["code"], now=timezone.now())
        if not done:
            form.add_error("code", WithdrawForm.NOT_FOUND)
    status = 400 if request.method == "POST" and not done else 200
    return render(request, "newemployment/public/withdraw.html", {"form": form, "done": done}, status=status)


@never_cache
@rate_limited(conf("RATE_SCOPE_RIGHTS"))
def rights(request):
    form = RightsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        account = user if user.is_authenticated and getattr(user, "is_citizen", False) else None
        try:
            receipt = services.rights_request_submit(
                platform=form.cleaned_data["platform"],
                work_kind=form.cleaned_data["work_kind"],
                intake=form.intake(),
                actor=None,
                now=timezone.now(),
                account=account,
                idempotency_key=form.idempotency_key(),
            )
        except InvalidInput as error:
            apply_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            number = receipt.petition.number
            request.session[RIGHTS_KEY] = {"number": number, "code": receipt.query_code}
            tracking.remember(request.session, number)
            return redirect("newemployment_public:rights_done")
    status = 400 if request.method == "POST" else 200
    return render(request, "newemployment/public/rights.html", {"form": form}, status=status)


@never_cache
def rights_done(request):
    receipt = request.session.pop(RIGHTS_KEY, None)
    if receipt is None:
        return redirect("portal:track")
    return render(request, "newemployment/public/rights_done.html", {"receipt": receipt})
