from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    ActieOpvolging,
    BegrotingRealisatie,
    Bijsturing,
    IndicatorMeting,
    Reflectiemoment,
)
from .money import EuroField


class ActieOpvolgingForm(forms.ModelForm):
    cost = EuroField(label=_("Cost realised"))

    class Meta:
        model = ActieOpvolging
        fields = [
            "status", "done", "participants", "participants_kansengroepen", "partners", "cost",
            "version",
        ]
        widgets = {
            "status": forms.RadioSelect(),
            "done": forms.Textarea(attrs={"rows": 4}),
            "partners": forms.CheckboxSelectMultiple(),
        }

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = partners
        self.fields["participants"].widget.attrs["min"] = 0
        self.fields["participants_kansengroepen"].widget.attrs["min"] = 0


class MetingForm(forms.ModelForm):
    class Meta:
        model = IndicatorMeting
        fields = ["value", "remark", "version"]
        widgets = {"remark": forms.TextInput()}


class RealisatieForm(forms.ModelForm):
    amount = EuroField(label=_("Realised"))

    class Meta:
        model = BegrotingRealisatie
        fields = ["amount", "explanation", "version"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 2})}


MetingFormSet = forms.modelformset_factory(IndicatorMeting, form=MetingForm, extra=0)
RealisatieFormSet = forms.modelformset_factory(BegrotingRealisatie, form=RealisatieForm, extra=0)


class ReflectiemomentForm(forms.ModelForm):
    class Meta:
        model = Reflectiemoment
        fields = ["held_on", "participants", "people_in_poverty", "lessons", "decisions", "version"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "participants": forms.Textarea(attrs={"rows": 2}),
            "lessons": forms.Textarea(attrs={"rows": 4}),
            "decisions": forms.Textarea(attrs={"rows": 4}),
        }


class BijsturingForm(forms.ModelForm):
    amount = EuroField(label=_("New yearly amount"))

    class Meta:
        model = Bijsturing
        fields = [
            "reflectiemoment", "actie", "post", "from_year", "description", "amount", "status",
            "version",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, werkjaar, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.werkjaar = werkjaar
        nota = werkjaar.nota
        self.fields["reflectiemoment"].queryset = werkjaar.reflectiemomenten.all()
        self.fields["actie"].queryset = nota.acties.select_related("od__sd")
        self.fields["post"].queryset = nota.begrotingsposten.select_related("gemeente")
        following = [y for y in nota.ronde.years if y > werkjaar.year]
        self.fields["from_year"] = forms.TypedChoiceField(
            label=_("From year"), coerce=int, choices=[(y, y) for y in following]
        )
