import pytest


@pytest.fixture
def write(tmp_path):
    """write(name, bytes|str) -> path of a new file under tmp_path."""
    def _write(name, content):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path
    return _write


@pytest.fixture(scope="session")
def nlp():
    """The parser alone (the spaCy model with presswatch's speed steps), loaded once."""
    from presswatch.nlp.build import load
    from presswatch.options import DEFAULT
    return load(DEFAULT.model, DEFAULT.selective_ner)


@pytest.fixture(scope="session")
def quotes_of():
    """quotes_of(text, options=None) -> the public Quote records presswatch finds in text."""
    from presswatch import Article, analyze

    def run(text, options=None):
        a = analyze(Article("t", text), options)
        assert a.status == "ok", a.error
        return list(a.quotes)
    return run
