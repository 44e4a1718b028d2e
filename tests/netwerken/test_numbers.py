import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from netwerken.numbers import (
    format_count,
    format_euro,
    format_euro_whole,
    format_number,
    format_percent,
)


@pytest.mark.parametrize(
    "value, decimals, text",
    [
        (Decimal("1234567.891"), 1, "1.234.567,9"),
        (Decimal("0.05"), 1, "0,1"),
        (Decimal("-1234.5"), 0, "-1.235"),
        (Decimal("-0.004"), 2, "0,00"),
        (2.675, 2, "2,68"),
        (12, 0, "12"),
    ],
)
def test_numbers_are_written_the_belgian_way(value, decimals, text):
    assert format_number(value, decimals) == text


def test_amounts_carry_the_euro_sign_before_the_number():
    assert format_euro(Decimal("12345.675")) == "€\u00a012.345,68"
    assert format_euro(Decimal("-5")) == "-€\u00a05,00"
    assert format_euro(Decimal("1000"), symbol=False) == "1.000,00"
    assert format_euro(None) == "€\u00a00,00"
    assert format_euro("no amount") == ""
    assert format_euro_whole(Decimal("270000.40")) == "€\u00a0270.000"


def test_counts_and_percentages():
    assert format_count(5000) == "5.000"
    assert format_percent(0.4567) == "45,7\u00a0%"


@pytest.mark.parametrize("language", ["en", "de", "nl-be"])
def test_the_active_language_changes_nothing(language):
    with translation.override(language):
        assert format_number(Decimal("1234.5"), 1) == "1.234,5"
        assert format_euro(Decimal("1234.5")) == "€\u00a01.234,50"


HAND_MADE = re.compile(
    r":,\}"  # Python's thousands separator, then swapped
    r"|\.replace\(\s*['\"]\.['\"],\s*['\"],['\"]\s*\)"  # a decimal point swapped by hand
    r"|\|floatformat|\|intcomma"  # Django's filters, which follow the active language
    r"|\bnumber_format\(|\bnumberformat\b"
)
# Not numbers for people to read: a CSV cell with every decimal kept, an uploaded file's own
# digits shown back, demo data written as a file.
RAW_DIGITS = {"dossiers/ronde_export.py", "analyses/reading/cells.py", "analyses/demo.py"}


def test_numbers_are_written_only_through_the_numbers_module():
    root = Path(__file__).resolve().parent.parent.parent
    files = [p for app in ("netwerken", "dossiers", "analyses") for p in (root / app).rglob("*.py")]
    files += list((root / "templates").rglob("*.html"))
    allowed = RAW_DIGITS | {"netwerken/numbers.py"}
    offenders = [
        f"{relative}:{number}"
        for path in files
        if (relative := path.relative_to(root).as_posix()) not in allowed
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if HAND_MADE.search(line)
    ]
    assert offenders == []
