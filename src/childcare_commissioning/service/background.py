"""The real server (uvicorn) on a loopback port in a background thread: for tests and the
load benchmark, which call it over HTTP as a client would."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

from childcare_commissioning.service.settings import ServiceSettings

__all__ = ["serving"]


@contextlib.contextmanager
def serving(settings: ServiceSettings | None = None, start_within: float = 30.0) -> Iterator[str]:
    """Serve :func:`~childcare_commissioning.service.create_app` on a free port of
    127.0.0.1 until the block ends; yields the base URL (``http://127.0.0.1:PORT``)."""
    import uvicorn

    from childcare_commissioning.service.app import create_app

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(
        create_app(settings), access_log=False, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_within
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the service did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
