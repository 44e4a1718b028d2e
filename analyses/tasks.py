"""Background work of the analyses, run by the database-backed worker (`manage.py db_worker`)."""

from django.tasks import task

from .services import import_batch_read


@task()
def read_import(batch_id: int, guess: bool) -> None:
    import_batch_read(batch_id=batch_id, guess=guess)
