"""The guiding questions of the qualitative analysis, in our own words.

Stored answers are keyed by the question's key, so a question can be reworded without losing
what people wrote. Removing a key hides its answer; add new questions at the end.
"""

from django.utils.translation import gettext_lazy as _

INTERN = "intern"
EXTERN = "extern"
NETWERK = "netwerk"

KINDS = [
    (INTERN, _("Internal analysis")),
    (EXTERN, _("External analysis")),
    (NETWERK, _("Network analysis")),
]

INTROS = {
    INTERN: _(
        "How the municipalities and partners work today. Be honest: the analysis is a working "
        "tool for the network, not a showcase."
    ),
    EXTERN: _(
        "What the area looks like: the figures, the needs of vulnerable groups and what people "
        "in poverty told you."
    ),
    NETWERK: _(
        "Who plays a part where leisure and poverty meet, who is still missing and how the "
        "players relate to each other."
    ),
}

QUESTIONS = {
    INTERN: [
        ("werking", _("How do the leisure services of the municipalities work for people in poverty today?")),
        ("taakverdeling", _("How do the leisure services and the welfare services (OCMW, Sociaal Huis) divide the work?")),
        ("armoedepartner", _("How strong is the poverty partner, in money and in people, and what does it need to take part fully?")),
        ("informatie", _("How does information flow between the partners, and where does it get stuck?")),
        ("overleg", _("On which municipal and regional platforms does the participation of vulnerable groups come up?")),
        ("signalen", _("How are bottlenecks signalled, and what is done with those signals?")),
        ("aanbod", _("How affordable, reachable, available, understandable and usable is the leisure offer?")),
        ("evaluatie", _("Looking back: what went well, what did not, and what has the network learned?")),
    ],
    EXTERN: [
        ("cijfers", _("What do the figures say about poverty in the area? Which groups, neighbourhoods or municipalities run a higher risk?")),
        ("behoeften", _("What do vulnerable groups need in their leisure time: people in poverty, people with a migration background, seniors, families with children, people with a disability, people in care?")),
        ("stem", _("What did surveys or conversations with people in poverty teach the network?")),
        ("omgeving", _("Which developments in the region affect the work, such as mergers, new services or the offer of other organisations?")),
    ],
    NETWERK: [
        ("spelers", _("Who are the players where leisure and poverty meet? Who are the key figures and front-line workers?")),
        ("ontbrekend", _("Which organisations are not involved yet but are wanted, and why?")),
        ("relaties", _("How do the players relate to each other: shared and different interests, trust, dependence?")),
        ("belasting", _("Do the same organisations carry all the work, or is the load spread?")),
        ("andere_netwerken", _("How is the network linked to other networks, such as neighbouring networks and regional platforms?")),
    ],
}


def label(kind: str) -> str:
    return str(dict(KINDS)[kind])
