"""The indicator catalogue is kept by staff here. Values change only through imports (so that
every change can be undone exactly): in the admin they can be looked at, not edited."""

from django.contrib import admin

from .models import ImportBatch, Indicator, IndicatorValue


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "publisher", "kind", "flemish_row", "higher_is_worse", "active"]
    list_filter = ["active", "kind", "flemish_row", "publisher", "higher_is_worse"]
    search_fields = ["name", "code", "publisher"]
    prepopulated_fields = {"code": ["name"]}


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "gemeente", "year", "value", "batch", "updated_at"]
    list_filter = ["indicator", "year"]
    search_fields = ["gemeente__name", "gemeente__nis_code"]
    list_select_related = ["indicator", "gemeente", "batch"]


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = ["indicator", "filename", "uploaded_by", "status", "created_at", "n_created", "n_changed"]
    list_filter = ["status", "indicator"]
    exclude = ["rows"]
    list_select_related = ["indicator", "uploaded_by"]
