"""Options: checked values, one reader of the environment, one settings table."""
import ast
import dataclasses
import os
from pathlib import Path

import pytest

from presswatch import Options, RunOptions, SettingError
from presswatch.settings import SETTINGS, markdown_table

SRC = Path(__file__).resolve().parents[1] / "src" / "presswatch"
README = Path(__file__).resolve().parents[1] / "README.md"


def test_from_env_reads_every_kind():
    env = {"PRESSWATCH_ATTRIBUTION_SCOPE": "broad", "PRESSWATCH_CLAIMS": "0", "PRESSWATCH_SELECTIVE_NER": "true",
           "PRESSWATCH_BATCH_SIZE": "4", "PRESSWATCH_MIN_CONFIDENCE": "0.25",
           "PRESSWATCH_REFERENCE": os.pathsep.join(["a.csv", "", "b.csv"]), "PRESSWATCH_UNKNOWN": "x"}
    o = Options.from_env(env)
    assert (o.attribution_scope, o.claims, o.selective_ner, o.batch_size, o.min_confidence) == ("broad", False, True, 4, 0.25)
    assert o.reference == ("a.csv", "b.csv") and o.facts == ()
    assert Options.from_env({}) == Options()
    assert RunOptions.from_env({"PRESSWATCH_DB": "memory:"}, db=None).db == "memory:"
    assert RunOptions.from_env({"PRESSWATCH_DB": "memory:"}, db="sqlite:///x.db").db == "sqlite:///x.db"


@pytest.mark.parametrize("field, value, allowed", [
    ("attribution_scope", "wide", "one of speech, broad"),
    ("min_confidence", -0.1, "a number from 0 to 1"),
    ("learned_cue_threshold", "0.5", "a number from 0 to 1"),
    ("batch_size", 0, "a whole number of at least 1"),
    ("batch_size", 2.5, "a whole number of at least 1"),
    ("claims", "yes", "1 or 0"),
    ("reference", "a.csv", "file paths separated by"),
    ("model", "  ", "a non-empty text"),
])
def test_a_bad_value_names_the_field_and_what_it_allows(field, value, allowed):
    with pytest.raises(SettingError) as err:
        Options(**{field: value})
    assert f"Options.{field}={value!r} is not valid: use {allowed}" in str(err.value)


@pytest.mark.parametrize("env, message", [
    ({"PRESSWATCH_CLAIMS": "maybe"}, "PRESSWATCH_CLAIMS='maybe' is not valid: use 1 or 0"),
    ({"PRESSWATCH_MAX_BYTES": "lots"}, "PRESSWATCH_MAX_BYTES='lots' is not valid: use a whole number"),
    ({"PRESSWATCH_BATCH_PARTITION_MB": "0"}, "PRESSWATCH_BATCH_PARTITION_MB='0' is not valid"),
])
def test_a_bad_variable_names_it(env, message):
    cls = RunOptions if "MAX_BYTES" in str(env) or "PARTITION" in str(env) else Options
    with pytest.raises(SettingError, match=message.replace("(", r"\(")):
        cls.from_env(env)


def test_options_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Options().claims = False  # type: ignore[misc]
    assert Options().with_(claims=False).claims is False


def test_the_settings_table_is_the_fields():
    fields = {f.name for cls in (Options, RunOptions) for f in dataclasses.fields(cls)}
    assert set(SETTINGS) == fields
    assert all(s.help and s.env == "PRESSWATCH_" + s.name.upper() for s in SETTINGS.values())


def test_the_readme_shows_the_settings_table():
    assert markdown_table() in README.read_text(encoding="utf-8"), (
        "README.md's settings table is out of date: paste `presswatch settings --format markdown` into it")


def _reads_environment(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "putenv") \
                and isinstance(node.value, ast.Name) and node.value.id == "os":
            return True
    return False


def test_options_is_the_one_reader_of_the_environment():
    readers = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if _reads_environment(p))
    assert readers == ["options.py"]
