from django.core.management.base import BaseCommand

from netwerken.gemeenten import load_gemeenten
from netwerken.models import Gemeente


class Command(BaseCommand):
    help = "Load or refresh the Flemish municipalities and Antwerp's districts."

    def handle(self, *args, **options):
        counts = load_gemeenten(Gemeente)
        self.stdout.write(
            f"{Gemeente.objects.count()} gemeenten en districten "
            f"({counts['created']} nieuw, {counts['updated']} bijgewerkt)."
        )
