"""Open Referral UK: a council's services and safeguarding contacts as HSDS 3 JSON.

:func:`export_council` turns a :class:`~childcare_commissioning.council.CouncilSpec` into
one HSDS 3 *organization* document (the council) with its ``services``: names and
summaries, the age range the council's cohorts and exclusions make a hard limit
(``minimum_age``/``maximum_age``), the areas its area rules serve (``service_areas``) and
the council's published safeguarding contacts (``contacts``, with ``email`` and
``phones``). The handbook page ``docs/formats/oruk.md`` gives the mapping field by field.

Ids are UUIDs derived with :func:`uuid.uuid5` from the council id and the item's own id
(:func:`stable_id`), so exporting the same declaration twice gives the same document.
What the council declares that HSDS cannot hold (a contact's web address or opening-hours
calendar, an exclusion by status, a distance limit...) is listed in
:attr:`OrukExport.not_exported`, never dropped silently.

The UK profile (``OpenReferralUK/uk-profile``, HSDS 3.0) removes ``contact.email``,
``contact.phones`` and ``service.eligibility_description`` from the international
HSDS 3.0 schema, so it has nowhere for a safeguarding phone number. The export keeps
them as HSDS 3.0 defines them: the document is valid against both schemas (the UK
profile does not forbid extra properties), and :func:`validate` reports exactly those
fields as ``undeclared`` against the UK profile so a consumer knows which they are.

:func:`validate` needs the ``oruk`` extra (``jsonschema``); it is imported only there.
:func:`read_organization` reads a published organization document back into the fields
this module writes, and lists every field it did not read.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from childcare_commissioning.eligibility import Effect
from childcare_commissioning.errors import unique_keys

if TYPE_CHECKING:
    from referencing import Registry
    from referencing._core import Resolver

    from childcare_commissioning.council import CouncilSpec
    from childcare_commissioning.eligibility import AgeBand
    from childcare_commissioning.model.council import Service
    from childcare_commissioning.safeguarding import Contact

__all__ = [
    "NAMESPACE",
    "ContactRead",
    "NotExported",
    "OrganizationRead",
    "OrukExport",
    "Problem",
    "ProblemKind",
    "ServiceRead",
    "export_council",
    "read_organization",
    "stable_id",
    "summary",
    "validate",
]

#: The namespace of every id this module derives (:func:`stable_id`). Never change it:
#: consumers match records across exports by these ids.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:childcare-commissioning:open-referral-uk")

#: The base URI the schema files are registered under when validating: ``$ref``s between
#: them ("contact.json") resolve against it, inside the registry, never over a network.
_SCHEMA_BASE = "https://hsds.invalid/schema/"


def stable_id(council_id: str, *parts: str) -> str:
    """The HSDS id of an item: a UUID (version 5) of the council id and the item's path
    (``stable_id("triborough", "service", "young-carers")``), the same on every export."""
    return str(uuid.uuid5(NAMESPACE, "/".join((council_id, *parts))))


@attrs.frozen
class NotExported:
    """Something the council declares that the HSDS document cannot hold.

    ``item`` names the declaration (``"contact:lado"``, ``"service:pilot"``), ``field`` the
    part of it left out and ``reason`` why; ``value`` is the declared value as text.
    """

    item: str
    field: str
    value: str
    reason: str


@attrs.frozen
class OrukExport:
    """One council's HSDS 3 organization document and what it could not hold."""

    council: str
    document: dict[str, Any]
    not_exported: tuple[NotExported, ...]


def export_council(spec: CouncilSpec, as_of: dt.date) -> OrukExport:
    """The council as an HSDS 3 organization with its services (see the module docstring).

    ``as_of`` decides each service's ``status``: ``"active"`` while the specification is in
    force on that date, else ``"inactive"``.
    """
    left_out: list[NotExported] = []
    organization: dict[str, Any] = {
        "id": stable_id(spec.id),
        "name": spec.name,
        "description": _organization_description(spec),
    }
    organization["services"] = [
        _service(spec, service, as_of, left_out) for service in spec.services
    ]
    if not spec.services:
        for contact in spec.contacts:
            left_out.append(
                NotExported(
                    f"contact:{contact.id}",
                    "contact",
                    contact.organisation,
                    "the UK profile holds contacts on services and the council declares none",
                )
            )
    return OrukExport(spec.id, organization, tuple(left_out))


