"""The sample corpus with the real extractor: what the issue says a person must see."""

from __future__ import annotations

from tests.helpers.tui import settle


async def test_the_sample_opens_with_its_quotes_and_speakers_and_moves_on(open_app) -> None:
    async with open_app(size=(120, 40)) as (app, pilot):
        assert app.reader.article.title.startswith("Report: Israel Backing Off on Hostage Talks")
        sidebar = app.sidebar
        assert sidebar.display
        first = str(sidebar.get_option("quote-0").prompt)
        assert first.startswith("“The main target now") and first.endswith("— Israeli official")
        speakers = [str(o.prompt).rsplit("— ", 1)[-1] for o in sidebar.options if o.id and o.id.startswith("quote-")]
        assert "Israeli official" in speakers[0] and len(speakers) >= 2
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.reader.article.title.startswith("Netanyahu Tells Blinken")
        assert sidebar.entry is app.article_list.current


async def test_quote_jump_on_the_sample_with_real_quotes(open_app) -> None:
    async with open_app(size=(120, 40)) as (app, pilot):
        last = len(app.article_list.current.quotes) - 1
        app.sidebar.focus()
        for _ in range(last):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.reader
        assert reader.marked_quote == last
        quote = reader.analysis.quotes[last]
        paragraph = list(reader.query("Paragraph"))[reader.paragraph_of(quote)]
        assert quote.text in str(paragraph.content)
        assert reader.region.contains_region(paragraph.region)
