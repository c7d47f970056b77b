"""The exit-status contract every command keeps, and the one place errors become messages.

======  =====================================================================
status  meaning
======  =====================================================================
0       done, and the answer is acceptable (eligible, compliant, no problems)
1       done, and the answer is "no" (not eligible, not compliant, invoice
        problems): the output says why
2       bad input or usage: a file that cannot be read, a document that does
        not fit its schema, a date out of range, an unknown id; one message on
        standard error names the field and the rule
3       internal error: a bug in childcare-commissioning (please report it)
======  =====================================================================

No traceback is printed for anything a user can type or feed in; set
``CHILDCARE_COMMISSIONING_DEBUG=1`` (or pass ``--debug``) to see it. A command's ``run``
raises :class:`InputError` (or any :class:`~childcare_commissioning.errors.CommissioningError`)
for bad input and returns :data:`EXIT_OK` or :data:`EXIT_NO`; :func:`guarded` does the rest.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator

from childcare_commissioning.errors import CommissioningError, quote

__all__ = [
    "DEBUG_ENV",
    "EXIT_BUG",
    "EXIT_CODES_HELP",
    "EXIT_INPUT",
    "EXIT_NO",
    "EXIT_OK",
    "InputError",
    "debug_enabled",
    "error_message",
    "guarded",
    "quote",
    "time_limit",
]

EXIT_OK = 0
EXIT_NO = 1
EXIT_INPUT = 2
EXIT_BUG = 3
DEBUG_ENV = "CHILDCARE_COMMISSIONING_DEBUG"

EXIT_CODES_HELP = (
    "exit status: 0 done and acceptable; 1 done, and the answer is no (not eligible, not "
    "compliant, invoice problems); 2 bad input or usage (the message names the field and "
    f"the rule); 3 a bug. No tracebacks: set {DEBUG_ENV}=1 or pass --debug to see them."
)


class InputError(CommissioningError, ValueError):
    """An input file or argument cannot be used; the message says which and why (exit 2).

    Messages name the file, field or option and the rule broken, never an input value
    (values may be personal data).
    """


def debug_enabled(flag: bool = False) -> bool:
    """Whether tracebacks are wanted: ``--debug`` or ``CHILDCARE_COMMISSIONING_DEBUG`` set
    to anything but empty or ``0``."""
    return flag or os.environ.get(DEBUG_ENV, "") not in ("", "0")


def _say(message: str) -> None:
    # If stderr is closed too, nothing more can be said.
    with contextlib.suppress(OSError, ValueError):
        print(f"childcare-commissioning: error: {message}", file=sys.stderr)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush
    does not raise again (the recipe in Python's ``signal`` documentation)."""
    # Not a real file when a test captures it: then there is nothing to redirect.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Stop the work inside after ``seconds`` with an :class:`InputError` saying ``what``
    took too long (exit 2): for work an input decides the length of (a caller's regular
    expression). Only where a timer can interrupt it: the main thread, on Unix."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def stop(*_: object) -> None:
        raise InputError(f"{what} took more than {seconds:g} s; stopped [time-limit]")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def error_message(exc: BaseException) -> tuple[int, str]:
    """The exit status and the one-line message for an exception that ended a command."""
    if isinstance(exc, CommissioningError):
        return EXIT_INPUT, str(exc)
    if isinstance(exc, RecursionError):
        return EXIT_INPUT, "the input is nested too deeply to read"
    if isinstance(exc, MemoryError):
        return EXIT_INPUT, "the input is too large to process in the memory available"
    if isinstance(exc, OSError | UnicodeError | OverflowError | ValueError | LookupError):
        # Raised by the core for an input it cannot accept (a date outside a calendar's
        # range, a date of birth after the referral): bad input, said in the core's words.
        return EXIT_INPUT, str(exc) or type(exc).__name__
    return EXIT_BUG, (
        f"internal error ({type(exc).__name__}); this is a bug in childcare-commissioning. "
        f"Run again with {DEBUG_ENV}=1 for the traceback and report it"
    )


def guarded(command: Callable[[], int], debug: bool = False) -> int:
    """Run ``command`` and turn every way it can end into an exit status and at most one
    line on standard error (plus the traceback when debugging)."""
    show = debug_enabled(debug)
    try:
        status = command()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (``head``) stopped reading: not an error of ours or the input's.
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except Exception as exc:
        if show:
            traceback.print_exc()
        code, message = error_message(exc)
        _say(message)
        return code
    return status
