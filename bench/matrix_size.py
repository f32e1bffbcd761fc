"""The size of the role × endpoint access matrix (issue 8) and how many refusals it proves.

Reads the one table (``tests/security/access_table.py``) and the URL conf; touches no database.
Figures: endpoints (pages by URL name, API operations, the admin site's URLs covered by its pattern
row), personas, cells called (endpoint × persona × method: GET and an empty POST for pages, the
operation's own method for the API), and the refusals the table declares and the suite proves
(L login, D 403, H 404; A sent away counted apart).

    .venv/bin/python bench/matrix_size.py
"""

import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from tests.security import access_table as table
    from tests.security import targets

    pages = targets.pages()
    admin_urls = [k for k in pages if k.startswith("admin:") and k not in table.PAGES]
    page_rows = {k: r for k, r in table.PAGES.items() if k != "admin:*"}
    counts = Counter()
    for r in page_rows.values():
        counts.update(r.get + r.post)
    for answers in table.API.values():
        counts.update(answers.replace(" ", ""))
    personas = len(table.PERSONAS)
    endpoints = len(page_rows) + len(table.API)
    cells = sum(counts.values())
    admin_cells = len(table.ADMIN_SAMPLES) * personas * 2
    admin_refusals = len(table.ADMIN_SAMPLES) * 2 * (personas - 1)
    refusals = counts["L"] + counts["D"] + counts["H"]
    print(f"URL patterns:     {len(pages)} (the admin site's {len(admin_urls)} under one pattern row)")
    print(
        f"endpoints:        {endpoints} with a row ({len(page_rows)} pages, {len(table.API)} API operations)"
    )
    print(f"personas:         {personas}")
    print(
        f"cells called:     {cells + admin_cells} (endpoint × persona × method; {admin_cells} admin samples)"
    )
    print(
        f"refusals proven:  {refusals + admin_refusals} L+D+H "
        f"(L {counts['L'] + admin_refusals}, D {counts['D']}, H {counts['H']}); "
        f"sent away (A) {counts['A']}, 405 {counts['M']}, other 4xx {counts['I']}, let in {counts['O']}"
    )


if __name__ == "__main__":
    main()
