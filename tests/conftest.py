import pytest


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "needs_extractor: needs presswatch.extract (fails until the extractor exists)")


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
    """The real spaCy pipeline, loaded once for every extractor test."""
    from presswatch.nlp.build import get_nlp
    return get_nlp()


@pytest.fixture(scope="session")
def quotes_of(nlp):
    """quotes_of(text) -> the public Quote records presswatch finds in text."""
    from presswatch import Article
    from presswatch.extract import extract_all

    def run(text):
        return list(extract_all(Article("t", text), nlp(text)).quotes)
    return run
