"""Issue 13, loading: hostile files and awkward layouts end as an article or a reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from byline.load import TITLE_MAX, load_file, load_paths
from byline.load.clean import PARAGRAPH_MAX
from tests.helpers.files import write

FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wales Desk</title>
<item><title>Ferry strike ends</title><author>news@example.com (Aled Morgan)</author>
<pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;The strike is over, the union said.&lt;/p&gt;</description></item>
<item><title>Harbour reopens</title><author>desk@example.com</author>
<pubDate>Tue, 05 Mar 2024 00:00:00 +0000</pubDate>
<description>&lt;p&gt;Boats are back.&lt;/p&gt;</description></item>
</channel></rss>
"""


def one(path: Path):
    result = load_file(path)
    assert result.skipped == [], result.skipped
    assert len(result.articles) == 1
    return result.articles[0]


def reasons(paths: list) -> dict[str, str]:
    result = load_paths(paths)
    assert result.articles == []
    return {Path(s.path).name: s.reason for s in result.skipped}


# --- 1. only regular files are read, the cap holds while reading ----------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_named_directly_is_skipped_unread(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    assert reasons([device]) == {Path(device).name: "a device, not a file"}
    assert load_file(Path(device)).skipped[0].reason == "a device, not a file"


def test_a_named_pipe_is_skipped_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # In a child process, so that a regression hangs only the child.
    code = f"from byline.load import load_paths; print(load_paths([{str(fifo)!r}]).skipped[0].reason)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "a named pipe, not a file", done.stderr


