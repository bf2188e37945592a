"""Shared fixtures: the real spaCy pipeline and resources are loaded once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg import pipeline

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_3b2088d6e1d59c8e.txt"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def resources() -> pipeline.Resources:
    """The real model, gazetteer, patterns and ontology (no stubs)."""
    return pipeline.load_resources()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed article not present at {SEED}")
    return SEED
