"""Who said it: pronouns, set-off names and descriptions around a quote."""

from __future__ import annotations

from tests.extract.helpers import quotes


def test_a_title_before_a_name_does_not_hide_its_gender() -> None:
    # "Secretary" says nothing of gender; the first name does.
    found = quotes(
        "Work and Pensions Secretary Alan Johnson spoke on Monday. "
        'A spokeswoman for the agency said it was "working hard". '
        '"We are doing our best," she said.'
    )
    assert found[-1] == ("We are doing our best,", "spokeswoman for the agency")


def test_a_name_set_off_by_a_description_is_the_speaker() -> None:
    found = quotes('Michelle, a mother of twins, said she had faced an "on-going battle" with the agency.')
    assert found == [("on-going battle", "Michelle")]


def test_a_name_before_the_speakers_own_in_a_partial_quotes_sentence_is_no_rival() -> None:
    found = quotes(
        "Ray Charles was a giant of soul. "
        "Among the tributes paid when Ray Charles died was one from the producer Quincy Jones, who described him as "
        'a "brother". '
        '"There will never be another," he said.'
    )
    assert found[-1] == ("There will never be another,", "Quincy Jones")


def test_a_name_and_a_role_in_front_of_a_person_only_describe_him() -> None:
    found = quotes(
        '"It was great," said Quincy Jones. Former Manfred Mann singer Paul Jones, who sang with him, said Ray Charles '
        'was a hero. "He influenced me," he said.'
    )
    assert found[-1] == ("He influenced me,", "Paul Jones")


def test_an_inverted_verb_without_a_comma_still_names_the_subject() -> None:
    found = quotes(
        "Martin Owen runs the lab. Dr Carl Gavin thinks games help. Games teach skills said Mr Owen. "
        '"Even violent games engage people," he said.'
    )
    assert found == [("Even violent games engage people,", "Martin Owen")]


def test_a_partial_quote_led_by_a_pronoun_goes_on_with_the_speaker_before() -> None:
    found = quotes(
        "Deloitte stressed that the slowdown was unlikely to hurt retail prices. "
        'It expects a series of "aggressive" interest rate cuts over the next two years.'
    )
    assert found == [("aggressive", "Deloitte")]


def test_a_quoted_term_in_the_next_sentence_without_a_pronoun_is_not_carried_over() -> None:
    assert quotes('The report predicts that sales will grow. Phones are now a "must-have" buy.') == []
    # "They" is never the one person who spoke before.
    assert (
        quotes('Stephen Pound said the rows must stop. They backed a plan to have briefers "named and shamed".') == []
    )


def test_the_agent_of_a_passive_after_the_quote_is_the_speaker() -> None:
    found = quotes(
        'Reports of a snap election have been described as "idle speculation" by Downing Street. '
        'Her remarks were described as "irresponsible" and "outrageous" by the Islamic Human Rights Commission.'
    )
    assert found == [
        ("idle speculation", "Downing Street"),
        ("irresponsible", "Islamic Human Rights Commission"),
        ("outrageous", "Islamic Human Rights Commission"),
    ]


def test_a_clause_ended_by_a_colon_introduces_its_subjects_words() -> None:
    found = quotes(
        "Everton held on for a draw.",
        '- Brentford boss Martin Allen: "I have to admit I am not very confident."',
        'For Henry Reichhold, this is progress: "I can see that happening a lot more."',
    )
    assert found == [
        ("I have to admit I am not very confident.", "Martin Allen"),
        ("I can see that happening a lot more.", "Henry Reichhold"),
    ]


def test_a_peer_is_named_by_the_fullest_name_the_article_gives() -> None:
    found = quotes(
        "Peter Goldsmith, the attorney general, gave his advice in 2003.",
        'Lord Goldsmith said his statement had not been "written by Number 10".',
    )
    assert found == [("written by Number 10", "Peter Goldsmith")]


def test_the_spokesman_is_the_spokesman_for_the_body_introduced_before() -> None:
    found = quotes(
        'A spokesman for the Home Office said it was "wholly wrong". '
        '"We are developing a programme," said the spokesman.'
    )
    assert found == [
        ("wholly wrong", "spokesman for the Home Office"),
        ("We are developing a programme,", "spokesman for the Home Office"),
    ]


