"""THE access table: who gets what from every page and API operation (issue 8, "Nobody let in").

Each row gives the answer class for the seven personas, in this order (spaces are ignored; the usual
grouping is ``public | staff | admin``)::

    anonymous citizen | clerk other_handler accused_handler other_leader | admin

- anonymous: no session.  citizen: a portal account (owns none of the records below).
- clerk: 青川区信访局 (the county petition bureau).  other_handler: handler and head of the labour
  bureau, a unit that handles none of the records.  accused_handler: handler of the housing bureau,
  which holds the records (the petition, the suggestion, the hotline order, the whistle's call) and is
  the unit the petition complains about.  other_leader: a leader of 白石区 (another county), in its
  petition bureau and its social work department.  admin: a superuser without any unit.

Answer classes (``tests/security/calls.py``):

    O  2xx, or a redirect that is not to a login page: let in
    L  redirect to a login page (staff, portal or admin), or 401 from the API
    A  sent away: redirected to the persona's own portal page or to the tracking form (code needed)
    D  403          H  404 (a record one may not see does not exist)
    M  405 (the endpoint does not take that method)
    I  another 4xx: 400 refused input (empty form), 409 wrong state, 429
    (5xx is never declared: it always fails)

Pages are keyed by URL name (``namespace:name``; an unnamed pattern by ``route:<pattern>``), each with
the answers to GET and to a POST with an empty form (``row(get, post=...)``; ``post`` defaults to
``get``). API operations are keyed ``"METHOD /api/v1/path"`` as in the OpenAPI schema. Any answer in
A, D, H, M or I (and L for anonymous) must leave no audit event behind: nothing was done.

A new endpoint without a row fails ``test_it_declares_every_endpoint``; add its row here (read its
view and decide, do not copy what it answers) and see docs in /work/notes/readme_matrix.md.
"""

from dataclasses import dataclass

PERSONAS = ("anonymous", "citizen", "clerk", "other_handler", "accused_handler", "other_leader", "admin")


@dataclass(frozen=True)
class Row:
    get: str
    post: str

    def expected(self, method: str) -> dict[str, str]:
        answers = self.get if method == "GET" else self.post
        return dict(zip(PERSONAS, answers, strict=True))


def _answers(text: str) -> str:
    answers = text.replace(" ", "")
    assert len(answers) == len(PERSONAS) and set(answers) <= set("OLADHMI"), text
    return answers


def row(get: str, post: str | None = None) -> Row:
    """Answers to GET and to an empty POST (the same as GET unless given)."""
    return Row(_answers(get), _answers(post if post is not None else get))


def post_only(post: str) -> Row:
    """A view that takes POST only: GET is 405, after the login page (L) or the portal (A) if any."""
    get = "".join(a if a in "LA" else "M" for a in _answers(post))
    return row(get, post)


def public(post: str | None = None) -> Row:
    """Open to everyone, signed in or not."""
    return row("OO OOOO O", post)


# Registries, volunteers and talent: registrars and leaders of a social work department read (a leader
# of another county reads their own area; other staff 403); writing is the registrar's (not a persona).
READERS = "LD DDDO D"
REGISTRAR_ONLY = "LD DDDD D"

