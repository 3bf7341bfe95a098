"""Shared fixtures. NLTK's data path is emptied so any hidden use of NLTK corpora fails here."""

from __future__ import annotations

import nltk
import pytest

from nzus_analysis import load_corpus

nltk.data.path[:] = []

SEED_2012 = "2012-globalpost-panetta"
SEED_2025 = "2025-thepost-rubio-peters"


@pytest.fixture(scope="session")
def corpus():
    return {article.id: article for article in load_corpus()}
