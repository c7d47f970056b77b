"""childcare-commissioning: UK councils' children's social care specifications as cited rules.

The top-level package re-exports the model, the converter helpers and the registry. Heavy
dependencies (holidays, babel, pendulum) load only when a capability that needs them is
imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from childcare_commissioning._lazy import lazy_exports

# The core's version: its one place (hatch reads it here; scripts/release sets it).
__version__ = "0.1.0"

# Exports load on first use (PEP 562): `import childcare_commissioning` and the console
# script's `--help` stay fast however many capabilities the library grows.
_EXPORTS: dict[str, str] = {
    "Area": "childcare_commissioning.model",
    "Channel": "childcare_commissioning.model",
    "ChildOrYoungPerson": "childcare_commissioning.model",
    "Citation": "childcare_commissioning.model",
    "CommissioningError": "childcare_commissioning.errors",
    "Contract": "childcare_commissioning.contract",
    "ConversionError": "childcare_commissioning.errors",
    "CouncilSpec": "childcare_commissioning.council",
    "DuplicateCouncilError": "childcare_commissioning.errors",
    "Finding": "childcare_commissioning.model",
    "GlossaryTerm": "childcare_commissioning.model",
    "IncompatiblePluginError": "childcare_commissioning.errors",
    "MissingExtraError": "childcare_commissioning.errors",
    "ModelValueError": "childcare_commissioning.errors",
    "Package": "childcare_commissioning.model",
    "PluginLoadError": "childcare_commissioning.errors",
    "Problem": "childcare_commissioning.errors",
    "Reading": "childcare_commissioning.model",
    "Referral": "childcare_commissioning.model",
    "Referrer": "childcare_commissioning.model",
    "RegisteredCouncil": "childcare_commissioning.registry",
    "Registry": "childcare_commissioning.registry",
    "Service": "childcare_commissioning.model",
    "Severity": "childcare_commissioning.model",
    "Specification": "childcare_commissioning.model",
    "StaffRatio": "childcare_commissioning.model",
    "Status": "childcare_commissioning.model",
    "Term": "childcare_commissioning.model",
    "UnknownCouncilError": "childcare_commissioning.errors",
    "UnknownVersionError": "childcare_commissioning.errors",
    "Urgency": "childcare_commissioning.model",
    "dumps": "childcare_commissioning.convert",
    "get_registry": "childcare_commissioning.registry",
    "load_registry": "childcare_commissioning.registry",
    "loads": "childcare_commissioning.convert",
    "structure": "childcare_commissioning.convert",
    "unstructure": "childcare_commissioning.convert",
}


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())


if TYPE_CHECKING:
    from childcare_commissioning.contract import Contract
    from childcare_commissioning.convert import dumps, loads, structure, unstructure
    from childcare_commissioning.council import CouncilSpec
    from childcare_commissioning.errors import (
        CommissioningError,
        ConversionError,
        DuplicateCouncilError,
        IncompatiblePluginError,
        MissingExtraError,
        ModelValueError,
        PluginLoadError,
        Problem,
        UnknownCouncilError,
        UnknownVersionError,
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
        Term,
        Urgency,
    )
    from childcare_commissioning.registry import (
        RegisteredCouncil,
        Registry,
        get_registry,
        load_registry,
    )


__all__ = [
    "Area",
    "Channel",
    "ChildOrYoungPerson",
    "Citation",
    "CommissioningError",
    "Contract",
    "ConversionError",
    "CouncilSpec",
    "DuplicateCouncilError",
    "Finding",
    "GlossaryTerm",
    "IncompatiblePluginError",
    "MissingExtraError",
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
    "Term",
    "UnknownCouncilError",
    "UnknownVersionError",
    "Urgency",
    "__version__",
    "dumps",
    "get_registry",
    "load_registry",
    "loads",
    "structure",
    "unstructure",
]
