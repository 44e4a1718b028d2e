"""The abbreviated months as Flemish texts write them (Taaladvies): with a point, except "mei".

Django's date format `N` looks these up with the context "abbrev. month"; our catalogue
(locale/nl) spells them, and it comes before Django's own, which leaves the point off."""

from django.utils.translation import pgettext_lazy

ABBREVIATED_MONTHS = [
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
]
