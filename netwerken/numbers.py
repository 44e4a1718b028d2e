"""How numbers are written: the Belgian way (1.234,5 and € 12.345,67), whatever the language
that happens to be active.

Pages, the checklist's messages, the PDF, the Word file and the charts all write numbers through
this module. Charts and documents are also made outside a request (by the worker), where Django's
localisation may not be switched on, so the separators are those of our nl-BE format module
(`config/formats/nl_BE/formats.py`), asked for by name, and Django's own `numberformat` applies
them. Amounts are rounded half up, as people round money by hand.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats, numberformat

LANGUAGE = "nl-be"
EURO = "€\u00a0"


def _setting(name: str):
    return formats.get_format(name, lang=LANGUAGE, use_l10n=True)


def format_number(value, decimals: int = 0) -> str:
    """`value` with `decimals` decimals and its thousands grouped: 1234567.891 -> 1.234.567,9."""
    # A float is taken as it is written (2.675, not the binary 2.67499...), as floatformat does.
    number = Decimal(repr(value) if isinstance(value, float) else value)
    number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = numberformat.format(
        number,
        _setting("DECIMAL_SEPARATOR"),
        decimal_pos=decimals,
        grouping=_setting("NUMBER_GROUPING"),
        thousand_sep=_setting("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
    return str(text)


def format_count(value) -> str:
    """A whole number: 5.000."""
    return format_number(value, 0)


def format_euro(value, symbol: bool = True) -> str:
    """An amount in euro with its cents: € 12.345,67, or 12.345,67 without the symbol (for
    inputs and for tables whose header says euro). A minus sign comes before the symbol; nothing
    counts as zero; what is not a number gives an empty text."""
    try:
        number = format_number(Decimal(value or 0), 2)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
    return f"{sign}{EURO}{digits}" if symbol else f"{sign}{digits}"


def format_euro_whole(value) -> str:
    """An amount without cents, for wide tables: € 270.000."""
    return f"{EURO}{format_number(value, 0)}"


def format_percent(share, decimals: int = 1) -> str:
    """A share between 0 and 1 as a percentage: 0.4567 -> 45,7 %."""
    return f"{format_number(Decimal(str(share)) * 100, decimals)}\u00a0%"
