from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dossiers.exchange import export_json
from dossiers.models import Afsprakennota


class Command(BaseCommand):
    help = "Write a dossier in the JSON exchange format (docs/dossier-format.md)."

    def add_arguments(self, parser):
        parser.add_argument("dossier", type=int, help="the id of the afsprakennota")
        parser.add_argument("-o", "--output", help="the file to write (default: standard output)")

    def handle(self, *args, dossier, output=None, **options):
        nota = Afsprakennota.objects.select_related("netwerk", "ronde").filter(pk=dossier).first()
        if nota is None:
            raise CommandError(f"Afsprakennota {dossier} bestaat niet.")
        text = export_json(nota)
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stdout.write(f"{output} geschreven.")
        else:
            self.stdout.write(text)
