"""The service's settings, safe by default."""

from __future__ import annotations

import os

import attrs

__all__ = ["TOKEN_ENV", "ServiceSettings"]

TOKEN_ENV = "CHILDCARE_COMMISSIONING_TOKEN"
"""When set (non-empty), every request but ``/health`` needs ``Authorization: Bearer`` it."""


@attrs.frozen
class ServiceSettings:
    """How ``serve`` runs. The defaults bind to loopback only, refuse bodies over 8 MiB and
    answers slower than 30 seconds, and allow no cross-origin browser calls."""

    host: str = "127.0.0.1"
    port: int = 8000
    max_body_bytes: int = 8 * 1024 * 1024
    timeout_seconds: float = 30.0
    #: Origins a browser may call from (CORS); none unless configured.
    cors_origins: tuple[str, ...] = ()
    #: The bearer token every request needs; ``None``: no token asked for.
    token: str | None = attrs.field(default=None, repr=False)

    @classmethod
    def from_environment(cls, **given: object) -> ServiceSettings:
        """Settings from ``given`` with the token from :data:`TOKEN_ENV` (if set)."""
        token = os.environ.get(TOKEN_ENV) or None
        return cls(token=token, **given)  # type: ignore[arg-type]
