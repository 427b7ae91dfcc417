"""The dependency rule of DESIGN.md: nlp/ imports only records, errors, settings and itself."""
import ast
from pathlib import Path

NLP = Path(__file__).resolve().parents[1] / "src" / "presswatch" / "nlp"
ALLOWED = {"records", "errors", "settings", "nlp"}


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
    assert not bad, f"nlp/ modules import outside records/errors/settings: {bad}"


def test_the_rule_counts_the_levels_of_a_subpackage(tmp_path):
    sub = tmp_path / "nlp" / "times"
    sub.mkdir(parents=True)
    (sub / "x.py").write_text("from . import finder\nfrom .. import text\nfrom ..lexicons import calendar\n"
                              "from ...records import Span\nfrom ...extract import extract_all\n"
                              "from ... import settings\n", encoding="utf-8")
    found = set(_project_imports(sub / "x.py", tmp_path / "nlp"))
    assert found == {"nlp", "records", "extract", "settings"}
