from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dossiers.models import Afsprakennota
from dossiers.pdf import render_pdf
from dossiers.snapshot import build_snapshot


class Command(BaseCommand):
    help = "Write the PDF of a dossier (as it is now, or one of its submitted versions) to a file."

    def add_arguments(self, parser):
        parser.add_argument("dossier", type=int, help="the id of the afsprakennota")
        parser.add_argument("--versie", dest="version", type=int, help="a submitted version number")
        parser.add_argument("-o", "--output", help="the file to write (default: a name of its own)")

    def handle(self, *args, dossier, version=None, output=None, **options):
        nota = Afsprakennota.objects.select_related("netwerk", "ronde").filter(pk=dossier).first()
        if nota is None:
            raise CommandError(f"Afsprakennota {dossier} bestaat niet.")
        if version:
            frozen = nota.versions.filter(number=version).first()
            if frozen is None:
                raise CommandError(f"Versie {version} van afsprakennota {dossier} bestaat niet.")
            document, draft = frozen.snapshot, False
        else:
            document, draft = build_snapshot(nota), True
        pdf, pages, html_s, layout_s, _fetcher = render_pdf(
            document, draft=draft, version_number=version
        )
        path = Path(output or f"afsprakennota-{nota.pk}-{'v' + str(version) if version else 'concept'}.pdf")
        path.write_bytes(pdf)
        self.stdout.write(
            f"{path}: {pages} pagina's ({html_s:.2f} s HTML, {layout_s:.2f} s opmaak)."
        )
