"""What htmx tells the server about a request."""


def is_htmx(request) -> bool:
    """A partial swap requested by htmx.

    Boosted requests and history restores (a reload of a pushed URL missing from htmx's cache)
    want the whole page.
    """
    headers = request.headers
    return (
        headers.get("HX-Request") == "true"
        and headers.get("HX-Boosted") != "true"
        and headers.get("HX-History-Restore-Request") != "true"
    )