PAGES = {
    # ---- accounts, home, language -------------------------------------------------------------
    "route:": public(),  # / redirects to the portal
    "set_language": public(),
    "accounts:login": public(),
    "accounts:logout": row("MM MMMM M", post="LL LLLL L"),  # POST logs out, back to the login page
    "accounts:two_factor": row("LO OOOO O"),  # one's own 2FA settings
    "staff_home": row("LO OOOO O"),  # redirects to one's own area
    "notices:inbox": row("LO OOOO O"),  # one's own notices
    "notices:mark_read": row("LM MMMM M", post="LO OOOO O"),
    "people:subject_access": row("LH HHHH O"),  # administrators only; hidden from everyone else
    # ---- petitions: staff workbench (/staff/); a citizen is sent to the portal ---------------------
    "petitions:queue": row("LA OOOO O"),  # one's own queue: empty for the admin
    "petitions:overdue": row("LA OOOO O"),
    "petitions:hot": row("LA OOOO D"),
    "petitions:hot_digest": row("LA OOOO D"),
    "petitions:intake": row("LA ODDD D", post="LA IDDD D"),  # clerks of a petition bureau register
    "petitions:intake_assist": post_only("LA ODDD D"),
    "petitions:receptions": row("LA OODO D", post="LA IIDI D"),  # clerks, heads, leaders organize
    "petitions:reception": row("LA OHHH H"),
    "petitions:reception_action": post_only("LA OHHH H"),
    "petitions:booking_receive": post_only("LA OHHH H"),
    "petitions:case": row("LA OHOH H"),
    "petitions:step": post_only("LA IHOH H"),  # the housing bureau accepts; the clerk may not (409)
    "petitions:identity": post_only("LA OHDH H"),  # never the accused unit (Arts. 30, 46)
    "petitions:reply_quality": post_only("LA IHIH H"),
    "petitions:attachment": row("LA OHHH H"),  # the unit complained about gets no file of the petitioner
    "petitions:document": row("LA OHOH H"),  # the accused unit's copy is printed masked
    # ---- petitions: portal (/portal/): a case is reached with its number and query code only ---------
    "portal:home": public(),
    "portal:submit": public(post="II IIII I"),
    "portal:submitted": row("AA AAAA A"),  # nothing submitted in this session: back to tracking
    "portal:track": public(post="II IIII I"),
    "portal:leave": row("AA AAAA A"),
    "portal:status": row("AA AAAA A"),  # without the code in the session: to the tracking form
    "portal:rate": row("AA AAAA A"),
    "portal:request_review": row("AA AAAA A"),
    "portal:request_re_review": row("AA AAAA A"),
    "portal:receptions": public(),
    "portal:reception": public(post="LI IIII I"),  # booking needs a portal login
    "portal:booking_cancel": post_only("LH HHHH H"),  # someone else's booking
    "portal:signup": row("OA OOOO O"),
    "portal:login": row("OA AAAA A", post="IA AAAA A"),
    "portal:logout": row("MM MMMM M", post="OO OOOO O"),
    "portal:mine": row("LO OOOO O"),
    # ---- people's suggestions: office and study units (/suggestions/) -----------------------------
    "suggestions:list": row("LA OOOO D"),
    "suggestions:suggestion": row("LA HHOH D"),  # the study unit (housing) only
    "suggestions:step": row("LA MMMM D", post="LA HHIH D"),
    "suggestions:identity": row("LA MMMM D", post="LA HHDH D"),  # the study unit never sees the proposer
    "suggestions:group": row("LA MMMM D", post="LA HHIH D"),
    "suggestions:ungroup": row("LA MMMM D", post="LA HHIH D"),
    "suggestions:topics": row("LA DDDO D"),  # office pages: clerks and leaders of a social work unit
    "suggestions:topic_new": row("LA DDDD D"),
    "suggestions:topic": row("LA DDDH D"),
    "suggestions:topic_publish": row("LA DDDM D", post="LA DDDH D"),
    "suggestions:topic_attachment": row("LA DDDH D"),
    "suggestions:report": row("LA DDDH D"),
    "suggestions:report_xlsx": row("LA DDDH D"),
    "suggestions:report_pdf": row("LA DDDH D"),
    "suggestions:comments": row("LA DDDO D"),
    "suggestions:moderate": row("LA DDDM D", post="LA DDDH D"),
    # ---- people's suggestions: portal ------------------------------------------------------------
    "suggestions_public:index": public(),
    "suggestions_public:new": public(post="II IIII I"),
    "suggestions_public:done": row("AA AAAA A"),
    "suggestions_public:track": public(post="II IIII I"),
    "suggestions_public:status": row("AA AAAA A"),
    "suggestions_public:rate": row("AA AAAA A"),
    "suggestions_public:mine": row("LO OOOO O"),
    "suggestions_public:topic": public(),
    "suggestions_public:comment": public(post="II IIII I"),
    "suggestions_public:topic_suggest": public(post="II IIII I"),
    "suggestions_public:topic_attachment": public(),
    # ---- hotline 接诉即办 (/hotline/): staff of a unit; the centre's pages are the operators' ------
    "hotline:queue": row("LD OOOO D"),
    "hotline:intake": row("LD DDDD D"),
    "hotline:knowledge": row("LD OOOO D"),
    "hotline:order": row("LD HHOH D"),
    "hotline:step": row("LD MMMM D", post="LD HHOH D"),
    "hotline:identity": row("LD MMMM D", post="LD HHOH D"),
    "hotline:catalogue": row("LD DDDD D"),
    "hotline:catalogue_confirm": row("LD MMMM D", post="LD DDDD D"),
    "hotline:catalogue_export": row("LD DDDD D"),
    "hotline:rates": row("LD DDDD D"),
    "hotline:monthly": row("LD DDDD D"),
    # ---- 吹哨报到 (/whistles/): the street that blew and the called departments -----------------------
    "whistles:list": row("LO OOOO O"),  # the whistles one's units are in: an empty list for the others
    "whistles:new": row("LD DDDD D"),  # street offices only
    "whistles:assessment": row("LD DDDD D"),  # the district government
    "whistles:whistle": row("LH HHOH H"),
    "whistles:close": post_only("LH HHOH H"),
    "whistles:rate": post_only("LH HHOH H"),
    "whistles:call_step": post_only("LH HHOH H"),
    # ---- registry: associations and chambers ----------------------------------------------------
    "registry:home": row(READERS),
    "registry:associations:list": row(READERS),
    "registry:associations:export": row(READERS),
    "registry:associations:create": row(REGISTRAR_ONLY),
    "registry:associations:dashboard": row(READERS),
    "registry:associations:reports": row(READERS),
    "registry:associations:report_review": post_only("LH HHHH H"),
    "registry:associations:overdue": row(READERS),
    "registry:associations:overdue_export": row(READERS),
    "registry:associations:import": row(REGISTRAR_ONLY),
    "registry:associations:import_confirm": post_only(REGISTRAR_ONLY),
    "registry:associations:import_errors": row(REGISTRAR_ONLY),
    "registry:associations:import_template": row(REGISTRAR_ONLY),
    "registry:associations:public": public(),
    "registry:associations:detail": row("LH HHHH H"),  # a body of another area does not exist
    "registry:associations:edit": row("LH HHHH H"),
    "registry:associations:step": post_only("LH HHHH H"),
    "registry:associations:decoupling": post_only("LH HHHH H"),
    "registry:associations:report_submit": post_only("LH HHHH H"),
    # ---- registry: “two new” organizations -------------------------------------------------------
    "registry:twonew:units": row(READERS),
    "registry:twonew:unit_create": row(REGISTRAR_ONLY),
    "registry:twonew:unit_export": row(READERS),
    "registry:twonew:unit": row("LD DDDH D"),
    "registry:twonew:unit_edit": row("LD DDDH D"),
    "registry:twonew:unit_unassign": row("LD DDDM D", post="LD DDDH D"),
    "registry:twonew:assign": row("LD DDDM D", post=REGISTRAR_ONLY),
    "registry:twonew:gaps": row(READERS),
    "registry:twonew:party_list": row(READERS),
    "registry:twonew:party_create": row(REGISTRAR_ONLY),
    "registry:twonew:party": row("LD DDDH D"),
    "registry:twonew:party_edit": row("LD DDDM D", post="LD DDDH D"),
    "registry:twonew:party_dissolve": row("LD DDDM D", post="LD DDDH D"),
    "registry:twonew:coverage": row(READERS),
    "registry:twonew:instructors": row(READERS, post=REGISTRAR_ONLY),
    "registry:twonew:import": row(REGISTRAR_ONLY),
    "registry:twonew:import_confirm": row(REGISTRAR_ONLY),
    "registry:twonew:import_errors": row(REGISTRAR_ONLY),
    "registry:twonew:import_template": row(READERS),
    # ---- registry: new employment groups (staff) ------------------------------------------------
    "registry:newemployment:dashboard": row(READERS, post=REGISTRAR_ONLY),
    "registry:newemployment:platforms": row(READERS, post=REGISTRAR_ONLY),
    "registry:newemployment:platform_new": row(REGISTRAR_ONLY),
    "registry:newemployment:platform_edit": row(REGISTRAR_ONLY),
    "registry:newemployment:sites": row(READERS, post=REGISTRAR_ONLY),
    "registry:newemployment:site_new": row(REGISTRAR_ONLY),
    "registry:newemployment:site_edit": row(REGISTRAR_ONLY),
    "registry:newemployment:stations": row(READERS, post=REGISTRAR_ONLY),
    "registry:newemployment:station_new": row(REGISTRAR_ONLY),
    "registry:newemployment:station_edit": row(REGISTRAR_ONLY),
    "registry:newemployment:station_delete": row(REGISTRAR_ONLY),
    "registry:newemployment:activities": row(READERS, post=REGISTRAR_ONLY),
    "registry:newemployment:activity_new": row(REGISTRAR_ONLY),
    "registry:newemployment:activity_edit": row(REGISTRAR_ONLY),
    "registry:newemployment:workers": row(READERS, post=REGISTRAR_ONLY),
    "registry:newemployment:rights": row(READERS, post=REGISTRAR_ONLY),
    "registry:newemployment:export": row(READERS, post=REGISTRAR_ONLY),
    "registry:newemployment:template": row(REGISTRAR_ONLY),
    "registry:newemployment:import": row(REGISTRAR_ONLY),
    "registry:newemployment:import_confirm": row(REGISTRAR_ONLY),
    "registry:newemployment:import_errors": row(REGISTRAR_ONLY),
    # ---- new employment: portal ------------------------------------------------------------------
    "newemployment_public:stations": public(),
    "newemployment_public:station": public(),
    "newemployment_public:register": public(post="II IIII I"),
    "newemployment_public:registered": public(),
    "newemployment_public:withdraw": public(post="II IIII I"),
    "newemployment_public:rights": public(post="II IIII I"),
    "newemployment_public:rights_done": row("AA AAAA A"),
    # ---- volunteers (staff): teams' managers and the social work department -----------------------
    "volunteers:home": row(READERS),
    "volunteers:team_new": row(REGISTRAR_ONLY),
    "volunteers:team": row("LD DDDH D"),
    "volunteers:team_managers": row("MM MMMM M", post="LD DDDH D"),
    "volunteers:project_new": row("LD DDDH D"),
    "volunteers:project": row("LD DDDH D"),
    "volunteers:activity_new": row("LD DDDH D"),
    "volunteers:activities": row(READERS),
    "volunteers:activity": row("LD DDDH D"),
    "volunteers:activity_edit": row("LD DDDH D"),
    "volunteers:match": row("LD DDDH D"),
    "volunteers:activity_action": row("MM MMMM M", post="LD DDDH D"),
    "volunteers:shift": row("LD DDDH D"),
    "volunteers:signup_cancel": row("MM MMMM M", post="LD DDDH D"),
    "volunteers:volunteers": row(READERS),
    "volunteers:export": row(READERS),
    "volunteers:import": row(REGISTRAR_ONLY),
    "volunteers:import_errors": row("MM MMMM M", post=REGISTRAR_ONLY),
    "volunteers:import_template": row(REGISTRAR_ONLY),
    "volunteers:volunteer": row("LD DDDH D"),
    "volunteer_service:records": row(READERS),
    "volunteer_service:approve": post_only(READERS),  # an empty selection approves nothing
    "volunteer_service:record": row("LD DDDH D"),
    "volunteer_service:correct": post_only("LD DDDH D"),
    "volunteer_service:reject": post_only("LD DDDH D"),
    "volunteer_service:shifts": row(READERS),
    "volunteer_service:shift": row("LD DDDH D"),
    "volunteer_service:kiosk": post_only("LD DDDH D"),
    "volunteer_service:enter": post_only("LD DDDH D"),
    "volunteer_service:certificates": row(READERS),
    "volunteer_service:certificate_pdf": row("LD DDDH D"),
    "volunteer_service:revoke": post_only("LD DDDH D"),
    "volunteer_service:issue": row("LD DDDH D"),
    "volunteer_service:dashboard": row(READERS),
    "volunteer_service:import": row(READERS, post="LD DDDI D"),  # only into one's own teams
    "volunteer_service:import_template": row(READERS),
    "volunteer_service:export": row(READERS),
    # ---- volunteers: portal ------------------------------------------------------------------------
    "volunteers_public:home": public(),
    "volunteers_public:activity": public(),
    "volunteers_public:signup": row("MM MMMM M", post="LA AAAA A"),  # not a volunteer: register first
    "volunteers_public:cancel": row("MM MMMM M", post="LA AAAA A"),
    "volunteers_public:register": row("LO OOOO O", post="LI IIII I"),
    "volunteers_public:mine": row("LA AAAA A"),
    "volunteers_public:profile": row("LA AAAA A"),
    "volunteer_service_public:me": row("LO OOOO O"),
    "volunteer_service_public:checkin": row("LO OOOO O"),  # says "register first"; records nothing
    "volunteer_service_public:certificate_pdf": row("LH HHHH H"),  # only the volunteer's own
    "volunteer_service_public:verify_form": public(),
    "volunteer_service_public:verify": public(),
    # ---- social work talent (/talent/) ---------------------------------------------------------------
    "talent:home": row(READERS),
    "talent:export": row(READERS),
    "talent:worker_create": row(REGISTRAR_ONLY),
    "talent:worker": row("LH HHHH H"),
    "talent:worker_edit": row("LH HHHH H"),
    "talent:identity": post_only("LH HHHH H"),
    "talent:certificate_add": post_only("LH HHHH H"),
    "talent:register": post_only("LH HHHH H"),
    "talent:renew": post_only("LH HHHH H"),
    "talent:education_add": post_only("LH HHHH H"),
    "talent:education_delete": post_only("LH HHHH H"),
    "talent:list": row(READERS),
    "talent:list_export": row(READERS),
    "talent:statistics": row(READERS),
    "talent:import": row(REGISTRAR_ONLY),
    "talent:import_template": row(REGISTRAR_ONLY),
    # ---- insight: statistics of what each viewer's units may see; staff of a unit only -----------------
    "insight:dashboard": row("LD OOOO D"),
    "insight:cases": row("LD OOOO D"),
    "insight:hot": row("LD OOOO D"),
    "insight:report": row("LD OOOO D"),  # generated now, over the viewer's scope
    "insight:stored": row("LD OHHH D"),  # a stored report: the staff of the unit it was made for
    # ---- exports (/exports/): a list as the user sees it; a big one becomes the owner's job -----------
    "exports:export": row("LO OOOO O"),  # filtered by the list's own selector: empty for those without
    "exports:job": row("LH OHHH H"),  # someone else's export does not exist
    "exports:download": row("LH OHHH H"),
    # ---- API documentation and Open311 GeoReport v2 (public; POST requests needs an API key) -----------
    "api:api-root": row("HH HHHH H"),
    "api:openapi-json": public(),
    "api:openapi-view": public(),
    "api-docs-asset": public(post="MM MMMM M"),
    "open311:root": public(post="MM MMMM M"),
    "open311:discovery": public(post="MM MMMM M"),
    "open311:services": public(post="MM MMMM M"),
    "open311:service": public(post="MM MMMM M"),
    "open311:requests": public(post="DD DDDD D"),  # 403 without a valid api_key, session or not
    "open311:request": public(post="MM MMMM M"),
    "open311:token": public(post="MM MMMM M"),
    # ---- the admin site --------------------------------------------------------------------------------
    "admin:login": public(),  # the form (with its errors for an empty POST); staff only get further
    # Django sends a non-staff visitor of the admin's logout to the admin index (and from there to its
    # login page); the administrator logs out with POST only.
    "admin:logout": row("OO OOOO M", post="OO OOOO O"),
    # Every other admin URL (model registrations generate ~300): the admin decides by is_staff alone,
    # the same way for each, so one pattern row covers them; ADMIN_SAMPLES are called to prove it.
    "admin:*": row("LL LLLL O"),
}

