"""Demo and reference dossiers (all invented): the Waasland network's afsprakennota for
2027-2032, written well enough to show every part, and the large reference dossier used by the
tests and benchmarks. Running it again changes nothing."""

from datetime import date

from django.db import transaction

from analyses.demo import seed_analyse
from netwerken.demo import LARGE_NETWORK
from netwerken.models import Netwerk, User

from .demo_begroting import seed_begroting
from .demo_doelen import seed_doelen
from .demo_westhoek import seed_westhoek
from .models import Afsprakennota, Indienronde, Visie
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


@transaction.atomic
def seed_dossiers() -> list[Afsprakennota]:
    """The demo network's dossier for 2027-2032, the Westhoek network's submitted one, and the
    large reference dossier if its network exists (`seed_demo --large`)."""
    ronde = Indienronde.objects.get(first_year=2027, last_year=2032)
    dossiers = []
    demo = Netwerk.objects.filter(name=DEMO_NETWORK).first()
    if demo is not None:
        nota, created = Afsprakennota.objects.get_or_create(netwerk=demo, ronde=ronde)
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
        dossiers.append(nota)
    return dossiers


def reference_dossiers() -> tuple[Afsprakennota, Afsprakennota]:
    """(the small demo dossier, the large reference dossier), for benchmarks and tests."""
    ronde = Indienronde.objects.get(first_year=2027, last_year=2032)
    small = Afsprakennota.objects.get(netwerk__name=DEMO_NETWORK, ronde=ronde)
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
