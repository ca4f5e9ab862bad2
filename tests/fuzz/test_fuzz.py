"""The fuzzer in CI, for a bounded time, and every input it ever crashed on."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fuzz.fuzz_core import CRASHES, check_one_input

FUZZ_SECONDS = int(os.environ.get("BYLINE_FUZZ_SECONDS", "30"))


@pytest.mark.parametrize("path", sorted(CRASHES.glob("crash-*")) or [None], ids=lambda p: p.name if p else "none")
def test_saved_crash_inputs_no_longer_crash(path: Path | None) -> None:
    if path is None:
        pytest.skip("no crash inputs saved yet")
    check_one_input(path.read_bytes())


def test_seed_inputs_pass() -> None:
    seeds = sorted((Path(__file__).parent / "seeds").iterdir())
    assert seeds
    for seed in seeds:
        check_one_input(seed.read_bytes())


@pytest.mark.slow  # 30 s of fuzzing
@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed")
def test_fuzz_for_a_bounded_time() -> None:
    before = set(CRASHES.glob("crash-*"))
    result = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "fuzz_core.py"), f"-max_total_time={FUZZ_SECONDS}", "-timeout=20"],
        capture_output=True,
        text=True,
        timeout=FUZZ_SECONDS + 120,
    )
    new = set(CRASHES.glob("crash-*")) - before
    assert result.returncode == 0 and not new, f"fuzzer found {sorted(new)}:\n{result.stderr[-3000:]}"
    assert "Done" in result.stderr  # libFuzzer's closing line: it really ran
