"""The people views: speakers and entities in the left pane (1 2 3), their quotes in the middle,
Enter opens the article at the quote; y and b take the chosen quote; a narrows to "X about Y"."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from byline.people import EntityRow, QuoteRow, Speaker
from byline.tui.widgets.people_list import PeopleList
from byline.tui.widgets.quote_list import QuoteList
from byline.tui.widgets.reader import Reader
from tests.helpers.tui import settle, write_article

pytestmark = pytest.mark.usefixtures("fake_extractor")


@pytest.fixture
def people_corpus(tmp_path: Path) -> Path:
    """Three articles: Netanyahu quoted three times (once a guess), Blinken three, an official once."""
    folder = tmp_path / "people"
    folder.mkdir()
    write_article(
        folder,
        "a.txt",
        "Talks in Qatar",
        [
            "“We will meet again in Qatar,” Antony Blinken said on Monday.",
            "“Hamas must agree first,” Benjamin Netanyahu said.",
            "“Nothing is agreed yet,” he added.",
        ],
    )
    write_article(
        folder,
        "b.txt",
        "Rafah operation",
        [
            "“Rafah will be taken,” Benjamin Netanyahu said.",
            "“We will not wait for Hamas,” an Israeli official said.",
        ],
    )
    write_article(
        folder,
        "c.txt",
        "Blinken in Gaza",
        ["“Gaza needs aid now,” Antony Blinken said.", "“Qatar is helping a great deal,” Antony Blinken said."],
    )
    return folder


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


def speakers_rows(app) -> list:
    return list(app.main.speakers_pane.list.rows)


def quote_items(app) -> list:
    return list(app.main.quote_list.items)


async def test_1_2_3_switch_the_left_pane(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        main = app.main
        await press(pilot, "2")
        assert main.speakers_pane.display and not main.query_one("#list-pane").display
        assert isinstance(app.focused, Input) and app.focused.id == "speakers-filter"
        await press(pilot, "escape", "3")
        assert main.entities_pane.display and not main.speakers_pane.display
        assert app.focused is main.entities_pane.filter_input
        await press(pilot, "escape", "1")
        assert main.query_one("#list-pane").display and not main.entities_pane.display
        assert app.focused is app.article_list


async def test_speakers_merged_with_counts_low_confidence_marked_and_descriptions_apart(
    open_app, people_corpus: Path
) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2")
        rows = speakers_rows(app)
        named = [row.name for row in rows if isinstance(row, Speaker) and not row.described]
        assert set(named) == {"Benjamin Netanyahu", "Antony Blinken"}
        heading = rows.index(next(row for row in rows if isinstance(row, str)))
        assert rows[heading].startswith("Known by description")
        assert [row.name for row in rows[heading + 1 :]] == ["Israeli official"]
        netanyahu = next(row for row in rows if isinstance(row, Speaker) and row.name == "Benjamin Netanyahu")
        assert (netanyahu.quotes, netanyahu.articles, netanyahu.low_confidence) == (3, 2, 1)
        line = app.main.speakers_pane.list.render_line(rows.index(netanyahu)).text
        assert "Benjamin Netanyahu" in line and "3 (1?) · 2" in line


async def test_typing_filters_with_typos_forgiven_and_o_sorts_by_name(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2", *"netanyahoo")
        assert speakers_rows(app)[0].name == "Benjamin Netanyahu"
        await press(pilot, *["backspace"] * 10)
        await press(pilot, "down")
        assert isinstance(app.focused, PeopleList)
        by_count = [row.name for row in speakers_rows(app) if isinstance(row, Speaker) and not row.described]
        await press(pilot, "o")
        by_name = [row.name for row in speakers_rows(app) if isinstance(row, Speaker) and not row.described]
        assert by_name == ["Antony Blinken", "Benjamin Netanyahu"]
        await press(pilot, "o")
        assert [row.name for row in speakers_rows(app) if isinstance(row, Speaker) and not row.described] == by_count


async def test_a_filter_that_matches_nobody_says_so_in_the_words_typed(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2", *"zqxwv")
        people = app.main.query_one(PeopleList)
        assert "No speaker matches “zqxwv”" in people.render_line(0).text + people.render_line(1).text


async def test_choosing_a_speaker_lists_their_quotes_in_the_middle_pane(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2", *"netanyahu", "enter")
        quotes = app.main.quote_list
        assert quotes.display and not app.reader.display and isinstance(app.focused, QuoteList)
        assert quotes.border_title == "Quotes of Benjamin Netanyahu"
        items = quote_items(app)
        assert [(row.title, row.quote.text) for row in items] == [
            ("Talks in Qatar", "Hamas must agree first,"),
            ("Talks in Qatar", "Nothing is agreed yet,"),
            ("Rafah operation", "Rafah will be taken,"),
        ]
        place = quotes.render_line(1).text
        assert "Talks in Qatar" in place and place.endswith("· quote 2 of 3")
        # The guess is shown as one: marked "?" and "uncertain".
        assert quotes.render_line(2).text.startswith("?“Nothing is agreed yet")
        assert "uncertain" in quotes.render_line(3).text


async def test_enter_on_a_quote_opens_its_article_at_the_quote_marked(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2", *"netanyahu", "enter", "down", "down", "enter")
        assert app.reader.display and not app.main.quote_list.display
        assert isinstance(app.focused, Reader)
        assert app.reader.article is not None and app.reader.article.title == "Rafah operation"
        assert app.reader.marked_quote == 0
        assert app.article_list.current.title == "Rafah operation"
        # 2 again: back to the speakers and their quotes, then to the quote list.
        await press(pilot, "2")
        assert app.main.quote_list.display
        await press(pilot, "2")
        assert isinstance(app.focused, QuoteList)


async def test_y_copies_and_b_bookmarks_the_quote_under_the_cursor(
    open_app, people_corpus: Path, no_display: None
) -> None:
    from byline.userdata.bookmark_store import BookmarkStore

    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2", *"blinken", "enter", "down")
        row = app.main.quote_list.current
        assert isinstance(row, QuoteRow) and row.title == "Blinken in Gaza"
        await press(pilot, "y")
        assert app.clipboard == "“Gaza needs aid now” — Antony Blinken, Blinken in Gaza"
        await press(pilot, "b")
        store, _ = BookmarkStore.open()
        [bookmark] = store.all()
        assert (bookmark.kind, bookmark.title, bookmark.quote) == ("quote", "Blinken in Gaza", "Gaza needs aid now,")


async def test_choosing_an_entity_lists_the_quotes_naming_it_by_speaker(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "3", *"hamas")
        first = app.main.entities_pane.list.current
        assert isinstance(first, EntityRow) and first.name == "Hamas"
        line = app.main.entities_pane.list.render_line(0).text
        assert "O Hamas" in line and "2 · 2" in line  # an organisation, in 2 articles, named by 2 quotes
        await press(pilot, "enter")
        assert app.main.quote_list.border_title == "Quotes naming Hamas"
        items = quote_items(app)
        headings = [item for item in items if isinstance(item, str)]
        assert headings == ["Benjamin Netanyahu · 1", "Israeli official · 1"]
        assert [item.quote.text for item in items if isinstance(item, QuoteRow)] == [
            "Hamas must agree first,",
            "We will not wait for Hamas,",
        ]


async def test_the_quotes_naming_an_entity_open_with_the_first_speaker_heading_in_view(
    open_app, tmp_path: Path
) -> None:
    # The list was filled while hidden (no height): brought to its cursor then, a list longer
    # than the pane opened scrolled past the heading above the first quote, which only `g` showed.
    folder = tmp_path / "long"
    folder.mkdir()
    said = [f"“Qatar has talked for {n} days,” Antony Blinken said." for n in range(20)]
    write_article(folder, "a.txt", "Talks in Qatar", said)
    async with open_app(folder, size=(80, 24)) as (app, pilot):
        await press(pilot, "3", *"qatar", "enter")
        quotes = app.main.quote_list
        assert quotes.virtual_size.height > quotes.size.height, "a list longer than its pane"
        assert quotes.cursor == 1 and quotes.scroll_y == 0
        assert "ANTONY BLINKEN · 20" in quotes.render_line(1).text
        # From the sidebar too (`a` on an entity), the reader in the middle pane until then.
        await press(pilot, "g", "G", "1")
        app.main.show_quotes(False)
        await press(pilot, "s")
        options = enumerate(app.sidebar.options)
        entity = next(
            i for i, option in options if (option.id or "").startswith("entity-") and "Qatar" in str(option.prompt)
        )
        app.sidebar.highlighted = entity
        await press(pilot, "a")
        assert quotes.border_title == "Quotes naming Qatar" and quotes.cursor == 1 and quotes.scroll_y == 0


async def test_a_narrows_an_entity_to_what_the_chosen_speaker_said_about_it(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "3", *"qatar", "down", "a")
        assert "Choose a speaker first" in str([n.message for n in app._notifications])
        await press(pilot, "2", *"blinken", "enter", "3", "down", "a")
        assert app.main.quote_list.border_title == "Antony Blinken about Qatar"
        assert [row.quote.text for row in quote_items(app)] == [
            "We will meet again in Qatar,",
            "Qatar is helping a great deal,",
        ]


async def test_a_in_the_quotes_naming_an_entity_narrows_them_too(open_app, people_corpus: Path) -> None:
    # Enter on an entity puts the focus in its quotes, where `a` did nothing at all.
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2", *"blinken", "enter", "3", *"qatar", "enter")
        assert app.main.quote_list.has_focus and app.main.quote_list.border_title == "Quotes naming Qatar"
        await press(pilot, "a")
        assert app.main.quote_list.border_title == "Antony Blinken about Qatar"
        assert [row.quote.text for row in quote_items(app)] == [
            "We will meet again in Qatar,",
            "Qatar is helping a great deal,",
        ]
        await press(pilot, "2", "enter", "a")  # a speaker's own quotes: nothing to narrow, and it says how
        assert app.main.quote_list.border_title == "Quotes of Antony Blinken"
        assert "a narrows the quotes naming an entity" in str([n.message for n in app._notifications])


async def test_a_speaker_who_said_nothing_about_an_entity_is_told_so_in_the_pane(open_app, people_corpus: Path) -> None:
    # The pane was empty, titled "X about Y" with "0 quotes" on its border and nothing inside.
    async with open_app(people_corpus, size=(80, 24)) as (app, pilot):
        await press(pilot, "2", *"netanyahu", "enter", "3", *"gaza", "escape", "a")
        quotes = app.main.quote_list
        assert quotes.border_title == "Benjamin Netanyahu about Gaza" and quotes.current is None
        shown = " ".join(quotes.render_line(y).text.strip() for y in range(2))
        assert shown == "Benjamin Netanyahu says nothing about Gaza in these articles"
        await press(pilot, "enter")
        assert quotes.display and not app.reader.display, "the message is not a quote to open"
        # An entity no quote names says so too.
        await press(pilot, "1", "3")
        app.main.entities_pane.filter_input.value = "blinken"
        await press(pilot, "enter")
        assert quotes.border_title == "Quotes naming Antony Blinken"
        shown = " ".join(quotes.render_line(y).text.strip() for y in range(2))
        assert shown == "No quote names Antony Blinken in these articles"


async def test_a_on_an_entity_in_the_sidebar_lists_the_quotes_naming_it(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        app.sidebar.focus()
        await settle(pilot)
        index = next(
            i
            for i, option in enumerate(app.sidebar.options)
            if (option.id or "").startswith("entity-") and "Hamas" in str(option.prompt)
        )
        app.sidebar.highlighted = index
        await press(pilot, "a")
        assert app.main.quote_list.display and app.main.quote_list.border_title == "Quotes naming Hamas"
        assert isinstance(app.focused, QuoteList)


async def test_at_80x24_one_list_and_the_quotes_share_the_screen(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(80, 24)) as (app, pilot):
        main = app.main
        await press(pilot, "2", *"netanyahu", "enter")
        assert main.speakers_pane.outer_size.width == 30 and main.quote_list.size.width >= 40
        assert not app.sidebar.display and not app.reader.display
        await press(pilot, "enter")
        assert app.reader.display and app.reader.size.width >= 40 and app.reader.marked_quote == 1
        # s: the sidebar in place of the left pane, as with the article list.
        await press(pilot, "s")
        assert app.sidebar.display and not main.speakers_pane.display


async def test_the_tables_are_built_from_every_entry_loaded(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        people = app.main.people
        assert people is not None and len(people.entries) == len(app.corpus.entries) == 3
        counted = [row.quotes for row in people.entities.rows]
        assert None not in counted  # the entities' quote counts came in once loading was over


async def test_the_tables_are_rebuilt_as_batches_arrive_keeping_the_cursor(
    open_app, people_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import byline.tui.screens.people_views as people_views
    from tests.helpers.tui import pause_loading_after_first_batch

    monkeypatch.setattr(people_views, "REBUILD_DELAY", 0.05)
    release = pause_loading_after_first_batch(monkeypatch, batch_size=1)
    try:
        async with open_app(people_corpus, size=(160, 48), settled=False) as (app, pilot):
            main = app.main
            for _ in range(400):  # the first batch's tables, built while loading waits
                await pilot.pause(0.05)
                if main.people is not None and main.speakers_pane.list.current is not None:
                    break
            assert main.people is not None and len(main.people.entries) == 1 and main.loading
            await pilot.press("2", "down", "down")  # to the list, then its second row
            rows = main.speakers_pane.list.rows
            assert [row.name for row in rows] == ["Benjamin Netanyahu", "Antony Blinken"]
            assert main.speakers_pane.list.current.name == "Antony Blinken"
            release.set()
            await settle(pilot)
            assert len(main.people.entries) == 3
            # Now first (3 quotes each; by name on a tie), and the cursor went with it.
            assert main.speakers_pane.list.rows[0].name == "Antony Blinken"
            assert main.speakers_pane.list.current.name == "Antony Blinken"
            assert main.speakers_pane.list.current.quotes == 3
    finally:
        release.set()


async def test_building_the_tables_never_reprs_the_corpus(open_app, people_corpus: Path, monkeypatch) -> None:
    """Textual describes a worker by repr(work) unless told otherwise: with the entries in a
    partial that was the repr of every article, 3 s of the UI thread per rebuild at 100,000."""
    from textual.worker import Worker

    described: list[str] = []
    init = Worker.__init__

    def recording(self, *args, **kwargs) -> None:
        init(self, *args, **kwargs)
        described.append(self.description)

    monkeypatch.setattr(Worker, "__init__", recording)
    async with open_app(people_corpus, size=(120, 40)) as (app, pilot):
        await press(pilot, "2")
        assert app.main.people is not None
    people = [text for text in described if "people" in text]
    assert people, described
    assert max(map(len, described)) < 200, max(described, key=len)[:300]


def test_the_second_figures_stand_right_aligned_so_the_dots_line_up() -> None:
    from byline.tui.widgets.people_list import counts_of, tail_width

    rows = [
        Speaker("Tony Blair", "blair", (), 244, 79, 0),
        Speaker("Rafael Benitez", "benitez", (), 46, 7, 0),
        "Known by description",
    ]
    shown = [counts_of(row, tail_width(rows)) for row in rows if isinstance(row, Speaker)]
    assert shown == ["244 · 79", "46 ·  7"]
    assert len({len(figures) - figures.index("·") for figures in shown}) == 1


async def test_the_filter_box_says_in_the_footer_how_to_reach_the_list(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(80, 24)) as (app, pilot):
        await press(pilot, "2")
        shown = {
            binding.key: binding.description for _, binding, enabled, _ in app.active_bindings.values() if binding.show
        }
        assert shown.get("escape") == "List"
        await press(pilot, "escape")
        assert isinstance(app.focused, PeopleList)
        shown = {
            binding.key: binding.description for _, binding, enabled, _ in app.active_bindings.values() if binding.show
        }
        assert "escape" not in shown, "in the list, the footer keeps its room for the view keys"


def footer_keys(app) -> dict[str, str]:
    return {binding.key: binding.description for _, binding, _, _ in app.active_bindings.values() if binding.show}


async def test_an_empty_filter_leaves_the_view_keys_to_act_and_types_letters(open_app, people_corpus: Path) -> None:
    """A new user pressed 2, then 1 to go back: the 1 went into the filter."""
    async with open_app(people_corpus, size=(120, 40)) as (app, pilot):
        main = app.main
        await press(pilot, "2", "3")
        assert main.entities_pane.display and app.focused is main.entities_pane.filter_input
        assert main.entities_pane.filter_input.value == ""
        await press(pilot, "1")
        assert main.query_one("#list-pane").display and app.focused is app.article_list
        await press(pilot, "2", "q")  # q begins names (Qatar): typed, not quitting
        assert app.is_running and main.speakers_pane.filter_input.value == "q"
        await press(pilot, "backspace", "n", "1", "/")  # once something is typed, so are digits and /
        assert main.speakers_pane.filter_input.value == "n1/" and main.speakers_pane.display


async def test_the_filters_footer_shows_only_keys_that_act_there(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(120, 40)) as (app, pilot):
        await press(pilot, "2")
        shown = footer_keys(app)
        assert {"escape", "ctrl+q", "1", "slash", "question_mark"} <= set(shown), shown
        assert "q" not in shown, "q is typed in the filter: Ctrl+Q quits"
        await press(pilot, "b")
        shown = footer_keys(app)
        assert {"escape", "ctrl+q"} <= set(shown), shown
        assert not {"1", "slash", "question_mark"} & set(shown), f"typed in the filter, yet offered: {shown}"


async def test_escape_in_the_quotes_goes_back_to_the_list_they_came_from(open_app, people_corpus: Path) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2", *"netanyahu", "enter")
        assert isinstance(app.focused, QuoteList)
        await press(pilot, "escape")
        assert app.focused is app.main.speakers_pane.list and app.main.quote_list.display
        app.main.quote_list.focus()
        await press(pilot, "1", "escape")  # (quotes over the articles' view: from the sidebar's a)
        app.sidebar.focus()
        await settle(pilot)
        app.sidebar.highlighted = next(
            i for i, o in enumerate(app.sidebar.options) if (o.id or "").startswith("entity-")
        )
        await press(pilot, "a", "escape")
        assert not app.main.quote_list.display and app.focused is app.reader


def sidebar_quotes(app) -> list[str]:
    sidebar = app.main.sidebar
    assert sidebar.entry is not None
    return [quote.text for quote in sidebar.entry.quotes]


async def test_the_sidebar_follows_the_quote_under_the_cursor_and_then_the_reader_again(
    open_app, people_corpus: Path
) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        reading = app.article_list.current.title
        await press(pilot, "2", *"netanyahu", "enter")
        sidebar = app.main.sidebar
        assert sidebar.entry.title == "Talks in Qatar"
        assert sidebar.highlighted_quote().text == "Hamas must agree first,"
        await press(pilot, "down")
        assert sidebar.highlighted_quote().text == "Nothing is agreed yet,"
        # To a quote of another article: the sidebar shows that article, the quote highlighted.
        await press(pilot, "down")
        await pilot.pause(0.2)  # another article within SIDEBAR_QUIET of the last waits for the keys to rest
        assert sidebar.entry.title == "Rafah operation"
        assert sidebar_quotes(app) == ["Rafah will be taken,", "We will not wait for Hamas,"]
        assert sidebar.highlighted_quote().text == "Rafah will be taken,"
        # Escape to the speakers, 1: the quote list is gone, the sidebar is on the reader's article.
        await press(pilot, "escape", "1")
        await pilot.pause(0.2)
        assert not app.main.quote_list.display
        assert sidebar.entry.title == reading == app.article_list.current.title


async def test_keys_faster_than_the_pause_show_the_article_the_cursor_rests_on(
    open_app, people_corpus: Path, monkeypatch
) -> None:
    from byline.tui.screens import people_views

    monkeypatch.setattr(people_views, "SIDEBAR_QUIET", 1.0)  # the six keys below come within it
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2", *"netanyahu", "enter")
        main, shown = app.main, []
        show = main.sidebar.show
        main.sidebar.show = lambda entry: (shown.append(entry and entry.title), show(entry))[1]
        await pilot.press("down", "down", "up", "up", "down", "down")
        await pilot.pause(1.2)
        # Talks in Qatar, Rafah, back and forth: Rafah read once, Talks in Qatar not again.
        assert shown == ["Rafah operation"]
        assert main.sidebar.highlighted_quote().text == "Rafah will be taken,"


async def test_enter_on_a_quote_in_the_sidebar_opens_the_quote_lists_article(
    open_app, people_corpus: Path, no_display: None
) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2", *"netanyahu", "enter", "down", "down")
        await pilot.pause(0.2)
        await press(pilot, "tab")
        sidebar = app.main.sidebar
        assert app.focused is sidebar
        await press(pilot, "y")  # the sidebar's quote, of the sidebar's article (not the reader's)
        assert app.clipboard == "“Rafah will be taken” — Benjamin Netanyahu, Rafah operation"
        await press(pilot, "enter")
        assert not app.main.quote_list.display and app.reader.display
        assert app.article_list.current.title == "Rafah operation"
        assert app.reader.marked_quote == 0


async def test_an_uncertain_quote_keeps_its_article_and_uncertain_whole_at_80x24(open_app, people_corpus: Path) -> None:
    # The name and "uncertain" took the whole line: no title, and "uncertain" cut to "uncerta".
    async with open_app(people_corpus, size=(80, 24)) as (app, pilot):
        await press(pilot, "2", *"netanyahu", "enter")
        quotes = app.main.quote_list
        line = quotes.render_line(3).text.rstrip()
        assert line.endswith("· quote 3 of 3 · uncertain")
        assert "Talks in Qatar" in line


def footer_labels(app) -> str:
    from textual.widgets import Footer

    footer = app.screen.query_one(Footer)
    return " ".join(str(item.render()) for item in footer.query("FooterKey") if item.display)


async def test_the_footer_leaves_out_the_readers_keys_while_the_quote_list_is_in_its_place(
    open_app, people_corpus: Path
) -> None:
    # [ ] e acted on the hidden article list and reader: nothing to see.
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        assert all(key in footer_labels(app) for key in ("Prev", "Next", "Highlight"))
        await press(pilot, "2", *"netanyahu", "enter")
        shown = footer_labels(app)
        assert not any(key in shown for key in ("Prev", "Next", "Highlight")), shown
        assert "Sidebar" in shown
        await press(pilot, "escape", "1")
        assert all(key in footer_labels(app) for key in ("Prev", "Next", "Highlight"))


async def test_an_entity_chosen_in_the_sidebar_of_a_quote_list_filters_the_articles_shown(
    open_app, people_corpus: Path
) -> None:
    # The speakers view hides the article list: the filter was set on it, and nothing changed on screen.
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2", *"netanyahu", "enter")
        await pilot.pause(0.2)
        sidebar = app.main.sidebar
        sidebar.focus()
        options = list(enumerate(sidebar.options))
        sidebar.highlighted = next(i for i, o in options if o.id and str(o.prompt).startswith("Qatar"))
        await press(pilot, "enter")
        assert app.main.view == "articles" and app.article_list.display and app.focused is app.article_list
        assert not app.main.quote_list.display
        assert app.main.entity_filter == "Qatar"
        assert 0 < app.article_list.count < len(app.corpus.entries)


async def test_a_corpus_read_again_closes_the_quote_list_its_rows_pointed_into(open_app, people_corpus: Path) -> None:
    # Its rows number the entries loading had made; read again, those are gone (a row past the
    # end raised IndexError on the next cursor move, which ends the app).
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        await press(pilot, "2", *"netanyahu", "enter")
        assert app.main.quote_list.display and app.main.sidebar_on_quotes
        app.main.on_load_restarted()
        await press(pilot, "down", "down")
        await pilot.pause(0.2)
        assert not app.main.quote_list.display and not app.main.sidebar_on_quotes
        assert app.main.entry_of(None) is None
        assert app.is_running


async def test_b_and_y_beside_a_quote_list_take_the_sidebars_article_not_the_hidden_readers(
    open_app, people_corpus: Path
) -> None:
    async with open_app(people_corpus, size=(160, 48)) as (app, pilot):
        reading = app.article_list.current.title
        await press(pilot, "2", *"netanyahu", "enter", "down", "down")
        await pilot.pause(0.2)
        sidebar = app.main.sidebar
        assert sidebar.entry.title == "Rafah operation" != reading
        sidebar.focus()
        options = list(enumerate(sidebar.options))
        sidebar.highlighted = next(i for i, o in options if (o.id or "").startswith("entity"))
        await pilot.pause()
        # On a name, not a quote: the article in view is the sidebar's, and no quote of the reader's.
        assert app.main.chosen_entry().title == "Rafah operation"
        assert app.main.chosen_quote() is None


async def test_a_wide_speaker_name_counts_by_its_cells_in_the_quote_list() -> None:
    # A name in wide characters counted half its width: the title fell under TITLE_LEAST cells.
    from rich.cells import cell_len
    from textual.app import App

    from byline.model import Quote
    from byline.people import QuoteRow
    from byline.tui.widgets.quote_list import TITLE_LEAST, QuoteList

    width = 46  # the quote list's width at 80x24
    quote = Quote("Words.", "習近平", 0, 8, "direct", 0.4, ())
    row = QuoteRow("習近", quote, 0, 2, "Talks in Qatar", "a.txt")
    place = "quote 3 of 7"
    assert width - 6 - len(f"{place} · 習近? uncertain") >= TITLE_LEAST  # by characters it fits
    assert width - 6 - cell_len(f"{place} · 習近? uncertain") < TITLE_LEAST  # by cells it does not

    class One(App[None]):
        def compose(self):
            yield QuoteList()

    async with One().run_test(size=(width, 10)) as pilot:
        quotes = pilot.app.query_one(QuoteList)
        quotes.show("Quotes", [row], {0: 7})
        await pilot.pause()
        line = quotes.render_row(0, 1, width, False).text.rstrip()
        assert line.endswith("· quote 3 of 7 · uncertain") and "Talks in Qatar" in line, line
