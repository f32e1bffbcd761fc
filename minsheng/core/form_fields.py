"""Form fields and helpers shared by staff pages and the portal."""

from django import forms
from django.utils.translation import gettext as _

from minsheng.core.errors import InvalidInput

MAX_ATTACHMENTS = 10


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one name; types and sizes are judged by the domain's service."""

    def __init__(self, *args, max_files: int = MAX_ATTACHMENTS, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        self.max_files = max_files
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [f for f in files if f]
        if len(files) > self.max_files:
            raise forms.ValidationError(_("最多上传%(n)d个附件。") % {"n": self.max_files})
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def apply_errors(form: forms.Form, error: InvalidInput) -> None:
    """Show a service's refusal next to the fields it names; anything else above the form."""
    for field, message in error.errors.items():
        form.add_error(field if field in form.fields else None, message)
    if not error.errors:
        form.add_error(None, str(error.message))
