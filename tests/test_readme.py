"""The README's code examples run as written, from another folder, and print what they promise."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_python_examples_run_from_another_folder(capsys, monkeypatch, tmp_path):
    blocks = python_blocks()
    assert len(blocks) >= 2, "README has fewer python examples than it had"
    monkeypatch.chdir(tmp_path)  # the package finds its data itself
    exec(compile(blocks[0], "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "second_hand" in printed and "social_media" in printed
    exec(compile(blocks[1], "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "most distinctive terms" in printed and "articles" in printed


def test_readme_stays_short_and_has_no_history():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 300
    assert not re.search(r"\bsession\b|\b[0-9a-f]{7,40}\b", text)
