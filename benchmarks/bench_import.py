"""Start-up cost: importing the library and `--help`, against importing its own base libraries.

Reference: ``python -c "import attrs, cattrs, pluggy"`` in the same run. The library
itself cannot import faster than the libraries it is built on; what matters is how much it
adds, and that ``--help`` stays close to the reference (holidays, babel, pendulum and rich
load lazily).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _harness import report, time_command

REPEAT = 20


def main() -> None:
    cli = shutil.which("childcare-commissioning") or str(
        Path(sys.executable).parent / "childcare-commissioning"
    )
    results = {
        "reference: import attrs, cattrs, pluggy": time_command(
            [sys.executable, "-c", "import attrs, cattrs, pluggy"], REPEAT
        ),
        "import childcare_commissioning": time_command(
            [sys.executable, "-c", "import childcare_commissioning"], REPEAT
        ),
        "childcare-commissioning --help": time_command([cli, "--help"], REPEAT),
        "childcare-commissioning councils --format json": time_command(
            [cli, "councils", "--format", "json"], REPEAT
        ),
    }
    report(results, "reference: import attrs, cattrs, pluggy")


if __name__ == "__main__":
    main()
