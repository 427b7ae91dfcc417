"""The public API is exactly what __all__ says, and the core imports no adapter dependencies."""
import json
import subprocess
import sys

import pytest

import presswatch

INTENDED = {
    "analyze", "analyze_many", "analysis_of", "Options", "RunOptions",
    "Analysis", "Article", "Check", "Claim", "Entity", "Publication", "Quote", "Speaker", "Span",
    "StatementTime", "TimeExpr",
    "PresswatchError", "InputError", "PipelineError", "ModelNotFound", "SettingError", "StoreError",
    "__version__",
}


def test_all_is_exactly_the_intended_names():
    assert sorted(presswatch.__all__) == sorted(INTENDED)
    assert len(presswatch.__all__) == len(set(presswatch.__all__))


@pytest.mark.parametrize("name", sorted(INTENDED))
def test_each_public_name_is_importable(name):
    ns = {}
    exec(f"from presswatch import {name}", ns)
    assert ns[name] is getattr(presswatch, name)


def test_errors_form_one_tree():
    for name in ("InputError", "PipelineError", "ModelNotFound", "SettingError", "StoreError"):
        assert issubclass(getattr(presswatch, name), presswatch.PresswatchError)


def loaded_after(statement):
    code = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return {m.split(".")[0] for m in json.loads(out)}


HEAVY_ADAPTERS = {"click", "trafilatura", "fastapi", "starlette", "psycopg", "dask", "distributed", "rich"}


@pytest.mark.parametrize("statement", ["import presswatch.pipeline", "import presswatch",
                                       "import presswatch.render", "import presswatch.ingest"])
def test_core_imports_no_adapter_dependencies(statement):
    assert loaded_after(statement) & HEAVY_ADAPTERS == set()


def test_pipeline_import_does_not_load_spacy_until_used():
    # loading the model takes seconds: importing the library must stay instant
    assert "spacy" not in loaded_after("import presswatch")
