"""`byline [PATH ...]`: open the app."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from byline.cli.common import paths_or_default
    from byline.tui.app import BylineApp

    app = BylineApp(paths=paths_or_default(args.paths))
    app.run()
    return app.return_code or 0
