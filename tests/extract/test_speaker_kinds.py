"""Who may speak: places only as the subject of their clause, people and
bodies as the words around a quote name them."""

from __future__ import annotations

from tests.extract.helpers import quotes


def test_a_country_that_describes_a_firm_does_not_speak_for_it() -> None:
    found = quotes('Canadian giant Northwind Mining has reported record profits and declared itself "in fine health".')
    assert found == [("in fine health", "Northwind Mining")]
    found = quotes('US carmaker Ford Motor has posted higher sales and called the year "a turning point".')
    assert found[0][1] != "US"


def test_a_country_as_the_setting_of_a_clause_does_not_speak() -> None:
    found = quotes(
        'Mr Harding said that while sales slowed across the UK, the market was still "remarkably resilient".'
    )
    assert found == [("remarkably resilient", "Harding")]


def test_a_country_in_front_of_a_noun_is_no_subject() -> None:
    found = quotes('With half of UK households online, the firm could act as a "broker" for local shops.')
    assert all(speaker != "UK" for _, speaker in found)


def test_a_country_that_is_the_subject_still_speaks() -> None:
    assert quotes('France said the talks were "a step forward".') == [("a step forward", "France")]
    found = quotes('The offer was welcomed by Japan, which described it as a "fair compromise".')
    assert found == [("fair compromise", "Japan")]


def test_the_subject_after_an_according_to_source_speaks() -> None:
    found = quotes(
        "The chancellor, Gordon Brown, was silent. "
        'According to Ms Dunwoody the chancellor told colleagues: "I will not stand aside."'
    )
    assert found == [("I will not stand aside.", "Gordon Brown")]


def test_an_according_to_source_set_off_by_a_comma_still_gives_the_subject() -> None:
    found = quotes('According to the Financial Times, finance chief Maria Lopez said that sales were "holding up".')
    assert found == [("holding up", "Maria Lopez")]


def test_a_name_before_a_role_only_says_whose_the_role_is() -> None:
    found = quotes('Helen Carter spoke in Leeds. A Carter spokesman said: "We will fight on."')
    assert found == [("We will fight on.", "Carter spokesman")]
    assert quotes('"We are ready," said a Moreno aide.')[0][1] != "Moreno"


def test_a_title_after_a_name_is_part_of_the_name() -> None:
    found = quotes('In the Commons, Labour backbencher Peter Lund MP demanded a statement on the "leaked" plans.')
    assert found == [("leaked", "Peter Lund")]


def test_he_after_a_sentence_led_by_a_named_role_is_its_holder() -> None:
    found = quotes(
        "Green leader Anna Price attacked the mayor, Tom Hale, on Monday. "
        '"She can say what she likes," Mr Hale said. '
        "The Green leader countered that the budget had been cut twice. "
        'She declared: "She is the mayor of broken promises."'
    )
    assert found[-1] == ("She is the mayor of broken promises.", "Anna Price")


def test_a_role_word_alone_does_not_name_the_subject() -> None:
    found = quotes(
        'Lena Hart will direct the festival. "I want poetry in it," she said. '
        "Last year it had singer Jane Rowe. "
        "The 58-year-old US singer said this festival would be her answer to these times. "
        '"We should salute the best art there is," she said.'
    )
    assert found[-1] == ("We should salute the best art there is,", "Lena Hart")


def test_a_word_of_a_title_set_off_before_its_holder_does_not_speak() -> None:
    found = quotes(
        "The Chief Constable, Sir Ian Marsh, who leads the force, said it was Sarah Cole's "
        '"tireless work" that made the change. "She was a fine officer," he said.'
    )
    assert [speaker for _, speaker in found] == ["Ian Marsh", "Ian Marsh"]


def test_a_possessor_in_the_speakers_sentence_does_not_take_his_pronoun() -> None:
    found = quotes(
        'Mr Dean said it was Tom Hardy\'s "quiet courage" that won the day. "He was a remarkable man," he said.'
    )
    assert found[-1] == ("He was a remarkable man,", "Dean")


def test_a_thing_or_an_event_does_not_speak_as_a_description() -> None:
    found = quotes('Ms Clarke announced the cuts on Monday, in a move greeted as "long overdue".')
    assert all(speaker != "move" for _, speaker in found)
    found = quotes(
        'Only last year she insisted that a return was unlikely, but Anna Berg admitted: "I said that too soon."'
    )
    assert found == [("I said that too soon.", "Anna Berg")]


def test_people_bodies_agents_and_outlets_still_speak_as_descriptions() -> None:
    assert quotes('The judges said the delay was "neither timely nor open".')[0][1] == "judges"
    assert quotes('"It was a fine year," said the magazine.')[0][1] == "magazine"
    assert quotes('The campaigners said the law was "impossible to enforce".')[0][1] == "campaigners"


def test_a_role_that_opens_a_clause_of_two_verbs_is_the_person_named_before() -> None:
    found = quotes(
        "Gordon Frost has made an appeal for unity after reports claimed Mr Hale broke a pledge. "
        'The chancellor would not comment on the reports, but insisted he would not be "diverted".'
    )
    assert found == [("diverted", "Gordon Frost")]


def test_an_outlet_that_was_told_something_is_not_what_it_stands_for() -> None:
    found = quotes(
        'The Vane Group makes kettles. "We are growing," its founder Ann Lee told the BBC. '
        'In a statement, it said: "Sales rose in every region."'
    )
    assert found[-1] == ("Sales rose in every region.", "Vane Group")


def test_a_name_the_article_lists_speaks_where_the_finder_passed_over_it() -> None:
    found = quotes(
        "Mobile firm Orange is suing Easyphone. Founder Ken Mills has pledged to contest the action. "
        'Orange claims the service has infringed its rights in the colour orange, known as "passing off".',
        '"Our brand is extremely important to us," Orange said in a statement.',
    )
    assert found[-1] == ("Our brand is extremely important to us,", "Orange")
