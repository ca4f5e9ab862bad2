"""Refreshing feeds from the app (`R`), in a worker thread, while reading goes on.

Progress shows in the article list's border ("Refreshing 3/12 feeds"); a feed that fails is
told in a notice with its reason, and the others go on. New articles are loaded the way any
file is (`load_corpus`: the cache, the extractor, off the UI thread), then join the list
through the screen's own `on_batch_loaded`, unread. When the corpus is the feeds' articles
folder, the list is kept newest first by the entries' dates (as the feeds gave them, kept in
the subscriptions file; else the day a file's name starts with).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from textual.worker import Worker, get_current_worker

from byline.corpus import load_corpus
from byline.feeds import articles_dir, has_subscriptions
from byline.model import Batch, Entry, Skipped
from byline.tui.host import Notice
from byline.tui.loading import BatchLoaded, problems, skipped_notice
from byline.tui.threads import deliver

if TYPE_CHECKING:
    from byline.feeds.http import Client
    from byline.feeds.refresh import FeedResult
    from byline.tui.screens.main import MainScreen

NO_FEEDS = (
    "No feeds to refresh yet. Subscribe on the command line:\n\n"
    "    byline feeds add URL\n\n"
    "(a feed's address, or a site's page that names its feed), then run `byline` and press R."
)
LOADING_WAIT = 300.0
"""New articles join the list once the corpus has loaded (else the walk could list them twice)."""
NOTES_SHOWN = 5
"""Feeds' notes told at the end of a refresh; the rest are counted."""
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


class Stopped(Exception):
    """The app is closing: the refresh ends after the requests under way."""


def stoppable_client(worker: Worker[Any]) -> Client:
    """The feeds' client, which fails at once, rather than fetch, once `worker` is cancelled (the app closing).

    Imported here, not with the module: the HTTP library costs the app's start-up."""
    from byline.feeds.http import Client, FetchError

    class StoppableClient(Client):
        def get(self, *args: Any, **kwargs: Any) -> Any:
            if worker.is_cancelled:
                raise FetchError("the refresh was stopped")
            return super().get(*args, **kwargs)

    return StoppableClient()


def _tail(path: str) -> str:
    """A kept entry's feed folder and file name: enough to know it, however the path was spelled."""
    file = PurePath(path.partition("#")[0])
    return f"{file.parent.name}/{file.name}"


def newest_first(dates: dict[str, str]) -> Callable[[Entry], str]:
    """A sort key (with reverse=True): each entry's date from its feed, else the day its file's name starts with."""
    by_tail = {_tail(path): date for path, date in dates.items()}

    def key(entry: Entry) -> str:
        date = by_tail.get(_tail(entry.path), "")
        if _DAY.match(date):
            return date
        name = PurePath(entry.path.partition("#")[0]).name
        return name[:10] if _DAY.match(name) else ""

    return key


