from __future__ import annotations

from collections.abc import Iterator

import pytest

from byline.feeds.http import Client, Timeouts


@pytest.fixture
def client() -> Iterator[Client]:
    # Short time-outs, and no proxy from the environment: the server is local.
    with Client(Timeouts(connect=2, read=1, total=5), max_retry_wait=0.2, trust_env=False) as c:
        yield c