# Admin URLs called for the "admin:*" row: (URL name, kwargs from the records), GET and empty POST.
ADMIN_SAMPLES = (
    ("admin:index", None),
    ("admin:app_list", {"app_label": "petitions"}),
    ("admin:accounts_user_changelist", None),
    ("admin:accounts_user_add", None),
    ("admin:accounts_user_change", {"object_id": "admin"}),
    ("admin:orgs_unit_change", {"object_id": "unit"}),
    ("admin:petitions_petition_changelist", None),
    ("admin:audit_auditevent_changelist", None),
    ("admin:orgs_unit_changelist", None),
)

API = {
    "GET /api/v1/calendar/deadline": "OO OOOO O",  # public calculator
    "GET /api/v1/petitions": "LO OOOO O",  # one's own queue (empty for those without a unit)
    "GET /api/v1/petitions/{number}": "LH OHOH H",
    "POST /api/v1/petitions": "LD ODDD D",  # a valid intake: registered by a clerk only
    "POST /api/v1/petitions/batch": "LD ODDD D",  # a valid batch of one: likewise
    "POST /api/v1/petitions/{number}/steps/{step}": "LH IHOH H",
    # A valid order: operators only (no persona is one). Refused with 409 (the service's DomainError),
    # not 403 as the petitions API does: reported to the lead; nothing is written either way.
    "POST /api/v1/hotline/orders": "LI IIII I",
    "POST /api/v1/track": "II IIII I",  # public, by number and query code
    "POST /api/v1/track/rate": "II IIII I",
    "POST /api/v1/track/review": "II IIII I",
}
