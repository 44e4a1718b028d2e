from django.core.management.base import BaseCommand

from dossiers.schema import json_schema_text


class Command(BaseCommand):
    help = (
        "Write the JSON Schema of the exchange format. Keep docs/dossier-format.schema.json in step: "
        "manage.py dossier_schema > docs/dossier-format.schema.json"
    )

    def handle(self, *args, **options):
        self.stdout.write(json_schema_text(), ending="")
