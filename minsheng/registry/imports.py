"""What the registry's two-step Excel imports share: upload → dry-run report → confirm.

Between the two steps the uploaded file waits under DATA_DIR/imports/<app>/, named by a random token
kept in the uploader's session (so nobody else can confirm or read it); confirming deletes it, and
files older than a day are swept at each upload.
"""

import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from minsheng.core import sheets

KEEP_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Pending:
    token: str
    filename: str
    path: Path  # may be gone: swept, or already confirmed in another tab


@dataclass(frozen=True)
class PendingUploads:
    app: str

    @property
    def session_key(self) -> str:
        return f"{self.app}_import"

    def _dir(self) -> Path:
        path = Path(settings.DATA_DIR) / "imports" / self.app
        path.mkdir(parents=True, exist_ok=True)
        return path

    def keep(self, request, content: bytes, filename: str) -> str:
        """Store an upload that passed its dry run for this session; returns its token."""
        directory = self._dir()
        cutoff = time.time() - KEEP_SECONDS
        for old in directory.glob("*.upload"):
            if old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
        token = secrets.token_urlsafe(16)
        (directory / f"{token}.upload").write_bytes(content)
        request.session[self.session_key] = {"token": token, "filename": filename}
        return token

    def pending(self, request) -> Pending | None:
        """This session's waiting upload, if it has one."""
        kept = request.session.get(self.session_key) or {}
        if not kept.get("token"):
            return None
        return Pending(kept["token"], kept["filename"], self._dir() / f"{kept['token']}.upload")

    def forget(self, request) -> None:
        if pending := self.pending(request):
            pending.path.unlink(missing_ok=True)
        request.session.pop(self.session_key, None)


def errors_response(report: sheets.ImportReport):
    """The refused rows of a report as a workbook, to fix them in Excel."""
    return sheets.xlsx_response(sheets.errors_workbook(report), _("导入错误.xlsx"))
