from django import forms
from django.utils.translation import gettext_lazy as _

from netwerken import bounds

from .models import OperationeleDoelstelling
from .models.zelfscan import REMARK_MAX_LENGTH, Domein

SCORE_CHOICES = [
    (1, _("1 · not at all")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 · fully")),
]


class ZelfscanOpenForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=bounds.NAME)


class ZelfscanForm(forms.Form):
    """A score from 1 to 5 and a remark for each of the ten domains."""

    def __init__(self, *args, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_scores = initial_scores or {}
        for domein in Domein:
            score, remark = initial_scores.get(domein.value, (None, ""))
            self.fields[f"{domein.value}-score"] = forms.TypedChoiceField(
                label=domein.label.capitalize(),
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                initial=score,
                error_messages={"required": _("Give a score from 1 to 5.")},
            )
            self.fields[f"{domein.value}-remark"] = forms.CharField(
                label=_("Remark on %(domain)s") % {"domain": domein.label},
                required=False,
                max_length=REMARK_MAX_LENGTH,
                initial=remark,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def domains(self):
        """(label, score field, remark field) per domain, for the template."""
        return [
            (d.label, self[f"{d.value}-score"], self[f"{d.value}-remark"]) for d in Domein
        ]

    def answers(self) -> dict[str, tuple[int, str]]:
        data = self.cleaned_data
        return {d.value: (data[f"{d.value}-score"], data[f"{d.value}-remark"]) for d in Domein}


class ToActionForm(forms.Form):
    domein = forms.ChoiceField(choices=Domein.choices)
    od = forms.ModelChoiceField(
        label=_("Under the operational objective"), queryset=OperationeleDoelstelling.objects.none()
    )

    def __init__(self, *args, doelstellingen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["od"].queryset = doelstellingen
        self.fields["od"].label_from_instance = lambda od: f"{od.code} {od.title}"
