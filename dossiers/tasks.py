"""Background work, run by the database-backed worker (`manage.py db_worker`)."""

from django.tasks import task

from .exports import pdf_export_render


@task()
def make_pdf(export_id: int) -> None:
    pdf_export_render(export_id=export_id)
