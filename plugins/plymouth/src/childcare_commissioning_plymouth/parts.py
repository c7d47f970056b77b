"""Parts of Plymouth's declaration gathered from several modules, read when first asked for."""

from __future__ import annotations

from childcare_commissioning_plymouth import READINGS as _READINGS
from childcare_commissioning_plymouth.kpi import POLICY_TABLE
from childcare_commissioning_plymouth.monitoring import MONITORING_READINGS
from childcare_commissioning_plymouth.referrals import DOCUMENTS
from childcare_commissioning_plymouth.workforce import ROLE_TYPE_TABLE

__all__ = ["READINGS", "REFERENCE_TABLES"]

#: Every reading: the text's (declared with the council) and the monitoring's.
READINGS = _READINGS + MONITORING_READINGS
REFERENCE_TABLES = (POLICY_TABLE, DOCUMENTS, ROLE_TYPE_TABLE)