def test_a_new_subject_before_a_quote_takes_the_word_from_the_last_speaker() -> None:
    found = quotes(
        '"What a great way to finish the year," said Rafael Nadal. US coach Patrick McEnroe wants his team to play '
        'more on clay. "It will help these guys to play smarter."'
    )
    assert found[-1] == ("It will help these guys to play smarter.", "Patrick McEnroe")


def test_a_new_subject_the_quote_speaks_of_is_not_its_speaker() -> None:
    found = quotes(
        '"We were strong," said Clive Woodward. Scotland forward Simon Taylor looks certain to get the call. '
        '"Simon Taylor is an outstanding player."'
    )
    assert found[-1] == ("Simon Taylor is an outstanding player.", "Clive Woodward")


def test_a_surname_speaker_takes_the_given_name_the_article_gives() -> None:
    found = quotes(
        "According to its Paris lawyer, Emmanuel Gaillard of Shearman and Sterling, the claim is sound.",
        '"The ruling is binding," Mr Gaillard said.',
    )
    assert found == [("The ruling is binding,", "Emmanuel Gaillard")]


def test_a_name_before_a_role_and_a_person_is_no_subject() -> None:
    found = quotes(
        "Prospective Tory candidate Andrew Mennear, whose seat holds a large Jewish community, "
        'branded it "tasteless" and offensive.'
    )
    assert found == [("tasteless", "Andrew Mennear")]


def test_reported_constructions_name_who_spoke() -> None:
    assert quotes('"It was hard," singer Gary Lightbody and drummer Jonny Quinn said.') == [
        ("It was hard,", "Gary Lightbody and Jonny Quinn")
    ]
    assert quotes('"We are proud," Arab News quoted Prince Saud as saying.') == [("We are proud,", "Prince Saud")]
    assert quotes(
        'Talks go on. A spokesman for Unison, Britain\'s biggest union, said after the meeting: "We are talking."'
    ) == [("We are talking.", "spokesman for Unison")]
    assert quotes('A critic once said of her dancing: "She gave the illusion of flight."') == [
        ("She gave the illusion of flight.", "critic")
    ]


def test_he_after_a_described_speakers_quote_is_that_speaker() -> None:
    found = quotes(
        'Gemma Jackson lost to The Aviator. A spokesman for the UK Film Council said: "It is disappointing." '
        'He added: "It was extraordinary to have 24 nominees."'
    )
    assert found[-1] == ("It was extraordinary to have 24 nominees.", "spokesman for the UK Film Council")


def test_a_shadow_or_deputy_office_is_not_the_office() -> None:
    found = quotes(
        "Shadow foreign secretary Michael Ancram spoke first. Then Jack Straw spoke. "
        'The Foreign Secretary told the BBC: "I was making an observation."'
    )
    assert found == [("I was making an observation.", "Jack Straw")]


def test_capitalised_words_after_an_inverted_verb_name_the_speaker() -> None:
    found = quotes(
        "The event could upset her plans. "
        '"There is no question she would be an asset," said Zara Hyde Peters of UK Athletics. '
        '"This technology can do more," said Professor Nadia Magnenat-Thalman of the research group MiraLab.'
    )
    assert found == [
        ("There is no question she would be an asset,", "Zara Hyde Peters"),
        ("This technology can do more,", "Nadia Magnenat-Thalman"),
    ]


def test_the_companies_are_the_two_bodies_named_together() -> None:
    found = quotes(
        "EADS and BAE Systems, the firms which own Airbus, welcomed the announcement. "
        '"Talks are preferable," the companies said in a joint statement.'
    )
    assert found == [("Talks are preferable,", "EADS and BAE Systems")]


def test_he_with_no_named_man_before_is_the_spokesman_just_introduced() -> None:
    found = quotes(
        "A Labour Party spokesman told the BBC the party avoided those lists. "
        'But that did not happen for other calls. "That is not marketing," he said.'
    )
    assert found == [("That is not marketing,", "Labour Party spokesman")]


def test_a_title_and_a_name_unknown_to_the_entity_finder_and_a_listed_speaker() -> None:
    found = quotes('He awaits trial. "I am not pleased," Jefferson Parish Sheriff Harry Lee said.')
    assert found == [("I am not pleased,", "Harry Lee")]
    found = quotes("Dyer scored late on.", '- Newcastle boss Graeme Souness "We deserved the win. We had a good half."')
    assert [speaker for _, speaker in found] == ["Graeme Souness"]


