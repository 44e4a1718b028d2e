from django.core.management.base import BaseCommand

from netwerken.demo import DEMO_PASSWORD, USERS, seed_networks


class Command(BaseCommand):
    help = "Load the demo networks and accounts. Safe to run again: it duplicates nothing."

    def handle(self, *args, **options):
        networks = seed_networks()
        self.stdout.write(f"Demo: {len(networks)} netwerken.")
        self.stdout.write(f"Demo-logins (wachtwoord {DEMO_PASSWORD}):")
        for email, *_rest in USERS:
            self.stdout.write(f"  {email}")
