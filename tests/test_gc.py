"""The collector pause restores whatever state it found, also when the body raises."""

from __future__ import annotations

import gc

import pytest

from nzus_analysis._gc import collector_paused


def test_pauses_and_restores():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner pause must not re-enable
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restores_after_an_error_and_keeps_a_disabled_collector_disabled():
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_works_as_a_decorator():
    @collector_paused()
    def state() -> bool:
        return gc.isenabled()

    assert state() is False
    assert gc.isenabled()
