"""Attribution's confidence: shipped weights load, and the trainer runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from byline.extract import LOW_CONFIDENCE, analyse_text
from byline.extract.lexicons import speaker_words
from tests.helpers import REPO


def test_shipped_weights_load_and_give_confidences_between_0_and_1() -> None:
    weights = speaker_words().attribution_weights
    assert weights and "bias" in weights
    assert all(isinstance(v, float) for v in weights.values())
    analysis = analyse_text('"We will win," said John Smith.\n\n"It is over."')
    for quote in analysis.quotes:
        assert 0.0 <= quote.confidence <= 1.0
        assert quote.evidence
    assert 0.0 < LOW_CONFIDENCE < 1.0


def test_evidence_names_what_chose_the_speaker() -> None:
    quotes = analyse_text('Tony Blair spoke on Monday. "We will win," he said.').quotes
    assert quotes[0].speaker == "Tony Blair"
    assert "said-after-quote" in quotes[0].evidence
    assert "pronoun->Tony Blair" in quotes[0].evidence


def test_training_script_runs_on_a_tiny_input(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(
        'Blair speaks\n\nTony Blair spoke on Monday. "We will win," he said.\n\n"It is over," said Michael Howard.\n',
        encoding="utf-8",
    )
    (corpus / "two.txt").write_text(
        'Howard speaks\n\n"Taxes will rise," Michael Howard said.\n\n"Not so," said a spokesman.\n',
        encoding="utf-8",
    )
    gold = tmp_path / "gold"
    gold.mkdir()
    for name, quotes in (
        ("one", [("We will win,", "Tony Blair"), ("It is over,", "Michael Howard")]),
        ("two", [("Taxes will rise,", "Michael Howard"), ("Not so,", "spokesman")]),
    ):
        (gold / f"{name}.json").write_text(
            json.dumps(
                {
                    "source": f"{name}.txt",
                    "quotes": [{"text": t, "speaker": s, "kind": "full"} for t, s in quotes],
                    "entities": {},
                }
            ),
            encoding="utf-8",
        )
    out = tmp_path / "weights.json"
    run = subprocess.run(
        [
            sys.executable,
            str(REPO / "tools" / "train_attribution.py"),
            str(gold),
            "--corpus",
            str(corpus),
            "--folds",
            "2",
            "--write",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "cross-validation over 2 articles" in run.stdout
    assert "bias" in json.loads(out.read_text(encoding="utf-8"))


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyse_text(text).quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(  # a speaker introduced before a quote outranks the previous quote's
            'Mark Oaten said: "It would be prudent to wait."\n\n'
            'Chief constable Andy Hayman acknowledged that drinking did cause problems. "We can manage it."',
            ["Mark Oaten", "Andy Hayman"],
            id="introduced-before-quote",
        ),
        pytest.param(  # a possessor is no pronoun antecedent; an inverted subject is
            "Moore's film may have suffered, says Tim Dams, the editor of a trade magazine. "
            'But he also believes the film was brave. "They tend to go for epics," he said.',
            ["Tim Dams"],
            id="possessor-and-inverted-subject",
        ),
        pytest.param(  # "he said" after a quote: the speaker of the quote before
            '"There will be a relaxation of policy," Glenn Maguire, chief economist at Societe Generale, '
            'told Agence France Presse. "The impact will be large," he said.',
            ["Glenn Maguire", "Glenn Maguire"],
            id="he-said-after-a-quote",
        ),
    ],
)
def test_whom_a_quote_continues_or_a_pronoun_names(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


def test_an_acronym_the_article_spells_out_speaks_as_the_full_body() -> None:
    text = (
        'Exports face "serious challenges", the British Chambers of Commerce (BCC) has said.\n\n'
        '"Rates must stay on hold," the BCC said.'
    )
    assert speakers(text)[-1] == "British Chambers of Commerce"


def test_a_report_speaks_for_the_body_behind_it_and_never_for_itself() -> None:
    text = 'The OECD published its outlook on Monday. The report warned: "Growth will slow."'
    assert speakers(text) == ["OECD"]
    quote = analyse_text(text).quotes[0]
    assert "document->OECD" in quote.evidence


def test_participle_passive_and_with_clauses_name_their_subject() -> None:
    assert speakers('Labour hit back, with coordinator Alan Milburn accusing him of a "fraudulent prospectus".') == [
        "Alan Milburn"
    ]
    assert speakers('Ozzy Osbourne lost a sapphire described by Sharon Osbourne as "absolutely pure".') == [
        "Sharon Osbourne"
    ]


def test_nouns_and_passives_are_not_reporting_verbs() -> None:
    text = 'The catastrophe was overshadowing the hopes of the year, Michael Howard said.\n\n"We watched the scenes."'
    assert speakers(text) == ["Michael Howard"]


def test_two_people_or_two_bodies_joined_by_and_speak_together() -> None:
    assert speakers('John Smith met Mary Jones. Mr Smith and Ms Jones said: "We will act."') == [
        "John Smith and Mary Jones"
    ]
    assert speakers('EADS and BAE Systems said: "We welcome it."') == ["EADS and BAE Systems"]
    assert speakers('Talks between John Smith and Mary Jones ended. "We will act," Mr Smith said.') == ["John Smith"]


def test_an_anaphor_after_a_clause_naming_an_object_is_not_that_object() -> None:
    text = (
        "World number one Lindsay Davenport has criticised Wimbledon. Reacting to a disputed comment by Club "
        'chairman Tim Phillips, the American said: "I think it is highly insulting."'
    )
    assert speakers(text) == ["Lindsay Davenport"]


def test_an_inferred_speaker_whom_the_quote_names_is_flagged_low() -> None:
    analysis = analyse_text(
        'Tony Blair met the families on Monday. Mr Blair said: "I am very sorry for what happened to you all." '
        '"The families know Mr Blair has healed rifts. It is a day I never thought would come."'
    )
    carried = analysis.quotes[-1]
    assert "speaker-named-in-quote" in carried.evidence
    assert carried.confidence < LOW_CONFIDENCE


def test_a_speaker_taken_from_nearby_where_the_quote_names_its_own_is_flagged_low() -> None:
    analysis = analyse_text(
        "The Jerry Springer Show came sixth on the list. Jerry Springer did not fare well. "
        'Broadcast magazine said: "British TV never realised how low it could go." '
        '"Nothing else came close."'
    )
    for quote in analysis.quotes:
        assert "own-attribution-unread" in quote.evidence
        assert quote.confidence < LOW_CONFIDENCE


def test_a_she_is_never_a_person_the_article_calls_he() -> None:
    # Neither "K Osei" nor "Pat" has a gender a lexicon knows: the article's
    # own "He says" marks Osei a man, so "she said" is not his.
    found = analyse_text(
        'K Osei, writing on his blog, said: "I played every night of the week." '
        "He says the habit cost him two jobs. Pat, who runs a support group, hears such stories every day. "
        '"Most of the people who write to me are the partners of players," she said.'
    ).quotes
    assert [q.speaker for q in found] == ["K Osei", None]