def _organization_description(spec: CouncilSpec) -> str:
    specification = spec.specification
    until = f" to {specification.effective_to}" if specification.effective_to else ""
    text = (
        f"Commissioner of \u201c{specification.title}\u201d (version {specification.version}, "
        f"in force from {specification.effective_from}{until})."
    )
    if spec.commissioners and spec.commissioners != (spec.name,):
        text += " Commissioned by: " + "; ".join(spec.commissioners) + "."
    return text


def _applies(declared_for: str | None, service: Service) -> bool:
    return declared_for is None or declared_for == service.id


def _service(
    spec: CouncilSpec, service: Service, as_of: dt.date, left_out: list[NotExported]
) -> dict[str, Any]:
    service_id = stable_id(spec.id, "service", service.id)
    status = "active" if spec.specification.in_force(as_of) else "inactive"
    document: dict[str, Any] = {
        "id": service_id,
        "organization_id": stable_id(spec.id),
        "name": service.name,
        "description": service.summary,
        "status": status,
    }
    minimum, maximum = _age_range(spec, service, left_out)
    if minimum is not None:
        document["minimum_age"] = minimum
    if maximum is not None:
        document["maximum_age"] = maximum
    cohorts = [c for c in spec.cohorts if _applies(c.service, service)]
    if cohorts:
        document["eligibility_description"] = "; ".join(f"{c.name} ({c.ages})" for c in cohorts)
    areas = _service_areas(spec, service, service_id, left_out)
    if areas:
        document["service_areas"] = areas
    for limit in spec.limits:
        if _applies(limit.service, service):
            left_out.append(
                NotExported(
                    f"service:{service.id}",
                    f"limits.{limit.id}",
                    f"{limit.field} at most {limit.maximum} {limit.unit}".rstrip(),
                    "HSDS 3 has no numeric eligibility limit other than age",
                )
            )
    contacts = [_contact(spec, service, service_id, c, left_out) for c in spec.contacts]
    if contacts:
        document["contacts"] = contacts
    return document


def _age_range(
    spec: CouncilSpec, service: Service, left_out: list[NotExported]
) -> tuple[int | None, int | None]:
    """The ages outside which the service is not for anyone: the smallest range holding
    every cohort's hard band (a predominant band, "predominantly aged 10-17", is no
    limit), cut by not-eligible exclusions by age ("People aged 26 and over")."""
    bands: list[AgeBand] = [c.ages for c in spec.cohorts if _applies(c.service, service)]
    minimum: int | None = None
    maximum: int | None = None
    if bands and all(not b.predominant for b in bands):
        lows = [b.minimum for b in bands]
        highs = [b.maximum for b in bands]
        minimum = None if None in lows else min(b for b in lows if b is not None)
        maximum = None if None in highs else max(b for b in highs if b is not None)
    for exclusion in spec.exclusions:
        if not _applies(exclusion.service, service):
            continue
        by_age = exclusion.minimum_age
        held = (
            by_age is not None
            and exclusion.effect is Effect.NOT_ELIGIBLE
            and not exclusion.statuses
            and not exclusion.unless_statuses
        )
        if held and by_age is not None:
            # Not for anyone this age or more: the oldest served is one year younger.
            maximum = by_age - 1 if maximum is None else min(maximum, by_age - 1)
            continue
        left_out.append(
            NotExported(
                f"service:{service.id}",
                f"exclusions.{exclusion.id}",
                exclusion.name,
                "HSDS 3 holds only a hard age limit, not an exclusion by status, with "
                f"exceptions or needing approval (effect: {exclusion.effect.value})",
            )
        )
    return minimum, maximum


