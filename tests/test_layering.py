"""The dependency rules of docs/design.md: the base modules import nothing of the project, nlp/
imports only them and itself, the components only nlp/, check/ and the base."""
import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "presswatch"
NLP = SRC / "nlp"
BASE = {"records", "errors", "options", "settings"}
ALLOWED = BASE | {"nlp"}


def _project_imports(path, root=NLP):
    depth = len(path.relative_to(root).parts) - 1  # 0 for nlp/x.py, 1 for nlp/times/x.py, ...
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            if node.level <= depth + 1:  # from .x / from ..x (in a subpackage): inside nlp/
                yield "nlp"
            elif node.level > depth + 2:  # above presswatch
                yield "?" + "." * node.level + (node.module or "")
            elif node.module:  # from ..x import y (from nlp/), from ...x import y (from nlp/times/)
                yield node.module.split(".")[0]
            else:  # from .. import settings
                yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("presswatch"):
            parts = node.module.split(".")
            yield parts[1] if len(parts) > 1 else "presswatch"


def test_nlp_imports_only_the_core():
    bad = {}
    for path in NLP.rglob("*.py"):
        extra = set(_project_imports(path)) - ALLOWED
        if extra:
            bad[str(path.relative_to(NLP))] = sorted(extra)
    assert not bad, f"nlp/ modules import outside records/errors/options/settings: {bad}"


def _package_imports(path: Path, package: Path):
    """The top-level project modules a module of `package` (a folder under SRC) imports, with the
    package itself as its own name."""
    for name in _project_imports(path, package):
        yield package.name if name == "nlp" else name


@pytest.mark.parametrize("package, allowed", [
    ("components", BASE | {"nlp", "check", "components"}),
    ("check", BASE | {"check", "nlp"}),  # check/ reads the calendar words of nlp/lexicons
])
def test_a_layer_imports_only_the_layers_below(package, allowed):
    bad = {}
    for path in (SRC / package).rglob("*.py"):
        extra = set(_package_imports(path, SRC / package)) - allowed
        if extra:
            bad[str(path.relative_to(SRC))] = sorted(extra)
    assert not bad, f"{package}/ imports outside {sorted(allowed)}: {bad}"


@pytest.mark.parametrize("module", sorted(BASE))
def test_the_base_imports_only_the_base(module):
    tree = ast.parse((SRC / f"{module}.py").read_text(encoding="utf-8"))
    imported = {n.module.split(".")[0] for n in ast.walk(tree)
                if isinstance(n, ast.ImportFrom) and n.level == 1 and n.module}
    absolute = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("presswatch")]
    assert imported <= BASE and not absolute, imported
