"""Entities on evidence that generalises: the particles inside surnames, the
adjectives made from places, and the other cues of a lone name's type."""

from __future__ import annotations

from .helpers import entity_names


def test_surnames_with_two_particles_or_d_apostrophe_stay_whole() -> None:
    names = entity_names(
        "The board met Hendrik van der Molen and Lucia de la Fuente in Paris. "
        "Marc d'Aubigny and prop KJ van den Heever joined them."
    )
    assert names == {
        "Hendrik van der Molen": "PERSON",
        "Lucia de la Fuente": "PERSON",
        "Marc d'Aubigny": "PERSON",
        "KJ van den Heever": "PERSON",
        "Paris": "PLACE",
    }


def test_adjectives_made_from_places_are_not_entities() -> None:
    names = entity_names("Angolan and Paraguayan families met Kashmiris and Sudanese officials in Luanda.")
    assert names == {"Luanda": "PLACE"}


def test_a_rugby_team_sheet_names_players_whatever_the_opening_reads_as() -> None:
    names = entity_names(
        "Harbourside v Millbrook (Sat)",
        "Kick-off is at 1500 GMT.",
        "Penrose; Tallis, Creswell, Ashdown, Varley; Quenby, Morland (capt); Haskett, Pryde, Tulloch.",
        "Replacements: Bramall, Ferrow, Kettley, Lusk.",
    )
    for player in ("Penrose", "Creswell", "Morland", "Tulloch", "Bramall", "Lusk"):
        assert names[player] == "PERSON"


def test_a_given_name_that_is_also_a_creed_keeps_its_surname() -> None:
    names = entity_names("Christian Pellow, a partner at the firm, met the Christian Brothers.")
    assert names["Christian Pellow"] == "PERSON"


def test_kin_and_seats_and_people_listed_type_a_lone_name() -> None:
    names = entity_names(
        "Her father, Tobiah, raced cars. The MP for Wrexbourne spoke to people such as Delacroix and Vasarely."
    )
    assert names == {"Tobiah": "PERSON", "Wrexbourne": "PLACE", "Delacroix": "PERSON", "Vasarely": "PERSON"}


def test_a_track_and_a_title_listed_after_a_work_are_works() -> None:
    names = entity_names(
        "The album includes the track Moshpit, a rant against the war. "
        "Tom Hale has starred in Collarbone and Rayburn, and was praised by Paramount."
    )
    assert names == {"Tom Hale": "PERSON", "Paramount": "ORG"}


def test_uk_towns_and_counties_are_places_without_a_cue() -> None:
    names = entity_names("Gateshead and Sittingbourne voted first. Dartmoor was closed and Rochdale stayed open.")
    assert names == {"Gateshead": "PLACE", "Sittingbourne": "PLACE", "Dartmoor": "PLACE", "Rochdale": "PLACE"}


def test_a_town_after_a_players_name_in_a_squad_list_is_his_club() -> None:
    names = entity_names(
        "The coach named his squad for the match on Saturday against the visitors.",
        "J Carver (Northampton), T Ellery (Gloucester), P Moody (Leicester); R Hale (Cardiff).",
        "Ref: S Bennett (Kent).",
    )
    assert names["Northampton"] == names["Gloucester"] == names["Leicester"] == "ORG"
    assert names["Kent"] == "PLACE"


def test_a_town_and_a_compass_word_is_a_constituency() -> None:
    names = entity_names("Labour held Bristol West and Oldham East with larger majorities.")
    assert names["Bristol West"] == names["Oldham East"] == "PLACE"


def test_a_place_named_after_a_titled_person_stays_a_place() -> None:
    names = entity_names("Flights landed at Imam Reza International Airport. Sir Andrew Green spoke.")
    assert names == {"Imam Reza International Airport": "PLACE", "Andrew Green": "PERSON"}


def test_a_university_known_by_one_word_is_a_body() -> None:
    names = entity_names("She studied at Harvard and taught at Stanford.")
    assert names == {"Harvard": "ORG", "Stanford": "ORG"}


def test_an_english_word_opening_a_sentence_before_a_known_name_is_not_part_of_it() -> None:
    names = entity_names("Rival Sony has cut prices. Universities Scotland said fees would rise.")
    assert names == {"Sony": "ORG", "Universities Scotland": "ORG"}


def test_to_before_a_lone_name_is_no_sign_of_a_place() -> None:
    names = entity_names("The domain was handed back to Quorbix on Monday.")
    assert names["Quorbix"] == "ORG"


def test_figures_of_the_past_named_by_the_surname_alone_are_people() -> None:
    names = entity_names("The choir sang Mozart and Chopin, and the play compared him to Stalin.")
    assert names == {"Mozart": "PERSON", "Chopin": "PERSON", "Stalin": "PERSON"}


def test_given_names_of_other_languages_make_a_person() -> None:
    names = entity_names("The board said Mukesh would stay as chairman, and Irina Volkova agreed.")
    assert names == {"Mukesh": "PERSON", "Irina Volkova": "PERSON"}


def test_what_a_name_owns_types_it() -> None:
    names = entity_names("Trade at Vellmart rose and Quorna's sales fell, after Tessaro's funeral.")
    assert names["Quorna"] == "ORG" and names["Tessaro"] == "PERSON"


def test_states_of_the_past_museums_and_camps_are_places() -> None:
    names = entity_names("She fled Czechoslovakia for Rhodesia, lost family at Treblinka and later visited the Louvre.")
    assert set(names.values()) == {"PLACE"} and len(names) == 4


def test_initials_before_a_work_kind_lead_a_title() -> None:
    names = entity_names("She starred in TV soap Harbourlights and the BBC series Glenmorven for Channel 4.")
    assert names == {"BBC": "ORG", "Channel 4": "ORG"}


def test_a_version_or_adaptation_of_a_title_is_a_work_but_not_of_its_owner() -> None:
    names = entity_names(
        "Critics praised the film version of Thundermoths. Rivals sold a version of Quellix's drug "
        "and an adaptation of Lemony Snickett novels."
    )
    assert "Thundermoths" not in names and names["Quellix"] == "ORG" and "Lemony Snickett" in names


def test_a_country_written_in_two_forms_is_one_entity_under_the_fullest() -> None:
    names = entity_names("The United States said the US economy grew, and the UK agreed.")
    assert names == {"United States": "PLACE", "UK": "PLACE"}


def test_a_known_work_opening_with_a_titles_word_is_no_person() -> None:
    names = entity_names("Fans of the original Star Wars trilogy met Chelsea star Joe Cole.")
    assert names == {"Chelsea": "ORG", "Joe Cole": "PERSON"}


def test_regulators_and_firms_named_like_places_or_people_are_bodies() -> None:
    names = entity_names("Ofcom fined Napster, and William Hill cut its odds after Nottingham Forest lost.")
    assert set(names.values()) == {"ORG"} and len(names) == 4


def test_the_high_street_as_the_shops_trade_is_no_place() -> None:
    names = entity_names("Sales on the High Street fell, Boots said.")
    assert names == {"Boots": "ORG"}
