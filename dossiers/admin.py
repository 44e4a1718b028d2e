from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from netwerken.models import Partner

from .models import Afsprakennota, Indienronde, RequiredPartner, Visie


class RequiredPartnerForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        choices=Partner.Kind.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = RequiredPartner
        fields = ["label", "kinds", "per_gemeente"]


class RequiredPartnerInline(admin.StackedInline):
    model = RequiredPartner
    form = RequiredPartnerForm
    extra = 0


@admin.register(Indienronde)
class IndienrondeAdmin(admin.ModelAdmin):
    list_display = ["name", "deadline", "first_year", "last_year", "min_action_years"]
    inlines = [RequiredPartnerInline]


@admin.register(Afsprakennota)
class AfsprakennotaAdmin(admin.ModelAdmin):
    list_display = ["netwerk", "ronde", "status", "created_at"]
    list_filter = ["ronde", "status"]
    search_fields = ["netwerk__name"]


@admin.register(Visie)
class VisieAdmin(SimpleHistoryAdmin):
    list_display = ["nota", "vorm", "updated_at"]