def _service_areas(
    spec: CouncilSpec, service: Service, service_id: str, left_out: list[NotExported]
) -> list[dict[str, Any]]:
    names = {a.id: a.name for a in spec.areas}
    areas: list[dict[str, Any]] = []
    for rule in spec.area_rules:
        if not _applies(rule.service, service):
            continue
        for area in sorted(rule.areas):
            areas.append(
                {
                    "id": stable_id(spec.id, "service", service.id, "area", area),
                    "service_id": service_id,
                    "name": names.get(area, area),
                }
            )
        if rule.effect is not Effect.NOT_ELIGIBLE:
            left_out.append(
                NotExported(
                    f"service:{service.id}",
                    f"area_rules.{rule.id}.effect",
                    rule.effect.value,
                    "HSDS 3 service areas are where a service is available; that a "
                    f"referral from elsewhere needs approval ({rule.approver or 'council'}) "
                    "has no field",
                )
            )
    return areas


def _contact(
    spec: CouncilSpec,
    service: Service,
    service_id: str,
    contact: Contact,
    left_out: list[NotExported],
) -> dict[str, Any]:
    contact_id = stable_id(spec.id, "service", service.id, "contact", contact.id)
    title = contact.role
    if contact.area is not None:
        area_names = {a.id: a.name for a in spec.areas}
        title = f"{contact.role} ({area_names.get(contact.area, contact.area)})"
    document: dict[str, Any] = {
        "id": contact_id,
        "service_id": service_id,
        "name": contact.organisation,
        "title": title,
    }
    if contact.email is not None:
        document["email"] = contact.email
    if contact.phone is not None:
        document["phones"] = [
            {
                "id": stable_id(spec.id, "service", service.id, "contact", contact.id, "phone"),
                "contact_id": contact_id,
                "number": contact.phone,
            }
        ]
    # Reported once per contact (on the first service), not once per service.
    if service.id != spec.services[0].id:
        return document
    item = f"contact:{contact.id}"
    unheld = {
        "url": (contact.url, "an HSDS 3 contact has no web address"),
        "hours": (contact.hours, "an HSDS 3 contact has no opening hours (calendar id)"),
        "variant_of": (
            contact.variant_of,
            "HSDS 3 cannot say that a contact is a second spelling of another; both exported",
        ),
        "notes": (contact.notes or None, "an HSDS 3 contact has no notes"),
    }
    for field, (value, reason) in unheld.items():
        if value is not None:
            left_out.append(NotExported(item, field, value, reason))
    return document


class ProblemKind(enum.StrEnum):
    """``invalid``: the schema rejects the document; ``undeclared``: a property the
    schema does not declare (HSDS schemas allow them, so this is information)."""

    INVALID = "invalid"
    UNDECLARED = "undeclared"


@attrs.frozen
class Problem:
    """One finding of :func:`validate`: where (``services/0/contacts/1/email``), what."""

    kind: ProblemKind
    path: str
    message: str


