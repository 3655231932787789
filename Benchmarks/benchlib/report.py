"""A section of the benchmark report: a markdown table and the numbers behind it."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Report:
    title: str
    # Markdown: a table, and a line or two saying what was measured and how.
    markdown: str
    # The raw numbers, kept in results.json.
    data: dict

    def render(self) -> str:
        return f"### {self.title}\n\n{self.markdown.strip()}\n"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
