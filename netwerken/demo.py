"""Demo data: three networks in three provinces, with people for every persona.

Everything here is invented (people, addresses at example.org) except the municipalities.
Running it again updates nothing that exists and duplicates nothing.
"""

from django.db import transaction

from .models import DeelnemendeGemeente, Gemeente, Membership, Netwerk, Partner, RoleAssignment
from .models import User

DEMO_PASSWORD = "demo-wachtwoord"

USERS = [
    # email, first name, last name, flags
    ("coordinator@example.org", "An", "Van Damme", {}),
    ("coordinator.haspengouw@example.org", "Pieter", "Claes", {}),
    ("partner@example.org", "Fatima", "El Amrani", {}),
    ("coordinator.westhoek@example.org", "Lotte", "Vandenbroucke", {}),
    ("partner.westhoek@example.org", "Jonas", "Debruyne", {}),
    ("ervaringsdeskundige.westhoek@example.org", "Rita", "Deconinck", {}),
    ("reviewer@example.org", "Sofie", "Maes", {"is_reviewer": True}),
    ("admin@example.org", "Jan", "Beheerder", {"is_staff": True, "is_superuser": True}),
]

K = Partner.Kind
L = Partner.Level

NETWORKS = [
    {
        "name": "Netwerk Vrijetijdsparticipatie Waasland",
        "igs_name": "IGS Cultuur Waasland",
        "referentieregio": "Waasland",
        "coordinator": "coordinator@example.org",
        "gemeenten": [
            ("Sint-Niklaas", "Griet Verstraete", "diensthoofd vrije tijd", "Grote Markt 1, 9100 Sint-Niklaas", "03 778 30 00"),
            ("Beveren-Kruibeke-Zwijndrecht", "Koen De Smet", "cultuurbeleidscoördinator", "Stationsstraat 2, 9120 Beveren", "03 750 15 11"),
            ("Temse", "Lies Van Hoeylandt", "medewerker participatie", "Kouterstraat 1, 9140 Temse", "03 710 12 11"),
            ("Stekene", "Bart Cools", "vrijetijdsconsulent", "Stadenstraat 37, 9190 Stekene", "03 790 02 11"),
            ("Lokeren", "Nadia Bouzid", "coördinator welzijn en vrije tijd", "Groentemarkt 1, 9160 Lokeren", "09 340 94 11"),
        ],
        "partners": [
            ("Cultuurdienst Sint-Niklaas", K.CULTUURDIENST, "Sint-Niklaas", L.KERNPARTNER),
            ("Jeugddienst Sint-Niklaas", K.JEUGDDIENST, "Sint-Niklaas", L.UITVOEREND),
            ("Sportdienst Sint-Niklaas", K.SPORTDIENST, "Sint-Niklaas", L.UITVOEREND),
            ("OCMW Sint-Niklaas", K.OCMW, "Sint-Niklaas", L.KERNPARTNER),
            ("Sociaal Huis Temse", K.OCMW, "Temse", L.KERNPARTNER),
            ("Cultuurdienst Temse", K.CULTUURDIENST, "Temse", L.UITVOEREND),
            ("Cultuurdienst Beveren-Kruibeke-Zwijndrecht", K.CULTUURDIENST, "Beveren-Kruibeke-Zwijndrecht", L.UITVOEREND),
            ("De Keeting (vereniging waar armen het woord nemen)", K.VERENIGING_ARMEN, None, L.KERNPARTNER),
            ("Buurtwerk Sint-Niklaas Noord", K.BUURTWERK, "Sint-Niklaas", L.UITVOEREND),
            ("Bibliotheek Lokeren", K.BIBLIOTHEEK, "Lokeren", L.KLANKBORD),
            ("UiTPAS Waasland", K.UITPAS, None, L.UITVOEREND),
            ("CAW Oost-Vlaanderen, regio Waas", K.CAW, None, L.KLANKBORD),
            ("Jeugddienst Temse", K.JEUGDDIENST, "Temse", L.UITVOEREND),
            ("Sportdienst Temse", K.SPORTDIENST, "Temse", L.UITVOEREND),
            ("Jeugddienst Beveren-Kruibeke-Zwijndrecht", K.JEUGDDIENST, "Beveren-Kruibeke-Zwijndrecht", L.UITVOEREND),
            ("Sportdienst Beveren-Kruibeke-Zwijndrecht", K.SPORTDIENST, "Beveren-Kruibeke-Zwijndrecht", L.UITVOEREND),
            ("Sociaal Huis Beveren-Kruibeke-Zwijndrecht", K.OCMW, "Beveren-Kruibeke-Zwijndrecht", L.KERNPARTNER),
            ("Dienst Vrije Tijd Stekene (cultuur)", K.CULTUURDIENST, "Stekene", L.UITVOEREND),
            ("Jeugddienst Stekene", K.JEUGDDIENST, "Stekene", L.UITVOEREND),
            ("OCMW Stekene", K.OCMW, "Stekene", L.KERNPARTNER),
            ("Cultuurdienst Lokeren", K.CULTUURDIENST, "Lokeren", L.UITVOEREND),
            ("Jeugddienst Lokeren", K.JEUGDDIENST, "Lokeren", L.UITVOEREND),
            ("Sportdienst Lokeren", K.SPORTDIENST, "Lokeren", L.UITVOEREND),
            ("Sociaal Huis Lokeren", K.OCMW, "Lokeren", L.KERNPARTNER),
            # No sports service for Stekene yet: the checklist shows what is still missing.
        ],
        "partner_user": ("partner@example.org", "OCMW Sint-Niklaas"),
        "roles": [
            ("operator", "An Van Damme", None),
            ("promotor", "Griet Verstraete", "Cultuurdienst Sint-Niklaas"),
            ("visiebewaker", "Marc Ydens", "De Keeting (vereniging waar armen het woord nemen)"),
        ],
    },
    {
        "name": "Vrijetijdsnetwerk Haspengouw",
        "igs_name": "IGS Cultuur Haspengouw",
        "referentieregio": "Haspengouw",
        "coordinator": "coordinator.haspengouw@example.org",
        "gemeenten": [
            ("Tongeren-Borgloon", "Els Vanderhoven", "cultuurbeleidscoördinator", "Maastrichterstraat 10, 3700 Tongeren", "012 80 00 00"),
            ("Bilzen-Hoeselt", "Tom Jacobs", "diensthoofd vrije tijd", "Eikenlaan 25, 3740 Bilzen", "089 51 93 00"),
            ("Riemst", "Hilde Moors", "medewerker sport en vrije tijd", "Maastrichtersteenweg 7, 3770 Riemst", "012 44 03 00"),
            ("Wellen", "", "", "", ""),
        ],
        "partners": [
            ("Cultuurdienst Tongeren-Borgloon", K.CULTUURDIENST, "Tongeren-Borgloon", L.KERNPARTNER),
            ("OCMW Tongeren-Borgloon", K.OCMW, "Tongeren-Borgloon", L.KERNPARTNER),
            ("Sportdienst Bilzen-Hoeselt", K.SPORTDIENST, "Bilzen-Hoeselt", L.UITVOEREND),
            ("Welzijnsschakel Riemst", K.VERENIGING_ARMEN, "Riemst", L.KERNPARTNER),
        ],
        "partner_user": None,
        "roles": [("operator", "Pieter Claes", None)],
    },
    {
        # West-Vlaanderen: this network has submitted its dossier (dossiers/demo_westhoek.py).
        "name": "Vrijetijdsnetwerk Westhoek",
        "igs_name": "IGS Cultuur Westhoek",
        "referentieregio": "Westhoek",
        "coordinator": "coordinator.westhoek@example.org",
        "gemeenten": [
            ("Ieper", "Ward Lannoo", "diensthoofd vrije tijd", "Grote Markt 34, 8900 Ieper", "057 45 10 00"),
            ("Poperinge", "Katrien Vanhee", "cultuurbeleidscoördinator", "Grote Markt 1, 8970 Poperinge", "057 34 62 00"),
            ("Heuvelland", "Dirk Vandamme", "vrijetijdsconsulent", "Sint-Jansstraat 5, 8950 Heuvelland", "057 45 04 50"),
            ("Zonnebeke", "Sarah Verhaeghe", "medewerker welzijn en vrije tijd", "Langemarkstraat 8, 8980 Zonnebeke", "051 48 00 00"),
            ("Langemark-Poelkapelle", "Hans Dewulf", "diensthoofd vrije tijd", "Boezingestraat 2, 8920 Langemark-Poelkapelle", "057 49 09 00"),
            ("Vleteren", "Ine Bossaert", "medewerker vrije tijd", "Veurnestraat 11, 8640 Vleteren", "057 40 00 80"),
        ],
        "partners": [
            ("Cultuurdienst Ieper", K.CULTUURDIENST, "Ieper", L.KERNPARTNER),
            ("Jeugddienst Ieper", K.JEUGDDIENST, "Ieper", L.UITVOEREND),
            ("Sportdienst Ieper", K.SPORTDIENST, "Ieper", L.UITVOEREND),
            ("Sociaal Huis Ieper", K.OCMW, "Ieper", L.KERNPARTNER),
            ("Cultuurdienst Poperinge", K.CULTUURDIENST, "Poperinge", L.UITVOEREND),
            ("Sociaal Huis Poperinge", K.OCMW, "Poperinge", L.KERNPARTNER),
            ("Vrijetijdsdienst Heuvelland", K.CULTUURDIENST, "Heuvelland", L.UITVOEREND),
            ("Sportdienst Zonnebeke", K.SPORTDIENST, "Zonnebeke", L.UITVOEREND),
            ("Jeugddienst Langemark-Poelkapelle", K.JEUGDDIENST, "Langemark-Poelkapelle", L.UITVOEREND),
            ("De Vlonder (vereniging waar armen het woord nemen)", K.VERENIGING_ARMEN, None, L.KERNPARTNER),
            ("Bibliotheek Ieper", K.BIBLIOTHEEK, "Ieper", L.KLANKBORD),
            ("UiTPAS Westhoek", K.UITPAS, None, L.UITVOEREND),
            ("Jeugddienst Poperinge", K.JEUGDDIENST, "Poperinge", L.UITVOEREND),
            ("Sportdienst Poperinge", K.SPORTDIENST, "Poperinge", L.UITVOEREND),
            ("Jeugddienst Heuvelland", K.JEUGDDIENST, "Heuvelland", L.UITVOEREND),
            ("Sportdienst Heuvelland", K.SPORTDIENST, "Heuvelland", L.UITVOEREND),
            ("OCMW Heuvelland", K.OCMW, "Heuvelland", L.KERNPARTNER),
            ("Cultuurdienst Zonnebeke", K.CULTUURDIENST, "Zonnebeke", L.UITVOEREND),
            ("Jeugddienst Zonnebeke", K.JEUGDDIENST, "Zonnebeke", L.UITVOEREND),
            ("Sociaal Huis Zonnebeke", K.OCMW, "Zonnebeke", L.KERNPARTNER),
            ("Cultuurdienst Langemark-Poelkapelle", K.CULTUURDIENST, "Langemark-Poelkapelle", L.UITVOEREND),
            ("Sportdienst Langemark-Poelkapelle", K.SPORTDIENST, "Langemark-Poelkapelle", L.UITVOEREND),
            ("OCMW Langemark-Poelkapelle", K.OCMW, "Langemark-Poelkapelle", L.KERNPARTNER),
            ("Cultuurdienst Vleteren", K.CULTUURDIENST, "Vleteren", L.UITVOEREND),
            ("Jeugddienst Vleteren", K.JEUGDDIENST, "Vleteren", L.UITVOEREND),
            ("Sportdienst Vleteren", K.SPORTDIENST, "Vleteren", L.UITVOEREND),
            ("OCMW Vleteren", K.OCMW, "Vleteren", L.KERNPARTNER),
        ],
        "partner_user": ("partner.westhoek@example.org", "Sociaal Huis Ieper"),
        "more_partner_users": [
            ("ervaringsdeskundige.westhoek@example.org", "De Vlonder (vereniging waar armen het woord nemen)"),
        ],
        "roles": [
            ("operator", "Lotte Vandenbroucke", None),
            ("visiebewaker", "Rita Deconinck", "De Vlonder (vereniging waar armen het woord nemen)"),
        ],
    },
]


