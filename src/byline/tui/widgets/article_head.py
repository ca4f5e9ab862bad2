"""The reader's head: the title, the subtitle, the byline and any warnings over the text."""

from __future__ import annotations

from textual.content import Content

from byline.model import Article


def article_head(article: Article) -> Content:
    lines: list[Content] = [Content.styled(article.display_title, "bold $text-primary")]
    if article.subtitle:
        lines += [Content(), Content.styled(article.subtitle, "italic")]
    parts = (article.author and f"By {article.author}", article.source, article.date)
    byline = " · ".join(part for part in parts if part)
    meta = [Content.styled(byline, "$text-muted")] if byline else []
    meta += [Content.styled(f"⚠ {warning}", "$text-warning") for warning in article.warnings]
    if meta:
        lines += [Content(), *meta]
    return Content("\n").join(lines)
