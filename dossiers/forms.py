from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Visie


class VisieForm(forms.ModelForm):
    class Meta:
        model = Visie
        fields = [
            "text",
            "vorm",
            "vorm_motivation",
            "inspraak",
            *[name for name, _label in Visie.QUESTIONS],
            "version",
        ]
        widgets = {
            "text": forms.HiddenInput(),
            "vorm": forms.RadioSelect(),
            "inspraak": forms.RadioSelect(),
            "vorm_motivation": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.Textarea(attrs={"rows": 3}) for name, _label in Visie.QUESTIONS},
        }
        help_texts = {
            "text": _("Headings, lists, bold, italic and links are kept; other formatting is removed."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vorm"].choices = Visie.Vorm.choices
        self.fields["inspraak"].choices = self.fields["inspraak"].choices[1:]
        self.fields["vorm"].required = False
        self.fields["inspraak"].required = False
