"""Writing files so that nothing the caller already has is lost.

Every command and library function that writes files writes through :class:`OutputFiles`:

- an output that resolves to an input of the same command (the same path, a symbolic or
  hard link to it) is refused (:class:`OutputError`, exit status 2) before anything is
  opened for writing;
- a file that exists is not replaced unless the caller says so (``force``: the command
  line's ``--force``), or the file is one this library wrote there itself (``owned``: a
  manifest says so);
- a path that is a symbolic link, or lies under a symbolic link below the folder being
  written, is refused, forced or not: nothing is ever written through a link;
- every file is written to a temporary file in its own folder and renamed into place only
  when all the files of the command are complete, so a failure leaves the old files as
  they were, no partial file, and no folder the command created;
- two outputs of one command with the same name (also names differing only in case, which
  collide on Windows and macOS) are refused, naming both.

Messages quote the path the caller gave (escaped, as ``repr`` does), never file contents.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

from childcare_commissioning.errors import CommissioningError

__all__ = ["OutputError", "OutputFiles", "is_same_file", "replace_folder", "write_folder"]


class OutputError(CommissioningError, ValueError):
    """An output cannot be written without losing something; the message names the
    option, the path and the rule (exit status 2)."""


def _mode() -> int:
    """Permissions of a new file under the process's umask (mkstemp creates 0600)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def is_same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file: the same path once links are resolved, or
    one file under two names (a hard link)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist
        return False


def _is_within(path: Path, folder: Path) -> bool:
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _bad_name(name: str) -> str | None:
    if not name or name in (".", ".."):
        return "is not a file name"
    if any(unicodedata.category(c)[0] == "C" for c in name):
        return "holds a control character or an unpaired surrogate"
    return None


