"""One home for each word list (src/presswatch/nlp/lexicons/): no entry written twice in one list,
and no list written again elsewhere in the package."""
import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "presswatch"
LEXICONS = SRC / "nlp" / "lexicons"


def word_lists(path: Path):
    """(line, [words]) of every literal list of words in a module: sets, lists, tuples and dict
    keys of strings, and '''...'''.split() blocks; regex alternations of words ("a|b|c") too."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        words = None
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(words) != len(node.elts):
                words = None
        elif isinstance(node, ast.Dict):
            words = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            if len(words) != len(node.keys):
                words = None
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
                and not node.args and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
            words = node.func.value.value.split()
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.count("|") >= 4:
            words = [w.lower() for w in _alternation(node.value)]
        if words and len(words) >= 4:
            yield node.lineno, words


def _alternation(pattern: str) -> list:
    """The plain words of a regex alternation: "(?:January|February|...)" -> [January, February, ...]."""
    out = []
    for part in pattern.replace("(?:", "|").replace(")", "|").split("|"):
        if part.isalpha() and len(part) > 2:
            out.append(part)
    return out


def test_no_entry_is_written_twice_in_a_lexicon_list():
    twice = []
    for path in sorted(LEXICONS.glob("*.py")):
        for line, words in word_lists(path):
            dup = sorted({w for w in words if words.count(w) > 1})
            if dup:
                twice.append(f"{path.name}:{line}: {dup}")
    assert not twice, "entries written twice: " + "; ".join(twice)


def test_no_lexicon_list_is_written_again_elsewhere():
    lexicon = [(f"{p.name}:{line}", set(w.lower() for w in words))
               for p in sorted(LEXICONS.glob("*.py")) for line, words in word_lists(p)]
    again = []
    for path in sorted(SRC.rglob("*.py")):
        if LEXICONS in path.parents:
            continue
        for line, words in word_lists(path):
            mine = {w.lower() for w in words}
            for where, theirs in lexicon:
                shared = mine & theirs
                if len(shared) >= 4 and len(shared) >= 0.6 * min(len(mine), len(theirs)):
                    again.append(f"{path.relative_to(SRC)}:{line} repeats lexicons/{where} ({sorted(shared)[:5]}...)")
    assert not again, "word lists written again outside nlp/lexicons/: " + "; ".join(again)
