"""The Children's Social Care Placements Data Standard (v2, SocialCareData).

A *Placement* record (JSON-LD, in the compact form of the standard's context) holds a
placement referral (PlacementAvailability, PlacementRequirements, PlacementRecommendation,
RiskAssessment, QualityAssurance) and, once a placement is agreed, its ActualPlacement
(type, provider, location and weekly costs). This module:

- :func:`validate` checks a record against the standard's own SHACL shape
  (``placements_v2/shacl-shape.ttl``, shipped unchanged) with pyshacl, on the RDF that the
  JSON-LD processor pyld makes of it with the standard's context
  (``placements_v2/context.jsonld``, shipped unchanged; a record's own ``@context``
  reference is never fetched), as the standard's own validator does with jsonld.js. Needs
  the ``placements`` extra (``pyshacl``, which brings ``rdflib``, and ``pyld``); nothing here
  imports them until a record is validated.
- :func:`read_placement` reads a record into a :class:`~childcare_commissioning.model.Referral`
  that :func:`~childcare_commissioning.referrals.check_referral` can check, with the weekly
  costs (:class:`WeeklyCosts`) when the record has an ActualPlacement, and
  :class:`~childcare_commissioning.model.Finding` s for every reading it made.
- :func:`weekly_costs` prices a :class:`~childcare_commissioning.model.Package` for one
  week from its :class:`~childcare_commissioning.billing.Quotation`, and
  :func:`write_placement` writes a record back: the fields the Referral models from the
  Referral, the costs from :class:`WeeklyCosts` (as decimal strings, ``"350.25"``: a JSON
  number with pence is no ``xsd:decimal`` to JSON-LD), and every other field of the source
  carried through unchanged.

The package's modules: :mod:`.vocabulary` (concept schemes, urgency, risks),
:mod:`.shape` (the standard's files, the compact form, SHACL results as problems),
:mod:`.validation`, :mod:`.costs`, :mod:`.reading` and :mod:`.writing`.

Errors name the JSON path (from the SHACL result's focus node and path) and the rule (the
shape's own ``sh:message`` where it has one), never a value: records carry officers' names
and free text about a child.
"""

from __future__ import annotations

from childcare_commissioning.formats.placements.costs import WeeklyCosts, weekly_costs
from childcare_commissioning.formats.placements.reading import (
    PlacementRecord,
    read_placement,
    with_costs,
)
from childcare_commissioning.formats.placements.shape import CONTEXT_FILE, SHAPE_FILE, context
from childcare_commissioning.formats.placements.validation import validate
from childcare_commissioning.formats.placements.vocabulary import (
    DEFAULT_REFERRER_ROLE,
    RISK_FIELDS,
    URGENCY,
    concept,
)
from childcare_commissioning.formats.placements.writing import dumps, write_placement

__all__ = [
    "CONTEXT_FILE",
    "DEFAULT_REFERRER_ROLE",
    "RISK_FIELDS",
    "SHAPE_FILE",
    "URGENCY",
    "PlacementRecord",
    "WeeklyCosts",
    "concept",
    "context",
    "dumps",
    "read_placement",
    "validate",
    "weekly_costs",
    "with_costs",
    "write_placement",
]
