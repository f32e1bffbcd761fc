"""The Content-Security-Policy header. The other security headers come from Django's SecurityMiddleware
(settings: SECURE_HSTS_*, SECURE_REFERRER_POLICY, SECURE_CROSS_ORIGIN_OPENER_POLICY, X_FRAME_OPTIONS).
"""

# Everything is served from our own origin (no CDN); htmx needs no inline script. Templates carry no
# inline <script>, on*= handler or javascript: URL (tests/security_http checks every template).
# Inline styles stay allowed: they cannot run code.
POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The API docs page loads its own bundled assets and an inline bootstrap script.
        if not request.path.startswith("/api/v1/docs"):
            response.headers.setdefault("Content-Security-Policy", POLICY)
        return response
