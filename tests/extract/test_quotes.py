"""Quotes: where they are, which are speech, and who said them (issue 3's cases)."""

from __future__ import annotations

from byline.extract import analyse_text

from .helpers import quotes, run


def test_straight_marks_with_trailing_attribution() -> None:
    assert quotes('"We have made a firm commitment," said Patricia Hewitt.') == [
        ("We have made a firm commitment,", "Patricia Hewitt")
    ]


def test_curly_marks() -> None:
    assert quotes("\u201cThe operation does not depend on anything,\u201d Benjamin Netanyahu said.") == [
        ("The operation does not depend on anything,", "Benjamin Netanyahu")
    ]


def test_single_quotes_inside_double_stay_in_the_text() -> None:
    found = quotes("\"He told me 'never again' and left,\" said Anna Smith.")
    assert found == [("He told me 'never again' and left,", "Anna Smith")]


def test_quote_over_a_paragraph_break_makes_one_item_per_segment_with_one_speaker() -> None:
    found = quotes(
        'Tony Blair spoke to reporters. "We will not be moved on this point.',
        '"We will carry on until the job is done," he said.',
    )
    assert found == [
        ("We will not be moved on this point.", "Tony Blair"),
        ("We will carry on until the job is done,", "Tony Blair"),
    ]


def test_missing_closing_mark_is_cut_before_the_next_opening_mark() -> None:
    text = 'Patricia Hewitt said: "Women will get 26 weeks. "We are going further," she added.'
    analysis = analyse_text(text)
    assert [q.text for q in analysis.quotes] == ["Women will get 26 weeks.", "We are going further,"]
    assert {q.speaker for q in analysis.quotes} == {"Patricia Hewitt"}


def test_quote_interrupted_by_attribution_makes_two_items() -> None:
    found = quotes('"It is a dilemma," said Ian Blair. "But there is only one choice."')
    assert found == [("It is a dilemma,", "Ian Blair"), ("But there is only one choice.", "Ian Blair")]


def test_partial_quote_woven_into_a_sentence() -> None:
    analysis = run('Michael Howard dismissed the plan as "desperate" on Monday.')
    assert [(q.text, q.speaker, q.kind) for q in analysis.quotes] == [("desperate", "Michael Howard", "partial")]


def test_colon_before_the_quote() -> None:
    assert quotes('Mark Oaten told the BBC: "It is a matter of principle."') == [
        ("It is a matter of principle.", "Mark Oaten")
    ]


def test_reporting_verbs() -> None:
    for verb in ("said", "told reporters", "added", "warned", "insisted", "argued", "claimed"):
        found = quotes(f'"This cannot go on," Gordon Brown {verb}.')
        assert found == [("This cannot go on,", "Gordon Brown")], verb


def test_according_to() -> None:
    found = quotes('"Sales fell sharply," according to Rachel Green, an analyst.')
    assert found == [("Sales fell sharply,", "Rachel Green")]


def test_inverted_attribution_with_title_resolves_to_the_full_name() -> None:
    found = quotes("Tony Blair spoke in London.", '"We are ready," said Mr Blair.')
    assert found == [("We are ready,", "Tony Blair")]


def test_described_speaker_loses_its_article() -> None:
    assert quotes('"The main target is Qatar," an Israeli official said.') == [
        ("The main target is Qatar,", "Israeli official")
    ]
    assert quotes('"Sales are up," a spokesman for the firm said.') == [("Sales are up,", "spokesman for the firm")]


def test_pronoun_goes_to_the_earlier_person_of_the_right_gender() -> None:
    found = quotes(
        "Patricia Hewitt met Mr Brown on Monday.",
        '"We have made a firm commitment," she said.',
    )
    assert found == [("We have made a firm commitment,", "Patricia Hewitt")]


def test_pronoun_skips_a_name_in_its_own_sentence() -> None:
    found = quotes(
        "Bernie Ebbers took the stand.",
        'Mr Sullivan "made accounting decisions," he told the court.',
    )
    assert found == [("made accounting decisions,", "Bernie Ebbers")]


def test_title_and_surname_resolve_to_the_full_name() -> None:
    found = quotes("Labour's Patricia Hewitt announced the plan.", '"It is fair," Ms Hewitt said.')
    assert found == [("It is fair,", "Patricia Hewitt")]


def test_role_resolves_to_the_named_person() -> None:
    found = quotes(
        "Prime Minister Benjamin Netanyahu met the envoy.",
        '"There will be no deal," the prime minister said.',
    )
    assert found == [("There will be no deal,", "Benjamin Netanyahu")]


def test_organisation_as_speaker() -> None:
    found = quotes('The State Department said an assault would be a "disaster."')
    assert found == [("disaster.", "State Department")]


def test_titles_of_works_are_not_quotes() -> None:
    assert quotes('She starred in the film "Vera Drake" last year.') == []
    assert quotes('The band played "Sweet Home Alabama" twice.') == []


def test_nicknames_are_not_quotes() -> None:
    assert quotes('Kostas "the Greek" Kenteris missed the test.') == []
    assert quotes('The striker, nicknamed "the bullet", scored twice.') == []


