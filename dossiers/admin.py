from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from netwerken.models import Partner

from .models import (
    Afsprakennota,
    Bevraging,
    Drempelbeschrijving,
    GekozenIndicator,
    Kansengroep,
    KwalitatieveAnalyse,
    SwotItem,
    Comment,
    DossierVersion,
    Indienronde,
    Monitoringafspraak,
    Notification,
    Overlegorgaan,
    PdfExport,
    GeplandReflectiemoment,
    RequiredPartner,
    Samenwerking,
    TransitionRecord,
    Visie,
)


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
    list_display = ["name", "deadline", "review_deadline", "first_year", "last_year", "min_action_years"]
    inlines = [RequiredPartnerInline]


@admin.register(Afsprakennota)
class AfsprakennotaAdmin(admin.ModelAdmin):
    list_display = ["netwerk", "ronde", "status", "reviewer", "created_at"]
    list_filter = ["ronde", "status", "reviewer"]
    search_fields = ["netwerk__name"]
    list_select_related = ["netwerk", "ronde", "reviewer"]
    readonly_fields = ["created_by"]  # who started the dossier is a fact, not a choice


@admin.register(Visie)
class VisieAdmin(SimpleHistoryAdmin):
    list_display = ["nota", "vorm", "updated_at"]


@admin.register(DossierVersion)
class DossierVersionAdmin(admin.ModelAdmin):
    list_display = ["nota", "number", "submitted_at", "submitted_by", "late"]
    list_filter = ["late"]
    readonly_fields = ["nota", "number", "submitted_at", "submitted_by", "late", "snapshot", "sha256"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # a submitted version never changes


@admin.register(TransitionRecord)
class TransitionRecordAdmin(admin.ModelAdmin):
    list_display = ["nota", "name", "from_status", "to_status", "by", "at"]
    list_filter = ["name"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["nota", "section", "anchor_label", "author", "visibility", "created_at", "resolved_at"]
    list_filter = ["visibility", "section"]
    search_fields = ["body"]


@admin.register(PdfExport)
class PdfExportAdmin(admin.ModelAdmin):
    list_display = ["nota", "version", "state", "failure", "attempts", "pages", "seconds", "created_at"]
    list_filter = ["state", "failure", "draft"]
    exclude = ["document"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "message", "created_at", "read_at"]
    list_filter = ["kind"]


@admin.register(Samenwerking)
class SamenwerkingAdmin(SimpleHistoryAdmin):
    list_display = ["nota", "updated_at"]


@admin.register(Overlegorgaan)
class OverlegorgaanAdmin(SimpleHistoryAdmin):
    list_display = ["name", "nota", "per_year"]
    filter_horizontal = ["partners"]


@admin.register(Monitoringafspraak)
class MonitoringafspraakAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "nota", "moment", "by_whom"]
    raw_id_fields = ["indicator"]


@admin.register(GeplandReflectiemoment)
class GeplandReflectiemomentAdmin(SimpleHistoryAdmin):
    list_display = ["moment", "year", "nota"]


# The dossier's analysis: kept with its history, edited on the dossier's pages.
for model in (GekozenIndicator, KwalitatieveAnalyse, SwotItem, Drempelbeschrijving, Kansengroep, Bevraging):
    admin.site.register(model, SimpleHistoryAdmin)
