"""Form fields shared by staff pages and the portal."""

from django import forms
from django.utils.translation import gettext as _

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
