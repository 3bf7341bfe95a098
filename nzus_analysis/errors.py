"""Errors raised for bad input. Every message names the file (and row or line) at fault."""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """Bad input data: the message says which file and what is wrong with it."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
