import factory
from factory.django import DjangoModelFactory

from netwerken.gemeenten import load_gemeenten
from netwerken.models import DeelnemendeGemeente, Gemeente, Membership, Netwerk, Partner, User


def ensure_gemeenten():
    """The municipalities come with a data migration; transactional tests flush them away."""
    if not Gemeente.objects.exists():
        load_gemeenten(Gemeente)


def ensure_rondes():
    """The rounds come with a data migration too."""
    from importlib import import_module

    from django.apps import apps

    from dossiers.models import Indienronde

    if not Indienronde.objects.exists():
        import_module("dossiers.migrations.0002_seed_rounds").seed(apps, None)


def gemeente(name: str) -> Gemeente:
    ensure_gemeenten()
    return Gemeente.objects.get(name=name, kind=Gemeente.Kind.GEMEENTE)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    password = factory.django.Password("geheim-wachtwoord")


class NetwerkFactory(DjangoModelFactory):
    class Meta:
        model = Netwerk

    name = factory.Sequence(lambda n: f"Netwerk {n}")
    igs_name = factory.Sequence(lambda n: f"IGS Cultuur {n}")
    referentieregio = "Waasland"


class DeelnemendeGemeenteFactory(DjangoModelFactory):
    class Meta:
        model = DeelnemendeGemeente

    netwerk = factory.SubFactory(NetwerkFactory)
    gemeente = factory.LazyFunction(lambda: gemeente("Temse"))
    contact_name = factory.Faker("name", locale="nl_BE")
    contact_function = "diensthoofd vrije tijd"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")
    contact_phone = "+3237101211"
    contact_address = "Kouterstraat 1, 9140 Temse"


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner

    netwerk = factory.SubFactory(NetwerkFactory)
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = Partner.Kind.CULTUURDIENST
    level = Partner.Level.UITVOEREND


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    netwerk = factory.SubFactory(NetwerkFactory)
    role = Membership.Role.COORDINATOR


def make_ready(nota):
    """Fill a dossier so that every blocking checklist rule passes (the test's starting point
    for submitting). Keep in step with dossiers/checklist.py."""
    from dossiers.models import Visie

    netwerk = nota.netwerk
    Visie.objects.update_or_create(
        nota=nota,
        defaults={
            "text": "<p>Iedereen doet mee.</p>",
            "vorm": "beide",
            "vorm_motivation": "Toeleiden en zeggenschap.",
            "inspraak": "beslist",
        },
    )
    for deelnemer in netwerk.deelnemende_gemeenten.select_related("gemeente"):
        for kind in ["cultuurdienst", "jeugddienst", "sportdienst", "ocmw"]:
            if not netwerk.partners.filter(kind=kind, gemeente=deelnemer.gemeente).exists():
                PartnerFactory(
                    netwerk=netwerk,
                    kind=kind,
                    gemeente=deelnemer.gemeente,
                    name=f"{kind} {deelnemer.gemeente.name}",
                    involvement="Doet mee.",
                    future_involvement="Blijft meedoen.",
                )
    if not netwerk.partners.filter(kind="vereniging_armen").exists():
        PartnerFactory(netwerk=netwerk, kind="vereniging_armen", name="De Klink")
    from dossiers.models import Actie, OperationeleDoelstelling, StrategischeDoelstelling

    if not nota.strategische_doelstellingen.exists():
        lead = netwerk.partners.get(kind="vereniging_armen")
        sd = StrategischeDoelstelling.objects.create(nota=nota, title="Iedereen kent het aanbod")
        od = OperationeleDoelstelling.objects.create(sd=sd, title="Toeleiders kennen het aanbod")
        Actie.objects.create(od=od, title="Infomarkt", years=nota.ronde.action_years, lead_partner=lead)
    from dossiers.analyse_demo import seed_analyse

    ensure_indicators()
    seed_analyse(nota=nota)
    from dossiers.services_begroting import BudgetGrid, budget_save

    if BudgetGrid(nota).is_empty:  # a small balanced budget
        amounts = {}
        for year in nota.ronde.years:
            amounts[f"c-werking-{year}"] = "1000"
            amounts[f"c-eigen_inbreng-{year}"] = "1000"
        budget_save(nota=nota, data=amounts)
    return nota


def add_samenwerking(nota):
    """Cooperation agreements with a body across two municipalities, a monitoring line on an
    action's indicator and a reflection moment every year: every samenwerking rule passes."""
    from dossiers.models import (
        Actie,
        ActieIndicator,
        Monitoringafspraak,
        Overlegorgaan,
        GeplandReflectiemoment,
        Samenwerking,
    )
    from netwerken.models import RoleAssignment

    netwerk = nota.netwerk
    Samenwerking.objects.update_or_create(
        nota=nota,
        defaults={
            "besluitvorming": "<p>De stuurgroep beslist bij consensus; de coördinator heeft mandaat tot 2.500 euro.</p>",
            "communicatie_intern": "<p>Een nieuwsbrief per maand.</p>",
            "communicatie_extern": "<p>UiT-kalender en toeleiders.</p>",
            "monitoring": "<p>We volgen het bereik per werkjaar.</p>",
            "participatie": "<p>Twee ervaringsdeskundigen zetelen in de stuurgroep.</p>",
            "duurzaamheid": "<p>De gemeenten nemen de werking op in hun meerjarenplan.</p>",
        },
    )
    body = Overlegorgaan.objects.create(
        nota=nota, name="Stuurgroep Samen Uit", purpose="Sturen en beslissen.", per_year=4,
        people="Twee ervaringsdeskundigen",
    )
    body.partners.set([p for p in netwerk.partners.filter(kind="cultuurdienst")])
    RoleAssignment.objects.get_or_create(
        netwerk=netwerk, role="operator", person_name="Els Peeters",
        defaults={"partner": netwerk.partners.filter(kind="cultuurdienst").first()},
    )
    actie = Actie.objects.filter(nota=nota).order_by("pk").first()
    indicator = ActieIndicator.objects.create(actie=actie, name="Deelnemers met kansentarief", target="200")
    Monitoringafspraak.objects.create(nota=nota, indicator=indicator, moment="Elk jaar in december", by_whom="De coördinator")
    Monitoringafspraak.objects.create(nota=nota, measure="Tevredenheid van de partners", moment="Juni 2029", by_whom="Stuurgroep")
    GeplandReflectiemoment.objects.create(nota=nota, moment="Eind juni", participants="Stuurgroep en De Klink")
    return nota


# --- Omgevingsanalyse (analyses app) ---


def ensure_indicators():
    """The indicator catalogue comes with a data migration; transactional tests flush it."""
    from importlib import import_module

    from django.apps import apps

    from analyses.models import Indicator

    if not Indicator.objects.exists():
        catalogue = import_module("analyses.migrations.0002_seed_indicators")
        catalogue.seed(apps, None)
        catalogue.set_kinds(apps)


def indicator(code: str):
    from analyses.models import Indicator

    ensure_indicators()
    return Indicator.objects.get(code=code)


class IndicatorValueFactory(DjangoModelFactory):
    class Meta:
        model = "analyses.IndicatorValue"

    indicator = factory.LazyFunction(lambda: indicator("kansarmoede-index"))
    gemeente = factory.LazyFunction(lambda: gemeente("Temse"))
    year = 2023
    value = factory.Sequence(lambda n: 10 + n)
