"""The labeller's LightGBM models compiled to native code, when ``lleaves`` is installed.

LightGBM walks each tree of a model for each row in its generic evaluator: about 10 µs a row
for dateline's models, some 450 rows a page. lleaves compiles a model file to machine code with
LLVM (through llvmlite's own copy: no C compiler is needed) that predicts the same
probabilities (within 1e-13, summing the same trees in double precision) about five times
faster. Compiling one model costs 5-8 s of CPU, so the machine code is kept in a cache folder
(``DATELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/dateline``, else ``~/.cache/dateline``) under
a name made of the model text's hash, the lleaves and llvmlite versions and the host CPU: a
later process loads it in milliseconds, and a changed model or machine gets its own.

Install with ``pip install 'dateline[fast]'``; ``DATELINE_COMPILED=0`` turns it off. Without
lleaves, or when compiling fails (the failure is logged), the LightGBM booster is used.
"""
from __future__ import annotations

import hashlib
import logging
from importlib import metadata
import os
import tempfile
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


class CompiledModel:
    """A model compiled by lleaves, predicting like ``lightgbm.Booster``."""

    __slots__ = ("_model",)

    def __init__(self, model) -> None:
        self._model = model

    def predict(self, data: np.ndarray, num_threads: int = 1) -> np.ndarray:
        """Probabilities of the rows of ``data`` (``num_threads`` is accepted for symmetry with
        LightGBM and ignored: one thread, as dateline runs one process per core)."""
        return self._model.predict(data, n_jobs=1)

    def num_feature(self) -> int:
        """How many feature columns the model reads."""
        return self._model.num_feature()


def cache_folder() -> Path:
    """Where compiled models are kept (see the module doc)."""
    override = os.environ.get("DATELINE_CACHE_DIR")
    if override:
        return Path(override) / "lleaves"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dateline" / "lleaves"


def compiled_name(model_text: str) -> str:
    """The cache file name of a model: what the machine code depends on (model text, compiler
    versions, the CPU it is specialised for)."""
    import llvmlite.binding as llvm

    cpu = f"{llvm.get_host_cpu_name()} {llvm.get_host_cpu_features().flatten()}"
    key = "\n".join([hashlib.sha256(model_text.encode("utf-8")).hexdigest(),
                     metadata.version("lleaves"), metadata.version("llvmlite"), cpu])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + ".o"


def compiled_model(model_path: Path, model_text: str) -> CompiledModel | None:
    """The model in ``model_path`` (whose text is ``model_text``) compiled by lleaves, from the
    cache when it was compiled before; None when lleaves is not installed, is turned off
    (``DATELINE_COMPILED=0``) or fails."""
    if os.environ.get("DATELINE_COMPILED", "1") == "0":
        return None
    try:
        import lleaves
    except ImportError:
        return None
    try:
        target = cache_folder() / compiled_name(model_text)
        model = lleaves.Model(model_file=str(model_path))
        if target.is_file():
            model.compile(cache=str(target))
        else:
            log.info("compiling %s with lleaves (once per machine: a few seconds)",
                     model_path.name)
            compile_into(model, target)
    except Exception as exc:  # an llvmlite this lleaves cannot drive, an unwritable cache...
        log.warning("lleaves could not compile %s (%s: %s); using LightGBM", model_path.name,
                    type(exc).__name__, exc)
        return None
    return CompiledModel(model)


def compile_into(model, target: Path) -> None:
    """Compile an lleaves ``model`` and save its machine code as ``target`` (written under a
    temporary name first, so that a process loading it never sees half a file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=target.parent, suffix=".part")
    os.close(handle)
    os.unlink(partial)  # lleaves compiles when its cache file does not exist yet
    try:
        model.compile(cache=partial)
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
