"""No lost work: when two people edit the same item, the second save is stopped and shown both.

The models carry a version number (django-concurrency); a save with an old number raises
RecordModifiedError. We catch it, keep what the second person typed, and show what the first
one saved, so the second can merge by hand and save again on purpose.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from concurrency.exceptions import RecordModifiedError
from concurrency.forms import get_signer
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect


def save_or_conflict(form, also: Callable[[Any], None] | None = None):
    """Save a model form, and run `also(saved)` in the same transaction (the parts saved with
    it). Returns (saved_instance, None) or (None, current_stored_instance)."""
    try:
        with transaction.atomic():
            saved = form.save()
            if also is not None:
                also(saved)
            return saved, None
    except RecordModifiedError:
        model = type(form.instance)
        return None, model._default_manager.get(pk=form.instance.pk)


def rebind_after_conflict(form_class, data, current, **kwargs):
    """The user's form again, now based on the stored version, so that saving again is deliberate."""
    data = data.copy()
    data["version"] = get_signer().sign(current.version)
    return form_class(data, instance=current, **kwargs)


def differences(form, current) -> list[dict]:
    """Field by field, what the other person saved against what this person typed."""
    rows = []
    for name, field in form.fields.items():
        if name == "version" or name not in form.data:
            continue
        theirs = getattr(current, name, None)
        if hasattr(current, f"get_{name}_display"):
            theirs = getattr(current, f"get_{name}_display")()
        yours = form.data.get(name, "")
        stored_raw = getattr(current, name, "")
        if str(stored_raw or "") != str(yours or ""):
            rows.append({"label": field.label, "theirs": theirs, "yours": yours})
    return rows


def last_editor(instance):
    record = instance.history.select_related("history_user").first()
    return (record.history_user, record.history_date) if record else (None, None)


@dataclass(frozen=True)
class FormSave:
    """What became of a form sent to an edit page (see `save_form`)."""

    form: Any
    done: HttpResponse | None = None  # the redirect after a save
    conflict: dict | None = None  # for includes/_conflict.html
    current: Any = None  # the stored version that won

    @property
    def status(self) -> int:
        return 409 if self.conflict else 200


def save_form(
    request,
    form,
    *,
    message: str | Callable[[Any], str],
    success_url: str | Callable[[Any], str],
    valid: bool = True,
    also: Callable[[Any], None] | None = None,
    form_kwargs: dict | None = None,
    compare: Callable[[Any, Any], list[dict]] = differences,
):
    """The steps of every edit page: on a valid POST save the form (and `also` with it); when
    that works, say `message` and redirect to `success_url` (either may depend on what was saved);
    when someone else saved first, keep what was typed in a form on the stored version, built
    with `form_kwargs`, and describe the conflict with `compare`. Anything else (a GET, errors)
    leaves the form as it is. `valid` is what else must be valid (e.g. a formset)."""
    if request.method != "POST" or form is None or not form.is_valid() or not valid:
        return FormSave(form)
    saved, current = save_or_conflict(form, also)
    if saved is not None:
        messages.success(request, message(saved) if callable(message) else message)
        url = success_url(saved) if callable(success_url) else success_url
        return FormSave(form, done=redirect(url))
    who, when = last_editor(current)
    conflict = {"rows": compare(form, current), "who": who, "when": when}
    rebound = rebind_after_conflict(type(form), request.POST, current, **(form_kwargs or {}))
    return FormSave(rebound, conflict=conflict, current=current)