def _user(email, first_name, last_name, flags):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email, password=DEMO_PASSWORD, first_name=first_name, last_name=last_name, **flags
        )
    return user


def _phone(number):
    return number or ""


@transaction.atomic
def seed_networks() -> list[Netwerk]:
    users = {email: _user(email, first, last, flags) for email, first, last, flags in USERS}
    networks = []
    for spec in NETWORKS:
        netwerk, _created = Netwerk.objects.get_or_create(
            name=spec["name"],
            defaults={"igs_name": spec["igs_name"], "referentieregio": spec["referentieregio"]},
        )
        networks.append(netwerk)
        for name, contact, function, address, phone in spec["gemeenten"]:
            gemeente = Gemeente.objects.get(name=name, kind=Gemeente.Kind.GEMEENTE)
            slug = name.lower().replace(" ", "").replace("-", "")
            DeelnemendeGemeente.objects.get_or_create(
                netwerk=netwerk,
                gemeente=gemeente,
                defaults={
                    "contact_name": contact,
                    "contact_function": function,
                    "contact_email": f"vrijetijd@{slug}.example.org" if contact else "",
                    "contact_phone": _phone(phone),
                    "contact_address": address,
                },
            )
        partners = {}
        for name, kind, gemeente_name, level in spec["partners"]:
            gemeente = (
                Gemeente.objects.get(name=gemeente_name, kind=Gemeente.Kind.GEMEENTE)
                if gemeente_name
                else None
            )
            partners[name], _ = Partner.objects.get_or_create(
                netwerk=netwerk,
                name=name,
                defaults={
                    "kind": kind,
                    "gemeente": gemeente,
                    "level": level,
                    "contact_name": "",
                    "contact_email": "info@" + name.split(" ")[0].lower() + ".example.org",
                    "involvement": "Neemt deel aan het regionaal overleg en deelt signalen over drempels.",
                    "future_involvement": "Werkt mee aan de acties in de eigen gemeente.",
                },
            )
        Membership.objects.get_or_create(
            user=users[spec["coordinator"]],
            netwerk=netwerk,
            defaults={"role": Membership.Role.COORDINATOR},
        )
        partner_users = [spec["partner_user"]] if spec["partner_user"] else []
        for email, partner_name in partner_users + spec.get("more_partner_users", []):
            Membership.objects.get_or_create(
                user=users[email],
                netwerk=netwerk,
                defaults={"role": Membership.Role.PARTNER, "partner": partners[partner_name]},
            )
        for role, person, partner_name in spec["roles"]:
            RoleAssignment.objects.get_or_create(
                netwerk=netwerk,
                role=role,
                person_name=person,
                defaults={"partner": partners.get(partner_name)},
            )
    return networks


