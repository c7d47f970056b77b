"""Subcommand parsers built when their subcommand runs, not all up front.

argparse builds the parser of every subcommand when it is declared: for this console
script, 38 parsers and 200 arguments, each parser asking gettext for its messages (a look
for translation files on disk every time) and each argument building a help formatter
(which asks the terminal for its size). A single answer paid for all of them. A
:class:`LazyParser` records what is declared on it (arguments, groups, nested subcommands,
defaults) and replays it, in the same order and with the same values, the first time it
is used: when its subcommand is parsed or its help is shown. The top-level ``--help``
lists the subcommands from their names and help texts, which argparse keeps apart from
their parsers, so it is unchanged.
"""

from __future__ import annotations

import argparse
from typing import Any, NoReturn

__all__ = ["LazyParser"]


class _Later:
    """What a recorded declaration will return (a group, a subparsers action, an argument):
    declarations on it are recorded too."""

    __slots__ = ("_index", "_parser")

    def __init__(self, parser: LazyParser, index: int) -> None:
        self._parser = parser
        self._index = index

    def __getattr__(self, method: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> _Later:
            return self._parser._lazy_record(self._index, method, args, kwargs)

        return record


class LazyParser(argparse.ArgumentParser):
    """An :class:`argparse.ArgumentParser` built, with everything declared on it, when it
    is first used (a subcommand's parser: pass as ``parser_class`` to ``add_subparsers``)."""

    def __init__(self, **kwargs: Any) -> None:  # argparse makes subparsers by keyword
        self._lazy_kwargs = kwargs
        self._lazy_steps: list[tuple[int, str, tuple[Any, ...], dict[str, Any]]] = []
        self._lazy_built = False

    def _lazy_record(
        self, target: int, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> _Later:
        self._lazy_steps.append((target, method, args, kwargs))
        return _Later(self, len(self._lazy_steps))

    def _lazy_build(self) -> None:
        if self._lazy_built:
            return
        self._lazy_built = True
        super().__init__(**self._lazy_kwargs)
        results: list[Any] = [self]  # results[i + 1]: what step i returned
        for target, method, args, kwargs in self._lazy_steps:
            results.append(getattr(results[target], method)(*args, **kwargs))
        self._lazy_steps.clear()

    def __getattr__(self, name: str) -> Any:
        # Anything argparse reads before the parser is built builds it first.
        if name.startswith("_lazy") or self.__dict__.get("_lazy_built", True):
            raise AttributeError(name)
        self._lazy_build()
        return getattr(self, name)

    def add_argument(self, *args: Any, **kwargs: Any) -> Any:
        if self._lazy_built:
            return super().add_argument(*args, **kwargs)
        return self._lazy_record(0, "add_argument", args, kwargs)

    def add_argument_group(self, *args: Any, **kwargs: Any) -> Any:
        if self._lazy_built:
            return super().add_argument_group(*args, **kwargs)
        return self._lazy_record(0, "add_argument_group", args, kwargs)

    def add_mutually_exclusive_group(self, **kwargs: Any) -> Any:
        if self._lazy_built:
            return super().add_mutually_exclusive_group(**kwargs)
        return self._lazy_record(0, "add_mutually_exclusive_group", (), kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        if self._lazy_built:
            return super().add_subparsers(**kwargs)
        return self._lazy_record(0, "add_subparsers", (), kwargs)

    def set_defaults(self, **kwargs: Any) -> None:
        if self._lazy_built:
            super().set_defaults(**kwargs)
        else:
            self._lazy_record(0, "set_defaults", (), kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        self._lazy_build()
        return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        self._lazy_build()
        return super().format_usage()

    def format_help(self) -> str:
        self._lazy_build()
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        self._lazy_build()
        super().error(message)
