from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netwerken import bounds
from netwerken.numbers import format_count

from .models import Actie, ActieIndicator, OperationeleDoelstelling, StrategischeDoelstelling
from .money import EuroField
from .vocab import Doelgroep, Drempel, Inspraak


def refuse_when_full(instance, siblings, limit):
    """A new item in a list that holds `limit` items already is refused (netwerken/bounds.py)."""
    if instance.pk is None and siblings.count() >= limit:
        raise forms.ValidationError(
            _("There are %(limit)s here already, the most a dossier holds; remove one first.")
            % {"limit": format_count(limit)},
            code="full",
        )


class StrategischeDoelstellingForm(forms.ModelForm):
    def clean(self):
        refuse_when_full(
            self.instance, self.instance.nota.strategische_doelstellingen, bounds.STRATEGIC_OBJECTIVES
        )
        return super().clean()

    class Meta:
        model = StrategischeDoelstelling
        fields = ["title", "description", "version"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class OperationeleDoelstellingForm(forms.ModelForm):
    def clean(self):
        refuse_when_full(
            self.instance, self.instance.sd.operationele_doelstellingen, bounds.OPERATIONAL_PER_STRATEGIC
        )
        return super().clean()

    class Meta:
        model = OperationeleDoelstelling
        fields = ["title", "description", "version"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class ActieForm(forms.ModelForm):
    """An action, with one cost field per working year of the round."""

    years = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Working years"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("The years of the subsidy period in which the action runs."),
    )
    doelgroepen = forms.MultipleChoiceField(
        label=gettext_lazy("Target groups"),
        choices=Doelgroep.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    drempels = forms.MultipleChoiceField(
        label=gettext_lazy("Thresholds the action tackles"),
        choices=Drempel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Actie
        fields = [
            "title",
            "description",
            "years",
            "lead_partner",
            "partners",
            "doelgroepen",
            "drempels",
            "inspraak",
            "version",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "partners": forms.CheckboxSelectMultiple,
            "inspraak": forms.RadioSelect,
        }

    def __init__(self, *args, nota, **kwargs):
        self.nota = nota
        super().__init__(*args, **kwargs)
        partners = nota.netwerk.partners.select_related("gemeente")
        self.fields["lead_partner"].queryset = partners
        self.fields["lead_partner"].required = True
        self.fields["lead_partner"].empty_label = _("Choose the partner that leads the action")
        self.fields["partners"].queryset = partners
        self.fields["years"].choices = [(y, str(y)) for y in nota.ronde.years]
        self.fields["inspraak"].choices = Inspraak.choices
        self.fields["inspraak"].required = False
        costs = {k.year: k.amount for k in self.instance.kosten.all()} if self.instance.pk else {}
        for year in nota.ronde.years:
            self.fields[f"cost_{year}"] = EuroField(label=str(year), initial=costs.get(year))

    def cost_fields(self):
        return [self[f"cost_{year}"] for year in self.nota.ronde.years]

    def clean(self):
        refuse_when_full(self.instance, self.instance.od.acties, bounds.ACTIONS_PER_OPERATIONAL)
        refuse_when_full(self.instance, self.nota.acties, bounds.ACTIONS)
        cleaned = super().clean()
        lead = cleaned.get("lead_partner")
        if lead and lead in (cleaned.get("partners") or []):
            self.add_error("partners", _("The lead partner is already part of the action; leave it out here."))
        years = set(cleaned.get("years") or [])
        for year in self.nota.ronde.years:
            if cleaned.get(f"cost_{year}") and year not in years:
                self.add_error(
                    f"cost_{year}",
                    _("%(year)s is not a working year of this action: tick the year or leave the cost empty.")
                    % {"year": year},
                )
        return cleaned

    def costs(self) -> dict:
        return {
            year: self.cleaned_data[f"cost_{year}"]
            for year in self.nota.ronde.years
            if self.cleaned_data.get(f"cost_{year}") is not None
        }


IndicatorFormSet = inlineformset_factory(
    Actie,
    ActieIndicator,
    fields=["name", "target"],
    extra=2,
    max_num=bounds.INDICATORS_PER_ACTION,
    validate_max=True,
    can_delete=True,
    labels={"name": gettext_lazy("Indicator"), "target": gettext_lazy("Target value")},
    widgets={
        "name": forms.TextInput(attrs={"class": "form-control"}),
        "target": forms.TextInput(attrs={"class": "form-control"}),
    },
)
