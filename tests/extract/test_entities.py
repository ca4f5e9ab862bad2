"""Entities: people, organisations, places, once each under the fullest name."""

from __future__ import annotations

from byline.extract import analyse

from .helpers import article, entity_names, run


def test_fullest_name_absorbs_shorter_forms() -> None:
    analysis = run("Benjamin Netanyahu spoke on Monday. Later Netanyahu left, and Mr Netanyahu flew home.")
    people = [(e.name, e.count) for e in analysis.entities if e.type == "PERSON"]
    assert people == [("Benjamin Netanyahu", 3)]


def test_types() -> None:
    names = entity_names("Tony Blair met officials from the European Commission in Brussels on Friday.")
    assert names == {"Tony Blair": "PERSON", "European Commission": "ORG", "Brussels": "PLACE"}


def test_nationality_adjectives_months_and_days_are_not_entities() -> None:
    names = entity_names("Israeli and Palestinian officials met in January, on a Monday, with British envoys.")
    assert names == {}


def test_sentence_initial_capitals_are_not_entities() -> None:
    names = entity_names("Shares rose. However, analysts were unsure. Meanwhile prices fell in Paris.")
    assert names == {"Paris": "PLACE"}


def test_titles_standing_alone_are_not_entities() -> None:
    assert entity_names("The Prime Minister and the Home Secretary met.") == {}


def test_title_before_a_name_is_not_part_of_it() -> None:
    names = entity_names("New Metropolitan Police Commissioner Sir Ian Blair backed the plan.")
    assert names == {"Ian Blair": "PERSON", "Metropolitan Police": "ORG"}


def test_acronym_is_absorbed_by_the_full_name() -> None:
    analysis = run("The International Association of Athletics Federations ruled. The IAAF said no.")
    assert [(e.name, e.count) for e in analysis.entities] == [("International Association of Athletics Federations", 2)]


def test_alias_counts_for_the_full_name() -> None:
    names = entity_names("The Lib Dems oppose it. The Liberal Democrats say so.")
    assert names == {"Liberal Democrats": "ORG"}


def test_laws_and_events_are_not_entities() -> None:
    names = entity_names("He backed the Terrorism Act before the Australian Open in Melbourne.")
    assert names == {"Melbourne": "PLACE"}


def test_mentions_are_body_offsets_of_surface_forms() -> None:
    a = article("Gordon Brown went to Paris.", "Mr Brown met Paris officials.")
    analysis = analyse(a)
    body = a.body
    brown = next(e for e in analysis.entities if e.name == "Gordon Brown")
    assert [body[s:e] for s, e in brown.mentions] == ["Gordon Brown", "Brown"]


def test_title_author_and_bio_are_counted() -> None:
    analysis = run(
        "Hamas rejected the offer.",
        title="Hamas offer rejected",
        author="Dave DeCamp",
        bio="Dave DeCamp writes for Reuters.",
    )
    counts = {e.name: e.count for e in analysis.entities}
    assert counts == {"Hamas": 2, "Dave DeCamp": 2, "Reuters": 1}
    hamas = next(e for e in analysis.entities if e.name == "Hamas")
    assert len(hamas.mentions) == 1  # only body mentions carry offsets


def test_entities_are_sorted_by_type_then_count() -> None:
    analysis = run("Paris and London. London again. Tony Blair met Reuters in London and Paris.")
    keys = [(e.type, -e.count) for e in analysis.entities]
    assert keys == sorted(keys, key=lambda k: (("PERSON", "ORG", "PLACE").index(k[0]), k[1]))


def test_english_words_in_capitals_are_not_names() -> None:
    names = entity_names("Past years have seen Ghost and The Aviator compete, and Killing Fields too, in Chicago.")
    assert names == {"Chicago": "PLACE"}


def test_title_case_headline_counts_only_known_names() -> None:
    analysis = run(
        "Hamas rejected the proposal of Benjamin Netanyahu.",
        title="Israel Backing Off on Talks After Rejecting Hamas\u2019s Latest Offer",
    )
    counts = {e.name: e.count for e in analysis.entities}
    assert counts == {"Hamas": 2, "Benjamin Netanyahu": 1}


