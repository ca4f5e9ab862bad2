"""`byline [PATH ...]`: open the app."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from byline.cli.common import paths_or_default
    from byline.tui.app import BylineApp

    if getattr(args, "samples", False):
        from byline.load import sample_corpus

        args.paths = [*args.paths, str(sample_corpus())]
    app = BylineApp(paths=paths_or_default(args.paths))
    app.run()
    return app.return_code or 0
