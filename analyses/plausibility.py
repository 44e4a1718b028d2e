"""Is a figure plausible for its indicator? Bounds are problems, big jumps are warnings.

A percentage lies between 0 and 100 and a count is not negative (the indicator's kind), and the
catalogue may narrow that further. A value more than three times as large or as small as the
year before, or as the value already stored, is probably a unit or column mistake: the user is
asked to look before confirming.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from .models import Indicator

JUMP = Decimal(3)


def out_of_bounds(indicator: Indicator, value: Decimal) -> str:
    """A Dutch problem sentence when the value cannot be right for this indicator, else ''."""
    low, high = indicator.bounds()
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            limits = _("from %(low)s to %(high)s") % {
                "low": indicator.format(low),
                "high": indicator.format(high),
            }
        elif low is not None:
            limits = _("at least %(low)s") % {"low": indicator.format(low)}
        else:
            limits = _("at most %(high)s") % {"high": indicator.format(high)}
        return _("%(value)s is not possible for “%(indicator)s”: a value lies %(limits)s.") % {
            "value": indicator.format(value),
            "indicator": indicator.name,
            "limits": limits,
        }
    return ""


def jumps(value: Decimal, other: Decimal | None) -> bool:
    """More than a factor 3 apart (values of opposite sign or zero are not compared)."""
    if other is None or value == 0 or other == 0 or (value > 0) != (other > 0):
        return False
    ratio = abs(value / other)
    return ratio > JUMP or ratio < 1 / JUMP


def jump_warnings(indicator: Indicator, planned, stored: dict) -> list:
    """[(line, message)] for the planned values that jump against the stored or previous year.

    `stored` maps (gemeente id, year) to the value in the database; the file's own values of the
    previous year count before the stored ones.
    """
    in_file = {item.key: item.value for item in planned}
    warnings = []
    for item in planned:
        gemeente_id = item.key[0]
        old = stored.get(item.key)
        if old is not None and old != item.value and jumps(item.value, old):
            warnings.append(
                (
                    item.line,
                    _("%(what)s %(year)s: %(value)s is more than three times as large or as small as the %(old)s stored now.")
                    % {"what": item.label, "year": item.year, "value": indicator.format(item.value), "old": indicator.format(old)},
                )
            )
            continue
        previous = in_file.get((gemeente_id, item.year - 1), stored.get((gemeente_id, item.year - 1)))
        if jumps(item.value, previous):
            warnings.append(
                (
                    item.line,
                    _("%(what)s %(year)s: %(value)s is more than three times as large or as small as %(previous)s in %(before)s.")
                    % {
                        "what": item.label,
                        "year": item.year,
                        "value": indicator.format(item.value),
                        "previous": indicator.format(previous),
                        "before": item.year - 1,
                    },
                )
            )
    return warnings
