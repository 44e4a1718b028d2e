"""The analysis part of a dossier document, ready to show: labels instead of codes, names
instead of NIS codes. Works on the plain document only (see dossiers/analyse_snapshot.py)."""

from dossiers.vocab import Doelgroep, Drempel

from . import analyse_questions as questions
from .models import Bevraging, SwotItem


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


def prepare_analyse(analyse: dict | None, gemeente_names: dict) -> dict | None:
    if not analyse:
        return None
    names = lambda codes: [gemeente_names.get(c, c) for c in codes]  # noqa: E731
    qa = {kind: dict(qs) for kind, qs in questions.QUESTIONS.items()}
    for part in analyse["kwalitatief"]:
        part["rows"] = [(str(qa[part["kind"]].get(key, key)), text) for key, text in part["answers"].items()]
        part["answered"] = any(text.strip() for text in part["answers"].values())
    analyse["swot_groups"] = [
        {
            "kind": kind,
            "label": str(label),
            "items": [
                {**s, "source_label": _label(SwotItem.Source, s["source"])}
                for s in analyse["swot"]
                if s["kind"] == kind
            ],
        }
        for kind, label in SwotItem.Kind.choices
    ]
    for d in analyse["drempels"]:
        d["label"] = _label(Drempel, d["drempel"])
        d["doelgroep_labels"] = [_label(Doelgroep, v) for v in d["doelgroepen"]]
        d["gemeente_names"] = names(d["gemeenten"])
    for k in analyse["kansengroepen"]:
        k["label"] = _label(Doelgroep, k["doelgroep"])
        k["gemeente_names"] = names(k["gemeenten"])
    for b in analyse["bevragingen"]:
        b["method_label"] = _label(Bevraging.Method, b["method"])
    return analyse