def test_a_named_pipe_inside_a_folder_is_reported(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert reasons([tmp_path]) == {"pipe.txt": "a named pipe, not a file"}


def test_the_size_cap_holds_when_the_size_on_disk_lies(monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc files are regular files that report a size of 0.
    monkeypatch.setattr("byline.load.files.MAX_BYTES", 64)
    result = load_file(Path("/proc/self/status"))
    assert result.articles == []
    assert "too large" in result.skipped[0].reason


# --- 2. links say what they point at ---------------------------------------


def test_links_to_a_device_and_to_themselves_say_what_they_are(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    os.symlink("/dev/null", folder / "null.txt")
    os.symlink(folder / "self.txt", folder / "self.txt")
    os.symlink(tmp_path / "missing.txt", folder / "gone.txt")
    expected = {
        "null.txt": "symbolic link to a device, not a file",
        "self.txt": "symbolic link loop",
        "gone.txt": "broken symbolic link",
    }
    assert reasons([folder]) == expected
    assert reasons([folder / name for name in expected]) == expected


# --- 3. titles and paragraphs are capped -------------------------------------


def test_a_huge_one_line_file_gets_a_short_title_and_keeps_its_text(tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(20_000))
    article = one(write(tmp_path, "line.txt", words))
    assert len(article.title) <= TITLE_MAX and article.title.endswith("\u2026")
    assert all(len(p) <= PARAGRAPH_MAX for p in article.paragraphs)
    assert " ".join(article.paragraphs) == words  # split, not cut
    article = one(write(tmp_path, "two.txt", f"{words}\n\nSecond paragraph.\n"))
    assert " ".join(article.paragraphs) == f"{words} Second paragraph."


def test_a_huge_paragraph_is_split_at_word_boundaries(tmp_path: Path) -> None:
    para = " ".join(f"w{i}." for i in range(30_000))
    article = one(write(tmp_path, "big.md", f"# Title\n\n{para}\n\nLast.\n"))
    assert article.title == "Title"
    assert len(article.paragraphs) > 2
    assert all(len(p) <= PARAGRAPH_MAX for p in article.paragraphs)
    assert " ".join(article.paragraphs[:-1]) == para and article.paragraphs[-1] == "Last."


def test_long_title_in_markdown_front_matter_is_capped(tmp_path: Path) -> None:
    article = one(write(tmp_path, "a.md", f"---\ntitle: {'x' * 5000}\n---\n\nBody.\n"))
    assert len(article.title) == TITLE_MAX and article.title.endswith("\u2026")


# --- 4. deep folders ---------------------------------------------------------


def test_a_folder_nested_1500_deep_is_walked(tmp_path: Path) -> None:
    deep = tmp_path / "top"
    bottom = str(deep)
    os.mkdir(bottom)
    for _ in range(1500):  # os.makedirs recurses too deep for this
        bottom += "/d"
        os.mkdir(bottom)
    write(Path(bottom), "a.txt", "Deep title\n\nDeep body.\n")
    write(deep, "b.txt", "Shallow title\n\nBody.\n")
    try:
        result = load_paths([deep])
        assert sorted(a.title for a in result.articles) == ["Deep title", "Shallow title"]
    finally:  # shutil.rmtree (pytest's clean-up) recurses too deep for this too
        os.remove(Path(bottom, "a.txt"))
        while bottom != str(deep):
            os.rmdir(bottom)
            bottom = os.path.dirname(bottom)


def test_the_walk_order_is_unchanged(tmp_path: Path) -> None:
    for name in ("b/2.txt", "a/z/1.txt", "a/0.txt", "c.txt", "a/y.txt"):
        write(tmp_path, name, f"{name}\n\nBody.\n")
    result = load_paths([tmp_path])
    assert [a.title for a in result.articles] == ["a/0.txt", "a/y.txt", "a/z/1.txt", "b/2.txt", "c.txt"]


# --- 5. plain-text bylines -------------------------------------------------


def test_author_line_followed_directly_by_the_bio(tmp_path: Path) -> None:
    text = "Title\n\nSubtitle here\n\nBody paragraph.\n\nAuthor: Jane Doe\nJane Doe writes about things.\n"
    article = one(write(tmp_path, "a.txt", text))
    assert article.author == "Jane Doe"
    assert article.author_bio == "Jane Doe writes about things."
    assert "Author:" not in article.body
    assert article.paragraphs == ("Body paragraph.",)


@pytest.mark.parametrize(
    "text",
    [
        "Ferries return\n\nBy Aled Morgan\n\nThe first ferry left at dawn.\n",
        "Ferries return\nBy Aled Morgan\n\nThe first ferry left at dawn.\n",
    ],
)
def test_a_by_line_under_the_title_is_the_author(tmp_path: Path, text: str) -> None:
    article = one(write(tmp_path, "a.txt", text))
    assert (article.title, article.author, article.paragraphs) == (
        "Ferries return",
        "Aled Morgan",
        ("The first ferry left at dawn.",),
    )


def test_a_sentence_starting_with_by_is_not_a_byline(tmp_path: Path) -> None:
    article = one(write(tmp_path, "a.txt", "Sales up\n\nBy 2005 the firm had grown.\n\nMore.\n"))
    assert article.author == "" and article.paragraphs[0] == "By 2005 the firm had grown."
    article = one(write(tmp_path, "b.txt", "Sales up\n\nBy the end of the year, sales rose.\n"))
    assert article.author == ""


# --- 6, 7. feeds: author names, one date format, no repeated titles ---------


def test_feed_author_shows_the_name_and_dates_are_iso(tmp_path: Path) -> None:
    first, second = load_file(write(tmp_path, "f.rss", FEED)).articles
    assert first.author == "Aled Morgan"
    assert first.date == "2024-03-04 09:00"
    assert second.date == "2024-03-05"


def test_dates_in_markdown_front_matter_are_iso(tmp_path: Path) -> None:
    article = one(write(tmp_path, "a.md", "---\ntitle: T\ndate: Mon, 04 Mar 2024 09:00:00 GMT\n---\n\nBody.\n"))
    assert article.date == "2024-03-04 09:00"
    article = one(write(tmp_path, "b.md", "---\ntitle: T\ndate: 2024-03-04T09:30:00Z\n---\n\nBody.\n"))
    assert article.date == "2024-03-04 09:30"
    article = one(write(tmp_path, "c.md", "---\ntitle: T\ndate: spring 2024\n---\n\nBody.\n"))
    assert article.date == "spring 2024"  # not a date a machine can read: shown as written


def test_a_markdown_heading_repeating_the_title_is_dropped(tmp_path: Path) -> None:
    article = one(write(tmp_path, "a.md", "---\ntitle: Ferries return\n---\n\n# Ferries Return\n\nBody.\n"))
    assert article.title == "Ferries return"
    assert article.paragraphs == ("Body.",)


def test_an_html_h1_repeating_the_title_is_dropped(tmp_path: Path) -> None:
    body = " ".join(["The first ferry left the harbour at dawn, the operator said."] * 4)
    page = (
        "<html><head><title>Ferries return</title></head><body><article>"
        f"<h1>Ferries return</h1><p>{body}</p><p>{body}</p></article></body></html>"
    )
    article = one(write(tmp_path, "a.html", page))
    assert article.title == "Ferries return"
    assert article.paragraphs[0] != "Ferries return"
    assert "Ferries return" not in article.body


# --- 8. data files are not articles, named or found ---------------------------


@pytest.mark.parametrize("name", ["data.json", "table.csv"])
def test_a_data_file_named_directly_is_skipped_like_in_a_folder(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, f"d/{name}", '{"a": 1}\n' if name.endswith("json") else "a,b\n1,2\n")
    suffix = Path(name).suffix
    assert reasons([path]) == {name: f"not an article format ({suffix})"}
    assert reasons([tmp_path / "d"]) == {name: f"not an article format ({suffix})"}


# --- 9. a feed is parsed once while it is unchanged ---------------------------


def test_a_feed_is_parsed_once_while_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import feedparser

    calls = []
    real = feedparser.parse
    monkeypatch.setattr(feedparser, "parse", lambda data: calls.append(1) or real(data))
    path = write(tmp_path, "f.rss", FEED)
    first = load_file(path)
    second = load_file(path)
    assert len(calls) == 1
    assert first.articles == second.articles and first.articles is not second.articles
    write(tmp_path, "f.rss", FEED.replace("Ferry strike ends", "Ferry strike over"))
    os.utime(path, ns=(1, 1))
    assert load_file(path).articles[0].title == "Ferry strike over"
    assert len(calls) == 2