def test_royal_and_peerage_titles_stay_with_a_lone_name() -> None:
    names = entity_names("Prince Harry met Lord Hanningfield at the dinner.")
    assert names == {"Prince Harry": "PERSON", "Lord Hanningfield": "PERSON"}


def test_lists_of_bodies_are_split_but_one_body_with_and_is_not() -> None:
    names = entity_names(
        "The firm bought Froogle and Google News, said the Department for Culture Media and Sport and Marks & Spencer."
    )
    assert names == {
        "Froogle": "ORG",
        "Google News": "ORG",
        "Department for Culture Media and Sport": "ORG",
        "Marks & Spencer": "ORG",
    }


def test_a_title_after_a_name_is_not_part_of_it() -> None:
    assert entity_names("A spokesman for the union quoted NUJ General Secretary, as did others.") == {"NUJ": "ORG"}


def test_places_named_by_their_first_word() -> None:
    names = entity_names("The plant in County Durham is near Lake Geneva, far from St Louis.")
    assert names == {"County Durham": "PLACE", "Lake Geneva": "PLACE", "St Louis": "PLACE"}


def test_first_name_and_a_place_word_is_a_person() -> None:
    # (not the bookmaker William Hill, which the orgs lexicon knows)
    names = entity_names("Trader Harold Hill quoted Thomas Hayden Church at odds, near Bethnal Green.")
    assert names == {"Harold Hill": "PERSON", "Thomas Hayden Church": "PERSON", "Bethnal Green": "PLACE"}


def test_a_river_absorbs_its_short_name_but_a_city_is_not_its_exchange() -> None:
    names = entity_names(
        "Dams on the Yangtze River worry officials; the Yangtze floods. The London Stock Exchange is in London."
    )
    assert names == {"Yangtze River": "PLACE", "London Stock Exchange": "ORG", "London": "PLACE"}


def test_groups_of_people_and_compound_adjectives_are_not_entities() -> None:
    assert entity_names("Hutus and Tutsis met at a German-US summit in Kigali.") == {"Kigali": "PLACE"}


def test_plural_possessive_inside_a_name() -> None:
    names = entity_names("Five awards from the London Critics' Circle went to Mike Leigh.")
    assert names == {"London Critics' Circle": "ORG", "Mike Leigh": "PERSON"}


def test_abbreviations_of_common_nouns_are_not_organisations() -> None:
    names = entity_names(
        "The talks begin at 1400 GMT. Dr Ann Lowe, who holds a PhD in law, reads RSS feeds and sends MMS messages."
        " Sales of HDTVs and SUVs rose."
    )
    assert names == {"Ann Lowe": "PERSON"}


def test_an_opening_participle_is_not_part_of_the_name_after_it() -> None:
    names = entity_names("Thanking Arsenal for their support, he said the move was right. Injured Fulham lost.")
    assert names == {"Arsenal": "ORG", "Fulham": "ORG"}


def test_a_country_named_with_a_nationality_word_or_of() -> None:
    names = entity_names("Envoys from the Slovak Republic, the Czech Republic and the Republic of Ireland met.")
    assert set(names) == {"Slovak Republic", "Czech Republic", "Republic of Ireland"}


def test_a_lower_case_hyphenated_given_name_belongs_to_the_name() -> None:
    names = entity_names("Seung-min Choi beat Jan Novak in Seoul. Choi will now meet Kim Dae-sung.")
    assert names == {"Seung-min Choi": "PERSON", "Jan Novak": "PERSON", "Kim Dae-sung": "PERSON", "Seoul": "PLACE"}


def test_a_hyphen_tail_that_is_a_word_cuts_the_name() -> None:
    names = entity_names("The Berlin-based Acmetron said profits rose. Fly-half Tom Ridley scored.")
    assert names == {"Berlin": "PLACE", "Acmetron": "ORG", "Tom Ridley": "PERSON"}


