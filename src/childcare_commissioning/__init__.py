"""childcare-commissioning: UK councils' children's social care specifications as cited rules.

The top-level package re-exports the model, the converter helpers and the registry. Heavy
dependencies (holidays, babel, pendulum) load only when a capability that needs them is
imported.
"""

from childcare_commissioning.convert import dumps, loads, structure, unstructure
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.errors import (
    CommissioningError,
    ConversionError,
    DuplicateCouncilError,
    ModelValueError,
    PluginLoadError,
    Problem,
    UnknownCouncilError,
)
from childcare_commissioning.model import (
    Area,
    Channel,
    ChildOrYoungPerson,
    Citation,
    Finding,
    GlossaryTerm,
    Package,
    Reading,
    Referral,
    Referrer,
    Service,
    Severity,
    Specification,
    StaffRatio,
    Status,
    Urgency,
)
from childcare_commissioning.registry import (
    RegisteredCouncil,
    Registry,
    get_registry,
    load_registry,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "Area",
    "Channel",
    "ChildOrYoungPerson",
    "Citation",
    "CommissioningError",
    "ConversionError",
    "CouncilSpec",
    "DuplicateCouncilError",
    "Finding",
    "GlossaryTerm",
    "ModelValueError",
    "Package",
    "PluginLoadError",
    "Problem",
    "Reading",
    "Referral",
    "Referrer",
    "RegisteredCouncil",
    "Registry",
    "Service",
    "Severity",
    "Specification",
    "StaffRatio",
    "Status",
    "UnknownCouncilError",
    "Urgency",
    "__version__",
    "dumps",
    "get_registry",
    "load_registry",
    "loads",
    "structure",
    "unstructure",
]