def test_attributions_inside_and_at_the_end_of_a_sentence() -> None:
    found = quotes(
        'The deal was a "natural development" of its venture, said Tony Froggatt, the firm\'s chief executive. '
        'Oliver Letwin spoke later. The Peter Hain "mongrel" attack, he says, is just the latest example.'
    )
    assert found == [("natural development", "Tony Froggatt"), ("mongrel", "Oliver Letwin")]
    found = quotes('Nicholas Scott was sacked. After that, he bitterly said they were "determined to get rid of me".')
    assert found == [("determined to get rid of me", "Nicholas Scott")]


def test_a_verb_after_but_with_no_subject_of_its_own_goes_on_with_the_sentences() -> None:
    found = quotes(
        "Alan Milburn defended the posters. "
        'Mr Milburn said he appreciated the concerns, but insisted that "what they were was anti-Tory".'
    )
    assert found == [("what they were was anti-Tory", "Alan Milburn")]


def test_a_clause_opened_by_a_description_is_not_described_by_its_object() -> None:
    found = quotes(
        "The tribunal upheld Ms Villalba's claim of victimisation on certain specific issues, including bullying "
        'e-mails in connection with a contract, but said it found no evidence of "laddish culture" at the bank.'
    )
    assert [speaker for _, speaker in found] != ["contract"]


def test_an_infinitive_verb_leaves_the_quote_to_the_finite_verbs_subject() -> None:
    found = quotes(
        "A spokesman for the Home Office said it was wholly wrong to suggest that the plan was to return children "
        '"and leave them to rot".'
    )
    assert found == [("and leave them to rot", "spokesman for the Home Office")]


def test_she_after_a_spokeswoman_introduced_since_the_last_named_woman_is_the_spokeswoman() -> None:
    found = quotes(
        "Susan Wojcicki of Google said it was fine. Harvard is limiting its participation, while Oxford wants Google "
        "to scan books. A spokeswoman for Oxford University said the books would include novels. "
        '"Important works will be made available to everyone," she said.'
    )
    assert found == [("Important works will be made available to everyone,", "spokeswoman for Oxford University")]


def test_a_body_written_in_lower_case_speaks_under_the_name_the_text_gives_it() -> None:
    found = quotes(
        "A report by the Commons work and pensions committee called for the agency to be wound up. "
        "The committee reached its conclusions after it found long delays at the CSA. "
        'It warned that the agency was "in crisis". '
        'The report urged the CSA to draw up plans, including the "abandonment option", by Easter.'
    )
    assert found == [
        ("in crisis", "Commons work and pensions committee"),
        ("abandonment option", "Commons work and pensions committee"),
    ]


def test_the_mps_of_a_named_committee_speak_for_it() -> None:
    found = quotes(
        "The Constitutional Affairs Select Committee published its report on Monday. It looked at contact. "
        '"An arbitrary template would relegate the welfare of children," the MPs said.'
    )
    assert found == [
        ("An arbitrary template would relegate the welfare of children,", "Constitutional Affairs Select Committee")
    ]


def test_a_body_that_found_something_is_the_speaker_of_its_finding() -> None:
    found = quotes(
        "The joint committee on human rights looked at deaths in custody. "
        'The committee also highlighted "deeply worrying" cases of children taking their own lives.'
    )
    assert found == [("deeply worrying", "joint committee on human rights")]


def test_a_passive_reporting_verb_gives_the_quote_to_its_agent_or_to_nobody() -> None:
    found = quotes(
        "Labour published posters of Michael Howard. "
        'The posters were labelled a "big misjudgement" by the Conservatives.'
    )
    assert found == [("big misjudgement", "Conservatives")]
    found = quotes('Al Aynsley-Green was appointed on Monday. He is described as "a proud grandfather" of four.')
    assert found == [("a proud grandfather", None)]


def test_a_report_with_no_named_author_is_the_one_committee_the_article_reports_on() -> None:
    found = quotes(
        "The Public Accounts Committee called for the National Audit Office to be given a free hand. "
        "A BBC spokeswoman said it shared the aim. "
        'The report said the Freeview service had had an "impressive" take up.'
    )
    assert found == [("impressive", "Public Accounts Committee")]


def test_a_definite_role_is_the_one_person_the_sentence_before_names_unless_as_an_object() -> None:
    found = quotes(
        "Andy Hayman said he did not agree with the critics. "
        "Among those who have criticised the plans is the UK's top policeman Sir John Stevens. "
        'The Metropolitan police chief said the plans should be re-examined because of a binge drinking "epidemic".'
    )
    assert found == [("epidemic", "John Stevens")]
    found = quotes(
        "Tony Wilson said he would rather not appear. His role was played by Steve Coogan. "
        '"I did a lousy job playing my part," said the Factory Records founder.'
    )
    assert found == [("I did a lousy job playing my part,", "Tony Wilson")]


