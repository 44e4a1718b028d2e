from django.urls import path

from . import views, views_members

urlpatterns = [
    path("", views.home, name="home"),
    path("netwerken/nieuw/", views.netwerk_create, name="netwerk_create"),
    path("netwerken/<int:pk>/bewerken/", views.netwerk_edit, name="netwerk_edit"),
    path("netwerken/<int:pk>/gemeenten/toevoegen/", views.gemeente_add, name="gemeente_add"),
    path(
        "netwerken/<int:pk>/gemeenten/meerdere/",
        views.gemeenten_bulk_add,
        name="gemeenten_bulk_add",
    ),
    path(
        "netwerken/<int:pk>/gemeenten/<int:deelnemer_pk>/bewerken/",
        views.gemeente_edit,
        name="gemeente_edit",
    ),
    path(
        "netwerken/<int:pk>/gemeenten/<int:deelnemer_pk>/verwijderen/",
        views.gemeente_remove,
        name="gemeente_remove",
    ),
    path("netwerken/<int:pk>/partners/toevoegen/", views.partner_add, name="partner_add"),
    path(
        "netwerken/<int:pk>/partners/<int:partner_pk>/bewerken/",
        views.partner_edit,
        name="partner_edit",
    ),
    path(
        "netwerken/<int:pk>/partners/<int:partner_pk>/verwijderen/",
        views.partner_remove,
        name="partner_remove",
    ),
    path("netwerken/<int:pk>/leden/", views_members.members, name="members"),
    path(
        "netwerken/<int:pk>/leden/<int:membership_pk>/bewerken/",
        views_members.membership_edit,
        name="membership_edit",
    ),
    path(
        "netwerken/<int:pk>/leden/<int:membership_pk>/verwijderen/",
        views_members.membership_remove,
        name="membership_remove",
    ),
    path(
        "netwerken/<int:pk>/uitnodigingen/<int:invitation_pk>/intrekken/",
        views_members.invitation_revoke,
        name="invitation_revoke",
    ),
    path("netwerken/<int:pk>/rollen/", views_members.roles, name="roles"),
    path(
        "netwerken/<int:pk>/rollen/<int:assignment_pk>/verwijderen/",
        views_members.role_remove,
        name="role_remove",
    ),
    path("uitnodiging/<str:token>/", views_members.invitation_accept, name="invitation_accept"),
]
