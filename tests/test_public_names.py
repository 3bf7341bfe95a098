"""Public names: no name is both a function and a module, and the README documents what exists."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pandas as pd

import nzus_analysis

README = Path(__file__).resolve().parents[1] / "README.md"
SUBMODULES = sorted(m.name for m in pkgutil.iter_modules(nzus_analysis.__path__) if m.name != "__main__")
#: every module of the package, subpackages included, by its name below the package ("quotes.rules")
ALL_MODULES = sorted(
    m.name.removeprefix("nzus_analysis.")
    for m in pkgutil.walk_packages(nzus_analysis.__path__, "nzus_analysis.")
    if not m.name.endswith("__main__")
)


def _import_all_submodules() -> None:
    for name in ALL_MODULES:
        importlib.import_module(f"nzus_analysis.{name}")


def test_no_exported_name_is_also_a_submodule():
    assert not set(nzus_analysis.__all__) & set(SUBMODULES)


def test_exports_keep_their_meaning_after_every_submodule_is_imported():
    """Importing `nzus_analysis.x` sets attribute x on the package; an export named x would be lost."""
    before = {name: getattr(nzus_analysis, name) for name in nzus_analysis.__all__}
    _import_all_submodules()
    for name, value in before.items():
        assert getattr(nzus_analysis, name) is value, name
        assert not inspect.ismodule(value), name


def _readme_module_table() -> dict[str, list[str]]:
    """import path -> helpers named in the README's table of main helpers."""
    text = README.read_text(encoding="utf-8")
    table = {}
    for module, helpers in re.findall(r"^\| `(nzus_analysis[\w.]*)` \| (.+?) \|", text, re.M):
        table[module] = re.findall(r"`([\w.]+)`", helpers)
    return table


def test_readme_module_table_names_real_modules_and_helpers():
    table = _readme_module_table()
    subpackages = {f"nzus_analysis.{name}" for name in SUBMODULES if not name.startswith("_")}
    documented = {".".join(module.split(".")[:2]) for module in table}
    assert (
        subpackages
        - {"nzus_analysis.errors", "nzus_analysis.resources", "nzus_analysis.models", "nzus_analysis.text"}
        <= documented
    )
    for module, helpers in table.items():
        imported = importlib.import_module(module)
        for helper in helpers:
            owner = imported
            for part in helper.split("."):
                if not hasattr(owner, part) and inspect.ismodule(owner):
                    importlib.import_module(f"{owner.__name__}.{part}")
                assert hasattr(owner, part), f"README names {module}.{helper}, which does not exist"
                owner = getattr(owner, part)


def test_every_public_table_builder_ends_in_table():
    """Public functions that build a DataFrame from inputs end in `_table` (loaders start with `load_`)."""
    _import_all_submodules()
    offenders = []
    for name in ALL_MODULES:
        if name.startswith("_"):
            continue
        module = importlib.import_module(f"nzus_analysis.{name}")
        for attribute, value in vars(module).items():
            if (
                attribute.startswith("_")
                or not inspect.isfunction(value)
                or value.__module__ != module.__name__
            ):
                continue
            returns = inspect.signature(value).return_annotation
            if returns in (pd.DataFrame, "pd.DataFrame") and not (
                attribute.endswith("_table") or attribute.startswith(("load_", "with_"))
            ):
                offenders.append(f"{name}.{attribute}")
    assert offenders == []


def test_the_wheel_ships_every_data_file_but_the_raw_articles():
    """pyproject lists data files one by one (force-include ignores excludes): a new file must be listed.

    Third-party text stays out of the wheel: the raw articles and the BBC passages of the frame
    validation set."""
    import tomllib

    root = Path(__file__).resolve().parents[1]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    covered = {Path(source) for source in shipped}
    data = root / "data"
    for path in data.rglob("*"):
        relative = path.relative_to(root)
        if path.is_file() and not {"raw", "frame_validation"} & set(relative.parts):
            assert any(relative == c or c in relative.parents for c in covered), (
                f"{relative} is not in the wheel"
            )
    assert not any({"raw", "frame_validation"} & set(Path(source).parts) for source in shipped)
