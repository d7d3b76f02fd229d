"""The README a newcomer reads: short, its pictures there and made by `make screenshots`, and every
command in it one that a fresh clone has."""
import re
from pathlib import Path

from tools.console_tour import PICTURES as CONSOLE_PICTURES
from tools.screenshots import PICTURES, SIZES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_is_short_and_starts_with_the_two_commands_and_the_page():
    assert len(README.splitlines()) < 300
    start = README[:1500]
    assert "make run" in start and "make test" in start and "http://127.0.0.1:3978/" in start


def test_every_picture_in_the_readme_is_committed_and_made_by_make_screenshots():
    pictures = re.findall(r"docs/screenshots/([\w-]+)-(phone|desktop)\.png", README)
    assert len(pictures) >= 8
    for name, size in pictures:
        assert (ROOT / "docs" / "screenshots" / f"{name}-{size}.png").is_file(), name
        assert (name in PICTURES and size in SIZES) or (name in CONSOLE_PICTURES and size == "desktop"), name
    for name in PICTURES:  # and make screenshots makes nothing the repository does not keep
        for size in SIZES:
            assert (ROOT / "docs" / "screenshots" / f"{name}-{size}.png").is_file(), (name, size)
    for name in CONSOLE_PICTURES:
        assert (ROOT / "docs" / "screenshots" / f"{name}-desktop.png").is_file(), name


def test_every_make_target_and_file_the_readme_names_exists_in_a_fresh_clone():
    targets = set(re.findall(r"(?m)^([a-z][\w-]*):", (ROOT / "Makefile").read_text(encoding="utf-8")))
    for target in re.findall(r"`(?:[A-Za-z]+=\S+ )?make ([a-z-]+)", README):
        assert target in targets, target
    assert "../shared" not in README  # not in a fresh clone
    for path in re.findall(r"`((?:docs|tools|config|manifest|tests)/[\w./-]+\.\w+)`", README):
        if path != "config/contacts.yaml":  # the trust's own copy, git-ignored
            assert (ROOT / path).exists(), path