def test_a_university_named_by_its_campus() -> None:
    names = entity_names("Researchers at the University of Texas at Austin found the flaw.")
    assert names == {"University of Texas at Austin": "ORG"}


def test_products_introduced_as_products_are_not_entities() -> None:
    names = entity_names(
        "Norcross Group said its Zanthol tablets sold well. It also makes brands such as Brivo, Calmex and Nuvia."
    )
    assert names == {"Norcross Group": "ORG"}


def test_a_share_index_is_not_an_entity() -> None:
    names = entity_names("In New York, the Dow Jones Industrial Average fell, while the Nikkei Index rose.")
    assert names == {"New York": "PLACE"}


def test_a_clipped_short_form_joins_the_body_it_stands_for() -> None:
    names = entity_names(
        "The Federal Reserve met on Tuesday. Analysts expect the Fed to act, as does Nato's North Atlantic Treaty"
        " Organisation."
    )
    assert names == {"Federal Reserve": "ORG", "North Atlantic Treaty Organisation": "ORG"}


def test_a_first_name_before_a_place_word_is_a_person() -> None:
    names = entity_names("Glen Carver, an analyst, said prices rose. Mr Carver expects more.")
    assert names == {"Glen Carver": "PERSON"}


def test_and_the_joins_two_bodies_each_keeping_its_own_and() -> None:
    names = entity_names(
        "The Electoral Commission and the Department for Culture and Tourism and the Home Office disagreed."
    )
    assert names == {"Electoral Commission": "ORG", "Department for Culture and Tourism": "ORG", "Home Office": "ORG"}


def test_partners_joined_by_an_ampersand_are_one_firm() -> None:
    names = entity_names(
        "Shares in Hartley & Crane and Dunmore & Finch rose, said the Anglian Confederation of Traders."
    )
    assert names == {"Hartley & Crane": "ORG", "Dunmore & Finch": "ORG", "Anglian Confederation of Traders": "ORG"}


def test_a_person_for_a_work_keeps_the_person_and_drops_the_work() -> None:
    names = entity_names(
        "The best director prize went to Hollis Brandt for Quiet Harbour Nights, and the award "
        "for Leeds United went to Jo Marr from Leeds United."
    )
    assert names == {"Hollis Brandt": "PERSON", "Jo Marr": "PERSON", "Leeds United": "ORG"}


def test_a_named_run_is_an_event() -> None:
    assert entity_names("She will run in the Bupa Great Yorkshire Run in York.") == {"York": "PLACE"}


def test_titles_of_works_without_quote_marks_are_not_entities() -> None:
    names = entity_names(
        "Maya Lind is starring in Velmora, and her new film Tarrant opens soon. Brennick, which won "
        "two awards, stars Joel Okafor. He was nominated for best actor for Castellan. Okafor's gritty "
        "crime drama Dunmere and the band's single Halvard did well."
    )
    assert names == {"Maya Lind": "PERSON", "Joel Okafor": "PERSON"}


def test_a_person_after_a_work_noun_or_a_prize_stays_a_person() -> None:
    names = entity_names(
        "The prize for best actress went to Maya Lind. In the film Lind plays a spy, and "
        "she starred in Joel Okafor's debut."
    )
    assert names == {"Maya Lind": "PERSON", "Joel Okafor": "PERSON"}


def test_a_known_body_is_not_absorbed_into_a_longer_name_it_starts() -> None:
    names = entity_names("The BBC said BBC Four would show it. Sony and Sony Ericsson agreed, as did the Labour Party.")
    assert {"BBC", "BBC Four", "Sony", "Sony Ericsson", "Labour Party"} <= set(names)


def test_clubs_named_by_an_english_plural() -> None:
    names = entity_names("Wasps beat Saracens, and Sale Sharks lost to Harlequins.")
    assert names == {"Wasps": "ORG", "Saracens": "ORG", "Sale Sharks": "ORG", "Harlequins": "ORG"}


def test_an_alias_stands_for_the_full_name_only_where_the_article_gives_it() -> None:
    assert entity_names("The Tories attacked the plan; the Tories want a vote.") == {"Tories": "ORG"}


