"""Recheck named survivors against chosen tests quickly (issue #44).

``scripts/mutation --recheck`` regenerates every mutant of every configured module and
collects the whole suite's coverage first (about 17 minutes on the shared machine) before
it runs a single survivor. This takes each named mutant's function from the ``mutants/``
copy a run left (parsed with ``ast``), puts it in place of the original function in a
scratch copy of ``src``, runs the given pytest targets with that copy first on
``PYTHONPATH``, and restores it. A mutant the chosen tests kill is killed by the suite
(it contains them); one they do not kill may still be killed by other tests, so it stays
a survivor. Output lines have the form of ``mutmut results``, for
``mutation_report.py recheck``::

    .venv-mutation/bin/python scripts/mutation_spot_recheck.py NAMES OUT -- PYTEST ARGS...
    python3 scripts/mutation_report.py recheck OUT COMMIT
"""

from __future__ import annotations

import ast
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Seconds the chosen tests may take under one mutant before it counts as a timeout
#: (killed, as mutmut counts it).
TIMEOUT = 120


@functools.cache
def _mutant_functions(relative: str) -> dict[str, str]:
    text = (ROOT / "mutants" / "src" / relative).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    return {
        node.name: "".join(lines[node.lineno - 1 : node.end_lineno])
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and "__mutmut_" in node.name
    }


def _mutated(original: str, relative: str, mutant: str) -> str:
    """``original`` with the function ``mutant`` mutates replaced by the mutant."""
    base = mutant.partition("__mutmut_")[0].removeprefix("x")
    cls, func = (base.split("ǁ")[1:]) if base.startswith("ǁ") else (None, base[1:])
    tree = ast.parse(original)
    scope = tree.body
    if cls is not None:
        scope = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls).body
    node = next(
        n for n in scope if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name == func
    )
    code = _mutant_functions(relative)[mutant].replace(f"def {mutant}(", f"def {func}(", 1)
    lines = original.splitlines(keepends=True)
    return "".join(lines[: node.lineno - 1]) + code + "".join(lines[node.end_lineno :])


def main(names_path: str, out_path: str, pytest_args: list[str]) -> None:
    names = [n.strip() for n in Path(names_path).read_text("utf-8").splitlines() if n.strip()]
    pytest = Path(sys.executable).parent / "pytest"
    with tempfile.TemporaryDirectory() as scratch, open(out_path, "a", encoding="utf-8") as out:
        src = Path(scratch) / "src"
        shutil.copytree(ROOT / "src", src)
        env = dict(os.environ, PYTHONPATH=str(src))
        for name in names:
            module, _, mutant = name.rpartition(".")
            relative = module.replace(".", "/") + ".py"
            target = src / relative
            original = target.read_text(encoding="utf-8")
            target.write_text(_mutated(original, relative, mutant), encoding="utf-8")
            try:
                run = subprocess.run(
                    [str(pytest), "-q", "-x", "-p", "no:cacheprovider", *pytest_args],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    check=False,
                    timeout=TIMEOUT,
                )
                status = {0: "survived", 1: "killed"}.get(run.returncode, "error")
            except subprocess.TimeoutExpired:
                status = "timeout"  # a mutant that makes the tests hang (an endless loop)
            finally:
                target.write_text(original, encoding="utf-8")
            print(f"    {name}: {status}", file=out, flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        sys.exit("usage: mutation_spot_recheck.py NAMES OUT -- PYTEST ARGS...")
    main(sys.argv[1], sys.argv[2], sys.argv[4:])
