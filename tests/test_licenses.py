"""The project is Apache-2.0: every installed dependency of presswatch[all] must allow that. A
GPL or AGPL package (without a permissive alternative in its licence expression) fails here.
LGPL is allowed: psycopg (the [postgres] extra) is imported unmodified, which the LGPL permits."""
import importlib.metadata as md
import re

from packaging.requirements import Requirement

PERMISSIVE = re.compile(r"\b(MIT|BSD|Apache|PSF|Python Software|MPL|Mozilla|ISC|Zlib|CC0|0BSD|CNRI|HPND|"
                        r"Unlicense|LGPL|Lesser General Public)", re.I)
COPYLEFT = re.compile(r"\b(A?GPL|(?<!Lesser )General Public License)", re.I)


def licences(dist) -> list[str]:
    m = dist.metadata
    if m.get("License-Expression"):
        return [m["License-Expression"]]
    found = [c.split("::")[-1].strip() for c in m.get_all("Classifier") or [] if c.startswith("License ::")]
    return found or [(m.get("License") or "").splitlines()[0] if m.get("License") else ""]


def allowed(expression: str) -> bool:
    """Some alternative of the expression is permissive (SPDX "A OR B"), and none of an AND is GPL."""
    for alternative in re.split(r"\bOR\b", expression):
        parts = re.split(r"\bAND\b", alternative)
        if all(PERMISSIVE.search(p) and not (COPYLEFT.search(p) and not re.search(r"LGPL|Lesser", p)) for p in parts):
            return True
    return False


def closure(name="presswatch", extras=("all", "web", "batch", "postgres")) -> dict:
    seen: dict = {}

    def walk(name, extras):
        key = name.lower().replace("_", "-")
        if key in seen:
            return
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            return
        seen[key] = dist
        for raw in dist.requires or []:
            req = Requirement(raw)
            if req.marker is not None and not any(req.marker.evaluate({"extra": e}) for e in (*extras, "")):
                continue
            walk(req.name, tuple(req.extras))
    walk(name, extras)
    return seen


def test_every_dependency_allows_apache_2():
    deps = closure()
    assert {"spacy", "trafilatura", "fastapi", "dask", "psycopg"} <= set(deps)
    bad = {k: licences(d) for k, d in deps.items() if k != "presswatch" and not any(allowed(x) for x in licences(d))}
    assert not bad, f"dependencies whose licence does not allow an Apache-2.0 project (or says none): {bad}"


def test_the_check_refuses_gpl():
    assert not allowed("GPL-3.0-only") and not allowed("GNU General Public License v3 (GPLv3)")
    assert allowed("MPL-1.1 OR GPL-2.0-only OR LGPL-2.1-or-later") and allowed("LGPL-3.0-only")
    assert not allowed("MIT AND GPL-2.0-only") and allowed("Apache-2.0 AND CNRI-Python")
