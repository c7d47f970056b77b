"""Summarise `mutmut results --all true` per module: killed, survived, score, survivors."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter, defaultdict

KILLED = {"killed", "timeout", "segfault"}  # a mutant that makes the suite fail or hang


def main(path: str, commit: str) -> None:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    with open(path, encoding="utf-8") as results:
        lines = results.readlines()
    for line in lines:
        found = re.match(r"\s*(childcare_commissioning\.[\w.]+?)\.x\w*__mutmut_\d+: (.+)", line)
        if not found:
            continue
        module, status = found.group(1), found.group(2).strip()
        counts[module][status] += 1
        if status == "survived":
            survivors[module].append(line.split(":")[0].strip())
    today = dt.datetime.now(dt.UTC).date().isoformat()
    print(f"# Mutation report ({today}, commit {commit})\n")
    print("Produced by `scripts/mutation` (mutmut). Score = killed / (killed + survived);")
    print("mutants no test reaches (`no tests`) count as survivors. mutmut also mutates")
    print("message strings and defaults that change no answer, so this raw score is below")
    print('the "behaviour-changing" score; each survivor still needs an account.\n')
    print("| module | killed | survived | no tests | other | score |")
    print("|---|---|---|---|---|---|")
    total_killed = total_alive = 0
    not_run = []
    for module in sorted(counts):
        c = counts[module]
        killed = sum(c[s] for s in KILLED)
        alive = c["survived"] + c["no tests"]
        other = sum(c.values()) - killed - alive
        if killed + alive == 0:
            not_run.append(module)
            continue
        total_killed += killed
        total_alive += alive
        score = 100 * killed / (killed + alive) if killed + alive else 100.0
        print(
            f"| {module} | {killed} | {c['survived']} | {c['no tests']} | {other} | {score:.1f} % |"
        )
    overall = (
        100 * total_killed / (total_killed + total_alive) if total_killed + total_alive else 100.0
    )
    print(f"| **all run** | {total_killed} | {total_alive} | | | **{overall:.1f} %** |\n")
    if not_run:
        print("Not run this time (mutants generated, none checked): " + ", ".join(not_run))
        print()
    print("## Survivors\n")
    for module in sorted(survivors):
        print(f"- {module}: " + ", ".join(f"`{name.split('.')[-1]}`" for name in survivors[module]))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
