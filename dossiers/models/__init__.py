"""The afsprakennota and its parts, one module per subject."""

from .begroting import Begrotingsbedrag, Begrotingspost  # noqa: F401
from .doelen import (  # noqa: F401
    Actie,
    ActieIndicator,
    ActieKost,
    OperationeleDoelstelling,
    StrategischeDoelstelling,
)
from .nota import Afsprakennota, Section  # noqa: F401
from .ronde import Indienronde, RequiredPartner  # noqa: F401
from .visie import Visie  # noqa: F401
