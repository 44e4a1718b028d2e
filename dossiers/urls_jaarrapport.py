from django.urls import path

from . import views_jaarrapport as v

J = "dossiers/<int:pk>/opvolging/<int:year>/jaarrapport/"
E = J + "pdf/<int:export_pk>/"

urlpatterns = [
    path(J, v.jaarrapport, name="jaarrapport"),
    path(J + "stap/<str:name>/", v.jaarrapport_step, name="jaarrapport_step"),
    path(J + "opmerking/", v.jaarrapport_comment_post, name="jaarrapport_comment"),
    path(J + "bevestigen/", v.jaarrapport_confirm_part, name="jaarrapport_confirm"),
    path(J + "versies/<int:number>/", v.jaarrapport_version, name="jaarrapport_version"),
    path(J + "versies/<int:number>/pdf/", v.jaarrapport_version_pdf, name="jaarrapport_version_pdf"),
    path(J + "versies/<int:number>/word/", v.jaarrapport_version_word, name="jaarrapport_version_word"),
    path(J + "pdf/", v.jaarrapport_pdf, name="jaarrapport_pdf"),
    path(E, v.jaarrapport_pdf_status, name="jaarrapport_pdf_status"),
    path(E + "opnieuw/", v.jaarrapport_pdf_retry, name="jaarrapport_pdf_retry"),
    path(E + "download/", v.jaarrapport_pdf_download, name="jaarrapport_pdf_download"),
    path(J + "word/", v.jaarrapport_word, name="jaarrapport_word"),
]
