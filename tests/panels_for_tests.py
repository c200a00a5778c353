"""Panels used by the tests: a recorder that draws nothing, and a user-style bar panel."""

from __future__ import annotations

from typing import ClassVar

import attrs

import gridfig as gf


@attrs.frozen(kw_only=True)
class Box(gf.Panel):
    """Draws nothing; its Axes and context are what the tests read back."""

    kind: ClassVar[str] = "box"
    n: int | None = None
    calls: list = attrs.field(factory=list, eq=False, repr=False)

    @property
    def shape(self):
        return (self.n, self.n)

    def draw(self, ax, ctx):
        self.calls.append(ctx)
