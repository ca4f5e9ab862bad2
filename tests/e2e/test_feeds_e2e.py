"""End to end in tmux: subscribe to a feed on a local server, refresh in the app, read an entry and
its quotes; stop the server, start Byline again, and the entry is still there."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers.feed_server import FeedServer, rss
from tests.helpers.tmux import byline_command, byline_in_tmux

pytestmark = [pytest.mark.e2e]

TITLE = "Budget talks resume in the capital"
SPEAKER = "Maria Lopez"
QUOTE = "We will balance the budget by the end of the decade"


def test_subscribe_refresh_in_the_app_read_then_read_offline(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    server = FeedServer()
    try:
        body = (
            "&lt;p&gt;The finance minister met union leaders in the capital on Monday.&lt;/p&gt;"
            f"&lt;p&gt;“{QUOTE},” {SPEAKER} said after the meeting.&lt;/p&gt;"
        )
        item = {"title": TITLE, "link": f"{server.url}/budget", "guid": "budget-1", "description": body}
        url = server.route(
            "/news.rss", body=rss("Capital News", [{**item, "pubDate": "Tue, 01 Dec 2026 08:00:00 GMT"}])
        )
        env = {**os.environ, "BYLINE_DATA_DIR": str(data), "BYLINE_CACHE_DIR": str(cache)}
        for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
            env.pop(name, None)
        added = subprocess.run([byline_command(), "feeds", "add", url], env=env, capture_output=True, text=True)
        assert added.returncode == 0, added.stderr

        with byline_in_tmux(None, data, cache) as term:
            term.wait_for("No articles found", "the app on the feeds' (empty) articles folder")
            term.keys("R")
            term.wait_for(lambda s: TITLE in s and "1 new article from 1 feed" in s, "the refreshed entry")
            term.keys("Enter")  # read it
            screen = term.wait_for(lambda s: f"— {SPEAKER}" in s, "its quote in the sidebar")
            assert "balance the budget" in screen, screen
            term.quit()  # the state is written on the way out
    finally:
        server.stop()

    # Offline now: the entry was kept.
    with byline_in_tmux(None, data, cache) as term:
        screen = term.wait_for(lambda s: TITLE in s and f"— {SPEAKER}" in s, "the kept entry and its quote")
        assert "✓" in screen  # read before, still marked read
        term.quit()
