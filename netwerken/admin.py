from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import (
    DeelnemendeGemeente,
    Gemeente,
    Invitation,
    Membership,
    Netwerk,
    Partner,
    PasswordResetRequest,
    RoleAssignment,
    User,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_reviewer", "is_staff", "is_active"]
    list_filter = ["is_reviewer", "is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["first_name", "last_name"]}),
        (
            _("Rights"),
            {
                "fields": [
                    "is_active",
                    "is_reviewer",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["name", "nis_code", "province", "kind"]
    list_filter = ["province", "kind"]
    search_fields = ["name", "nis_code"]


class DeelnemendeGemeenteInline(admin.TabularInline):
    model = DeelnemendeGemeente
    extra = 0
    autocomplete_fields = ["gemeente"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Netwerk)
class NetwerkAdmin(admin.ModelAdmin):
    list_display = ["name", "igs_name", "referentieregio"]
    search_fields = ["name", "igs_name", "referentieregio"]
    inlines = [DeelnemendeGemeenteInline, MembershipInline]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "gemeente", "level", "netwerk"]
    list_filter = ["kind", "level", "netwerk"]
    search_fields = ["name", "contact_name"]
    autocomplete_fields = ["gemeente"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "netwerk", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "netwerk"]
    search_fields = ["email"]
    readonly_fields = ["token_hash", "accepted_at", "accepted_by", "created_at"]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ["person_name", "role", "netwerk", "partner"]
    list_filter = ["role", "netwerk"]


@admin.register(PasswordResetRequest)
class PasswordResetRequestAdmin(admin.ModelAdmin):
    """Read only: who asked for reset links lately (kept a day), to see a flood coming."""

    list_display = ["email", "ip_address", "created_at"]
    search_fields = ["email", "ip_address"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