class OutputFiles:
    """The files one command writes, checked first and committed all together.

    Use as a context manager: files are :meth:`check`-ed (before anything is written),
    then :meth:`write`-n or :meth:`open`-ed; leaving the block renames every one into
    place (and removes what :meth:`remove` named); an exception leaves nothing behind.
    ``inputs`` are the command's input paths (``-`` and ``None`` are skipped).
    """

    def __init__(
        self,
        inputs: Iterable[str | os.PathLike[str] | None] = (),
        *,
        force: bool = False,
        option: str = "output",
    ) -> None:
        self.inputs = [Path(i) for i in inputs if i is not None and str(i) != "-"]
        self.force = force
        self.option = option
        self._checked: dict[str, Path] = {}
        self._owned: set[Path] = set()
        self._staged: list[tuple[Path, Path]] = []
        self._removals: list[Path] = []
        self._created: list[Path] = []

    def _fail(self, path: Path, why: str, rule: str) -> OutputError:
        return OutputError(f"{self.option} {str(path)!r}: {why} [{rule}]")

    def check_folder(self, folder: Path, *, whole: bool = False) -> None:
        """Refuse ``folder`` as a place to write when it is a file or a link's target
        is not a folder; with ``whole`` (the folder is replaced as a whole) also when it
        holds or is an input."""
        if folder.exists() and not folder.is_dir():
            raise self._fail(folder, "exists and is not a folder", "out-folder")
        for given in self.inputs:
            if is_same_file(folder, given) or (whole and _is_within(given, folder)):
                raise self._fail(folder, "holds an input of this command", "output-is-input")

    def check(self, path: Path, *, root: Path | None = None, owned: bool = False) -> Path:
        """Refuse ``path`` unless writing it loses nothing (see the module docstring);
        ``root`` is the folder being written (no link is followed below it); ``owned``
        marks a file this library wrote there before, replaced without ``force``."""
        why = _bad_name(path.name)
        if why:
            raise self._fail(path, why, "file-name")
        key = os.path.normcase(os.path.abspath(path)).casefold()
        if key in self._checked:
            raise self._fail(
                path,
                f"written twice by this command (also as {str(self._checked[key])!r})",
                "unique-outputs",
            )
        if root is not None:
            relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(root))
            step = root
            for part in relative.parts[:-1]:
                step = step / part
                if step.is_symlink():
                    raise self._fail(
                        step, "is a symbolic link; nothing is written through one", "no-symlink"
                    )
                if step.exists() and not step.is_dir():
                    raise self._fail(step, "exists and is not a folder", "out-folder")
        if path.is_symlink():
            raise self._fail(
                path, "is a symbolic link; nothing is written through one", "no-symlink"
            )
        for given in self.inputs:
            if is_same_file(path, given):
                raise self._fail(path, "is also an input of this command", "output-is-input")
        if path.exists():
            if not path.is_file():
                raise self._fail(path, "exists and is not a regular file", "out-file")
            if not (self.force or owned):
                raise self._fail(path, "already exists; pass --force to replace it", "no-overwrite")
        self._checked[key] = path
        if owned:
            self._owned.add(path)
        return path

    def _parent(self, path: Path) -> None:
        missing = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
        for folder in reversed(missing):
            try:
                folder.mkdir()
            except OSError as exc:
                raise self._fail(
                    folder, f"cannot create the folder ({exc.strerror})", "out-folder"
                ) from None
            self._created.append(folder)

    def _stage(self, path: Path) -> int:
        key = os.path.normcase(os.path.abspath(path)).casefold()
        if key not in self._checked:
            self.check(path)
        self._parent(path)
        try:
            descriptor, temp = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=".part"
            )
        except OSError as exc:
            raise self._fail(path, f"cannot be written ({exc.strerror})", "out-writable") from None
        self._staged.append((Path(temp), path))
        return descriptor

    @contextlib.contextmanager
    def open(self, path: Path) -> Iterator[IO[str]]:
        """A text handle (UTF-8, newlines as written) on a temporary file beside ``path``,
        renamed to ``path`` when the whole command completes."""
        with open(self._stage(path), "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())

    def write(self, path: Path, data: str | bytes) -> None:
        """Stage ``data`` (text as UTF-8) to be written to ``path``."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        with open(self._stage(path), "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())

    def remove(self, path: Path, root: Path) -> None:
        """Remove ``path`` (a regular file under ``root`` this library wrote) on commit."""
        if path.is_symlink() or not path.is_file() or not _is_within(path.parent, root):
            return
        self._removals.append(path)

    def commit(self) -> None:
        """Rename every staged file into place and make the removals."""
        mode = _mode()
        for temp, target in self._staged:
            if target.is_symlink():  # appeared since the check
                raise self._fail(
                    target, "is a symbolic link; nothing is written through one", "no-symlink"
                )
            os.chmod(temp, mode)
            os.replace(temp, target)
        self._staged.clear()
        for path in self._removals:
            path.unlink(missing_ok=True)
        self._removals.clear()

    def abort(self) -> None:
        """Remove every staged temporary file and every folder this command created."""
        for temp, _ in self._staged:
            temp.unlink(missing_ok=True)
        self._staged.clear()
        for folder in reversed(self._created):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when still empty
        self._created.clear()

    def __enter__(self) -> OutputFiles:
        return self

    def __exit__(self, kind: object, value: object, trace: object) -> None:
        if kind is None:
            try:
                self.commit()
            except BaseException:
                self.abort()
                raise
        else:
            self.abort()


def replace_folder(built: Path, target: Path) -> None:
    """Put the complete folder ``built`` (a sibling of ``target``) in ``target``'s place:
    the old ``target`` is moved aside, ``built`` renamed in, and only then the old one
    removed, so ``target`` is never left empty or half written."""
    aside = None
    if target.exists():
        aside = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old."))
        os.replace(target, aside / target.name)
    try:
        os.replace(built, target)
    except OSError:
        if aside is not None:
            os.replace(aside / target.name, target)
            aside.rmdir()
        raise
    if aside is not None:
        shutil.rmtree(aside)


def _owned(out: Path, manifest: str) -> set[str]:
    """The files the manifest in ``out`` says this library wrote there (none when it is
    absent, a link, or not a manifest)."""
    path = out / manifest
    if path.is_symlink() or not path.is_file():
        return set()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, list):
        return set()
    return {
        f
        for f in files
        if isinstance(f, str) and not Path(f).is_absolute() and ".." not in Path(f).parts
    }


def write_folder(
    files: Mapping[str, str | bytes],
    out: Path,
    *,
    manifest: str,
    force: bool = False,
    inputs: Sequence[str | os.PathLike[str]] = (),
    option: str = "output",
) -> list[Path]:
    """Write ``files`` (relative path: content) under ``out`` with a manifest, the file
    named ``manifest`` in ``out`` listing them; return their paths.

    A file the previous manifest lists is replaced without ``force``; any other existing
    file only with it. Files the previous manifest lists and ``files`` does not are
    removed; nothing else ever is. All or nothing (:class:`OutputFiles`)."""
    owned = _owned(out, manifest)
    outputs = OutputFiles(inputs, force=force, option=option)
    outputs.check_folder(out)
    paths = [outputs.check(out / rel, root=out, owned=rel in owned) for rel in files]
    listing = outputs.check(out / manifest, root=out, owned=bool(owned))
    with outputs:
        for path, data in zip(paths, files.values(), strict=True):
            outputs.write(path, data)
        for stale in sorted(owned - set(files)):
            outputs.remove(out / stale, out)
        outputs.write(listing, json.dumps({"files": sorted(files)}, indent=2) + "\n")
    return paths
