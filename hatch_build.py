"""Hatch build hook: a standard wheel carries the extractor compiled with mypyc.

`byline.extract` is the product's hot path (every article is analysed once); mypyc,
the compiler Black and chardet ship with, makes it about 1.3x faster with the same
output and no run-time dependency. The compile happens in a temporary copy of
`src/`, never in place: a stale extension module beside an edited `.py` would
shadow it. The `.py` files stay in the wheel too (tracebacks, `inspect`), and
`byline/extract/__init__.py` stays pure Python: `EXTRACTOR_VERSION` is read from its
source file.

Editable installs, sdists and `BYLINE_PURE_PYTHON=1` build pure Python. So does a
failed compile (no C compiler, no Python headers, a mypy error): one warning, and
the wheel is built as before. Installing never fails because of it.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SKIP_VARIABLE = "BYLINE_PURE_PYTHON"
GROUP = "byline_extract"  # the shared library of the compiled modules: byline_extract__mypyc.<tag>.so
COMPILED = ["byline/extract/*.py"]  # relative to src/
PURE = {"byline/extract/__init__.py"}  # EXTRACTOR_VERSION is read from this file's source

# Run in the copy of src/, by the build's own Python: mypyc writes C, setuptools compiles it.
# Multi-file mode writes a C file a module, compiled in parallel, a thread a core, rather than
# one big C file on one core (the C is ~60 of the compile's ~70 s of CPU).
SETUP = """
import os
from concurrent.futures import ThreadPoolExecutor

from setuptools import setup
from setuptools.command.build_ext import build_ext

from mypyc.build import mypycify

FILES, GROUP, CONFIG = {files!r}, {group!r}, {config!r}


class ParallelBuildExt(build_ext):
    def build_extensions(self):
        compile_one = self.compiler.compile

        def compile_all(sources, *args, **kwargs):
            with ThreadPoolExecutor(max(1, min(len(sources), os.cpu_count() or 1))) as pool:
                done = pool.map(lambda source: compile_one([source], *args, **kwargs), sources)
                return [obj for objects in done for obj in objects]

        self.compiler.compile = compile_all
        super().build_extensions()


setup(
    name="byline-mypyc",
    # debug_level 0: no DWARF for gdb (mypyc's tracebacks need none): a smaller wheel.
    ext_modules=mypycify(["--config-file", CONFIG, *FILES], group_name=GROUP, multi_file=True, debug_level="0"),
    cmdclass={{"build_ext": ParallelBuildExt}},
)
"""

# The same strictness `make check` type-checks with; a file of our own, so no mypy
# configuration of the user's is read.
MYPY_CONFIG = """[mypy]
check_untyped_defs = True
"""


class MypycBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._work: str | None = None
        if self.target_name != "wheel" or version != "standard":
            return
        if os.environ.get(SKIP_VARIABLE, "") not in ("", "0"):
            self.app.display_info(f"byline: {SKIP_VARIABLE} is set, so the extractor is not compiled (pure Python)")
            return
        self._work = tempfile.mkdtemp(prefix="byline-mypyc-")
        started = time.monotonic()
        try:
            built = self._compile(Path(self._work))
        except Exception as error:  # whatever failed, the wheel is built pure
            self.app.display_warning(
                "byline: WARNING: the extractor could not be compiled with mypyc, so this wheel is pure Python "
                f"(it works the same, about 1.3x slower at extracting). Why: {error}"
            )
            return
        self.app.display_info(
            f"byline: compiled {len(built) - 1} extractor modules with mypyc in {time.monotonic() - started:.0f} s"
        )
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["force_include"].update(built)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_work", None):
            shutil.rmtree(self._work, ignore_errors=True)

    def _compile(self, work: Path) -> dict[str, str]:
        """Compile in `work`; the built extension modules, each to its place in the wheel."""
        src = Path(self.root) / "src"
        shutil.copytree(src / "byline", work / "src" / "byline", ignore=_not_python)
        files = sorted(
            name
            for pattern in COMPILED
            for name in (Path(p).relative_to(src).as_posix() for p in glob.glob(str(src / pattern)))
            if name not in PURE
        )
        (work / "mypy.ini").write_text(MYPY_CONFIG, encoding="utf-8")
        script = SETUP.format(files=files, group=GROUP, config=str(work / "mypy.ini"))
        (work / "src" / "build_mypyc.py").write_text(script, encoding="utf-8")
        lib = work / "lib"
        command = [sys.executable, "build_mypyc.py", "build_ext", "--build-lib", str(lib), "--build-temp", "obj"]
        done = subprocess.run(command, cwd=work / "src", stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if done.returncode:
            tail = "\n".join(done.stdout.strip().splitlines()[-15:])
            raise RuntimeError(f"mypyc exited with {done.returncode}:\n{tail}")
        built = {
            str(path): path.relative_to(lib).as_posix()
            for path in lib.rglob("*")
            if any(path.name.endswith(suffix) for suffix in EXTENSION_SUFFIXES)
        }
        wanted = {name.removesuffix(".py") for name in files} | {f"{GROUP}__mypyc"}
        found = {place.split(".")[0] for place in built.values()}
        if found != wanted:
            raise RuntimeError(f"mypyc built {sorted(found)}, not {sorted(wanted)}")
        return built


def _not_python(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if not name.endswith(".py") and not os.path.isdir(os.path.join(folder, name))]
