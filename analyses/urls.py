from django.urls import path

from . import views_import

IMPORT = "cijfers/importeren/"

urlpatterns = [
    path(IMPORT, views_import.upload, name="import_upload"),
    path(IMPORT + "<int:batch_pk>/", views_import.preview, name="import_preview"),
    path(IMPORT + "<int:batch_pk>/kolommen/", views_import.mapping, name="import_mapping"),
    path(IMPORT + "<int:batch_pk>/bevestigen/", views_import.confirm, name="import_confirm"),
    path(IMPORT + "<int:batch_pk>/naam/", views_import.accept_name, name="import_accept_name"),
    path(IMPORT + "<int:batch_pk>/annuleren/", views_import.cancel, name="import_cancel"),
    path(IMPORT + "<int:batch_pk>/ongedaan-maken/", views_import.undo, name="import_undo"),
]