def test_scare_quotes_are_not_quotes() -> None:
    assert quotes('The plan for "control centres" was dropped in the spring.') == []


def test_unattributed_quote_has_no_speaker() -> None:
    assert quotes('"Nobody knows." The sign hung over the gate.') == [("Nobody knows.", None)]


def test_offsets_point_at_the_words() -> None:
    article_text = 'Intro.\n\n"One thing," said Jo Bloggs. "Two things."'
    analysis = analyse_text(article_text)
    body = "Intro.\n\n" + '"One thing," said Jo Bloggs. "Two things."'
    assert [body[q.start : q.end] for q in analysis.quotes] == ["One thing,", "Two things."]
    assert [q.start for q in analysis.quotes] == sorted(q.start for q in analysis.quotes)


def test_qualified_role_resolves_to_the_named_person() -> None:
    found = quotes(
        "Culture Secretary Tessa Jowell defended the plan.",
        'The culture secretary said it would "protect children".',
    )
    assert found == [("protect children", "Tessa Jowell")]


def test_description_of_the_person_in_the_news_resolves_to_them() -> None:
    found = quotes(
        "Jurgen Melzer beat him again. And Andre Agassi said the draw was hard.",
        '"A lot more guys are capable of it now," said the American.',
    )
    assert found == [("A lot more guys are capable of it now,", "Andre Agassi")]


def test_pronoun_prefers_the_sentence_subject_to_a_later_name() -> None:
    found = quotes(
        "Dan Jolin also tipped Phil Davis for a prize.",
        '"It will be at the Baftas," he said.',
    )
    assert found == [("It will be at the Baftas,", "Dan Jolin")]


def test_partial_quote_echoing_a_full_quote_takes_its_speaker() -> None:
    found = quotes(
        '"We will cut these unfair taxes on pensioners," said Michael Howard.',
        'The rest would go on some of the "unfair taxes on pensioners".',
    )
    assert found[1] == ("unfair taxes on pensioners", "Michael Howard")


def test_appositive_between_quote_and_verb() -> None:
    found = quotes('"Broadband is the key trend," Eric Abensur, the firm\'s chief executive, told the BBC.')
    assert found == [("Broadband is the key trend,", "Eric Abensur")]


def test_question_mark_inside_the_quote_then_attribution() -> None:
    found = quotes('Peter Bradshaw spoke. "If they cannot, what hope is there?" he said.')
    assert found == [("If they cannot, what hope is there?", "Peter Bradshaw")]


def test_described_subject_before_a_colon() -> None:
    found = quotes('Kelly Holmes is out. The double Olympic champion said: "I am very disappointed."')
    assert found == [("I am very disappointed.", "Kelly Holmes")]


def test_quote_nobody_introduces_goes_to_the_person_just_named() -> None:
    found = quotes(
        "The hype is over, argues Nick Donofrio of IBM.",
        '"In the dotcom era, something new came every five minutes."',
    )
    assert found == [("In the dotcom era, something new came every five minutes.", "Nick Donofrio")]


def test_it_stands_for_the_body_named_before() -> None:
    found = quotes('The University of California sued. It joined the lawsuit alleging "massive insider trading".')
    assert found == [("massive insider trading", "University of California")]


def test_attribution_at_the_end_of_a_long_sentence() -> None:
    found = quotes(
        'Ed Balls spoke. The decision was a "sensible thing to do", since he was in China at the time, '
        "Mr Balls told the BBC."
    )
    assert found == [("sensible thing to do", "Ed Balls")]


def test_the_committee_is_the_committee_named_before() -> None:
    found = quotes(
        "The Public Accounts Committee met the BBC.",
        'The agency was "a failing organisation", the committee said.',
    )
    assert found == [("a failing organisation", "Public Accounts Committee")]


def test_organisation_name_before_the_verb_beats_an_earlier_body() -> None:
    found = quotes('Hamas refused. The State Department said an assault would be a "disaster."')
    assert found == [("disaster.", "State Department")]


def test_coordinated_verb_takes_the_clause_subject() -> None:
    found = quotes(
        "Emma Watson arrived. The 14-year-old said she hoped to meet Keanu Reeves"
        ' but joked that "he is probably a little too old for me".'
    )
    assert found == [("he is probably a little too old for me", "Emma Watson")]


def test_quote_after_a_sentence_that_reports_speech_goes_on_with_its_speaker() -> None:
    found = quotes('The Cabinet Office said it was reviewing the scheme. "Unions will of course be consulted."')
    assert found == [("Unions will of course be consulted.", "Cabinet Office")]


def test_name_with_a_particle() -> None:
    found = quotes('"The benefits are clear," said Riccardo de Rinaldini, the marketing manager, de facto.')
    assert found == [("The benefits are clear,", "Riccardo de Rinaldini")]


def test_abbreviations_do_not_end_sentences() -> None:
    found = quotes('Mr. Smith met Dr. Jones. "We agreed," said Dr. Jones.')
    assert found == [("We agreed,", "Jones")]


def test_a_title_word_can_be_the_name() -> None:
    found = quotes("Courtney Love hit Kristin King.", 'Ms King said the singer "threw the bottle at my face".')
    assert found == [("threw the bottle at my face", "Kristin King")]


