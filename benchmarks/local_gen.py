"""A stand-in corpus generator until `benchmarks/gen_corpus.py` (issue 5) lands.

Same call: `generate(out_dir, n, seed=0) -> Path`. Articles are built from the
BBC set: a title varied by a number, paragraphs recombined from other articles,
written as BBC-layout text files, 1,000 to a folder.
"""

from __future__ import annotations

import random
from pathlib import Path

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"


def _sources() -> list[tuple[str, list[str]]]:
    out = []
    for path in sorted(BBC.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", "replace")
        title, _, body = text.partition("\n")
        paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
        if title.strip() and paragraphs:
            out.append((title.strip(), paragraphs))
    return out


def generate(out_dir: str | Path, n: int, seed: int = 0) -> Path:
    out = Path(out_dir)
    marker = out / f".generated-{n}-{seed}"
    if marker.exists():
        return out
    sources = _sources()
    rng = random.Random(seed)
    for i in range(n):
        title, paragraphs = sources[i % len(sources)]
        other = sources[rng.randrange(len(sources))][1]
        mixed = paragraphs[: max(1, len(paragraphs) // 2)] + other[len(other) // 2 :]
        folder = out / f"{i // 1000:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(mixed)
        (folder / f"{i:06d}.txt").write_text(f"{title} ({i})\n\n{body}\n", encoding="utf-8")
    marker.touch()
    return out
