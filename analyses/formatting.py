"""Numbers the Belgian way (1.234,5), independent of the active locale.

Charts and PDFs are drawn outside a request as well, so they cannot rely on Django's
localisation being switched on; one small function keeps page, chart and PDF alike.
"""

from decimal import ROUND_HALF_UP, Decimal


def format_number(value, decimals: int = 0) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):.{decimals}f}"
    whole, _sep, fraction = text.partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    result = ".".join(groups)
    if fraction:
        result += "," + fraction
    return sign + result
