"""The OpenAPI 3.1 document, generated from the operations and the attrs models.

Request bodies are described by the models the converter reads them into, answers by the
models it writes them from (:func:`childcare_commissioning.schemas.schema_parts`, input
and output modes); OpenAPI 3.1 schemas are JSON Schema 2020-12, the dialect those
schemas are generated in, so they are used as they are. Nothing here describes a model by
hand: a field added to a model appears in the document.
"""

from __future__ import annotations

import json
from typing import Any

from childcare_commissioning.service.endpoints import OPERATIONS
from childcare_commissioning.service.operations import Operation

__all__ = ["openapi_document"]

_PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details; ``problems`` locates each problem in the "
    "request body (a JSON path) or names the query parameter.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "problems": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "path": {"type": "string", "description": "JSON path, e.g. $.child.age"},
                    "parameter": {"type": "string"},
                    "message": {"type": "string"},
                    "rule": {"type": "string"},
                },
                "required": ["message", "rule"],
            },
        },
    },
    "required": ["type", "title", "status", "detail"],
}


class _Components:
    def __init__(self) -> None:
        self.schemas: dict[str, Any] = {"Problem": _PROBLEM}

    def add(self, t: Any, output: bool) -> dict[str, Any]:
        from childcare_commissioning.schemas import schema_parts

        root, defs = schema_parts(t, output=output)
        for name, definition in defs.items():
            self.schemas.setdefault(name, definition)
        relocated: dict[str, Any] = self._relocate(root)
        return relocated

    def finish(self) -> dict[str, Any]:
        relocated: dict[str, Any] = self._relocate(self.schemas)
        return dict(sorted(relocated.items()))

    @staticmethod
    def _relocate(schema: Any) -> Any:
        text = json.dumps(schema).replace('"#/$defs/', '"#/components/schemas/')
        return json.loads(text)


def _problems(*statuses: int) -> dict[str, Any]:
    ref = {"$ref": "#/components/schemas/Problem"}
    words = {
        400: "a query parameter cannot be used",
        401: "the bearer token is missing or wrong",
        404: "no such council (or path)",
        413: "the request body is too large",
        415: "the request body is not of the media type the operation reads",
        501: "the optional extra the operation needs is not installed on this server",
        422: "the input cannot be used: every problem, with its JSON path",
        503: "the answer took longer than the time limit",
    }
    return {
        str(s): {"description": words[s], "content": {"application/problem+json": {"schema": ref}}}
        for s in statuses
    }


def _operation(op: Operation, components: _Components) -> dict[str, Any]:
    parameters = [
        {
            "name": p.name,
            "in": p.where,
            "required": p.required or p.where == "path",
            "description": p.description,
            "schema": p.schema,
        }
        for p in op.params
    ]
    answer = components.add(op.answers, output=True)
    media = "application/jsonl" if op.stream else op.answer_media
    described: dict[str, Any] = {
        "operationId": op.operation_id,
        "summary": op.summary,
        "tags": [op.tag],
        "parameters": parameters,
        "responses": {
            "200": {
                "description": (
                    "one JSON value per line, each of this schema"
                    if op.stream
                    else "the answer; cited objects name their rules and source"
                ),
                "content": {media: {"schema": answer}},
            },
            **_problems(400, 401, 404, 413, 422, 503),
        },
    }
    if op.body is not None:
        if op.body is str:
            body_schema: dict[str, Any] = {"type": "string"}
        else:
            body_schema = components.add(op.body, output=False)
        described["requestBody"] = {
            "required": True,
            "content": {op.body_media: {"schema": body_schema}},
        }
        described["responses"].update(_problems(415))
    if op.answer_media != "application/json" and not op.stream:
        described["responses"]["200"]["headers"] = {
            "Childcare-Commissioning-Note": {
                "description": "a note the command writes on standard error, e.g. a "
                "record's own costs replaced (one header per note)",
                "schema": {"type": "string"},
            }
        }
    if op.needs is not None:
        described["responses"].update(_problems(501))
    return described


def openapi_document(token: bool = False) -> dict[str, Any]:
    """The OpenAPI 3.1 document of every operation (with a bearer security scheme when
    the service asks for a token)."""
    from childcare_commissioning import __version__

    components = _Components()
    paths: dict[str, Any] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method.lower()] = _operation(op, components)
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "childcare-commissioning",
            "version": __version__,
            "summary": "UK councils' children's social care specifications as cited rules",
            "description": "Every answer names the rules, clauses and plugin version it "
            "comes from. Errors are RFC 9457 problem details.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": paths,
        "components": {"schemas": components.finish()},
    }
    if token:
        document["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        document["security"] = [{"bearer": []}]
    return document