def _resolved(path: str | Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(path).absolute()


def _under(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


class FeedRefresh:
    """The app's feed refresh: started by `start()`, one at a time."""

    def __init__(self, main: MainScreen) -> None:
        self.main = main
        self.host = main.host
        self.running = False
        self.progress = ""
        self.loaded = threading.Event()
        """Set once the corpus has loaded: new articles wait for it."""
        self.roots = [_resolved(path) for path in self.host.paths]
        feeds = _resolved(articles_dir())
        self.sorts = bool(self.roots) and all(_under(root, [feeds]) for root in self.roots)
        """Whether the corpus is the feeds' articles (or some of them): then the list is newest first."""
        self._restore_id = self.host.state.last_article
        self._put_on_top: str | None = None
        """The entry this refresh put at the top of a list that was empty."""
        main.watch(main, "loading", self._loading_changed, init=False)

    # -- the list, newest first ------------------------------------------------------

    def _loading_changed(self, loading: bool) -> None:
        if loading:
            return
        self.loaded.set()
        if self.sorts and self.host.corpus.entries:
            self.main.run_worker(self._dates_then_sort, thread=True, group="feeds-sort", exit_on_error=False)

    def _dates_then_sort(self) -> None:
        deliver(self.main, self._sort, self._dates())

    def _dates(self) -> dict[str, str]:
        if not has_subscriptions():
            return {}
        from byline.feeds.store import FeedStore

        try:
            with FeedStore() as store:
                return store.entry_dates()
        except Exception:  # the file names' days still sort the list
            return {}

    def _sort(self, dates: dict[str, str]) -> None:
        articles = self.main.article_list
        current = articles.current
        # The newest at the top, unless the reader is back at the last article read, or has moved.
        top = current is None or (self._restore_id not in (current.key, current.id) and articles.cursor == 0)
        articles.reorder(newest_first(dates), reverse=True, top=top)

    # -- refreshing ------------------------------------------------------------------

    def start(self) -> None:
        if self.running:
            self.host.tell(Notice(f"Already refreshing ({self.progress or 'starting'})."), timeout=4)
            return
        self.running = True
        self._put_on_top = None
        self._show_progress("Refreshing feeds…")
        self.main.run_worker(self._refresh, name="refresh feeds", thread=True, group="feeds", exit_on_error=False)

    def _refresh(self) -> None:
        call = partial(deliver, self.main)
        try:
            if not has_subscriptions():
                call(self._finish, None, NO_FEEDS)
                return
            call(self._finish, self._refresh_all(), None)
        except Stopped:
            return
        except Exception as error:  # a bug or an unusable subscriptions file: said, and the app goes on
            call(self._finish, None, f"The refresh stopped: {error}")

    def _refresh_all(self) -> list[FeedResult]:
        from byline.feeds.refresh import refresh
        from byline.feeds.store import FeedStore

        worker = get_current_worker()
        call = partial(deliver, self.main)

        with FeedStore() as store, stoppable_client(worker) as client:
            if store.problem:
                call(self.host.tell, Notice(store.problem, "warning"), title="Feeds", timeout=10)

            def on_result(result: FeedResult, done: int, total: int) -> None:
                if worker.is_cancelled:
                    raise Stopped
                entries, skipped = self._load(result.new_paths, worker)
                dates = store.entry_dates() if entries and self.sorts else None
                call(self._feed_done, result, done, total, entries, skipped, dates)

            return refresh(store, client, on_result=on_result)

    def _load(self, paths: list[Path], worker: Worker[Any]) -> tuple[list[Entry], list[Skipped]]:
        """The new articles this corpus shows, loaded and indexed (in the refresh's thread)."""
        shown = [str(path) for path in paths if _under(_resolved(path), self.roots)]
        if not shown:
            return [], []
        while not self.loaded.wait(0.5):  # not a sleep: ends as soon as loading does
            if worker.is_cancelled:
                raise Stopped
        known = {entry.key for entry in list(self.host.corpus.entries)}  # by file: a copy is an article too
        entries: list[Entry] = []
        skipped: list[Skipped] = []
        for batch in load_corpus(shown, cancelled=lambda: worker.is_cancelled):
            entries.extend(entry for entry in batch.entries if entry.key not in known)
            skipped.extend(batch.skipped)
        self.host.search_index.add(entries)
        return entries, skipped

    def _feed_done(
        self,
        result: FeedResult,
        done: int,
        total: int,
        entries: list[Entry],
        skipped: list[Skipped],
        dates: dict[str, str] | None,
    ) -> None:
        self._show_progress(f"Refreshing {done}/{_plural(total, 'feed')}")
        if result.status == "failed":
            self.host.tell(Notice(f"{result.name}: {result.reason}", "warning"), title="Feed failed", timeout=10)
        if entries:
            articles = self.main.article_list
            current = articles.current
            # From an empty list, the newest stays on top as feeds come in, until the reader moves or reads.
            top = current is None or (current.key == self._put_on_top and not articles.is_read(current))
            self.main.on_batch_loaded(BatchLoaded(Batch(entries, [], 0, None), 0.0))
            if dates is not None:
                articles.reorder(newest_first(dates), reverse=True, top=top)
                if top and (first := articles.current) is not None:
                    self._put_on_top = first.key
        if problems(skipped):
            self.host.tell(Notice(skipped_notice(skipped), "warning"), title="New articles skipped", timeout=10)

    def _finish(self, results: list[FeedResult] | None, problem: str | None) -> None:
        self.running = False
        self._show_progress("")
        if problem is not None:
            self.host.tell(Notice(problem, "warning"), title="Feeds", timeout=12)
            return
        assert results is not None
        new = sum(result.new for result in results)
        failed = sum(result.status == "failed" for result in results)
        text = f"{_plural(new, 'new article')} from {_plural(len(results), 'feed')}"
        if failed:
            text += f"; {failed:,} failed"
        # Notes (entries cut off, pages not fetched) in one notice: fifty feeds must not mean fifty.
        notes = [f"• {result.name}: {note}" for result in results for note in result.notes]
        if notes:
            more = [f"…and {len(notes) - NOTES_SHOWN:,} more"] if len(notes) > NOTES_SHOWN else []
            self.host.tell(Notice("\n".join(notes[:NOTES_SHOWN] + more)), title="Feed notes", timeout=10)
        paths = [path for result in results for path in result.new_paths]
        if paths and not any(_under(_resolved(path), self.roots) for path in paths):
            text += f".\nThey are kept in {articles_dir()}: `byline` with no path opens them"
        self.host.tell(Notice(text + ".", "warning" if failed else "information"), title="Feeds refreshed")

    def _show_progress(self, text: str) -> None:
        self.progress = text
        try:
            if text:
                self.main.query_one("#list-pane").border_subtitle = text
            else:  # done: the border says again where the cursor is ("1 of 3")
                self.main.article_list.tell_position()
        except Exception:  # the screen is closing
            pass
