"""The dependency rule of DESIGN.md: nlp/ imports only records, errors, settings and itself."""
import ast
from pathlib import Path

NLP = Path(__file__).resolve().parents[1] / "src" / "presswatch" / "nlp"
ALLOWED = {"records", "errors", "settings", "nlp"}


def _project_imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            if node.level == 1:  # from .x import: a sibling inside nlp/
                yield "nlp"
            elif node.module:  # from ..x import y
                yield node.module.split(".")[0]
            else:  # from .. import settings
                yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("presswatch"):
            parts = node.module.split(".")
            yield parts[1] if len(parts) > 1 else "presswatch"


def test_nlp_imports_only_the_core():
    bad = {}
    for path in NLP.glob("*.py"):
        extra = set(_project_imports(path)) - ALLOWED
        if extra:
            bad[path.name] = sorted(extra)
    assert not bad, f"nlp/ modules import outside records/errors/settings: {bad}"