LARGE_NETWORK = "Referentienetwerk Oost-Vlaanderen (groot)"
LARGE_KINDS = [K.CULTUURDIENST, K.JEUGDDIENST, K.OCMW]
LARGE_REGIONAL = [
    ("Vereniging De Brug (vereniging waar armen het woord nemen)", K.VERENIGING_ARMEN),
    ("Welzijnsschakels regio Dender", K.ARMOEDEORGANISATIE),
    ("CAW Oost-Vlaanderen", K.CAW),
    ("UiTPAS Dender", K.UITPAS),
    ("Integratiedienst regio Aalst", K.INTEGRATIEDIENST),
]


@transaction.atomic
def seed_large_network() -> Netwerk:
    """The reference network for tests and benchmarks: 25 municipalities, 80 partners."""
    netwerk, created = Netwerk.objects.get_or_create(
        name=LARGE_NETWORK,
        defaults={"igs_name": "IGS Referentie", "referentieregio": "Dender en Schelde"},
    )
    if not created:
        return netwerk
    gemeenten = list(
        Gemeente.objects.filter(province="40000", kind=Gemeente.Kind.GEMEENTE).order_by("nis_code")[:25]
    )
    DeelnemendeGemeente.objects.bulk_create(
        DeelnemendeGemeente(
            netwerk=netwerk,
            gemeente=g,
            contact_name=f"Contactpersoon {g.name}",
            contact_function="diensthoofd vrije tijd",
            contact_email=f"vrijetijd{i}@referentie.example.org",
            contact_phone="+3293300000",
            contact_address=f"Marktplein {i + 1}, {g.name}",
        )
        for i, g in enumerate(gemeenten)
    )
    partners = [
        Partner(
            netwerk=netwerk,
            name=f"{Partner.Kind(kind).label.capitalize()} {g.name}",
            kind=kind,
            gemeente=g,
            level=L.UITVOEREND,
            contact_email=f"{kind}{i}@referentie.example.org",
            involvement="Neemt deel aan het lokale overleg vrije tijd en armoede.",
            future_involvement="Voert acties uit in de eigen gemeente.",
        )
        for i, g in enumerate(gemeenten)
        for kind in LARGE_KINDS
    ]
    partners += [
        Partner(
            netwerk=netwerk,
            name=name,
            kind=kind,
            level=L.KERNPARTNER,
            involvement="Regionale partner van het netwerk.",
            future_involvement="Denkt mee over elke doelstelling.",
        )
        for name, kind in LARGE_REGIONAL
    ]
    Partner.objects.bulk_create(partners)
    return netwerk
