"""Entities: what is not one (products, works, indices, creeds) and which type a
name takes from its kind (buildings, grounds, bands, employers, lists)."""

from __future__ import annotations

from .helpers import entity_names, run


def test_a_models_number_is_a_product_and_its_maker_stays() -> None:
    names = entity_names("Airbus said the Airbus A380 and two A380s were late. The Archos AV400 sold well.")
    assert names == {"Airbus": "ORG", "Archos": "ORG"}


def test_well_known_works_products_and_share_indices_are_not_entities() -> None:
    names = entity_names(
        "The FTSE 100 and the Nasdaq rose as Nintendo said the Nintendo DS and Harry Potter games sold well; "
        "Windows XP and EastEnders were mentioned too."
    )
    assert names == {"Nintendo": "ORG"}


def test_creeds_storms_and_charts_are_not_entities() -> None:
    names = entity_names(
        "He spoke of Thatcherism and Christianity as Hurricane Ivan hit the Official UK Singles Chart."
    )
    assert names == {}


def test_hospitals_and_museums_are_places_even_opening_a_sentence() -> None:
    names = entity_names("Great Ormond Street Hospital staff met at the Science Museum.")
    assert names == {"Great Ormond Street Hospital": "PLACE", "Science Museum": "PLACE"}


def test_an_employer_after_a_comma_and_at_is_a_body() -> None:
    names = entity_names('"Prices will rise," said Kyle Cooper, at Quentrix Global Partners.')
    assert names["Quentrix Global Partners"] == "ORG"


def test_a_list_is_typed_by_its_kind() -> None:
    names = entity_names("We know more of him than of the classical authors like Cicero, Virgil and Tacitus.")
    assert names == {"Cicero": "PERSON", "Virgil": "PERSON", "Tacitus": "PERSON"}


def test_a_bodys_name_goes_on_past_on_and_a_causes_words_make_a_body() -> None:
    names = entity_names("The Joint Committee on Human Rights and the League Against Cruel Sports agreed.")
    assert names == {"Joint Committee on Human Rights": "ORG", "League Against Cruel Sports": "ORG"}


def test_a_sentences_first_capital_with_a_bodys_cue_after_it_is_a_body() -> None:
    names = entity_names('It was close. Ladbrokes spokesman Warren Lush said: "We may have got it wrong."')
    assert names == {"Ladbrokes": "ORG", "Warren Lush": "PERSON"}


def test_a_ground_stays_a_place_in_sports_news() -> None:
    names = entity_names(
        "Liverpool may launch a bid for the Real Madrid striker, who has been linked with a move to Anfield. "
        "The striker scored twice for the club this season, and the coach praised the squad after the match."
    )
    assert names["Anfield"] == "PLACE"


def test_a_place_named_only_in_a_wars_name_is_left_out() -> None:
    names = entity_names("Critics of the Iraq war met in London.")
    assert names == {"London": "PLACE"}


def test_an_adjective_opening_a_sentence_before_a_country_is_no_part_of_a_name() -> None:
    assert entity_names("Weak US demand hit sales.") == {"US": "PLACE"}
    assert entity_names("Athletics Ireland have hinted that she may run.") == {"Athletics Ireland": "ORG"}


def test_a_bodys_field_goes_on_past_and() -> None:
    names = entity_names("The National Institute of Economic and Social Research said growth would slow.")
    assert names == {"National Institute of Economic and Social Research": "ORG"}


def test_the_streets_of_government_are_places_and_still_speak() -> None:
    names = entity_names("A source at Number 10 said the plan was dead, and officials in Whitehall agreed.")
    assert names == {"Number 10": "PLACE", "Whitehall": "PLACE"}
    analysis = run('"It is over," Downing Street said.')
    assert [q.speaker for q in analysis.quotes] == ["Downing Street"]
    assert {e.name: e.type for e in analysis.entities} == {"Downing Street": "PLACE"}


def test_car_makers_are_bodies_even_beside_a_place() -> None:
    names = entity_names("GM sells Buick and Chevrolet in the US and Opel, Saab and Vauxhall in Europe.")
    assert names == {
        "GM": "ORG",
        "Buick": "ORG",
        "Chevrolet": "ORG",
        "Opel": "ORG",
        "Saab": "ORG",
        "Vauxhall": "ORG",
        "US": "PLACE",
        "Europe": "PLACE",
    }


def test_a_known_firm_then_an_unknown_word_is_the_firm_and_its_model() -> None:
    names = entity_names("He drove a Vauxhall Corsa and used a Samsung Yepp, while Hyundai Motor sold more.")
    assert names == {"Vauxhall": "ORG", "Samsung": "ORG", "Hyundai Motor": "ORG"}