def test_a_country_is_part_of_a_body_named_after_it() -> None:
    names = entity_names(
        "Pakistan International Airlines flew; the US Air Force and the US Federal Trade Commission watched."
    )
    assert names == {"Pakistan International Airlines": "ORG", "US Air Force": "ORG", "Federal Trade Commission": "ORG"}


def test_and_inside_one_body_name_does_not_split_it() -> None:
    names = entity_names(
        "The US Securities and Exchange Commission and the Internet Engineering Task Force met Britain and France."
    )
    assert names == {
        "Securities and Exchange Commission": "ORG",
        "Internet Engineering Task Force": "ORG",
        "Britain": "PLACE",
        "France": "PLACE",
    }


def test_a_compass_word_makes_a_region() -> None:
    names = entity_names("Rain fell on East Anglia and South Asia; the referee was from W Yorkshire, said S Betsen.")
    assert names == {"East Anglia": "PLACE", "South Asia": "PLACE", "W Yorkshire": "PLACE", "S Betsen": "PERSON"}


_MATCH = (
    "France beat Wales 24-18 in the championship match. Scotland coach Matt Williams said the squad "
    "and its captain played well, but the goal came late. The Iceland international scored. "
    "He moved to Barcelona on loan in the season. The team stayed in Paris."
)


def test_a_country_or_city_named_as_a_team_in_sports_news_is_an_organisation() -> None:
    names = entity_names(_MATCH)
    assert names["France"] == names["Wales"] == names["Scotland"] == names["Barcelona"] == "ORG"
    assert names["Iceland"] == "ORG"  # "the Iceland international": the national side he plays for
    assert names["Paris"] == "PLACE"  # a city where one stays


def test_outside_sports_news_a_country_is_a_place() -> None:
    assert entity_names("France beat Wales to the contract, officials said in Paris.") == {
        "France": "PLACE",
        "Wales": "PLACE",
        "Paris": "PLACE",
    }


def test_in_sports_news_a_lone_name_named_once_with_a_team_cue_is_a_club() -> None:
    names = entity_names(_MATCH + " Rangers made a Uefa Cup exit at the hands of Auxerre. Then Zidane scored twice.")
    assert names["Auxerre"] == "ORG"
    assert names["Zidane"] == "PERSON"


def test_a_team_sheet_names_players_even_when_their_names_are_words() -> None:
    body = (
        _MATCH
        + "\n\nNash, Reiziger (Graham 82), Riggott, Young, Cooper.\n\nSubs Not Used: Knight, Fish."
        + "\n\nRiggott 74, Graham 86."
    )
    names = entity_names(body)
    for player in ("Nash", "Reiziger", "Graham", "Riggott", "Young", "Cooper", "Knight", "Fish"):
        assert names[player] == "PERSON", player


def test_a_team_sheet_run_on_into_its_substitutes_names_players() -> None:
    body = _MATCH + "\n\nNash, Reiziger (Graham 82), Riggott, Young. Subs Not Used: Knight, Fish. Booked: Nash."
    names = entity_names(body)
    for player in ("Nash", "Reiziger", "Graham", "Riggott", "Young", "Knight", "Fish"):
        assert names[player] == "PERSON", player


def test_a_surname_that_is_a_place_resolves_to_the_person() -> None:
    names = entity_names(
        "Matt Holland scored early. The ball fell to Holland, who shot, and the team flew home from Holland."
    )
    assert names == {"Matt Holland": "PERSON", "Holland": "PLACE"}  # the last, after "from", is the country


def test_a_short_name_glossed_by_a_body_name_is_that_body() -> None:
    names = entity_names(
        "He spent years at Cern, the European Laboratory for Particle Physics. The Office of Fair Trading (OFT)"
        " agreed; the OFT wrote to Cern."
    )
    assert names == {"European Laboratory for Particle Physics": "ORG", "Office of Fair Trading": "ORG"}


def test_the_pronoun_i_is_not_part_of_a_name() -> None:
    names = entity_names('Kevin Keegan spoke. He said: "Like Kevin I\'d like to see it."')
    assert names == {"Kevin Keegan": "PERSON"}


