"""What a refresh of 50 local feeds costs, the first time and the second: time, requests, bytes.

    python benchmarks/bench_feeds.py [FEEDS] [ENTRIES]

A local server (127.0.0.1, a port the system picks) serves FEEDS RSS feeds
of ENTRIES entries each (full text in the feed, so no article page is
fetched), with an ETag. The first refresh downloads and stores every entry;
the second should cost one 304 per feed and store nothing. Prints figures and
asserts nothing. Runs with a temporary data directory, never the user's.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.helpers.feed_server

from tests.helpers.feed_server import FeedServer, rss  # noqa: E402

WORDS = (
    "the minister said plan would be published spring sound council vote budget police city river school "
    "hospital union strike court judge market prices shares bank rate inflation election party leader "
    "report figures week year told reporters statement spokesman added according officials"
).split()


def paragraph(rng: random.Random, words: int = 90) -> str:
    """News-like text that compresses about as real text does (not one sentence repeated)."""
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def main(feeds: int = 50, entries: int = 20) -> None:
    with tempfile.TemporaryDirectory() as home:
        os.environ["BYLINE_DATA_DIR"] = str(Path(home) / "data")
        from byline.feeds.http import Client
        from byline.feeds.refresh import refresh
        from byline.feeds.store import FeedStore

        server = FeedServer()
        store = FeedStore()
        rng = random.Random(16)
        for n in range(feeds):
            items = [
                {
                    "title": f"Feed {n} story {i}",
                    "link": f"{server.url}/f{n}/story/{i}",
                    "guid": f"f{n}-{i}",
                    "pubDate": f"Wed, {1 + i % 28:02d} Dec 2026 08:00:00 GMT",
                    "description": f"&lt;p&gt;{paragraph(rng)}&lt;/p&gt;&lt;p&gt;{paragraph(rng)}&lt;/p&gt;",
                }
                for i in range(entries)
            ]
            store.add(server.route(f"/f{n}.rss", body=rss(f"Feed {n}", items), etag=f'"f{n}-v1"', gzip=True))
        print(f"{feeds} feeds of {entries} entries each, gzip, ETag; 127.0.0.1")
        print(
            f"{'refresh':>8} {'seconds':>8} {'requests':>9} {'wire bytes':>11} {'unzipped':>10} "
            f"{'new':>6} {'unchanged':>10} {'failed':>7}"
        )
        try:
            for label in ("first", "second"):
                with Client(trust_env=False) as client:
                    started = time.perf_counter()
                    results = refresh(store, client)
                    seconds = time.perf_counter() - started
                    print(
                        f"{label:>8} {seconds:>8.2f} {client.requests:>9,} "
                        f"{client.bytes_read:>11,} {client.bytes_decoded:>10,} "
                        f"{sum(r.new for r in results):>6,} {sum(r.status == 'unchanged' for r in results):>10,} "
                        f"{sum(r.status == 'failed' for r in results):>7,}"
                    )
            print(f"server: {sum(server.hits.values()):,} requests, {server.bytes_sent:,} body bytes sent")
        finally:
            server.stop()
            store.close()


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
