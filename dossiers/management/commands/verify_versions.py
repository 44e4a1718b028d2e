from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dossiers.models import DossierVersion
from dossiers.snapshot import sha256_of


class Command(BaseCommand):
    help = (
        "Recompute the SHA-256 of every submitted version and report each one whose stored "
        "snapshot no longer matches it. Silent when all are intact; exits with an error otherwise."
    )

    def handle(self, *args, verbosity=1, **options):
        versions = DossierVersion.objects.select_related("nota__netwerk", "nota__ronde").order_by(
            "nota", "number"
        )
        checked, mismatches = 0, 0
        for version in versions.iterator(chunk_size=50):
            checked += 1
            actual = sha256_of(version.snapshot)
            if actual != version.sha256:
                mismatches += 1
                self.stderr.write(
                    _(
                        "Dossier %(nota)s (%(netwerk)s, %(ronde)s), version %(number)s: the snapshot does "
                        "not match its SHA-256 (stored %(stored)s, computed %(actual)s)."
                    )
                    % {
                        "nota": version.nota_id,
                        "netwerk": version.nota.netwerk.name,
                        "ronde": version.nota.ronde.period_label,
                        "number": version.number,
                        "stored": version.sha256,
                        "actual": actual,
                    }
                )
        if mismatches:
            raise CommandError(
                _("%(bad)s of %(total)s submitted versions do not match their SHA-256.")
                % {"bad": mismatches, "total": checked}
            )
        if verbosity > 1:
            self.stdout.write(
                _("All %(total)s submitted versions match their SHA-256.") % {"total": checked}
            )
