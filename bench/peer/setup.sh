#!/usr/bin/env bash
# Creates bench/peer/.venv with django-helpdesk from the package index pip is configured with.
# Its code stays in the venv: nothing of it is copied into the project.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet "django-helpdesk==${HELPDESK_VERSION:-2.6.1}" "psycopg[binary]"
.venv/bin/python -c "import helpdesk, django; print('django-helpdesk', helpdesk.__version__ if hasattr(helpdesk, '__version__') else '?', 'Django', django.get_version())"