def test_a_body_that_dubbed_something_with_an_object_between_is_its_speaker() -> None:
    found = quotes('The Law Society dubbed Mr Clarke\'s new proposals an "abuse of power".')
    assert found == [("abuse of power", "Law Society")]


def test_a_sentence_opened_by_and_that_names_nobody_goes_on_with_the_quoted_speaker() -> None:
    found = quotes(
        'Jack Straw said many objections were based on a "lack of information". '
        'And "intense discussions" were taking place with US officials.'
    )
    assert found == [("lack of information", "Jack Straw"), ("intense discussions", "Jack Straw")]
    # A quoted term in a plain next sentence stays a scare quote.
    assert quotes('Jack Straw said it was a "lack of information". Phones are now a "must-have" buy.') == [
        ("lack of information", "Jack Straw")
    ]


def test_the_committee_is_the_one_named_in_lower_case_however_far_back() -> None:
    filler = "The agency has been in trouble for years and staff morale is low. " * 40
    found = quotes(
        "A report by the Commons work and pensions committee criticised the agency. "
        + filler
        + "The committee said the National Audit Office should look at why the EDS system had gone wrong. "
        'It blamed the managers for a "multitude of problems".'
    )
    assert found == [("multitude of problems", "Commons work and pensions committee")]


def test_a_described_committee_is_the_one_committee_the_text_names() -> None:
    found = quotes(
        'Deaths in custody have reached "shocking" levels, a committee of MPs and peers has warned. '
        "The joint committee on human rights found those who died were the most vulnerable."
    )
    assert found == [("shocking", "joint committee on human rights")]


def test_the_government_is_the_one_government_the_text_names_by_its_country() -> None:
    found = quotes(
        "The UK government is planning to return children to Albania. "
        'In its plan, the government said it was addressing "the difficult issue" of returns.'
    )
    assert found == [("the difficult issue", "UK government")]
    found = quotes(
        "The UK government and the Albanian government signed a deal. "
        'In its plan, the government said it was addressing "the difficult issue" of returns.'
    )
    assert found == [("the difficult issue", "government")]


def test_a_role_is_not_given_to_a_person_named_in_another_office() -> None:
    found = quotes(
        "There was an attempt to end his rift with Chancellor Gordon Brown. "
        '"We will win this election," the prime minister said.'
    )
    assert found == [("We will win this election,", "prime minister")]


def test_he_after_a_role_subject_is_not_a_person_named_in_another_office() -> None:
    found = quotes(
        "There was an attempt to end his rift with Chancellor Gordon Brown. "
        "Later the prime minister talked about the future. "
        'In a key section, he declared: "We will win this election."'
    )
    assert found == [("We will win this election.", "prime minister")]


def test_he_is_not_the_person_his_own_sentence_names_after_him() -> None:
    found = quotes(
        'Mr Blair said: "I am very sorry." '
        "However, one of the so-called Guildford Four, Gerry Conlon - who was wrongly convicted - said the "
        "families were delighted. "
        'He said Mr Blair had spoken with "such sincerity".'
    )
    assert found[-1] == ("such sincerity", "Gerry Conlon")


def test_a_quote_that_is_someones_assessment_is_his() -> None:
    found = quotes(
        'Tony Blair told supporters he was "back". '
        '"The electorate are keener on the government than some members," is the dry assessment of Graham Lane, '
        "leader of the Labour group."
    )
    assert found[-1] == ("The electorate are keener on the government than some members,", "Graham Lane")


def test_a_prefixed_former_office_is_not_the_office() -> None:
    from byline.extract.article_parts import role_before
    from byline.extract.lexicons import lexicons

    lex = lexicons()
    body = "Earlier, ex-Conservative chancellor Ken Clarke had warned of the risks."
    assert "chancellor" not in role_before(body, body.find("Ken"), lex.roles, lex.role_heads)


def test_he_after_a_named_office_holder_opening_the_sentence_is_that_holder() -> None:
    found = quotes(
        "Tony Blair has warned of a rift with Chancellor Gordon Brown. Mr Blair spoke in London. "
        'The chancellor insisted on more cash. He said: "We will win this election."'
    )
    assert found == [("We will win this election.", "Gordon Brown")]
