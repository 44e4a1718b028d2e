"""The usual indicators of an omgevingsanalyse, with their publisher and where to find them.

Staff can change and extend the catalogue in the admin; this gives a new database a start.
The definitions are our own summaries; the publishers' own pages are the reference.
"""

from django.db import migrations

STATISTIEK_VLAANDEREN = "https://www.vlaanderen.be/statistiek-vlaanderen"
STADSMONITOR = "https://gemeente-en-stadsmonitor.vlaanderen.be"

INDICATORS = [
    # code, name, unit, definition, publisher, source link, higher is worse, format, decimals
    (
        "kansarmoede-index",
        "Kansarmoede-index",
        "% van de geboorten",
        "Het aandeel kinderen dat geboren werd in een kansarm gezin volgens de criteria van "
        "Kind en Gezin (inkomen, arbeid, opleiding, stimulatie, huisvesting, gezondheid), over "
        "de drie voorgaande geboortejaren.",
        "Opgroeien (Kind en Gezin)",
        "https://www.opgroeien.be",
        True,
        "procent",
        1,
    ),
    (
        "leefloon-per-1000",
        "Leefloongerechtigden per 1.000 inwoners",
        "per 1.000 inwoners",
        "Het aantal mensen met een leefloon van het OCMW, gedeeld door het aantal inwoners en "
        "vermenigvuldigd met 1.000.",
        "POD Maatschappelijke Integratie",
        "https://stat.mi-is.be",
        True,
        "getal",
        1,
    ),
    (
        "verhoogde-tegemoetkoming",
        "Rechthebbenden op verhoogde tegemoetkoming",
        "% van de inwoners",
        "Het aandeel inwoners dat recht heeft op een verhoogde tegemoetkoming in de "
        "gezondheidszorg, een teken van een laag gezinsinkomen (gegevens van de Kruispuntbank "
        "van de Sociale Zekerheid).",
        "Statistiek Vlaanderen (KSZ)",
        STATISTIEK_VLAANDEREN,
        True,
        "procent",
        1,
    ),
    (
        "werkzoekendengraad",
        "Werkzoekendengraad",
        "% van de beroepsbevolking",
        "Het aantal niet-werkende werkzoekenden als aandeel van de beroepsbevolking.",
        "VDAB Arvastat",
        "https://arvastat.vdab.be",
        True,
        "procent",
        1,
    ),
    (
        "mediaan-inkomen-aangifte",
        "Mediaan belastbaar inkomen per aangifte",
        "euro per aangifte",
        "Het middelste netto belastbaar inkomen van alle belastingaangiften in de gemeente: "
        "de helft van de aangiften ligt lager, de helft hoger.",
        "Statbel",
        "https://statbel.fgov.be/nl/themas/huishoudens/fiscale-inkomens",
        False,
        "euro",
        0,
    ),
    (
        "gemiddeld-inkomen-inwoner",
        "Gemiddeld inkomen per inwoner",
        "euro per inwoner",
        "Het totale netto belastbaar inkomen van de gemeente gedeeld door het aantal inwoners.",
        "Statbel",
        "https://statbel.fgov.be/nl/themas/huishoudens/fiscale-inkomens",
        False,
        "euro",
        0,
    ),
    (
        "buitenlandse-herkomst",
        "Inwoners van buitenlandse herkomst",
        "% van de inwoners",
        "Het aandeel inwoners met een huidige of vorige nationaliteit van buiten België, of "
        "met een ouder bij wie dat zo is. Een hoger aandeel vraagt meer aandacht voor drempels "
        "zoals taal.",
        "Gemeente- en Stadsmonitor (Statistiek Vlaanderen)",
        STADSMONITOR,
        True,
        "procent",
        1,
    ),
    (
        "uitpas-kansentarief",
        "UiTPAS-houders met kansentarief",
        "pashouders",
        "Het aantal mensen met een UiTPAS met kansentarief, ingeschreven in de gemeente. Alleen "
        "gemeenten die met UiTPAS werken kunnen zo'n pas uitreiken.",
        "Lokale Vrijetijdsmonitor (publiq, UiTPAS)",
        "https://www.vlaanderen.be/vrijetijdsmonitor",
        False,
        "getal",
        0,
    ),
    (
        "sociale-toeslag-groeipakket",
        "Kinderen met een sociale toeslag in het Groeipakket",
        "% van de kinderen",
        "Het aandeel kinderen met een sociale toeslag bovenop het basisbedrag van het "
        "Groeipakket; die toeslag gaat naar gezinnen met een laag inkomen.",
        "Opgroeien (Groeipakket)",
        "https://www.opgroeien.be",
        True,
        "procent",
        1,
    ),
    (
        "eenoudergezinnen",
        "Eenoudergezinnen",
        "% van de huishoudens",
        "Het aandeel huishoudens met één ouder en minstens één kind.",
        "Gemeente- en Stadsmonitor (Statistiek Vlaanderen)",
        STADSMONITOR,
        True,
        "procent",
        1,
    ),
]


# What kind of figure each indicator is and what its Flemish row means (set by the migration
# that added these fields; kept here so that the catalogue is described in one place).
KINDS = {
    "kansarmoede-index": ("percentage", "gemiddelde"),
    "leefloon-per-1000": ("ratio", "gemiddelde"),
    "verhoogde-tegemoetkoming": ("percentage", "gemiddelde"),
    "werkzoekendengraad": ("percentage", "gemiddelde"),
    "mediaan-inkomen-aangifte": ("bedrag", "gemiddelde"),
    "gemiddeld-inkomen-inwoner": ("bedrag", "gemiddelde"),
    "buitenlandse-herkomst": ("percentage", "gemiddelde"),
    "uitpas-kansentarief": ("aantal", "totaal"),
    "sociale-toeslag-groeipakket": ("percentage", "gemiddelde"),
    "eenoudergezinnen": ("percentage", "gemiddelde"),
}


def set_kinds(apps, schema_editor=None):
    Indicator = apps.get_model("analyses", "Indicator")
    for code, (kind, flemish_row) in KINDS.items():
        Indicator.objects.filter(code=code).update(kind=kind, flemish_row=flemish_row)


def seed(apps, schema_editor):
    Indicator = apps.get_model("analyses", "Indicator")
    for code, name, unit, definition, publisher, url, worse, fmt, decimals in INDICATORS:
        Indicator.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "unit": unit,
                "definition": definition,
                "publisher": publisher,
                "source_url": url,
                "higher_is_worse": worse,
                "number_format": fmt,
                "decimals": decimals,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("analyses", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
