"""No function over about 60 lines without the reason written above it (a comment starting
"# long:" on the line before its def or decorators)."""
import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "presswatch"
LIMIT = 60


def test_functions_fit_on_a_screen():
    long = []
    for path in sorted(SRC.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = node.end_lineno - node.lineno + 1
                first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                reason = first >= 2 and lines[first - 2].strip().startswith("# long:")
                if size > LIMIT and not reason:
                    long.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({size} lines)")
    assert not long, "functions over 60 lines with no '# long:' reason above them: " + "; ".join(long)
