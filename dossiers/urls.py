from django.urls import include, path

from . import views, views_comments, views_netwerk, views_export, views_notifications, views_review, views_visie, views_workflow

urlpatterns = [
    path("netwerken/<int:pk>/", views_netwerk.netwerk_detail, name="netwerk_detail"),
    path("netwerken/<int:pk>/dossiers/nieuw/", views.dossier_start, name="dossier_start"),
    path("netwerken/<int:pk>/dossiers/kopie/", views.dossier_copy, name="dossier_copy"),
    path("dossiers/<int:pk>/", views.overview, name="dossier_overview"),
    path("dossiers/<int:pk>/visie/", views_visie.visie, name="dossier_visie"),
    path("dossiers/<int:pk>/partners/", views.partners, name="dossier_partners"),
    path("dossiers/<int:pk>/gemeenten/", views.gemeenten, name="dossier_gemeenten"),
    path("dossiers/<int:pk>/geschiedenis/", views.history, name="dossier_history"),
    path("dossiers/<int:pk>/stap/<str:name>/", views_workflow.transition, name="dossier_transition"),
    path("dossiers/<int:pk>/versies/", views_workflow.versions, name="dossier_versions"),
    path(
        "dossiers/<int:pk>/versies/<int:number>/",
        views_workflow.version_detail,
        name="dossier_version",
    ),
    path(
        "dossiers/<int:pk>/versies/<int:number>/verschillen/",
        views_workflow.version_diff,
        name="dossier_version_diff",
    ),
    path("dossiers/<int:pk>/commentaar/", views_comments.comments, name="dossier_comments"),
    path(
        "dossiers/<int:pk>/commentaar/<int:comment_pk>/antwoorden/",
        views_comments.comment_reply,
        name="comment_reply",
    ),
    path(
        "dossiers/<int:pk>/commentaar/<int:comment_pk>/bewerken/",
        views_comments.comment_edit,
        name="comment_edit",
    ),
    path(
        "dossiers/<int:pk>/commentaar/<int:comment_pk>/afsluiten/",
        views_comments.comment_resolve,
        name="comment_resolve",
    ),
    path(
        "dossiers/<int:pk>/partners/<int:partner_pk>/bevestigen/",
        views_review.confirm,
        name="dossier_confirm",
    ),
    path("dossiers/<int:pk>/beoordeling/", views_review.review, name="dossier_review"),
    path("beoordeling/", views_review.review_list, name="review_list"),
    path("meldingen/", views_notifications.notifications, name="notifications"),
    path("meldingen/gelezen/", views_notifications.notifications_read, name="notifications_read"),
    path(
        "meldingen/instellingen/",
        views_notifications.notification_settings,
        name="notification_settings",
    ),
    path("dossiers/<int:pk>/pdf/", views_export.pdf_request, name="pdf_request"),
    path("dossiers/<int:pk>/word/", views_export.word_download, name="word_download"),
    path("dossiers/<int:pk>/json/", views_export.json_download, name="json_download"),
    path("dossiers/<int:pk>/pdf/<int:export_pk>/", views_export.pdf_status, name="pdf_status"),
    path(
        "dossiers/<int:pk>/pdf/<int:export_pk>/opnieuw/", views_export.pdf_retry, name="pdf_retry"
    ),
    path(
        "dossiers/<int:pk>/pdf/<int:export_pk>/download/",
        views_export.pdf_download,
        name="pdf_download",
    ),
    path(
        "dossiers/<int:pk>/versies/<int:number>/pdf/",
        views_export.version_pdf,
        name="version_pdf",
    ),
    path("", include("dossiers.urls_doelen")),
    path("", include("dossiers.urls_begroting")),
    path("", include("dossiers.urls_zelfscan")),
    path("", include("dossiers.urls_ronde")),
    path("", include("dossiers.urls_voortgang")),
    path("", include("dossiers.urls_opvolging")),
    path("", include("dossiers.urls_jaarrapport")),
    path("", include("dossiers.urls_samenwerking")),
    path("", include("dossiers.urls_analyse")),
]