def validate(document: Mapping[str, Any], schema_dir: Path) -> tuple[Problem, ...]:
    """Check an organization document (with ``services``) against the HSDS 3 JSON
    Schema files in ``schema_dir`` (``organization.json``, ``service.json`` and the files
    they ``$ref``), as published in ``openreferral/specification`` or a profile such as
    ``OpenReferralUK/uk-profile`` (their ``schema/`` folder).

    The organization without ``services`` is checked against ``organization.json`` and
    each service against ``service.json`` (the schemas' API responses nest services this
    way). Formats (uuid, email, date-time...) are checked where ``jsonschema`` can.
    Properties the schema does not declare are reported as ``undeclared``. Needs the
    ``oruk`` extra; :class:`ImportError` names it otherwise.
    """
    try:
        import jsonschema
    except ImportError as exc:  # pragma: no cover - the tests install the extra
        raise ImportError(
            "validating Open Referral documents needs the 'oruk' extra: "
            "pip install 'childcare-commissioning[oruk]'"
        ) from exc
    from referencing.exceptions import Unresolvable

    registry = _registry(schema_dir)
    organization = {k: v for k, v in document.items() if k != "services"}
    parts: list[tuple[str, str, Any]] = [("", "organization.json", organization)]
    services = document.get("services", [])
    if not isinstance(services, list):
        return (Problem(ProblemKind.INVALID, "services", "must be an array"),)
    parts += [(f"services/{i}/", "service.json", s) for i, s in enumerate(services)]
    problems: list[Problem] = []
    for prefix, name, instance in parts:
        uri = _SCHEMA_BASE + name
        try:
            schema = registry.resolver(base_uri=uri).lookup(uri)
            # By reference, so that the schema's own $refs resolve against its URI.
            validator = jsonschema.Draft202012Validator(
                {"$ref": uri},
                registry=registry,
                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
            )
            errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
            undeclared = _undeclared(instance, schema.contents, schema.resolver, prefix.rstrip("/"))
        except (Unresolvable, jsonschema.SchemaError) as exc:
            message = f"{name} or a file it refers to is missing or not a schema: {exc}"
            raise ValueError(message) from exc
        for error in errors:
            where = prefix + "/".join(str(p) for p in error.absolute_path)
            problems.append(Problem(ProblemKind.INVALID, where.rstrip("/"), error.message))
        problems += undeclared
    return tuple(problems)


def _registry(schema_dir: Path) -> Registry[Any]:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    files = sorted(schema_dir.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no HSDS schema files (*.json) in {schema_dir}")
    resources = []
    for path in files:
        # Strictly: a duplicate key is refused (DuplicateKeyError, a ValueError), and a
        # schema is an object or a boolean.
        contents = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=unique_keys)
        if not isinstance(contents, dict | bool):
            raise ValueError(f"{path.name} is not a schema (a JSON object)")
        resource = Resource.from_contents(contents, default_specification=DRAFT202012)
        resources.append((_SCHEMA_BASE + path.name, resource))
    registry: Registry[Any] = Registry().with_resources(resources)
    return registry.crawl()


def _undeclared(instance: Any, schema: Any, resolver: Resolver[Any], path: str) -> list[Problem]:
    """Properties of ``instance`` that ``schema`` does not declare, recursively, following
    ``$ref`` through the registry."""
    if not isinstance(schema, dict):
        return []
    while "$ref" in schema:
        resolved = resolver.lookup(schema["$ref"])
        schema, resolver = resolved.contents, resolved.resolver
    found: list[Problem] = []
    if isinstance(instance, dict) and isinstance(schema.get("properties"), dict):
        declared = schema["properties"]
        for key, value in instance.items():
            where = f"{path}/{key}" if path else key
            if key not in declared or declared[key] is None:
                found.append(
                    Problem(ProblemKind.UNDECLARED, where, f"{key!r} is not in this schema")
                )
            else:
                found += _undeclared(value, declared[key], resolver, where)
    elif isinstance(instance, list) and "items" in schema:
        for index, value in enumerate(instance):
            found += _undeclared(value, schema["items"], resolver, f"{path}/{index}")
    return found


@attrs.frozen
class ContactRead:
    """A contact as a document holds it."""

    name: str | None
    title: str | None
    email: str | None
    phones: tuple[str, ...]


@attrs.frozen
class ServiceRead:
    """A service as a document holds it: the fields :func:`export_council` writes."""

    id: str
    name: str
    description: str | None
    status: str
    minimum_age: int | float | None
    maximum_age: int | float | None
    eligibility_description: str | None
    areas: tuple[str, ...]
    contacts: tuple[ContactRead, ...]


@attrs.frozen
class OrganizationRead:
    """An organization document read back; ``unread`` lists (as paths) every field the
    document holds that this reader does not read, so nothing is passed over silently."""

    id: str
    name: str
    description: str | None
    services: tuple[ServiceRead, ...]
    unread: tuple[str, ...]


