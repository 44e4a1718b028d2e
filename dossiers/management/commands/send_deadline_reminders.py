from django.core.management.base import BaseCommand

from dossiers.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = "Remind coordinators 30, 14, 7 and 1 days before the deadline. Run daily; safe to repeat."

    def handle(self, *args, **options):
        count = send_deadline_reminders()
        self.stdout.write(f"{count} herinnering(en) verstuurd.")