def test_a_family_named_in_the_plural_is_not_an_entity() -> None:
    assert entity_names("Sharon Osbourne said the Osbournes were happy.") == {"Sharon Osbourne": "PERSON"}


def test_network_abbreviations_are_not_organisations() -> None:
    assert entity_names("Every device has an IP address; IPv6 and TCP run over DSL lines.") == {}


def test_a_saint_inside_a_name_makes_a_place_and_a_foreign_article_a_title() -> None:
    names = entity_names("He lived in Chalfont St Peter and read Le Matin and De Telegraaf.")
    assert names == {"Chalfont St Peter": "PLACE", "Le Matin": "ORG", "De Telegraaf": "ORG"}


def test_a_guessed_type_gives_way_to_the_context() -> None:
    names = entity_names(
        "Voters in Dorset, Basingstoke and Torbay were polled. Rapper Zorbix said he loved it, and Zorbix added"
        " more. Shares in Quentrix rose after Quentrix announced results."
    )
    assert names["Basingstoke"] == names["Torbay"] == "PLACE"
    assert names["Zorbix"] == "PERSON"
    assert names["Quentrix"] == "ORG"


def test_a_comma_alone_is_an_apposition_not_a_list() -> None:
    names = entity_names("Mr Barroso told the President of the European Parliament, Josep Borrell, that he would.")
    assert names["Josep Borrell"] == "PERSON"


def test_an_initial_and_a_surname_resolve_to_the_full_name() -> None:
    analysis = run("Fabien Pelous led the side. The team: F Pelous, J. Thomas.")
    assert [(e.name, e.count) for e in analysis.entities if e.type == "PERSON"][0] == ("Fabien Pelous", 2)


def test_a_list_after_a_comma_is_not_an_apposition() -> None:
    names = entity_names("Satellites from Nasa, the European Space Agency and the German Aerospace Centre help.")
    assert names == {"Nasa": "ORG", "European Space Agency": "ORG", "German Aerospace Centre": "ORG"}


def test_compass_adjectives_and_languages_are_not_entities() -> None:
    assert entity_names("The South African choir sang in Xhosa and Aramaic in Cape Town.") == {"Cape Town": "PLACE"}


def test_film_titles_listed_after_a_kind_of_work_are_not_entities() -> None:
    names = entity_names(
        "Past years saw blockbusters such as Saving Grace, Forrest Gump and Ghost at the Oscars in Hollywood."
    )
    assert names == {"Hollywood": "PLACE"}


def test_a_body_before_a_first_name_is_cut_off_the_person_and_an_opening_adverb_off_a_name() -> None:
    names = entity_names(
        "The head of the union Unison Dave Prentis met Farhat Omar Ben Gadaravice at St John Ambulance. Initially"
        " Visual Radio"
        " sold July-September."
    )
    assert names["Dave Prentis"] == "PERSON"
    assert "Unison Dave Prentis" not in names
    described = entity_names(
        "Sex Pistol John Lydon met Ladbrokes' Warren Lush and Lib Dem Norman Baker at the Lawyers' Christian"
        " Fellowship."
    )
    assert described == {
        "John Lydon": "PERSON",
        "Warren Lush": "PERSON",
        "Norman Baker": "PERSON",
        "Lawyers' Christian Fellowship": "ORG",
    }
    assert names["Farhat Omar Ben Gadaravice"] == "PERSON"  # a given name not in the lexicon is no body
    assert names["Visual Radio"] == "ORG"  # the opening adverb is no part of the name
    assert "July-September" not in names


def test_followers_of_a_person_are_not_an_entity() -> None:
    assert entity_names("Gordon Brown spoke to Brownite MPs and Blairites.") == {"Gordon Brown": "PERSON"}


def test_a_river_named_first_is_a_place() -> None:
    assert entity_names("Boats sailed up the River Thames.") == {"River Thames": "PLACE"}


