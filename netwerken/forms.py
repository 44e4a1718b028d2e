import re

from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import DeelnemendeGemeente, Gemeente, Invitation, Membership, Netwerk, Partner
from .models import RoleAssignment, User


class NetwerkForm(forms.ModelForm):
    class Meta:
        model = Netwerk
        fields = ["name", "igs_name", "referentieregio"]


def find_gemeente(text: str) -> Gemeente | None:
    """A municipality by NIS code, by name, or by the "Name (NIS code)" of our suggestion list."""
    text = " ".join(text.split())
    match = re.fullmatch(r"(.*?)\s*\(([\d-]+)\)", text)
    if match:
        text = match.group(2)
    if re.fullmatch(r"[\d-]+", text):
        return Gemeente.objects.filter(nis_code=text).first()
    found = list(Gemeente.objects.filter(name__iexact=text).order_by("kind")[:2])
    # "Antwerpen" is both the city and a district; the city is meant unless the code says otherwise.
    return found[0] if found else None


def gemeente_label(gemeente: Gemeente) -> str:
    return f"{gemeente} ({gemeente.nis_code})"


class GemeenteField(forms.CharField):
    """A text input with suggestions: the user types a name or NIS code."""

    default_error_messages = {
        "unknown": gettext_lazy(
            "“%(value)s” is not a known Flemish municipality, district or NIS code."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 150)
        super().__init__(**kwargs)
        self.widget.attrs.update({"list": "gemeente-suggesties", "autocomplete": "off"})

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        gemeente = find_gemeente(value)
        if gemeente is None:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"value": value}
            )
        return gemeente


class DeelnemendeGemeenteForm(forms.ModelForm):
    gemeente = GemeenteField(
        label=gettext_lazy("Municipality or district"),
        help_text=gettext_lazy("Type a name or a NIS code, e.g. Lokeren or 46014."),
    )

    class Meta:
        model = DeelnemendeGemeente
        fields = [
            "gemeente",
            "contact_name",
            "contact_function",
            "contact_email",
            "contact_phone",
            "contact_address",
        ]
        widgets = {"contact_address": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, netwerk: Netwerk, **kwargs):
        self.netwerk = netwerk
        super().__init__(*args, **kwargs)
        self.instance.netwerk = netwerk
        if self.instance.pk:
            self.initial["gemeente"] = gemeente_label(self.instance.gemeente)
        self.fields["contact_phone"].help_text = _("A Belgian number, e.g. 09 210 10 10.")

    def clean_gemeente(self):
        gemeente = self.cleaned_data["gemeente"]
        taken = self.netwerk.deelnemende_gemeenten.filter(gemeente=gemeente)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("%(gemeente)s already takes part in this network.") % {"gemeente": gemeente}
            )
        return gemeente

    def validate_unique(self):
        # clean_gemeente says it in words; the database constraint remains the last guard.
        pass


class GemeentenBulkForm(forms.Form):
    """Add several municipalities at once, without contacts."""

    gemeenten = forms.CharField(
        label=gettext_lazy("Municipalities or districts"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Names or NIS codes, one per line or separated by commas, e.g. 46014, Moerbeke."
        ),
    )

    def __init__(self, *args, netwerk: Netwerk, **kwargs):
        self.netwerk = netwerk
        super().__init__(*args, **kwargs)

    def clean_gemeenten(self):
        entries = [e.strip() for e in re.split(r"[,;\n]", self.cleaned_data["gemeenten"])]
        entries = [e for e in entries if e]
        taken = set(self.netwerk.deelnemende_gemeenten.values_list("gemeente_id", flat=True))
        found, errors = [], []
        for entry in entries:
            gemeente = find_gemeente(entry)
            if gemeente is None:
                errors.append(
                    _("“%(value)s” is not a known Flemish municipality, district or NIS code.")
                    % {"value": entry}
                )
            elif gemeente.pk in taken:
                errors.append(
                    _("%(gemeente)s already takes part in this network.") % {"gemeente": gemeente}
                )
            elif gemeente not in found:
                found.append(gemeente)
        if errors:
            raise forms.ValidationError(errors)
        if not found:
            raise forms.ValidationError(_("Give at least one municipality."))
        return found


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = [
            "name",
            "kind",
            "gemeente",
            "level",
            "contact_name",
            "contact_email",
            "contact_phone",
            "involvement",
            "future_involvement",
        ]
        widgets = {
            "involvement": forms.Textarea(attrs={"rows": 3}),
            "future_involvement": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, netwerk: Netwerk, **kwargs):
        self.netwerk = netwerk
        super().__init__(*args, **kwargs)
        self.instance.netwerk = netwerk
        gemeente_field = self.fields["gemeente"]
        gemeente_field.queryset = Gemeente.objects.filter(
            pk__in=netwerk.deelnemende_gemeenten.values("gemeente")
        )
        gemeente_field.empty_label = _("Regional (no single municipality)")
        self.fields["contact_phone"].help_text = _("A Belgian number, e.g. 09 210 10 10.")

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        if name:
            same = self.netwerk.partners.filter(
                name__iexact=name.strip(), gemeente=cleaned.get("gemeente")
            )
            if self.instance.pk:
                same = same.exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error(
                    "name", _("This network already has a partner with this name here.")
                )
        return cleaned


class InvitationForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email address"))
    role = forms.ChoiceField(
        label=gettext_lazy("Role"), choices=Membership.Role.choices, initial="partner"
    )
    partner = forms.ModelChoiceField(
        label=gettext_lazy("Speaks for partner"),
        queryset=Partner.objects.none(),
        required=False,
        help_text=gettext_lazy(
            "For a partner: the organisation whose involvement this person confirms."
        ),
    )

    def __init__(self, *args, netwerk: Netwerk, **kwargs):
        self.netwerk = netwerk
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = netwerk.partners.all()
        self.fields["partner"].empty_label = _("(none)")

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.netwerk.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member of the network."))
        return email


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "partner"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = self.instance.netwerk.partners.all()
        self.fields["partner"].empty_label = _("(none)")

    def clean_role(self):
        role = self.cleaned_data["role"]
        if role != Membership.Role.COORDINATOR and self.instance.is_last_coordinator:
            raise forms.ValidationError(
                _("A network needs at least one coordinator. Make someone else coordinator first.")
            )
        return role


class RoleAssignmentForm(forms.ModelForm):
    class Meta:
        model = RoleAssignment
        fields = ["role", "person_name", "partner"]

    def __init__(self, *args, netwerk: Netwerk, **kwargs):
        self.netwerk = netwerk
        super().__init__(*args, **kwargs)
        self.instance.netwerk = netwerk
        self.fields["partner"].queryset = netwerk.partners.all()
        self.fields["partner"].empty_label = _("(none)")

    def clean(self):
        cleaned = super().clean()
        role, person = cleaned.get("role"), cleaned.get("person_name")
        if role and person:
            same = self.netwerk.role_assignments.filter(
                Q(role=role) & Q(person_name__iexact=person.strip())
            ).exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error("person_name", _("This person already has this role."))
        return cleaned

    def validate_unique(self):
        pass


class AcceptInvitationForm(forms.Form):
    """For a newcomer: their name and a password."""

    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150)
    password1 = forms.CharField(
        label=gettext_lazy("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )
    password2 = forms.CharField(
        label=gettext_lazy("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def __init__(self, *args, invitation: Invitation, **kwargs):
        self.invitation = invitation
        super().__init__(*args, **kwargs)

    def clean(self):
        from django.contrib.auth.password_validation import validate_password

        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ."))
        elif p1:
            probe = User(
                email=self.invitation.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
