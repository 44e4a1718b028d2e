import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField
from simple_history.models import HistoricalRecords

from . import bounds
from .fields import BoundedCharField, BoundedTextField


class Provincie(models.TextChoices):
    """The five Flemish provinces, keyed by their NIS code."""

    ANTWERPEN = "10000", _("Antwerpen")
    VLAAMS_BRABANT = "20001", _("Vlaams-Brabant")
    WEST_VLAANDEREN = "30000", _("West-Vlaanderen")
    OOST_VLAANDEREN = "40000", _("Oost-Vlaanderen")
    LIMBURG = "70000", _("Limburg")


class Gemeente(models.Model):
    """A Flemish municipality, or one of Antwerp's districts, that can take part in a network."""

    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("municipality")
        DISTRICT = "district", _("district")

    nis_code = models.CharField(_("NIS code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=100)
    province = models.CharField(_("province"), max_length=5, choices=Provincie.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.GEMEENTE)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("municipality of the district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="districts",
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name", "kind"]

    def __str__(self):
        if self.kind == self.Kind.DISTRICT:
            return _("%(name)s (district)") % {"name": self.name}
        return self.name


def normalise_email(value) -> str:
    """The one spelling of an email address: without surrounding spaces, in lower case.

    Accounts, the login lockout, password resets and invitations all compare addresses in this form.
    """
    return str(value or "").strip().lower()


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=normalise_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # People type their address with capitals now and then; it is the same account.
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person who logs in with an email address."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    is_reviewer = models.BooleanField(
        _("publiq staff member"),
        default=False,
        help_text=_("Sees and reviews the dossiers of all networks."),
    )

    muted_email_kinds = models.JSONField(
        _("emails I do not want"),
        default=list,
        blank=True,
        help_text=_("Kinds of notification this person only wants in the app, not by email."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "email"]
        constraints = [
            # Also holds for rows written without save() (update(), bulk_create, raw SQL).
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_in_any_case",
                violation_error_message=_("An account with this email address already exists."),
            )
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = normalise_email(self.email)

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


class Netwerk(models.Model):
    """The bovenlokaal netwerk vrijetijdsparticipatie of one IGS cultuur."""

    name = BoundedCharField(_("name of the network"), max_length=bounds.NAME)
    igs_name = BoundedCharField(_("name of the IGS"), max_length=bounds.NAME)
    referentieregio = BoundedCharField(
        _("reference region"),
        max_length=bounds.NAME,
        help_text=_("The reference region in which the IGS works."),
    )
    gemeenten = models.ManyToManyField(
        Gemeente, through="DeelnemendeGemeente", related_name="netwerken", blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    history = HistoricalRecords()


    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("netwerk_detail", args=[self.pk])

    def coordinators(self):
        return User.objects.filter(
            memberships__netwerk=self, memberships__role=Membership.Role.COORDINATOR, is_active=True
        )


class DeelnemendeGemeente(models.Model):
    """A municipality or district that takes part in a network, with its contact person.

    Together these rows are the zakelijk deel's list of participating municipalities.
    """

    netwerk = models.ForeignKey(
        Netwerk, on_delete=models.CASCADE, related_name="deelnemende_gemeenten"
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("municipality or district"), on_delete=models.PROTECT, related_name="+"
    )
    contact_name = BoundedCharField(_("contact name"), max_length=bounds.NAME, blank=True)
    contact_function = BoundedCharField(_("function"), max_length=bounds.NAME, blank=True)
    contact_email = models.EmailField(_("email address"), blank=True)
    contact_phone = PhoneNumberField(_("phone number"), region="BE", blank=True)
    contact_address = BoundedTextField(_("postal address"), max_length=bounds.ADDRESS, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participating municipality")
        verbose_name_plural = _("participating municipalities")
        ordering = ["gemeente__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["netwerk", "gemeente"], name="unique_gemeente_per_netwerk"
            )
        ]

    def __str__(self):
        return str(self.gemeente)

    CONTACT_FIELDS = (
        "contact_name",
        "contact_function",
        "contact_email",
        "contact_phone",
        "contact_address",
    )

    @property
    def missing_contact_fields(self) -> list[str]:
        """The verbose names of the contact fields that are still empty."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.CONTACT_FIELDS
            if not getattr(self, name)
        ]

    @property
    def contact_complete(self) -> bool:
        return not self.missing_contact_fields


class Partner(models.Model):
    """An organisation that takes part in the network."""

    class Kind(models.TextChoices):
        CULTUURDIENST = "cultuurdienst", _("culture service")
        JEUGDDIENST = "jeugddienst", _("youth service")
        SPORTDIENST = "sportdienst", _("sports service")
        OCMW = "ocmw", _("OCMW / Sociaal Huis")
        VERENIGING_ARMEN = "vereniging_armen", _("association where people in poverty speak")
        ARMOEDEORGANISATIE = "armoedeorganisatie", _("other poverty organisation")
        INTEGRATIEDIENST = "integratiedienst", _("integration service")
        BUURTWERK = "buurtwerk", _("neighbourhood work")
        CAW = "caw", _("CAW")
        BIBLIOTHEEK = "bibliotheek", _("library")
        ONDERWIJS = "onderwijs", _("education")
        UITPAS = "uitpas", _("UiTPAS region")
        VRIJETIJDSAANBIEDER = "vrijetijdsaanbieder", _("leisure provider")
        ANDERE = "andere", _("other")

    # Kinds that speak for people in poverty: a network needs at least one of them.
    POVERTY_KINDS = frozenset({Kind.VERENIGING_ARMEN, Kind.ARMOEDEORGANISATIE})

    class Level(models.TextChoices):
        KERNPARTNER = "kernpartner", _("core partner")
        UITVOEREND = "uitvoerend", _("executing partner")
        KLANKBORD = "klankbord", _("sounding board")

    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="partners")
    name = BoundedCharField(_("name of the organisation"), max_length=bounds.NAME)
    kind = models.CharField(_("kind of partner"), max_length=30, choices=Kind.choices)
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("works for municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leave empty for a regional partner."),
    )
    contact_name = BoundedCharField(_("contact name"), max_length=bounds.NAME, blank=True)
    contact_email = models.EmailField(_("contact email address"), blank=True)
    contact_phone = PhoneNumberField(_("contact phone number"), region="BE", blank=True)
    level = models.CharField(
        _("involvement level"), max_length=20, choices=Level.choices, default=Level.UITVOEREND
    )
    involvement = BoundedTextField(
        _("how the partner is involved today"),
        max_length=bounds.TEXT,
        blank=True,
        help_text=_("What does this partner already do in the network?"),
    )
    future_involvement = BoundedTextField(
        _("how the partner will be involved"),
        max_length=bounds.TEXT,
        blank=True,
        help_text=_("What will this partner do in the new period?"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_regional(self) -> bool:
        return self.gemeente_id is None


class Membership(models.Model):
    """A person's role in one network."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("coordinator")
        PARTNER = "partner", _("partner")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("speaks for partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        help_text=_("The organisation for which this person confirms the involvement."),
    )
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["role", "user__first_name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "netwerk"], name="one_membership_per_netwerk")
        ]

    def __str__(self):
        return f"{self.user} – {self.netwerk} ({self.get_role_display()})"

    @property
    def is_last_coordinator(self) -> bool:
        if self.role != self.Role.COORDINATOR:
            return False
        return not self.netwerk.memberships.filter(role=self.Role.COORDINATOR).exclude(
            pk=self.pk
        ).exists()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )

    def by_token(self, token: str):
        return self.filter(token_hash=hash_token(token))


class Invitation(models.Model):
    """A single-use link, sent by email, with which someone joins a network in a given role.

    Only a hash of the token is kept: the link in the email is the one place it exists.
    """

    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("speaks for partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.netwerk}"

    @classmethod
    def issue(cls, *, netwerk, email, role, partner=None, invited_by=None):
        """Create an invitation and return it with the plain token for the link."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            netwerk=netwerk,
            email=normalise_email(email),
            role=role,
            partner=partner,
            invited_by=invited_by,
            token_hash=hash_token(token),
            expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
        )
        return invitation, token

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"

    @property
    def is_usable(self) -> bool:
        return self.status == "pending"

    def revoke(self):
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])

    def is_for(self, user) -> bool:
        """Whether `user`'s account has the address this invitation was sent to."""
        return normalise_email(user.email) == normalise_email(self.email)

    @transaction.atomic
    def accept(self, user) -> "Membership":
        """Join the network as `user`. Raises ValueError when the link can no longer be used, or
        when `user` is not the account of the invited address."""
        locked = Invitation.objects.select_for_update().get(pk=self.pk)
        if not locked.is_usable:
            raise ValueError(locked.status)
        if not locked.is_for(user):
            raise ValueError("other_account")
        membership, created = Membership.objects.get_or_create(
            user=user,
            netwerk=locked.netwerk,
            defaults={"role": locked.role, "partner": locked.partner},
        )
        if not created and locked.role == Membership.Role.COORDINATOR:
            # An invitation never lowers a role; it may raise a partner to coordinator.
            membership.role = Membership.Role.COORDINATOR
            membership.save(update_fields=["role"])
        locked.accepted_at = timezone.now()
        locked.accepted_by = user
        locked.save(update_fields=["accepted_at", "accepted_by"])
        self.accepted_at, self.accepted_by = locked.accepted_at, user
        return membership


class Beheerrol(models.TextChoices):
    """The five network management roles (UGent)."""

    OPERATOR = "operator", _("network operator")
    PROMOTOR = "promotor", _("network promotor")
    VISIEBEWAKER = "visiebewaker", _("vision keeper")
    CREATIEVE_DENKER = "creatieve_denker", _("creative thinker")
    KAMPIOEN = "kampioen", _("network champion")


BEHEERROL_UITLEG = {
    Beheerrol.OPERATOR: _("organises, keeps the process going and keeps track of agreements"),
    Beheerrol.PROMOTOR: _("motivates partners and makes connections"),
    Beheerrol.VISIEBEWAKER: _("keeps the shared vision alive and tests choices against it"),
    Beheerrol.CREATIEVE_DENKER: _("brings new ideas and breaks fixed patterns"),
    Beheerrol.KAMPIOEN: _("carries the network out, inside and outside the region"),
}


class RoleAssignment(models.Model):
    """Who takes up one of the network management roles."""

    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(_("network role"), max_length=20, choices=Beheerrol.choices)
    person_name = BoundedCharField(_("name"), max_length=bounds.NAME)
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="role_assignments",
    )

    class Meta:
        verbose_name = _("network role")
        verbose_name_plural = _("network roles")
        ordering = ["role", "person_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["netwerk", "role", "person_name"], name="unique_role_per_person"
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.person_name}"


class PasswordResetRequestQuerySet(models.QuerySet):
    def since(self, moment):
        return self.filter(created_at__gt=moment)


class PasswordResetRequest(models.Model):
    """One request for a password reset link, kept for a day to limit how many are sent.

    Counted in the database, not in a web process, so that every process sees the same count.
    """

    WINDOW = timedelta(hours=1)
    KEPT_FOR = timedelta(days=1)

    email = models.CharField(_("email address"), max_length=254)
    ip_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)

    objects = PasswordResetRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("password reset request")
        verbose_name_plural = _("password reset requests")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["email", "created_at"]),
            models.Index(fields=["ip_address", "created_at"]),
        ]

    def __str__(self):
        return f"{self.email} ({self.ip_address})"

    @classmethod
    def refusal(cls, *, email: str, ip_address: str | None) -> str | None:
        """Why another link may not be sent now (a Dutch sentence), or None when it may."""
        recent = cls.objects.since(timezone.now() - cls.WINDOW)
        per_address = settings.PASSWORD_RESET_MAX_PER_ADDRESS
        if recent.filter(email=normalise_email(email)).count() >= per_address:
            return _(
                "A link for this address has been asked for %(count)s times in the last hour. "
                "Use the link in one of those emails, or try again in an hour."
            ) % {"count": per_address}
        per_client = settings.PASSWORD_RESET_MAX_PER_CLIENT
        if ip_address and recent.filter(ip_address=ip_address).count() >= per_client:
            return _(
                "Too many links have been asked for from your connection in the last hour. "
                "Try again in an hour."
            )
        return None

    @classmethod
    def record(cls, *, email: str, ip_address: str | None) -> "PasswordResetRequest":
        cls.objects.filter(created_at__lt=timezone.now() - cls.KEPT_FOR).delete()
        return cls.objects.create(email=normalise_email(email), ip_address=ip_address)