def test_a_team_cue_may_stand_a_few_words_after_the_country() -> None:
    names = entity_names(_MATCH + " He played for former England rugby union captain Martin Johnson.")
    assert names["England"] == "ORG"


def test_a_players_country_before_his_name_is_a_place() -> None:
    names = entity_names(
        "The top seed beat Sweden's Thomas Enqvist in the quarter-final of the tournament; the seed "
        "and the champion met in the match after the draw, and the final set went to a tie-break."
    )
    assert names["Sweden"] == "PLACE"


def test_most_sports_news_reads_as_sports_news() -> None:
    from byline.extract.lexicons import lexicons
    from byline.extract.teams import is_sports_news

    sport = "The striker scored twice and the keeper was injured before half-time in the league match."
    assert is_sports_news(sport, lexicons().sport_words)
    assert not is_sports_news(
        "Shares rose as the bank reported profits; the manager of the fund was pleased.", lexicons().sport_words
    )


def test_a_full_name_of_a_body_is_a_person_then_the_body() -> None:
    names = entity_names(
        "Herbert Hansen of Respond spoke, and Nick Donofrio of IBM agreed; The Passion of the Christ opened."
    )
    assert names["Herbert Hansen"] == names["Nick Donofrio"] == "PERSON"
    assert names["IBM"] == "ORG"
    assert not any("Passion" in name for name in names)


def test_foreign_banks_compound_adjectives_and_peerage_titles() -> None:
    names = entity_names("Banca Nazionale del Lavoro met the Lord Chancellor at a US-German summit, said Ms King.")
    assert names == {"Banca Nazionale del Lavoro": "ORG", "King": "PERSON"}


def test_initials_before_a_surname_make_a_person_but_a_known_body_stays() -> None:
    names = entity_names("Author JK Rowling and JRR Tolkien met BT Openreach and IBM Research.")
    assert names == {"JK Rowling": "PERSON", "JRR Tolkien": "PERSON", "BT Openreach": "ORG", "IBM Research": "ORG"}


def test_a_hyphenated_title_ends_a_body_and_opens_a_person() -> None:
    names = entity_names("The Conservative Party Co-Chairman Liam Fox met Labour Vice-Chairman Sam Smith.")
    assert names == {"Conservative Party": "ORG", "Liam Fox": "PERSON", "Labour": "ORG", "Sam Smith": "PERSON"}


def test_in_sports_news_a_lone_unknown_name_is_a_player() -> None:
    names = entity_names(
        _MATCH + " The tackle on Heinze was late, and a foul on Zambrotta helped when Northampton have won."
    )
    assert names["Heinze"] == names["Zambrotta"] == "PERSON"
    assert names["Northampton"] == "ORG"  # a town's name with a team's cue: its team


def test_in_sports_news_a_town_without_a_team_cue_stays_a_town() -> None:
    names = entity_names(_MATCH + " The Waterford man said it was a good day.")
    assert names["Waterford"] == "PLACE"


def test_a_new_clause_after_and_is_not_a_list() -> None:
    names = entity_names("It ended 0-0 at Old Trafford and Ancelotti said he was happy. Carlo Ancelotti left.")
    assert names["Carlo Ancelotti"] == "PERSON"


def test_a_person_shaped_name_with_a_star_is_a_work_but_a_band_or_club_is_not() -> None:
    names = entity_names(
        "Harry Potter star Daniel Radcliffe met Happy Mondays star Bez, Chelsea star Frank Lampard and Vera Drake"
        " director Mike Leigh."
    )
    assert "Harry Potter" not in names and "Vera Drake" not in names
    assert names["Daniel Radcliffe"] == names["Mike Leigh"] == "PERSON"
    assert "Happy Mondays" in names and names["Chelsea"] == "ORG"


def test_elections_and_well_known_products_are_not_entities() -> None:
    names = entity_names("Closer to the General Election, Sony sold the PlayStation and Microsoft the Xbox.")
    assert names == {"Sony": "ORG", "Microsoft": "ORG"}


