from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from dossiers.demo import seed_dossiers
from netwerken.demo import DEMO_PASSWORD, USERS, seed_large_network, seed_networks


class Command(BaseCommand):
    help = "Load the demo networks and accounts. Safe to run again: it duplicates nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--large",
            action="store_true",
            help="also load the large reference network (25 municipalities, 80 partners)",
        )

    def handle(self, *args, large=False, **options):
        # The demo's invented people get no mail: what the real services send while the demo
        # plays its steps (consultation, comments, submissions) stays in memory.
        in_memory = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
        with override_settings(MAILERS=in_memory):
            networks = seed_networks()
            if large:
                networks.append(seed_large_network())
            dossiers = seed_dossiers()
        self.stdout.write(f"Demo: {len(networks)} netwerken, {len(dossiers)} afsprakennota's.")
        self.stdout.write(f"Demo-logins (wachtwoord {DEMO_PASSWORD}):")
        for email, *_rest in USERS:
            self.stdout.write(f"  {email}")
