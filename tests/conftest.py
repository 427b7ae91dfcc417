import pytest


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "needs_extractor: needs presswatch.nlp.extract (fails until the extractor exists)")


@pytest.fixture
def write(tmp_path):
    """write(name, bytes|str) -> path of a new file under tmp_path."""
    def _write(name, content):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path
    return _write
