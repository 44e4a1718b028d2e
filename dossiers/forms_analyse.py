from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dossiers.vocab import Doelgroep, Drempel
from netwerken import bounds
from netwerken.fields import BoundedCharFormField

from analyses.models import Indicator

from . import analyse_questions as questions
from .models import (
    Bevraging,
    Drempelbeschrijving,
    GekozenIndicator,
    Kansengroep,
    KwalitatieveAnalyse,
    SwotItem,
)


class IndicatorChoiceForm(forms.Form):
    indicators = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Indicators the network follows"),
        queryset=Indicator.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    confirm_remove = forms.BooleanField(
        label=gettext_lazy("Yes, remove these indicators and what was written about them"),
        required=False,
    )

    def __init__(self, *args, nota, **kwargs):
        super().__init__(*args, **kwargs)
        self.chosen = {k.indicator_id: k for k in nota.gekozen_indicatoren.all()}
        # Retired indicators stay available to the dossiers that already follow them.
        self.fields["indicators"].queryset = Indicator.objects.filter(
            active=True
        ) | Indicator.objects.filter(pk__in=self.chosen)
        self.initial.setdefault("indicators", list(self.chosen))
        self.losing = []

    def clean(self):
        cleaned = super().clean()
        wanted = {i.pk for i in cleaned.get("indicators") or []}
        self.losing = [
            k for pk, k in self.chosen.items() if pk not in wanted and k.interpretation.strip()
        ]
        if self.losing and not cleaned.get("confirm_remove"):
            self.add_error(
                "confirm_remove",
                _("You are removing indicators with an interpretation: %(names)s. Tick the box to confirm.")
                % {"names": ", ".join(str(k.indicator) for k in self.losing)},
            )
        return cleaned


class InterpretationForm(forms.ModelForm):
    class Meta:
        model = GekozenIndicator
        fields = ["interpretation", "version"]
        widgets = {"interpretation": forms.Textarea(attrs={"rows": 6})}


class KwalitatieveAnalyseForm(forms.ModelForm):
    """One text field per guiding question; the answers are kept together on the analysis."""

    class Meta:
        model = KwalitatieveAnalyse
        fields = ["version"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in questions.QUESTIONS[self.instance.kind]:
            self.fields[key] = BoundedCharFormField(
                max_length=bounds.TEXT,
                label=label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=self.instance.answer(key),
            )

    def save(self, commit=True):
        self.instance.answers = {
            **(self.instance.answers or {}),
            **{
                key: self.cleaned_data.get(key, "").strip()
                for key, _label in questions.QUESTIONS[self.instance.kind]
            },
        }
        return super().save(commit)


class _NotaItemForm(forms.ModelForm):
    """An item of the dossier's analysis; municipalities limited to those of the network."""

    def __init__(self, *args, nota, **kwargs):
        self.nota = nota
        super().__init__(*args, **kwargs)
        self.instance.nota = nota
        if "gemeenten" in self.fields:
            field = self.fields["gemeenten"]
            field.queryset = field.queryset.filter(
                pk__in=nota.netwerk.deelnemende_gemeenten.values("gemeente")
            )
            field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
            field.help_text = _("Leave all empty when it concerns the whole region.")


class SwotItemForm(_NotaItemForm):
    class Meta:
        model = SwotItem
        fields = ["kind", "text", "source", "version"]
        widgets = {"kind": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = SwotItem.Kind.choices
        self.fields["source"].choices = [("", _("not given"))] + SwotItem.Source.choices


class DoelgroepenField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=Doelgroep.choices, required=False, **kwargs)


class DrempelForm(_NotaItemForm):
    doelgroepen = DoelgroepenField(label=gettext_lazy("Groups concerned"))

    class Meta:
        model = Drempelbeschrijving
        fields = ["drempel", "description", "doelgroepen", "gemeenten", "version"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        described = set(self.nota.drempels.exclude(pk=self.instance.pk).values_list("drempel", flat=True))
        self.fields["drempel"].choices = [("", "---------")] + [
            (value, label) for value, label in Drempel.choices if value not in described
        ]

    def validate_unique(self):
        # The choices already leave out described thresholds; the constraint stays the last guard.
        pass


class KansengroepForm(_NotaItemForm):
    class Meta:
        model = Kansengroep
        fields = ["doelgroep", "name", "description", "gemeenten", "version"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("doelgroep") == Doelgroep.ANDERE and not cleaned.get("name", "").strip():
            self.add_error("name", _("Say which group you mean."))
        return cleaned


class BevragingForm(_NotaItemForm):
    class Meta:
        model = Bevraging
        fields = ["method", "period", "participants", "description", "version"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