def test_newspapers_named_by_their_day_or_hour_are_organisations() -> None:
    names = entity_names("He told the Evening Standard, and the Daily Record agreed.")
    assert names == {"Evening Standard": "ORG", "Daily Record": "ORG"}


def test_crown_prince_is_kept_whole() -> None:
    names = entity_names("Denmark's Crown Prince Frederik and Crown Princess Mary came to New York.")
    assert names["Crown Prince Frederik"] == names["Crown Princess Mary"] == "PERSON"


def test_the_town_of_a_name_and_at_the_name_are_places() -> None:
    names = entity_names("The award was given in his hometown of Odense. Later he was taken to the Mater.")
    assert names["Odense"] == "PLACE"


def test_a_phrasal_verb_particle_is_no_place_preposition() -> None:
    names = entity_names("The club decided to bring in Velimir Zajec as director.")
    assert names["Velimir Zajec"] == "PERSON"


def test_in_sports_news_an_uncued_country_follows_the_articles_teams() -> None:
    names = entity_names(
        _MATCH + " Bruno has been with Italy, and Jason White with Ireland, all week before the match."
    )
    assert names["Italy"] == names["Ireland"] == "ORG"  # beside France, Wales, Scotland: teams


def test_in_sports_news_an_uncued_country_stays_a_place_among_places() -> None:
    names = entity_names(
        "The top seed beat Sweden's Thomas Enqvist in the quarter-final; the seed and the champion met "
        "in the match after the draw in Spain. Roddick trained in France and then saw Portugal on holiday."
    )
    assert names["Portugal"] == "PLACE"


def test_a_body_named_by_english_words_is_kept_by_its_cue() -> None:
    names = entity_names(
        "Howard Archer, an economist at Global Insight, agreed, said a Jive spokeswoman, and the union "
        "Unison Dave Prentis backed it, as did industry analysts Screen Digest."
    )
    assert names["Global Insight"] == names["Jive"] == names["Unison"] == names["Screen Digest"] == "ORG"
    assert names["Dave Prentis"] == "PERSON"


def test_a_cue_before_a_person_or_a_product_or_inside_a_name_keeps_no_body() -> None:
    names = entity_names(
        "Film-maker Spike Lee spoke. It lost to rival Pro Evolution Soccer 4. "
        "The Department for Culture and Sport spokeswoman said so."
    )
    assert "Spike" not in names and "Pro Evolution Soccer" not in names and "Sport" not in names


def test_a_venue_named_with_its_noun_and_a_force_named_by_its_area() -> None:
    names = entity_names(
        "He said Norfolk police chief Andy Hayman and Singapore police met at Paddington Green police "
        "station, then at the Carrington complex, not in a London hotel or at Elland Road stadium."
    )
    assert names["Norfolk police"] == "ORG"
    assert names["Paddington Green police station"] == names["Carrington complex"] == "PLACE"
    assert names["Singapore"] == names["London"] == names["Elland Road"] == "PLACE"


def test_an_apposition_types_a_guessed_name_by_its_head_noun() -> None:
    names = entity_names(
        "Maps came from Unosat, the UN satellite mapping organisation. He flew from Kwerty, the capital "
        "of Chechnya, with Jo Flaherty, a senior broadcaster with the network."
    )
    assert names["Unosat"] == "ORG"
    assert names["Kwerty"] == "PLACE"
    assert names["Jo Flaherty"] == "PERSON"


def test_a_body_named_by_english_words_opening_a_sentence_is_kept_by_its_apposition() -> None:
    names = entity_names(
        "Standard Life, Europe's largest mutual life insurer, has cut bonuses. Lib Dem Treasury spokesman "
        "Vince Cable said it was the sixth time Standard Life has made cuts."
    )
    assert names["Standard Life"] == "ORG"
    assert "Lib Dem Treasury" not in names


def test_a_party_named_only_as_an_adjective_is_left_out() -> None:
    names = entity_names("Labour MP Jean Corston met Cabinet ministers and a Lib Dem spokesman; the SNP said no.")
    assert "Labour" not in names and "Cabinet" not in names and "Lib Dem" not in names
    assert names["SNP"] == "ORG"  # the party itself speaks


