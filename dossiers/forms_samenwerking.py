from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ActieIndicator, Monitoringafspraak, Overlegorgaan, GeplandReflectiemoment, Samenwerking

TEXT_NAMES = [name for name, _label, _help in Samenwerking.TEXTS]


class SamenwerkingForm(forms.ModelForm):
    class Meta:
        model = Samenwerking
        fields = [*TEXT_NAMES, "version"]
        widgets = {name: forms.HiddenInput() for name in TEXT_NAMES}


class OverlegorgaanForm(forms.ModelForm):
    class Meta:
        model = Overlegorgaan
        fields = ["name", "purpose", "partners", "people", "per_year", "version"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "people": forms.Textarea(attrs={"rows": 2}),
            "partners": forms.CheckboxSelectMultiple(),
        }

    def __init__(self, *args, nota, **kwargs):
        super().__init__(*args, **kwargs)
        partners = nota.netwerk.partners.select_related("gemeente").order_by("name")
        self.fields["partners"].queryset = partners
        self.fields["partners"].label_from_instance = lambda p: (
            f"{p.name} ({p.gemeente.name})" if p.gemeente_id else p.name
        )


class MonitoringafspraakForm(forms.ModelForm):
    class Meta:
        model = Monitoringafspraak
        fields = ["indicator", "measure", "moment", "by_whom", "version"]

    def __init__(self, *args, nota, **kwargs):
        super().__init__(*args, **kwargs)
        indicators = list(
            ActieIndicator.objects.filter(actie__nota=nota)
            .select_related("actie__od__sd")
            .order_by("actie__od__sd__position", "actie__od__position", "actie__position", "pk")
        )
        field = self.fields["indicator"]
        field.queryset = ActieIndicator.objects.filter(pk__in=[i.pk for i in indicators])
        field.choices = [("", _("(none: say what is measured)"))] + [
            (i.pk, f"{i.actie.code} · {i.name}") for i in indicators
        ]
        self.fields["moment"].help_text = _("For example: every June, or after each activity.")


class GeplandReflectiemomentForm(forms.ModelForm):
    class Meta:
        model = GeplandReflectiemoment
        fields = ["moment", "year", "participants", "version"]
        widgets = {"participants": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, nota, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"] = forms.TypedChoiceField(
            label=_("year"),
            choices=[("", _("every year"))] + [(y, str(y)) for y in nota.ronde.years],
            coerce=int,
            empty_value=None,
            required=False,
        )
        self.fields["moment"].help_text = _("For example: the end of June, after the working year.")
