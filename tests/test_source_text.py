"""Source and data files hold no control characters: a regex written as "\b" in an unraw string became a
backspace once (policy_kb/search/facts.py), and the pattern silently never matched."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _tracked(*suffixes: str) -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return [ROOT / name for name in listed if name.endswith(suffixes)]


def test_no_source_or_data_file_holds_a_control_character():
    files = _tracked(".py", ".yaml", ".yml", ".jsonl", ".md", ".json", ".j2", ".html", ".js", ".css")
    assert files
    found = [f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, hit.start()) + 1}"
             for path in files if path.is_file()
             for text in [path.read_text(encoding="utf-8", errors="replace")]
             for hit in CONTROL.finditer(text)]
    assert found == []
