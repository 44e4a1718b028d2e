"""Tell a demo story on its own dates.

The demo's services stamp everything with the moment the seed runs. A story that happened months
ago (a dossier submitted before its deadline, reviewed, changed and submitted again) would then
look as if it all happened today, and late. `Timeline` notes the real moment each chapter of the
story starts, and afterwards moves every timestamp written during a chapter to that chapter's
date in the story, keeping the order within the chapter.
"""

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.db import models
from django.utils import timezone

# The apps whose rows a demo story writes (their history tables included).
STORY_APPS = ("netwerken", "dossiers", "analyses")


@dataclass
class Timeline:
    marks: list[tuple[datetime, datetime]] = field(default_factory=list)

    def chapter(self, date: datetime) -> None:
        """What is written from now on happened at `date` in the story."""
        self.marks.append((timezone.now(), date))

    def moved(self, value: datetime) -> datetime:
        reals = [real for real, _date in self.marks]
        index = bisect_right(reals, value) - 1
        real, date = self.marks[index]
        return date + (value - real)

    def apply(self) -> int:
        """Move the timestamps written since the first chapter; returns how many were moved."""
        if not self.marks:
            return 0
        start, end = self.marks[0][0], timezone.now()
        moved = 0
        for model in _story_models():
            for name in _datetime_fields(model):
                rows = model._default_manager.filter(**{f"{name}__range": (start, end)})
                for pk, value in rows.values_list("pk", name):
                    model._default_manager.filter(pk=pk).update(**{name: self.moved(value)})
                    moved += 1
        return moved


def _story_models():
    for label in STORY_APPS:
        yield from apps.get_app_config(label).get_models()


def _datetime_fields(model) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, models.DateTimeField)]
