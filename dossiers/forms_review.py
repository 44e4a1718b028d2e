from django import forms
from django.utils.translation import gettext_lazy as _

from netwerken import bounds
from netwerken.fields import BoundedCharFormField

from .models import PartnerConfirmation, ReviewRemark
from .models.notifications import NotificationKind


class ReviewRemarkForm(forms.ModelForm):
    class Meta:
        model = ReviewRemark
        fields = ["verdict", "remark", "internal_note"]
        widgets = {
            "verdict": forms.RadioSelect,
            "remark": forms.Textarea(attrs={"rows": 3}),
            "internal_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verdict"].required = False
        self.fields["verdict"].choices = ReviewRemark.Verdict.choices


class ConfirmationForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[
            (PartnerConfirmation.Answer.CONFIRMED, _("Yes, this is how we are and will be involved")),
            (PartnerConfirmation.Answer.DECLINED, _("No, something is not right")),
        ],
        widget=forms.RadioSelect,
    )
    remark = BoundedCharFormField(
        max_length=bounds.TEXT,
        label=_("Remark"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when something is not right: say what should change."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == PartnerConfirmation.Answer.DECLINED and not cleaned.get("remark", "").strip():
            self.add_error("remark", _("Say what is not right, so the coordinator can adjust it."))
        return cleaned


class EmailPreferencesForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Send me an email for"),
        choices=NotificationKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("You always see every notification in the app."),
    )
