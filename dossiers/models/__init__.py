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
from .jaarrapport import (  # noqa: F401,E402
    Jaarrapport,
    JaarrapportRemark,
    JaarrapportStep,
    JaarrapportVersion,
    RapportSection,
)
from .comments import Comment  # noqa: F401,E402
from .confirmations import PartnerConfirmation  # noqa: F401,E402
from .notifications import Notification, NotificationKind, ReminderSent  # noqa: F401,E402
from .workflow import DossierVersion, ReviewRemark, TransitionRecord  # noqa: F401,E402
from .exports import PdfExport  # noqa: F401,E402
from .zelfscan import Domein, Zelfscan, ZelfscanScore  # noqa: F401,E402
from .opvolging import (  # noqa: F401,E402
    ActieOpvolging,
    BegrotingRealisatie,
    Bijsturing,
    IndicatorMeting,
    Reflectiemoment,
    Werkjaar,
)
from .samenwerking import (  # noqa: F401,E402
    GeplandReflectiemoment,
    Monitoringafspraak,
    Overlegorgaan,
    Samenwerking,
)
from .analyse import (  # noqa: F401,E402
    Bevraging,
    Drempelbeschrijving,
    GekozenIndicator,
    Kansengroep,
    KwalitatieveAnalyse,
    SwotItem,
)
from .voortzetting import ActieHerkomst, Zelfevaluatie  # noqa: F401,E402
