import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dossiers.exchange import ImportRefused, import_document
from dossiers.models import Indienronde
from netwerken.models import Netwerk


class Command(BaseCommand):
    help = (
        "Import a dossier from the JSON exchange format. Checks everything first and imports "
        "nothing when there is a problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON file")
        parser.add_argument("--netwerk", type=int, help="import into this existing network")
        parser.add_argument("--ronde", type=int, help="import into this submission round")

    def handle(self, *args, file, netwerk=None, ronde=None, **options):
        try:
            document = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Kan {file} niet lezen: {error}") from error
        except RecursionError:
            raise CommandError(f"Kan {file} niet lezen: de lijsten en objecten zijn te diep genest.") from None
        target = Netwerk.objects.filter(pk=netwerk).first() if netwerk else None
        if netwerk and target is None:
            raise CommandError(f"Netwerk {netwerk} bestaat niet.")
        round_ = Indienronde.objects.filter(pk=ronde).first() if ronde else None
        if ronde and round_ is None:
            raise CommandError(f"Indienronde {ronde} bestaat niet.")
        try:
            nota = import_document(document, netwerk=target, ronde=round_)
        except ImportRefused as refused:
            for problem in refused.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"Niets geïmporteerd: {len(refused.problems)} probleem/problemen.") from None
        self.stdout.write(f"Afsprakennota {nota.pk} van {nota.netwerk} geïmporteerd.")
