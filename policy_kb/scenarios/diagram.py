"""Mermaid flowcharts of the scenarios, generated from the same data the dialog walks.

`python -m policy_kb.scenarios.diagram docs/scenarios` (or `make diagrams`) rewrites one
.mmd file per scenario; `--check` exits non-zero when a committed diagram is out of date.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .model import Question, Scenario, ScenarioBook


def _label(text: str) -> str:
    return '"' + text.replace('"', "#quot;") + '"'


def _condition(when) -> str:
    return ", ".join(f"{slot} = {' or '.join(values)}" for slot, values in when.items())


def mermaid(scenario: Scenario) -> str:
    """The flowchart of one scenario: questions, the answers that lead on, outcomes with their clauses."""
    lines = [f"%% Generated from policy_kb/scenarios (scenario {scenario.id}) by `make diagrams`. Do not edit.",
             "flowchart TD",
             f"    start([{_label(scenario.title)}]) --> n_{scenario.start}"]
    for node in scenario.nodes.values():
        if isinstance(node, Question):
            lines.append(f"    n_{node.id}{{{_label(node.ask)}}}")
            for choice in node.choices:
                lines.append(f"    n_{node.id} -->|{_label(choice.label)}| n_{choice.next}")
    for node in scenario.outcomes():
        parts = [f"<b>{node.title}</b>"]
        for number, action in enumerate(node.actions, 1):
            basis = ", ".join(action.clauses) if action.clauses else "guidance"
            condition = f" [if {_condition(action.when)}]" if action.when else ""
            parts.append(f"{number}. {basis}{condition}")
        if node.offer_report:
            parts.append("Offers: Report this now")
        lines.append(f"    n_{node.id}[[{_label('<br/>'.join(parts))}]]")
    lines.append("    classDef outcome fill:#eef7ee,stroke:#2e7d32")
    lines.append("    class " + ",".join(f"n_{o.id}" for o in scenario.outcomes()) + " outcome")
    return "\n".join(lines) + "\n"


def write_all(book: ScenarioBook, directory: Path, check: bool = False) -> list[Path]:
    """Write (or, with check, compare) every diagram; returns the files that differ(ed)."""
    directory.mkdir(parents=True, exist_ok=True)
    changed = []
    for scenario in book.scenarios:
        path = directory / f"{scenario.order}_{scenario.id}.mmd"
        text = mermaid(scenario)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(path)
            if not check:
                path.write_text(text, encoding="utf-8")
    return changed


def main(argv: list[str]) -> int:
    from policy_kb import load_knowledge_base

    from .loader import load_scenarios

    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    directory = Path(args[0]) if args else Path("docs/scenarios")
    changed = write_all(load_scenarios(load_knowledge_base()), directory, check)
    for path in changed:
        print(f"{'out of date' if check else 'wrote'}: {path}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
