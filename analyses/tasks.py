"""Background work of the analyses, run by the database-backed worker (`manage.py db_worker`).

The task lives next to the work it queues (`analyses.services`), so the two need not import each
other; it is named here too, for work queued under this name.
"""

from .services import read_import  # noqa: F401