def test_in_sports_news_a_lone_name_with_two_team_cues_is_a_club() -> None:
    names = entity_names(_MATCH + " Chelsea beat Rosenborg 3-0 and Rosenborg have lost again. Then Zidane scored.")
    assert names["Rosenborg"] == "ORG"
    assert names["Zidane"] == "PERSON"


def test_a_firm_known_with_an_ampersand_is_one_name_with_and() -> None:
    names = entity_names("Accountants Ernst and Young said sales rose at Marks and Spencer.")
    assert names == {"Ernst and Young": "ORG", "Marks and Spencer": "ORG"}


def test_a_brand_spelt_with_a_small_first_letter_is_found() -> None:
    names = entity_names("Shares in eBay rose as easyJet flew more people; eBay's profits and ebay.com were up.")
    assert names == {"eBay": "ORG", "easyJet": "ORG"}


def test_abbreviations_of_common_nouns_are_not_bodies() -> None:
    names = entity_names("Sales of VCRs fell as PVR and HD-DVD makers spent on R&D, and FDI rose, Sony said.")
    assert names == {"Sony": "ORG"}


def test_an_english_word_in_capitals_is_not_a_body() -> None:
    names = entity_names("The game, NEED FOR SPEED, was a LEGEND, said IBM; the NUJ agreed.")
    assert names == {"IBM": "ORG", "NUJ": "ORG"}


def test_a_players_country_after_of_is_no_team_by_the_score() -> None:
    body = (
        "Venus Williams reached the fourth round of the tournament with a win in the match. The seed served well "
        "and her coach praised the set. She beat Francesca Schiavone of Italy 6-3 6-3 in the round."
    )
    assert entity_names(body)["Italy"] == "PLACE"


def test_a_known_party_written_with_party_in_lower_case_is_the_party() -> None:
    analysis = run('"No," the Labour party said. Labour won the vote.')
    assert {e.name: (e.type, e.count) for e in analysis.entities} == {"Labour Party": ("ORG", 2)}
    assert [q.speaker for q in analysis.quotes] == ["Labour Party"]


def test_a_persons_plural_possessive_ends_the_name_but_a_bodys_does_not() -> None:
    names = entity_names(
        "Fans saw Orson Welles' Macbeth and Charles Dickens' Oliver Twist; the British Bankers' Association "
        "and the London Critics' Circle met at St James' Park."
    )
    assert names["Orson Welles"] == "PERSON" and names["Charles Dickens"] == "PERSON"
    assert names["British Bankers' Association"] == "ORG" and names["London Critics' Circle"] == "ORG"
    assert names["St James' Park"] == "PLACE"
    assert not any("Macbeth" in n or "Twist" in n for n in names)


def test_a_verb_capitalised_before_a_known_surname_is_no_first_name() -> None:
    analysis = run(
        'Tony Blair spoke in Gateshead. Mr Lane said: "I have a new slogan. Vote Blair, get a surprise." '
        "Later Mr Blair left."
    )
    people = {e.name for e in analysis.entities if e.type == "PERSON"}
    assert "Vote Blair" not in people
    assert "Tony Blair" in people


def test_an_english_word_as_a_first_name_inside_a_sentence_stays_a_name() -> None:
    analysis = run("Richey Edwards left. His parents, Graham and Sherry Edwards, flew home. Mr Edwards was seen.")
    people = {e.name for e in analysis.entities if e.type == "PERSON"}
    assert "Sherry Edwards" in people


def test_a_sentence_opening_is_read_off_the_characters_just_before_a_name() -> None:
    # Searched in a window, not from the body's start (which made a long article take 116 ms):
    # the same answer at every offset.
    from byline.extract.context import SENTENCE_OPENS, opens_sentence

    body = "Vote Blair. Then \u201cTony said it.\u201d  " + "Words here, and more. " * 10 + 'He said: "Go." Now ' * 3
    for offset in range(len(body) + 1):
        assert opens_sentence(body, offset) == bool(SENTENCE_OPENS.search(body, 0, offset)), offset
