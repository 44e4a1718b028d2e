"""Background work, run by the database-backed worker (`manage.py db_worker`).

The task lives next to the work it queues (`dossiers.exports`), so the two need not import each
other; it is named here too, for work queued under this name.
"""

from .exports import make_pdf  # noqa: F401
