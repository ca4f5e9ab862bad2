"""The vim-style keys every pane shares: one list, so the panes never disagree."""

from __future__ import annotations

from textual.binding import Binding


def vim_keys(
    up: str,
    down: str,
    top: str,
    bottom: str,
    *,
    labels: tuple[str, str, str, str] = ("Up", "Down", "Top", "Bottom"),
    home_end: bool = True,
) -> list[Binding]:
    """j/k (and the arrows) for `up`/`down`, g/G (and Home/End with `home_end`) for `top`/`bottom`."""
    return [
        Binding("up,k", up, labels[0], show=False),
        Binding("down,j", down, labels[1], show=False),
        Binding("g,home" if home_end else "g", top, labels[2], show=False),
        Binding("G,end" if home_end else "G", bottom, labels[3], show=False),
    ]