def test_plain_attribution_after_a_partial_quote_wins() -> None:
    found = quotes(
        "Oliver Letwin is shadow chancellor. Jonathan Baume spoke.",
        'What the chancellor wanted was "not what the prime minister wants", Mr Baume said.',
    )
    assert found == [("not what the prime minister wants", "Jonathan Baume")]


def test_the_government_is_not_whichever_body_came_last() -> None:
    found = quotes('CSOs were hired. But the government said the move would help police "build safe communities".')
    assert found == [("build safe communities", "government")]


def test_a_definite_role_names_the_person_in_the_news() -> None:
    found = quotes(
        "Michael Howard denied a split.",
        'The Tory leader said his team had reached a "collective view".',
    )
    assert found == [("collective view", "Michael Howard")]


def test_an_indefinite_or_unnamed_role_stays_a_description() -> None:
    found = quotes("Michael Howard denied a split.", '"We were told nothing," the spokesman said.')
    assert found == [("We were told nothing,", "spokesman")]


def test_description_after_a_comma_and_a_possessive() -> None:
    found = quotes('Ministers believe this will be the "less painful" option, our correspondent added.')
    assert found == [("less painful", "correspondent")]


def test_spokesperson_for_a_named_body_is_a_description() -> None:
    found = quotes('"We do not discuss pending litigation," a spokesperson for Apple told CNN.')
    assert found == [("We do not discuss pending litigation,", "spokesperson for Apple")]


def test_a_venue_or_a_town_never_speaks() -> None:
    assert quotes('Jim Boyd watched. At Hampden Park on Saturday, the crowd said: "It was a special night."') == [
        ("It was a special night.", "crowd")
    ]
    assert quotes('The final was at Hampden Park. Hampden Park said: "Tickets are sold out."') == [
        ("Tickets are sold out.", None)
    ]


def test_a_capital_speaks_for_its_government() -> None:
    assert quotes('Washington called the detainees "unlawful fighters".') == [("unlawful fighters", "Washington")]


def test_a_clause_before_the_subject_is_not_part_of_the_speaker() -> None:
    assert quotes('The Federal Reserve held rates. In a short statement, the Fed said: "Growth remains firm."') == [
        ("Growth remains firm.", "Federal Reserve")
    ]


def test_a_pronoun_after_a_quote_goes_to_its_speaker() -> None:
    assert quotes(
        'Speaking after meeting Tom Hall, the Leeds chairman, Jim Moss said: "We agreed nothing." '
        'He added: "Talks go on."'
    ) == [("We agreed nothing.", "Jim Moss"), ("Talks go on.", "Jim Moss")]


def test_a_pronoun_after_a_quote_skips_a_person_named_in_between() -> None:
    assert quotes('"We lost," said Jim Moss. Club owner Tom Hall was furious. "It is not good enough," he said.') == [
        ("We lost,", "Jim Moss"),
        ("It is not good enough,", "Tom Hall"),
    ]


def test_a_name_after_a_pronoun_subject_is_an_object() -> None:
    assert quotes('Jim Moss was in form. He beat Tom Hall in the final at Wembley.\n\n"I played well," he said.') == [
        ("I played well,", "Jim Moss")
    ]


def test_the_speaker_introduced_at_the_end_of_the_paragraph_before() -> None:
    assert quotes(
        '"We lost," said Jim Moss. Rival coach Peter Lane, who met Moss later, spoke of the game. '
        'Lane said: "They deserved it."'
    ) == [("We lost,", "Jim Moss"), ("They deserved it.", "Peter Lane")]


def test_an_opening_clause_with_a_role_word_is_not_the_speaker() -> None:
    assert quotes('In a statement on Monday, a spokesman for the firm said: "We regret the loss."') == [
        ("We regret the loss.", "spokesman for the firm")
    ]
    assert quotes('The Bank of England held rates. In its quarterly report, the bank said: "Growth is slowing."') == [
        ("Growth is slowing.", "Bank of England")
    ]


def test_a_bodys_statement_speaks_for_the_body() -> None:
    assert quotes('Chelsea denied the claim. "We did nothing wrong," Chelsea\'s statement said.') == [
        ("We did nothing wrong,", "Chelsea")
    ]


def test_the_place_man_is_the_person_in_the_news_not_the_place() -> None:
    found = quotes('Jamie Costin recalls the crash. "I was in a lot of pain," says the Waterford man.')
    assert found == [("I was in a lot of pain,", "Jamie Costin")]


def test_a_spokesman_is_someone_new_not_the_spokesman_named_later() -> None:
    found = quotes(
        '"The bill will take a decade," a spokesman said.',
        'Lib Dem home affairs spokesman Mark Oaten said: "This is wrong."',
    )
    assert found[0] == ("The bill will take a decade,", "spokesman")


def test_a_participle_takes_the_subject_of_the_last_clause() -> None:
    found = quotes('Cyprus is an EU member, but Turkey had insisted it would not bow, calling the issue a "red line".')
    assert found == [("red line", "Turkey")]
