"""What differs between a stored item and what someone typed, for the conflict message.

`dossiers.concurrency.differences` compares plain fields; these items also have lists of
choices, municipalities and the answers kept together in one field.
"""

from django import forms


def _shown(field, values) -> str:
    choices = dict((str(k), str(v)) for k, v in getattr(field, "choices", []) if k != "")
    if isinstance(values, (list, tuple)):
        return ", ".join(choices.get(str(v), str(v)) for v in values)
    return choices.get(str(values), str(values or ""))


def item_differences(form, current) -> list[dict]:
    rows = []
    for name, field in form.fields.items():
        if name == "version" or name not in form.data:
            continue
        multiple = isinstance(field, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField))
        yours = form.data.getlist(name) if multiple else form.data.get(name, "")
        stored = getattr(current, name, "")
        if hasattr(stored, "all"):
            stored = [str(o.pk) for o in stored.all()]
        if multiple:
            differs = sorted(map(str, stored or [])) != sorted(yours)
        else:
            differs = str(stored if stored is not None else "") != str(yours or "")
        if differs:
            rows.append(
                {"label": field.label, "theirs": _shown(field, stored), "yours": _shown(field, yours)}
            )
    return rows


def answer_differences(form, current) -> list[dict]:
    return [
        {"label": field.label, "theirs": current.answer(name), "yours": form.data.get(name, "")}
        for name, field in form.fields.items()
        if name != "version" and current.answer(name).strip() != form.data.get(name, "").strip()
    ]
