"""Strings of Django itself that its Dutch catalogue does not translate yet.

Marking them here puts them in our catalogue (locale/nl), which takes precedence over Django's,
so the interface stays Dutch. Remove an entry once Django's own catalogue has it.
"""

from django.utils.translation import gettext_noop

DJANGO_STRINGS = [
    # Django 6.1's label of the empty choice in a select (django.db.models.fields.BLANK_CHOICE_LABEL).
    gettext_noop("- Select an option -"),
]
