"""The search screen on its own, in a tiny app, driven as a user would."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from byline.corpus import Entry
from byline.model import Entity, Quote
from byline.search import Hit, SearchIndex
from byline.tui.screens.search import SearchScreen, snippet
from tests.helpers.tui import workers_done

UNSET = object()
BODY = 'Mr Blair spoke. "We will win the election," he said.\n\nChelsea fans cheered.'
QUOTE_AT = BODY.index("We will")


def make_index() -> SearchIndex:
    index = SearchIndex()
    index.add(
        [
            Entry("a", "/a.txt", "Chelsea hold Arsenal", "", (), (Entity("Chelsea", "ORG", 2),)),
            Entry(
                "b",
                "/b.txt",
                "Blair ready to call election",
                "",
                (Quote("We will win the election,", "Tony Blair", QUOTE_AT, QUOTE_AT + 25),),
                (Entity("Tony Blair", "PERSON", 3),),
            ),
            Entry("c", "/c.txt", "Prices [bold]rise[/] again", "", (), ()),
        ],
        [None, BODY, None],
    )
    return index


class Harness(App[None]):
    """Opens the search screen and keeps what it returns."""

    def __init__(self) -> None:
        super().__init__()
        self.index = make_index()
        self.result: object = UNSET

    def compose(self) -> ComposeResult:
        yield Static("the app underneath", id="underneath")

    def on_mount(self) -> None:
        self.push_screen(SearchScreen(self.index), callback=self._done)

    def _done(self, hit: Hit | None) -> None:
        self.result = hit


async def settle(pilot: Pilot[None]) -> None:
    await workers_done(pilot.app)
    await pilot.pause()


def rows(app: App[None]) -> list[str]:
    results = app.screen.query_one(OptionList)
    return [str(results.get_option_at_index(i).prompt.plain) for i in range(results.option_count)]


async def test_typing_shows_ranked_results_with_the_typo_forgiven() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        assert app.screen.query_one(Input).has_focus
        await pilot.press(*"chelsae")
        await settle(pilot)
        shown = rows(app)
        assert shown and all("Chelsea" in row for row in shown)
        assert shown[0].startswith(("entity  Chelsea", "title   Chelsea hold Arsenal"))
        assert app.screen.query_one("#search-status", Static).render().plain == f"{len(shown)} results"


async def test_results_say_which_article_they_belong_to_and_who_said_a_quote() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await pilot.press(*'"we will')
        await settle(pilot)
        assert rows(app) == [
            "quote   \u201cWe will win the election,\u201d\n        — Tony Blair · in Blair ready to call election"
        ]


async def test_prefixes_narrow_the_kind() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await pilot.press(*"blair")
        await settle(pilot)
        assert {row.split()[0] for row in rows(app)} >= {"title", "quote", "speaker", "entity", "text"} - {"quote"}
        app.screen.query_one(Input).value = ""
        await pilot.press("@", *"blair")
        await settle(pilot)
        assert {row.split()[0] for row in rows(app)} == {"speaker", "entity"}
        app.screen.query_one(Input).value = ""
        await pilot.press("t", ":", *"blair")
        await settle(pilot)
        assert [row.split()[0] for row in rows(app)] == ["title"]


async def test_markup_in_an_article_shows_as_text() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await pilot.press(*"prices")
        await settle(pilot)
        assert rows(app)[0] == "title   Prices [bold]rise[/] again"


async def test_escape_closes_with_nothing_and_leaves_the_app_as_it_was() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await pilot.press(*"chel")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None
        assert not isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#underneath", Static).render().plain == "the app underneath"


async def test_enter_returns_the_highlighted_hit_with_its_offsets() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await pilot.press(*"@tony")
        await settle(pilot)
        await pilot.press("down")
        results = app.screen.query_one(OptionList)
        chosen = app.screen.hits[results.highlighted]
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == chosen
        assert isinstance(app.result, Hit) and app.result.entry == 1


async def test_enter_before_the_results_arrive_opens_the_best_hit_for_what_was_typed() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        app.screen.query_one(Input).value = '"we will win'
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.result, Hit)
        assert (app.result.kind, app.result.start) == ("quote", QUOTE_AT)


async def test_no_match_says_so() -> None:
    app = Harness()
    async with app.run_test() as pilot:
        await pilot.press(*"zzqqx")
        await settle(pilot)
        assert rows(app) == []
        assert app.screen.query_one("#search-status", Static).render().plain == "No match"
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is UNSET and isinstance(app.screen, SearchScreen)


def test_snippet_keeps_the_match_in_view() -> None:
    text = "x" * 300 + "Chelsea" + "y" * 300
    positions = tuple(range(300, 307))
    shown, moved = snippet(text, positions, width=50)
    assert shown.startswith("\u2026") and shown.endswith("\u2026") and len(shown) == 52
    assert "".join(shown[p] for p in moved) == "Chelsea"


def test_snippets_are_cut_between_words() -> None:
    words = " ".join(f"word{n:03d}" for n in range(100))
    at = words.index("word050")
    shown, moved = snippet(words, tuple(range(at, at + 7)), width=60)
    inner = shown.strip("\u2026")
    assert shown.startswith("\u2026") and shown.endswith("\u2026")
    assert all(len(word) == 7 and word.startswith("word") for word in inner.split()), shown
    assert "".join(shown[p] for p in moved) == "word050"


async def test_more_results_than_shown_says_so() -> None:
    from byline.tui.screens.search import LIMIT

    index = SearchIndex()
    entries = [Entry(f"e{n}", f"/{n}.txt", f"Election news number {n}", "", (), ()) for n in range(LIMIT + 20)]
    index.add(entries, [None] * len(entries))

    class Many(Harness):
        def __init__(self) -> None:
            super().__init__()
            self.index = index

    app = Many()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"election")
        await settle(pilot)
        assert app.screen.query_one(OptionList).option_count == LIMIT
        status = app.screen.query_one("#search-status", Static).render().plain
        assert f"{LIMIT}+ results" in status and "refine" in status
