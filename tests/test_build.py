"""The wheel's compiled extractor (hatch_build.py): it writes what its Python source writes, it
is there whenever the build could make it, and a build that cannot compile still gives a
pure-Python wheel that works."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib.util import find_spec
from pathlib import Path

import pytest

import byline
import byline.extract
from tests.helpers import BBC, REPO, SAMPLES

SRC = REPO / "src"
FROM_SOURCE = Path(byline.__file__).resolve().is_relative_to(SRC.resolve())  # editable, or PYTHONPATH=src
# The module that runs `byline` with its arguments, after saying whether its extractor is compiled.
RUN = "import sys, byline.extract, byline.cli; print(byline.extract.is_compiled()); sys.exit(byline.cli.main())"


def extract(*paths: Path, pure: bool = False, path: str | None = None) -> tuple[bool, str]:
    """Whether the extractor ran compiled, and `byline extract PATHS --json --no-cache`'s output."""
    env = dict(os.environ)
    if pure or path:
        env["PYTHONPATH"] = path or str(SRC)
    done = subprocess.run(
        [sys.executable, "-c", RUN, "extract", *map(str, paths), "--json", "--no-cache"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    compiled, _, out = done.stdout.partition("\n")
    return compiled == "True", out


def can_compile() -> bool:
    """A C compiler and Python's headers, as building the extension modules needs."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    return shutil.which(compiler) is not None and headers.is_file()


def test_the_compiled_extractor_writes_what_its_source_writes() -> None:
    if not byline.extract.is_compiled():
        pytest.skip("the installed extractor is pure Python")
    corpora = [SAMPLES, *(BBC / part for part in ("politics", "business") if (BBC / part).is_dir())]
    compiled, out = extract(*corpora)
    pure, expected = extract(*corpora, pure=True)
    assert (compiled, pure) == (True, False)
    assert out.count("\n") >= (2 if len(corpora) == 1 else 900)
    assert out == expected


def test_a_standard_install_runs_the_extractor_compiled() -> None:
    """A broken build hook would give a pure wheel without a word (pip hides the warning)."""
    if FROM_SOURCE:
        pytest.skip("byline runs from src/ (an editable install): never compiled")
    if os.environ.get("BYLINE_PURE_PYTHON"):
        pytest.skip("BYLINE_PURE_PYTHON is set")
    if not can_compile():
        pytest.skip("no C compiler or no Python headers here: a pure wheel is right")
    modules = [m.name for m in pkgutil.iter_modules(byline.extract.__path__, "byline.extract.") if not m.ispkg]
    origins = {name: find_spec(name).origin for name in modules}  # type: ignore[union-attr]
    pure = sorted(name for name, origin in origins.items() if str(origin).endswith(".py"))
    assert not pure, f"not compiled: {pure}; reinstall with `pip install -v .` and read the build's warning"
    assert len(modules) > 20
    assert find_spec("byline_extract__mypyc") is not None
    # The package itself stays source: EXTRACTOR_VERSION is read from it without importing it.
    assert str(find_spec("byline.extract").origin).endswith("__init__.py")  # type: ignore[union-attr]


@pytest.mark.slow
@pytest.mark.parametrize("setting", [{"CC": "false"}, {"BYLINE_PURE_PYTHON": "1"}], ids=["no-compiler", "skipped"])
def test_a_build_that_does_not_compile_gives_a_working_pure_wheel(tmp_path: Path, setting: dict[str, str]) -> None:
    env = {key: value for key, value in os.environ.items() if key != "BYLINE_PURE_PYTHON"} | setting
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-v", "-w", str(tmp_path / "wheel")],
        env=env,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    said = built.stdout + built.stderr
    assert ("could not be compiled with mypyc" in said) == ("CC" in setting)
    (wheel,) = (tmp_path / "wheel").glob("*.whl")
    assert wheel.name == "byline-0.1.0-py3-none-any.whl"
    assert not [name for name in zipfile.ZipFile(wheel).namelist() if name.endswith((".so", ".pyd"))]
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "-t", site, wheel], check=True
    )
    compiled, out = extract(SAMPLES, path=str(site))
    assert not compiled
    assert out == extract(SAMPLES, pure=True)[1]
