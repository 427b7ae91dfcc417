"""The settings table: every field of Options and RunOptions (options.py) with its environment
variable, default and help. `presswatch settings` and the README's table are made from it; nothing
here reads the environment (Options.from_env does)."""
from __future__ import annotations

from dataclasses import dataclass, fields

from .options import Options, RunOptions, allowed, env_name


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str
    allowed: str
    owner: str  # Options | RunOptions

    @property
    def env(self) -> str:
        return env_name(self.name)

    @property
    def shown_default(self) -> str:
        """The default as the environment variable would write it."""
        d = self.default
        if isinstance(d, bool):
            return "1" if d else "0"
        if isinstance(d, tuple):
            return ""
        return str(d)


SETTINGS = {f.name: Setting(f.name, f.default, f.metadata["help"], allowed(f), cls.__name__)
            for cls in (Options, RunOptions) for f in fields(cls)}


def markdown_table() -> str:
    """The README's settings table."""
    rows = ["| setting | variable | default | what it does |", "| --- | --- | --- | --- |"]
    for s in SETTINGS.values():
        shown = f"`{s.shown_default}`" if s.shown_default else "(none)"
        rows.append(f"| `{s.owner}.{s.name}` | `{s.env}` | {shown} | {s.help.replace('|', '/')} |")
    return "\n".join(rows) + "\n"
