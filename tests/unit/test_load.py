"""Loaders: every format, and every kind of bad input, ends as an article or a reason."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from byline.load import load_file, load_paths, sample_corpus
from byline.load.clean import clean_text
from tests.helpers import BBC, needs_bbc
from tests.helpers.files import write

SAMPLE = """Title of the piece

A one-line subtitle

First paragraph with “a quote,” he said.

Second paragraph.

Author: Jane Doe

Jane Doe writes about things.
"""


def only_article(path: Path):
    result = load_file(path)
    assert result.skipped == []
    assert len(result.articles) == 1
    return result.articles[0]


class TestPlainText:
    def test_sample_layout(self, tmp_path: Path) -> None:
        article = only_article(write(tmp_path, "a.txt", SAMPLE))
        assert article.title == "Title of the piece"
        assert article.subtitle == "A one-line subtitle"
        assert article.author == "Jane Doe"
        assert article.author_bio == "Jane Doe writes about things."
        assert article.paragraphs == ("First paragraph with “a quote,” he said.", "Second paragraph.")
        assert article.format == "text"
        assert article.warnings == ()

    def test_bbc_layout_has_no_subtitle(self, tmp_path: Path) -> None:
        text = "Ad sales boost profit\n\nQuarterly profits jumped.\n\nThe firm said so.\n"
        article = only_article(write(tmp_path, "b.txt", text))
        assert article.title == "Ad sales boost profit"
        assert article.subtitle == "" and article.author == ""
        assert article.paragraphs == ("Quarterly profits jumped.", "The firm said so.")

    def test_list_items_stay_apart(self, tmp_path: Path) -> None:
        text = "T\n\nShe must:\n- Spend a year on probation\n - Do community service\n"
        article = only_article(write(tmp_path, "c.txt", text))
        assert article.paragraphs == ("She must:", "- Spend a year on probation", "- Do community service")

    def test_samples_ship_and_load(self) -> None:
        result = load_paths([sample_corpus()])
        assert [a.author for a in result.articles] == ["Dave DeCamp", "Dave DeCamp"]
        assert result.articles[0].title.startswith("Report: Israel Backing Off")
        assert result.skipped == []

    def test_id_is_stable_across_moves(self, tmp_path: Path) -> None:
        first = only_article(write(tmp_path, "one/a.txt", SAMPLE))
        moved = only_article(write(tmp_path, "two/renamed.txt", SAMPLE))
        changed = only_article(write(tmp_path, "three/a.txt", SAMPLE.replace("Second", "Third")))
        assert first.id == moved.id
        assert first.id != changed.id


class TestMarkdown:
    def test_front_matter_and_inline_markup(self, tmp_path: Path) -> None:
        text = (
            '---\ntitle: "Front title"\nauthor: Ann Smith\ndate: 2024-02-01\nurl: https://example.org/x\n---\n'
            "# Ignored heading? no: kept as body\n\nA *bold* claim with a [link](https://x.org) and `code`.\n\n"
            "- item one\n- item two\n"
        )
        article = only_article(write(tmp_path, "a.md", text))
        assert (article.title, article.author, article.date, article.url) == (
            "Front title",
            "Ann Smith",
            "2024-02-01",
            "https://example.org/x",
        )
        assert "A bold claim with a link and code." in article.paragraphs
        assert "\u2022 item one" in article.paragraphs
        assert article.format == "markdown"

    def test_heading_and_byline_without_front_matter(self, tmp_path: Path) -> None:
        article = only_article(write(tmp_path, "b.md", "# The title\n\nBy Sam Jones\n\nBody text here.\n"))
        assert (article.title, article.author, article.paragraphs) == ("The title", "Sam Jones", ("Body text here.",))


class TestHtmlAndFeeds:
    def test_saved_html_page(self, tmp_path: Path) -> None:
        body = "".join(
            f"<p>Paragraph {n} of the story, with enough words to count as article text.</p>" for n in range(8)
        )
        page = (
            "<!DOCTYPE html><html><head><title>Page title | Site</title>"
            '<meta name="author" content="Ruth Reporter"></head><body>'
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>Headline of the story</h1>{body}</article><footer>Copyright</footer></body></html>"
        )
        article = only_article(write(tmp_path, "page.html", page))
        assert article.format == "html"
        assert "Headline" in article.title or "Page title" in article.title
        assert article.author == "Ruth Reporter"
        assert any("Paragraph 3 of the story" in p for p in article.paragraphs)
        assert not any("Home" == p for p in article.paragraphs)

    def test_html_without_article_text_is_skipped(self, tmp_path: Path) -> None:
        result = load_file(write(tmp_path, "empty.html", "<html><body><nav>x</nav></body></html>"))
        assert result.articles == []
        assert "no article text" in result.skipped[0].reason

    def test_rss_entries_become_articles(self, tmp_path: Path) -> None:
        rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>
        <item><title>First &amp; best</title><author>a@b.c (Al)</author><link>https://e.org/1</link>
        <description>&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two &lt;b&gt;bold&lt;/b&gt;.&lt;/p&gt;</description></item>
        <item><title>Second</title><description>Plain</description></item>
        </channel></rss>"""
        result = load_file(write(tmp_path, "f.rss", rss))
        assert [a.title for a in result.articles] == ["First & best", "Second"]
        assert result.articles[0].paragraphs == ("One.", "Two bold.")
        assert result.articles[0].url == "https://e.org/1"
        assert result.articles[0].path.endswith("f.rss#1")
        assert {a.format for a in result.articles} == {"feed"}

    def test_atom_feed(self, tmp_path: Path) -> None:
        atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
        <title>A</title><entry><title>Atom entry</title><author><name>Bea</name></author>
        <content type="html">&lt;p&gt;Body.&lt;/p&gt;</content></entry></feed>"""
        article = load_file(write(tmp_path, "f.atom", atom)).articles[0]
        assert (article.title, article.author, article.paragraphs) == ("Atom entry", "Bea", ("Body.",))

    def test_xml_that_is_not_a_feed(self, tmp_path: Path) -> None:
        result = load_file(write(tmp_path, "data.xml", "<?xml version='1.0'?><root><a>1</a></root>"))
        assert result.articles == [] and "no RSS or Atom entries" in result.skipped[0].reason

    def test_a_cut_off_feed_with_only_empty_items_is_skipped_not_an_untitled_blank(self, tmp_path: Path) -> None:
        result = load_file(write(tmp_path, "cut.xml", "<rss><channel><item><title>Kept</title></item><item>"))
        assert [a.title for a in result.articles] == ["Kept"]
        result = load_file(write(tmp_path, "cut2.xml", "<rss><channel><item>"))
        assert result.articles == [] and "no title and no text" in result.skipped[0].reason


class TestBadInput:
    def test_undecodable_bytes_are_flagged_not_fatal(self, tmp_path: Path) -> None:
        article = only_article(write(tmp_path, "cp.txt", b"Caf\xe9 news\n\nS\xe3o Paulo said \x93yes\x94.\n"))
        assert article.title == "Café news"
        assert article.paragraphs == ("São Paulo said “yes”.",)
        assert "not valid UTF-8" in article.warnings[0]

    @pytest.mark.parametrize(
        ("name", "content", "reason"),
        [
            ("empty.txt", b"", "empty file"),
            ("blank.txt", b"  \n\n \t\n", "empty file"),
            ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
            ("only-controls.txt", b"\x1b[2J\x07\x1b[0m\n\n\x1b]0;x\x07", "no text"),
        ],
    )
    def test_files_skipped_with_a_reason(self, tmp_path: Path, name: str, content: bytes, reason: str) -> None:
        result = load_file(write(tmp_path, name, content))
        assert result.articles == []
        assert reason in result.skipped[0].reason

    @pytest.mark.parametrize("seed", range(8))
    @pytest.mark.parametrize("size", [600, 4000, 20_000])
    def test_random_bytes_are_skipped_as_binary(self, tmp_path: Path, seed: int, size: int) -> None:
        # Not read as a Latin-1 "article" of junk quotes and names.
        result = load_file(write(tmp_path, "noise.txt", random.Random(seed).randbytes(size)))
        assert result.articles == [] and "binary" in result.skipped[0].reason

    def test_a_stray_nul_in_an_article_is_cleaned_not_refused(self, tmp_path: Path) -> None:
        body = "Plain words of a long enough article, said nobody in particular. " * 20
        result = load_file(write(tmp_path, "a.txt", ("Title\n\n" + body[:600] + "\x00\x00" + body[600:]).encode()))
        assert [a.title for a in result.articles] == ["Title"] and "\x00" not in result.articles[0].body

    def test_oversized_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr("byline.load.files.MAX_BYTES", 1000)
        result = load_file(write(tmp_path, "big.txt", "T\n\n" + "word " * 1000))
        assert "too large" in result.skipped[0].reason

    def test_unreadable_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = write(tmp_path, "secret.txt", SAMPLE)

        def denied(*args: object) -> int:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("byline.load.os.open", denied)
        assert load_file(path).skipped[0].reason == "permission denied"

    def test_symlink_loop_and_broken_link(self, tmp_path: Path) -> None:
        write(tmp_path, "root/a.txt", SAMPLE)
        os.symlink(tmp_path / "root", tmp_path / "root" / "loop")
        os.symlink(tmp_path / "missing.txt", tmp_path / "root" / "dangling.txt")
        result = load_paths([tmp_path / "root"])
        assert len(result.articles) == 1
        reasons = sorted(s.reason for s in result.skipped)
        assert reasons == ["broken symbolic link", "folder already visited (symbolic link loop)"]

    def test_a_folder_given_again_is_not_called_a_link_loop(self, tmp_path: Path) -> None:
        # `byline ~/news ~/news/tech`: nothing there is a link, and the reason said one was.
        write(tmp_path, "news/tech/a.txt", SAMPLE)
        result = load_paths([tmp_path / "news", tmp_path / "news" / "tech", tmp_path / "news"])
        assert len(result.articles) == 1
        reasons = [s.reason for s in result.skipped]
        assert reasons == ["folder already walked (given twice, or inside a folder given)"] * 2

    def test_walk_skips_hidden_and_reports_foreign_files(self, tmp_path: Path) -> None:
        write(tmp_path, "d/.hidden.txt", SAMPLE)
        write(tmp_path, "d/photo.jpg", b"\xff\xd8\xff")
        write(tmp_path, "d/README.txt", "About this corpus\n\nText.")
        write(tmp_path, "d/sub/real.txt", SAMPLE)
        result = load_paths([tmp_path / "d"])
        assert [Path(a.path).name for a in result.articles] == ["real.txt"]
        assert {Path(s.path).name for s in result.skipped} == {"photo.jpg", "README.txt"}

    def test_missing_path(self, tmp_path: Path) -> None:
        result = load_paths([tmp_path / "nope"])
        assert result.articles == [] and result.skipped[0].reason == "no such file or folder"


class TestCleaning:
    def test_escape_sequences_never_survive(self, tmp_path: Path) -> None:
        raw = (
            "Clear \x1b[2Jscreen\x1b]0;title\x07 \x9b31mred\x07 bell\x00nul\u202egone\n\n"
            "Body [bold red]x[/] text\x1b[0m.\n"
        )
        article = only_article(write(tmp_path, "esc.txt", raw))
        everything = article.title + article.body
        assert article.title == "Clear screen red bellnulgone"
        assert article.paragraphs == ("Body [bold red]x[/] text.",)
        assert not any(ord(ch) < 32 and ch not in "\n\t" or 0x7F <= ord(ch) <= 0x9F for ch in everything)

    def test_character_references_are_decoded(self) -> None:
        assert clean_text("Jos&#233; &amp; Ren&eacute; &#x201C;hi&#x201D; AT&T a&b") == "José & René “hi” AT&T a&b"

    def test_a_reference_cannot_smuggle_a_control(self) -> None:
        assert clean_text("a&#27;[2Jb&#0;c&#x7;d") == "a[2Jb\ufffdcd"

    def test_windows_line_endings(self, tmp_path: Path) -> None:
        article = only_article(write(tmp_path, "crlf.txt", b"Title\r\n\r\nOne.\r\n\r\nTwo.\r\n"))
        assert article.paragraphs == ("One.", "Two.")


@needs_bbc()
def test_every_bbc_file_loads_or_is_reported() -> None:
    files = sorted(p for p in BBC.rglob("*") if p.is_file())
    result = load_paths([BBC])
    assert len(result.articles) == 2225
    assert len(result.articles) + len(result.skipped) == len(files)
    flagged = [a.path for a in result.articles if a.warnings]
    assert flagged == [str(BBC / "sport" / "199.txt")]
    assert all(a.title and a.paragraphs for a in result.articles)
    # References such as &#233; in the raw files are decoded.
    assert not any("&#" in a.body or "&amp;" in a.body for a in result.articles)


class TestSource:
    """Where an article comes from (a feed's or a site's name), shown where it has no author."""

    def test_a_feeds_entries_name_the_feed(self, tmp_path: Path) -> None:
        rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
        <item><title>One</title><description>Words.</description></item></channel></rss>"""
        assert load_file(write(tmp_path, "f.rss", rss)).articles[0].source == "Example News"

    def test_a_kept_feed_entry_names_its_feed_and_a_page_its_site(self, tmp_path: Path) -> None:
        kept = only_article(
            write(tmp_path, "a.md", "---\ntitle: T\nurl: https://x.org/a\nfeed: Example News\n---\n\nWords.\n")
        )
        page = only_article(
            write(tmp_path, "b.md", "---\ntitle: T\nurl: https://www.example.org/story/1\n---\n\nWords.\n")
        )
        assert (kept.source, page.source) == ("Example News", "example.org")

    def test_a_plain_text_article_has_none(self, tmp_path: Path) -> None:
        folder = tmp_path / "business"
        folder.mkdir()
        assert only_article(write(folder, "001.txt", "Title\n\nBody text here.\n")).source == ""
