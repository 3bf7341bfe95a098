"""Shared fixtures. NLTK's data path is emptied so any hidden use of NLTK corpora fails here."""

from __future__ import annotations

import nltk
import pytest

from nzus_analysis import load_corpus

nltk.data.path[:] = []

SEED_2012 = "2012-globalpost-panetta"
SEED_2025 = "2025-thepost-rubio-peters"


def seed_articles() -> list:
    """The two seed articles, by id: tests never depend on what else the live catalog holds."""
    by_id = {article.id: article for article in load_corpus()}
    return [by_id[SEED_2012], by_id[SEED_2025]]


@pytest.fixture(scope="session")
def corpus():
    """The seeds by id (a user's extra catalog rows are not part of any test's expectations)."""
    return {article.id: article for article in seed_articles()}
