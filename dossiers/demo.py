"""Demo and reference dossiers (all invented): the Waasland network's afsprakennota in the round
open today (see `demo_round`), written well enough to show every part, and the large reference
dossier (2027-2032) used by the tests and benchmarks. Running it again changes nothing."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from netwerken.demo import LARGE_NETWORK
from netwerken.models import Netwerk, User

from .analyse_demo import seed_analyse
from .demo_begroting import seed_begroting
from .demo_doelen import seed_doelen
from .demo_opvolging import seed_opvolging
from .demo_westhoek import seed_westhoek
from .models import Afsprakennota, Indienronde, RequiredPartner, Visie
from .models.zelfscan import Domein, Zelfscan, ZelfscanScore

DEMO_NETWORK = "Netwerk Vrijetijdsparticipatie Waasland"

VISIE_TEXT = """
<h3>Vrije tijd is van iedereen</h3>
<p>In het Waasland moet iedereen kunnen kiezen hoe hij of zij de vrije tijd invult: een
voorstelling, een sportclub, een jeugdbeweging, een uitstap met het gezin. Voor wie in armoede
leeft, is dat vandaag niet vanzelfsprekend. Geld speelt mee, maar ook vervoer, onbekendheid met
het aanbod en het gevoel er niet bij te horen.</p>
<h3>Samen met mensen in armoede</h3>
<p>Het netwerk werkt <strong>met</strong> mensen in armoede, niet alleen <em>voor</em> hen. De
vereniging waar armen het woord nemen zit mee aan tafel bij elke keuze, en ervaringsdeskundigen
toetsen onze acties voor ze starten.</p>
<ul>
<li>We verlagen drempels in het bestaande aanbod van de vijf gemeenten.</li>
<li>We geven mensen een stem in wat er aangeboden wordt.</li>
<li>We bouwen een regionale UiTPAS-werking uit met kansentarief.</li>
</ul>
"""

VISIE_ANSWERS = {
    "q_goal": "Dat meer inwoners met een laag inkomen regelmatig deelnemen aan cultuur, jeugdwerk "
    "en sport, en mee bepalen wat er in de regio aangeboden wordt.",
    "q_values": "Gelijkwaardigheid, respect voor keuzevrijheid, duurzaamheid en samenwerking over "
    "de gemeentegrenzen heen.",
    "q_forms": "Individuele toeleiding met de UiTPAS, groepsactiviteiten via de vereniging en "
    "inspraak in de programmatie van de culturele centra.",
    "q_group": "Groepsactiviteiten zijn vaak de eerste stap; daarna begeleiden we mensen naar "
    "het reguliere aanbod, op hun eigen tempo.",
    "q_lasting": "Met vaste afspraken tussen de diensten en een jaarlijkse evaluatie met de "
    "ervaringsdeskundigen, niet met losse projecten.",
    "q_categorical": "Beide: waar nodig een aparte werking, maar altijd met de stap naar het "
    "inclusieve aanbod voor ogen.",
    "q_choice": "Mensen kiezen zelf; we bieden informatie en ondersteuning, geen verplicht "
    "traject.",
}


def demo_round(now: datetime | None = None) -> Indienronde:
    """The round the demo network writes its dossier in: the nearest round still open, so that a
    first look shows a dossier in its normal state (a deadline ahead), not one that is late.

    The data migration seeds the decree's rounds (deadlines 1 April 2026 and 1 April 2029). Once
    both have passed, a demo round is added relative to today: its deadline the first 1 April at
    least two months ahead, its period the years after it up to the end of the decree's six-year
    period (2027-2032, 2033-2038, ...), and the required partners of the latest round."""
    now = now or timezone.now()
    ronde = Indienronde.objects.filter(deadline__gte=now).order_by("deadline").first()
    if ronde is not None:
        return ronde
    brussels = ZoneInfo("Europe/Brussels")
    soon = timezone.localtime(now, brussels) + timedelta(days=60)
    year = soon.year if (soon.month, soon.day) <= (4, 1) else soon.year + 1
    deadline = datetime(year, 4, 1, 23, 59, tzinfo=brussels)
    first = year + 1
    last = 2032 + 6 * max(0, -(-(first - 2032) // 6))
    previous = Indienronde.objects.order_by("-deadline").first()
    ronde = Indienronde.objects.create(
        name=f"Indienronde {year} (subsidieperiode {first}-{last}, demo)",
        deadline=deadline,
        first_year=first,
        last_year=last,
        min_action_years=min(2, last - first + 1),
    )
    if previous is not None:
        for required in previous.required_partners.all():
            RequiredPartner.objects.create(
                ronde=ronde, label=required.label, kinds=required.kinds, per_gemeente=required.per_gemeente
            )
    return ronde


@transaction.atomic
def seed_dossiers() -> list[Afsprakennota]:
    """The demo network's dossier in the round open today (`demo_round`), the Westhoek network's
    submitted dossier for 2027-2032, and the large reference dossier for 2027-2032 if its network
    exists (`seed_demo --large`)."""
    ronde = Indienronde.objects.get(first_year=2027, last_year=2032)
    dossiers = []
    demo = Netwerk.objects.filter(name=DEMO_NETWORK).first()
    if demo is not None:
        nota, created = Afsprakennota.objects.get_or_create(netwerk=demo, ronde=demo_round())
        if created:
            Visie.objects.create(
                nota=nota,
                text=VISIE_TEXT,
                vorm=Visie.Vorm.BEIDE,
                vorm_motivation="We leiden toe naar het bestaande aanbod en geven mensen in "
                "armoede zeggenschap over dat aanbod.",
                inspraak="beslist",
                **VISIE_ANSWERS,
            )
        seed_doelen(nota=nota)
        seed_analyse(nota=nota)
        seed_begroting(nota=nota)
        seed_zelfscan(netwerk=demo)
        dossiers.append(nota)
    if (westhoek := seed_westhoek(ronde=ronde)) is not None:
        dossiers.append(westhoek)
    large = Netwerk.objects.filter(name=LARGE_NETWORK).first()
    if large is not None:
        nota, created = Afsprakennota.objects.get_or_create(netwerk=large, ronde=ronde)
        if created:
            Visie.objects.create(
                nota=nota, text=VISIE_TEXT, vorm=Visie.Vorm.BEIDE, vorm_motivation="Zie boven.",
                inspraak="geconsulteerd", **VISIE_ANSWERS,
            )
        seed_doelen(nota=nota, size="large")
        seed_analyse(nota=nota, size="large")
        seed_begroting(nota=nota)
        seed_zelfscan(netwerk=large)
        seed_opvolging(nota=nota)
        dossiers.append(nota)
    return dossiers


def reference_dossiers() -> tuple[Afsprakennota, Afsprakennota]:
    """(the small demo dossier, the large reference dossier), for benchmarks and tests."""
    ronde = Indienronde.objects.get(first_year=2027, last_year=2032)
    small = Afsprakennota.objects.get(netwerk__name=DEMO_NETWORK, ronde=demo_round())
    large = Afsprakennota.objects.get(netwerk__name=LARGE_NETWORK, ronde=ronde)
    return small, large


# The demo's self-scan: the coordinator and the OCMW see the network differently on
# communication and relations, which is what the spread is meant to show.
ZELFSCAN_SCORES = {
    "coordinator@example.org": ([4, 4, 3, 4, 4, 3, 4, 4, 2, 3], {
        "communicatie": "De nieuwsbrief gaat naar alle partners, maar wordt weinig gelezen.",
    }),
    "partner@example.org": ([4, 3, 2, 3, 1, 3, 2, 4, 2, 3], {
        "communicatie": "Wij horen pas achteraf wat er in de stuurgroep beslist is.",
        "relaties": "Het OCMW voelt zich vooral uitvoerder, niet echt partner.",
    }),
}


def seed_zelfscan(*, netwerk) -> Zelfscan:
    scan, created = Zelfscan.objects.get_or_create(
        netwerk=netwerk, title="Zelfscan najaar 2026", defaults={"opened_on": date(2026, 10, 15)}
    )
    if created:
        for email, (scores, remarks) in ZELFSCAN_SCORES.items():
            user = User.objects.get(email=email)
            membership = user.memberships.filter(netwerk=netwerk).first()
            for domein, score in zip(Domein, scores, strict=True):
                ZelfscanScore.objects.create(
                    scan=scan, user=user, partner=membership.partner if membership else None,
                    domein=domein, score=score, remark=remarks.get(domein.value, ""),
                )
    return scan
