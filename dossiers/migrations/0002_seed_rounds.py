"""The two submission rounds the decree announces, with what they require.

Staff can change all of this in the admin; this only gives a new database a sensible start.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import migrations

BRUSSELS = ZoneInfo("Europe/Brussels")

REQUIRED = [
    ("Cultuurdienst in elke deelnemende gemeente", ["cultuurdienst"], True),
    ("Jeugddienst in elke deelnemende gemeente", ["jeugddienst"], True),
    ("Sportdienst in elke deelnemende gemeente", ["sportdienst"], True),
    ("OCMW / Sociaal Huis in elke deelnemende gemeente", ["ocmw"], True),
    (
        "Een vereniging waar armen het woord nemen of een andere armoedeorganisatie",
        ["vereniging_armen", "armoedeorganisatie"],
        False,
    ),
]

ROUNDS = [
    ("Indienronde 2026 (subsidieperiode 2027-2032)", datetime(2026, 4, 1, 23, 59, tzinfo=BRUSSELS), 2027, 2032),
    ("Indienronde 2029 (resterende periode 2030-2032)", datetime(2029, 4, 1, 23, 59, tzinfo=BRUSSELS), 2030, 2032),
]


def seed(apps, schema_editor):
    Indienronde = apps.get_model("dossiers", "Indienronde")
    RequiredPartner = apps.get_model("dossiers", "RequiredPartner")
    for name, deadline, first, last in ROUNDS:
        ronde, created = Indienronde.objects.get_or_create(
            first_year=first,
            last_year=last,
            defaults={"name": name, "deadline": deadline, "min_action_years": 2, "min_indicators": 3},
        )
        if created:
            for label, kinds, per_gemeente in REQUIRED:
                RequiredPartner.objects.create(
                    ronde=ronde, label=label, kinds=kinds, per_gemeente=per_gemeente
                )


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
