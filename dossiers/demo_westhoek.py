"""The demo's approved dossier (all invented): the Westhoek network wrote its afsprakennota for
2027-2032, asked its partners, submitted, got a first review with remarks and a request for
changes, adjusted and submitted a second version, which publiq approved. It now prepares its
first working year: the 2027 follow-up is started and its yearly report is a draft. Everything
goes through the services the pages use, so versions with their SHA-256, workflow steps,
notifications and history all exist; every step keeps its own date (demo_timeline.py).
Running it again changes nothing: a dossier that has a version is left alone."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from netwerken.models import Netwerk, User

from . import anchors
from .analyse_demo import seed_analyse
from .demo_begroting import seed_begroting
from .demo_doelen import seed_doelen
from .demo_timeline import Timeline
from .forms_review import ReviewRemarkForm
from .models import Actie, ActieOpvolging, Afsprakennota, Comment, PartnerConfirmation, ReviewRemark, Section, Visie
from .services import comment_post, dossier_transition, partner_confirm
from .services_jaarrapport import jaarrapport_of
from .services_opvolging import werkjaar_start

WESTHOEK = "Vrijetijdsnetwerk Westhoek"
COORDINATOR = "coordinator.westhoek@example.org"
PARTNER = "partner.westhoek@example.org"
ERVARINGSDESKUNDIGE = "ervaringsdeskundige.westhoek@example.org"
REVIEWER = "reviewer@example.org"
VERENIGING = "De Vlonder (vereniging waar armen het woord nemen)"

BRUSSELS = ZoneInfo("Europe/Brussels")


def _on(month, day, hour=10):
    return datetime(2026, month, day, hour, tzinfo=BRUSSELS)


# When each chapter of the story happened: the first version well before the deadline of
# 1 April 2026, the second after publiq asked for changes.
WRITTEN, CONSULTED, SUBMITTED, REVIEWED, CHANGES_ASKED, ADJUSTED = (
    _on(1, 12), _on(2, 2), _on(3, 16, 14), _on(4, 2, 9), _on(4, 20, 16), _on(5, 4)
)
RESUBMITTED, APPROVED, FOLLOW_UP = _on(5, 11, 11), _on(6, 18, 15), _on(11, 27, 14)

REVIEW_V2 = [
    (Section.VISIE, "in_orde", "Mensen in armoede beslissen nu mee via de toetsgroep: in orde."),
    (Section.DOELSTELLINGEN, "in_orde", "De belbus heeft nu een meetbare indicator."),
]
APPROVAL = (
    "Goedgekeurd. De visie en het uitvoeringsplan zijn aangepast zoals gevraagd; we volgen de "
    "toetsgroep en de belbus op in de jaarrapporten."
)
# The first working year in preparation: what the coordinator noted so far, per action title.
PREPARATION = {
    "Vrijetijdsloket": "De zitdagen in Ieper en Poperinge zijn vastgelegd; de eerste is op "
    "woensdagnamiddag 6 januari 2027.",
    "UiTPAS": "Heuvelland en Vleteren hebben de overeenkomst getekend; Langemark-Poelkapelle "
    "beslist in de gemeenteraad van januari.",
}

PLAN = [
    (
        "Inwoners in armoede vinden de weg naar vrije tijd in de eigen gemeente",
        "In een plattelandsregio is de afstand tot het aanbod groot; we brengen aanbod en mensen samen.",
        [
            (
                "Elke gemeente heeft een vast aanspreekpunt vrije tijd in het Sociaal Huis",
                [
                    ("Vrijetijdsloket in de Sociale Huizen van Ieper en Poperinge",
                     "Een wekelijkse zitdag waar inwoners met vragen over aanbod en kortingen terechtkunnen.",
                     [0, 1, 2, 3], "2000", ["armoede", "gezinnen"], ["bekend", "begrijpbaar"], "Sociaal Huis Ieper"),
                    ("UiTPAS met kansentarief in de zes gemeenten",
                     "Heuvelland, Vleteren en Langemark-Poelkapelle stappen in de regionale UiTPAS.",
                     [0, 1], "7500", ["armoede"], ["betaalbaar"], "UiTPAS Westhoek"),
                ],
            ),
            (
                "Vervoer naar het aanbod is geregeld",
                [
                    ("Belbus vrije tijd op zaterdag",
                     "Een busje rijdt op afspraak van de deelgemeenten naar sportclubs en voorstellingen.",
                     [0, 1, 2, 3, 4, 5], "5200", ["senioren", "beperking"], ["bereikbaar"], "Sociaal Huis Poperinge"),
                ],
            ),
        ],
    ),
    (
        "Mensen in armoede beslissen mee over het vrijetijdsaanbod",
        "Deelhebben: de vereniging waar armen het woord nemen zit mee aan tafel.",
        [
            (
                "Ervaringsdeskundigen toetsen het aanbod van de cultuurcentra",
                [
                    ("Toetsgroep bij de programmatie van het cultuurcentrum",
                     "Vier keer per jaar bekijkt een groep van De Vlonder het programma en de prijzen.",
                     [0, 1, 2, 3, 4, 5], "1800", ["armoede"], ["betrouwbaar", "betaalbaar"], VERENIGING),
                    ("Zomerkampen van de jeugddiensten zonder drempel",
                     "Vaste plaatsen met kansentarief en een ouderavond in eenvoudige taal.",
                     [0, 1, 2], "4000", ["jongeren", "gezinnen"], ["betaalbaar", "begrijpbaar"], "Jeugddienst Ieper"),
                ],
            ),
        ],
    ),
]

VISIE_V1 = """
<h3>Vrije tijd dicht bij huis</h3>
<p>In de Westhoek wonen veel mensen ver van het aanbod. Wie in armoede leeft, heeft vaak geen
auto en weinig zicht op wat er in de buurgemeente te doen is.</p>
<p>Het netwerk leidt mensen toe naar het bestaande aanbod en geeft hen een stem in dat aanbod.</p>
"""

VISIE_V2 = VISIE_V1 + """
<h3>Wat we na de eerste bespreking scherper stellen</h3>
<p>Mensen in armoede beslissen mee: De Vlonder heeft een vaste plaats in de stuurgroep met
stemrecht, en elke actie wordt vooraf met ervaringsdeskundigen getoetst.</p>
"""

VISIE_ANSWERS = {
    "q_goal": "Meer inwoners met een laag inkomen nemen deel aan cultuur, jeugdwerk en sport, ook "
    "in de kleine gemeenten.",
    "q_values": "Nabijheid, gelijkwaardigheid en samenwerking tussen stad en platteland.",
    "q_forms": "Toeleiding via het Sociaal Huis, vervoer op maat en inspraak in de programmatie.",
    "q_group": "Een eerste keer in groep, daarna op eigen tempo naar het gewone aanbod.",
    "q_lasting": "Vaste afspraken tussen de diensten van de zes gemeenten, jaarlijks geëvalueerd.",
    "q_categorical": "Inclusief waar het kan, een aparte werking alleen als eerste stap.",
    "q_choice": "Mensen kiezen zelf wat ze doen; het netwerk informeert en ondersteunt.",
}

# (section, verdict, remark to the network) of the first review.
REVIEW_V1 = [
    (Section.VISIE, "werkpunt", "De visie zegt dat mensen in armoede een stem krijgen, maar niet hoe. "
     "Beschrijf hoe de vereniging mee beslist."),
    (Section.DOELSTELLINGEN, "werkpunt", "De belbus heeft geen indicator die zegt hoeveel mensen in "
     "armoede hem gebruiken."),
    (Section.PARTNERS, "in_orde", "Sterk dat de vereniging een actie trekt."),
    (Section.BEGROTING, "in_orde", ""),
]


def _user(email):
    return User.objects.get(email=email)


def _comment(nota, user, body, section, anchor="section", parent=None):
    if parent is None:
        section, label = anchors.resolve(nota, section, anchor)
    else:
        label = ""
    return comment_post(
        nota=nota, user=user, body=body, section=section, anchor=anchor, anchor_label=label,
        visibility=Comment.Visibility.NETWORK, parent=parent,
    )


def _review(nota, version, reviewer, remarks):
    for section, verdict, text in remarks:
        instance = ReviewRemark(version=version, section=section)
        form = ReviewRemarkForm({"verdict": verdict, "remark": text, "internal_note": ""}, instance=instance)
        if not form.is_valid():
            raise ValueError(form.errors)
        remark = form.save(commit=False)
        remark.updated_by = reviewer
        remark.save()


def _prepare_first_year(nota, coordinator):
    """The 2027 follow-up started, two actions under way, and its yearly report a draft."""
    werkjaar = werkjaar_start(nota=nota, year=nota.ronde.first_year, user=coordinator)
    for row in werkjaar.acties.select_related("actie"):
        note = next((text for start, text in PREPARATION.items() if row.actie.title.startswith(start)), "")
        if note:
            row.status, row.done = ActieOpvolging.Status.LOPEND, note
            row.full_clean()
            row.save()
    return jaarrapport_of(werkjaar)


@transaction.atomic
def seed_westhoek(*, ronde) -> Afsprakennota | None:
    netwerk = Netwerk.objects.filter(name=WESTHOEK).first()
    if netwerk is None:
        return None
    story = Timeline()
    story.chapter(WRITTEN)
    nota, _created = Afsprakennota.objects.get_or_create(netwerk=netwerk, ronde=ronde)
    if nota.versions.exists():
        return nota
    coordinator, partner_user = _user(COORDINATOR), _user(PARTNER)
    ervaringsdeskundige, reviewer = _user(ERVARINGSDESKUNDIGE), _user(REVIEWER)
    partners = {p.name: p for p in netwerk.partners.all()}

    visie, _ = Visie.objects.get_or_create(
        nota=nota,
        defaults={
            "text": VISIE_V1, "vorm": Visie.Vorm.BEIDE, "inspraak": "beslist",
            "vorm_motivation": "We leiden toe naar het aanbod en laten mensen in armoede mee beslissen.",
            **VISIE_ANSWERS,
        },
    )
    seed_doelen(nota=nota, plan=PLAN)
    seed_analyse(nota=nota)
    seed_begroting(nota=nota)

    # The partners read the draft, comment and answer on their part.
    story.chapter(CONSULTED)
    dossier_transition(nota=nota, name="open_consultation", user=coordinator)
    question = _comment(nota, partner_user, "Kan de zitdag in Poperinge ook op woensdagnamiddag? "
                        "Dan zijn de kinderen vrij.", Section.DOELSTELLINGEN)
    _comment(nota, coordinator, "Goed idee, we passen het aan in het uitvoeringsplan.",
             Section.DOELSTELLINGEN, parent=question)
    question.resolve(coordinator)
    vereniging = partners[VERENIGING]
    _comment(nota, coordinator, "Willen jullie de toetsgroep trekken, of liever samen met de cultuurdienst?",
             Section.PARTNERS, anchor=f"partner:{vereniging.pk}")
    _comment(nota, ervaringsdeskundige, "Wij willen vooral dat mensen in armoede mee beslissen, niet "
             "alleen gehoord worden. Dat staat nog niet in de visie.", Section.VISIE)
    partner_confirm(nota=nota, partner=partners["Sociaal Huis Ieper"], user=partner_user,
                    answer=PartnerConfirmation.Answer.CONFIRMED)
    partner_confirm(nota=nota, partner=vereniging, user=ervaringsdeskundige,
                    answer=PartnerConfirmation.Answer.DECLINED,
                    remark="Wij trekken de toetsgroep graag, maar met een vergoeding voor de deelnemers.")

    # Version 1, its review, and the request for changes.
    story.chapter(SUBMITTED)
    dossier_transition(nota=nota, name="submit", user=coordinator)
    story.chapter(REVIEWED)
    nota.take_review(reviewer)
    dossier_transition(nota=nota, name="start_review", user=reviewer)
    _review(nota, nota.versions.get(number=1), reviewer, REVIEW_V1)
    story.chapter(CHANGES_ASKED)
    dossier_transition(
        nota=nota, name="request_changes", user=reviewer,
        note="Maak concreet hoe mensen in armoede mee beslissen, en geef de belbus een indicator.",
    )

    # The network adjusts the vision and an action, the association confirms, version 2 goes in.
    story.chapter(ADJUSTED)
    visie.text = VISIE_V2
    visie.save()
    toetsgroep = Actie.objects.get(nota=nota, title__startswith="Toetsgroep")
    toetsgroep.description += " De deelnemers krijgen een vrijwilligersvergoeding."
    toetsgroep.save()
    belbus = Actie.objects.get(nota=nota, title__startswith="Belbus")
    belbus.indicators.create(name="Ritten met een UiTPAS-kansentarief", target="300 per jaar")
    partner_confirm(nota=nota, partner=vereniging, user=ervaringsdeskundige,
                    answer=PartnerConfirmation.Answer.CONFIRMED)
    story.chapter(RESUBMITTED)
    dossier_transition(nota=nota, name="submit", user=coordinator)

    # publiq approves version 2; the network prepares its first working year and yearly report.
    story.chapter(APPROVED)
    dossier_transition(nota=nota, name="start_review", user=reviewer)
    _review(nota, nota.versions.get(number=2), reviewer, REVIEW_V2)
    dossier_transition(nota=nota, name="approve", user=reviewer, note=APPROVAL)
    story.chapter(FOLLOW_UP)
    nota.refresh_from_db()
    _prepare_first_year(nota, coordinator)
    story.apply()
    for version in nota.versions.all():
        version.late = version.submitted_at > nota.ronde.deadline
        version.save(update_fields=["late"])
    return nota
