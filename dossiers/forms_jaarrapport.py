from django import forms
from django.utils.translation import gettext_lazy as _

from netwerken import bounds
from netwerken.fields import BoundedCharFormField

from .forms_review import ConfirmationForm
from .models import Comment, JaarrapportRemark, PartnerConfirmation, RapportSection


class JaarrapportCommentForm(forms.Form):
    about = forms.ChoiceField(label=_("About"))
    body = BoundedCharFormField(
        max_length=bounds.TEXT, label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 3})
    )
    visibility = forms.ChoiceField(
        label=_("Visible to"),
        choices=Comment.Visibility.choices,
        initial=Comment.Visibility.NETWORK,
    )

    def __init__(self, *args, anchors: dict, internal: bool, **kwargs):
        super().__init__(*args, **kwargs)
        sections = [(value, label) for value, label in RapportSection.choices]
        actions = [
            (anchor, label) for anchor, (_s, label) in anchors.items() if anchor != "section"
        ]
        self.fields["about"].choices = sections + ([(_("Actions"), actions)] if actions else [])
        if not internal:
            del self.fields["visibility"]

    def target(self) -> tuple[str, str]:
        """(section, anchor) of what the comment is about."""
        about = self.cleaned_data["about"]
        if about in RapportSection.values:
            return about, "section"
        return "", about


class JaarrapportConfirmationForm(ConfirmationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].choices = [
            (PartnerConfirmation.Answer.CONFIRMED, _("Yes, this is what we did together")),
            (PartnerConfirmation.Answer.DECLINED, _("No, something is not right")),
        ]


class JaarrapportRemarkForm(forms.ModelForm):
    class Meta:
        model = JaarrapportRemark
        fields = ["verdict", "remark", "internal_note"]
        widgets = {
            "verdict": forms.RadioSelect,
            "remark": forms.Textarea(attrs={"rows": 2}),
            "internal_note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, section_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.section_label = section_label
        self.fields["verdict"].required = False
        self.fields["verdict"].choices = JaarrapportRemark.Verdict.choices
