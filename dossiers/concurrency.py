"""No lost work: when two people edit the same item, the second save is stopped and shown both.

The models carry a version number (django-concurrency); a save with an old number raises
RecordModifiedError. We catch it, keep what the second person typed, and show what the first
one saved, so the second can merge by hand and save again on purpose.
"""

from concurrency.exceptions import RecordModifiedError
from concurrency.forms import get_signer
from django.db import transaction


def save_or_conflict(form):
    """Save a model form. Returns (saved_instance, None) or (None, current_stored_instance)."""
    try:
        with transaction.atomic():
            return form.save(), None
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
