"""The README's code examples run as written, from another folder, and print what they promise."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def python_blocks() -> list[tuple[str, str | None]]:
    """Each python block of the README, with the text block right after it (what it prints)."""
    text = README.read_text(encoding="utf-8")
    found = re.findall(r"```python\n(.*?)```\n(?:\n```text\n(.*?)```\n)?", text, re.S)
    return [(code, printed or None) for code, printed in found]


def test_readme_python_examples_run_from_another_folder_and_print_what_it_shows(
    capsys, monkeypatch, tmp_path
):
    blocks = python_blocks()
    assert len(blocks) >= 2, "README has fewer python examples than it had"
    monkeypatch.chdir(tmp_path)  # the package finds its data itself
    for code, shown in blocks:
        exec(compile(code, "README.md", "exec"), {})
        printed = capsys.readouterr().out
        assert shown is not None, f"README shows no output for:\n{code}"
        assert printed.rstrip() == shown.rstrip(), printed


def test_readme_findings_match_a_fresh_computation():
    """The figures of "What it finds" are the framing table's, recomputed here."""
    from nzus_analysis import load_corpus
    from nzus_analysis.compare.summary import framing_table
    from nzus_analysis.scale.pipeline import analyse

    text = README.read_text(encoding="utf-8")
    finds = text[text.index("## What it finds") : text.index("## Two commands")]
    table = framing_table(analyse(load_corpus(), progress=False), "year", 2025, 2012).set_index("indicator")
    n_2012 = int(re.search(r"all (\d+) of its attributed statements", finds).group(1))
    assert str(n_2012) == table.loc["attributed statements", "2012"]
    assert table.loc["second-hand (via another outlet)", "2012"] == "100%"
    words = {"five": 5, "six": 6, "seven": 7, "eight": 8, "four": 4, "three": 3}
    china = words[re.search(r"\((\w+) naming China or its\s+neighbours", finds).group(1)]
    assert str(china) == table.loc["sub-frame: external › china regional rivalry (hits)", "2012"]
    burden = words[re.search(r"(\w+) of\s+its cues are \*burden sharing\*", finds).group(1)]
    assert str(burden) == table.loc["sub-frame: security › alliance burden sharing (hits)", "2025"]
    assert "no US person or body is quoted" in " ".join(finds.split())
    assert table.loc["US people and bodies quoted (role, statements)", "2012"] == "none"


def test_readme_stays_short_and_has_no_history():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 300
    assert not re.search(r"\bsession\b|\b[0-9a-f]{7,40}\b", text)
