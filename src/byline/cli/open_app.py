"""`byline [PATH ...]`: open the app."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from byline.tui.app import BylineApp

    app = BylineApp(paths=args.paths)
    app.run()
    return app.return_code or 0