_ORGANIZATION_READ = frozenset({"id", "name", "description", "services"})
_SERVICE_READ = frozenset(
    {
        "id",
        "organization_id",
        "name",
        "description",
        "status",
        "minimum_age",
        "maximum_age",
        "eligibility_description",
        "service_areas",
        "contacts",
    }
)
_AREA_READ = frozenset({"id", "service_id", "name"})
_CONTACT_READ = frozenset({"id", "service_id", "name", "title", "email", "phones"})
_PHONE_READ = frozenset({"id", "contact_id", "number"})


def read_organization(document: Mapping[str, Any]) -> OrganizationRead:
    """Read an HSDS 3 organization document (ours, or a published one such as the
    profile's ``examples/organization_full.json``). :class:`ValueError` names the field
    if a required one (``id``, ``name``, a service's ``status``) is missing or not text."""
    unread: list[str] = []
    _unread(document, _ORGANIZATION_READ, "", unread)
    services = []
    for i, service in enumerate(_objects(document, "services", "")):
        where = f"services/{i}"
        _unread(service, _SERVICE_READ, where, unread)
        areas = []
        for j, area in enumerate(_objects(service, "service_areas", where)):
            _unread(area, _AREA_READ, f"{where}/service_areas/{j}", unread)
            areas.append(_text(area, "name", f"{where}/service_areas/{j}", required=False) or "")
        contacts = []
        for j, contact in enumerate(_objects(service, "contacts", where)):
            at = f"{where}/contacts/{j}"
            _unread(contact, _CONTACT_READ, at, unread)
            phones = []
            for k, phone in enumerate(_objects(contact, "phones", at)):
                _unread(phone, _PHONE_READ, f"{at}/phones/{k}", unread)
                phones.append(_text(phone, "number", f"{at}/phones/{k}") or "")
            contacts.append(
                ContactRead(
                    _text(contact, "name", at, required=False),
                    _text(contact, "title", at, required=False),
                    _text(contact, "email", at, required=False),
                    tuple(phones),
                )
            )
        services.append(
            ServiceRead(
                id=_text(service, "id", where) or "",
                name=_text(service, "name", where) or "",
                description=_text(service, "description", where, required=False),
                status=_text(service, "status", where) or "",
                minimum_age=_number(service, "minimum_age", where),
                maximum_age=_number(service, "maximum_age", where),
                eligibility_description=_text(
                    service, "eligibility_description", where, required=False
                ),
                areas=tuple(areas),
                contacts=tuple(contacts),
            )
        )
    return OrganizationRead(
        id=_text(document, "id", "") or "",
        name=_text(document, "name", "") or "",
        description=_text(document, "description", "", required=False),
        services=tuple(services),
        unread=tuple(unread),
    )


def _unread(item: Mapping[str, Any], read: frozenset[str], path: str, out: list[str]) -> None:
    out.extend(f"{path}/{key}" if path else key for key in item if key not in read)


def _objects(item: Mapping[str, Any], key: str, path: str) -> Sequence[Mapping[str, Any]]:
    value = item.get(key, [])
    where = f"{path}/{key}" if path else key
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"{where}: must be an array of objects (HSDS 3)")
    return value


def _text(item: Mapping[str, Any], key: str, path: str, required: bool = True) -> str | None:
    value = item.get(key)
    where = f"{path}/{key}" if path else key
    if value is None:
        if required:
            raise ValueError(f"{where}: required by HSDS 3 and missing")
        return None
    if not isinstance(value, str):
        raise ValueError(f"{where}: must be a string (HSDS 3)")
    return value


def _number(item: Mapping[str, Any], key: str, path: str) -> int | float | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{path}/{key}: must be a number (HSDS 3)")
    return value


def summary(export: OrukExport, problems: Iterable[Problem] = ()) -> dict[str, Any]:
    """The JSON summary of one export (what ``export oruk --format json`` prints)."""
    return {
        "council": export.council,
        "organization_id": export.document["id"],
        "services": len(export.document["services"]),
        "contacts": sum(len(s.get("contacts", [])) for s in export.document["services"]),
        "not_exported": [attrs.asdict(n) for n in export.not_exported],
        "problems": [
            {"kind": p.kind.value, "path": p.path, "message": p.message} for p in problems
        ],
    }
