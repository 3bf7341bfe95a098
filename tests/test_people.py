"""People named in a text beyond the actor table: their country and role from the text's words,
one name per person, and the speaker forms that point back to them (hand-made snippets in the
style of the NZ news development set)."""

from __future__ import annotations

import pytest

from nzus_analysis import Article
from nzus_analysis.measures.voices import speaker_table
from nzus_analysis.quotes import quote_table
from nzus_analysis.text.people import closing_full_name, people_named, person_description


def _quotes(*paragraphs: str, article_id: str = "t"):
    return quote_table([Article(article_id, 2023, paragraphs=paragraphs)])


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "New Zealand's Defence Minister Judith Collins said so.",
            "Judith Collins",
            ("NZ", "Defence Minister"),
        ),
        ("US Secretary of State Antony Blinken spoke.", "Antony Blinken", ("US", "Secretary of State")),
        ("Kurt Campbell, the senior US diplomat, said.", "Kurt Campbell", ("US", "senior US diplomat")),
        ("China's Foreign Minister Wang Yi said.", "Wang Yi", ("CN", "Foreign Minister")),
        (
            "New Zealand Minister of Defence Andrew Little said.",
            "Andrew Little",
            ("NZ", "Minister of Defence"),
        ),
        # the country of another person earlier in the clause is not this one's
        (
            "Chinese President Xi Jinping met Labour leader Chris Hipkins.",
            "Chris Hipkins",
            ("", "Labour leader"),
        ),
        (
            "Foreign Minister Nanaia Mahuta, who arrived late, spoke.",
            "Nanaia Mahuta",
            ("", "Foreign Minister"),
        ),
        ("Ministers met. Mark Smith, 45, said nothing.", "Mark Smith", ("", "")),
        # a country after the name, and a demonym before a role noun
        ("Prime Minister Enele Sopoaga of Tuvalu was pleased.", "Enele Sopoaga", ("TV", "Prime Minister")),
        ("Blinken met his Kiwi counterpart Nanaia Mahuta.", "Nanaia Mahuta", ("NZ", "counterpart")),
        ("He met his counterpart General Chang Wanquan.", "Chang Wanquan", ("", "General")),
        # the clause going on after a comma is no appositive ("American" is the counterpart's)
        (
            "The Defence Minister, Jonathan Coleman, handed his American counterpart a jersey.",
            "Jonathan Coleman",
            ("", ""),
        ),
    ],
)
def test_person_description_reads_the_words_around_the_name(text, name, expected):
    assert name in [m.text for m in people_named(text)]
    start = text.index(name)
    assert person_description(text, start, start + len(name)) == expected


def test_one_person_per_name_with_the_first_description_the_text_gives():
    text = "Judith Collins arrived. Later New Zealand's Defence Minister Judith Collins spoke."
    first, second = people_named(text)
    assert first.actor is second.actor
    assert (first.actor.country, first.actor.role) == ("NZ", "Defence Minister")


def test_speaker_takes_the_country_and_role_the_text_gives():
    q = _quotes(
        "New Zealand's Defence Minister Judith Collins said the talks were useful.",
        "Ms Collins said the navy would take part. “We are ready,” Collins said.",
    )
    assert q.speaker.tolist() == ["Judith Collins"] * 3
    assert set(q.speaker_country) == {"NZ"} and set(q.speaker_role) == {"Defence Minister"}
    assert speaker_table(q).speaker.tolist() == ["Judith Collins"]  # one row, not three


def test_role_and_surname_and_a_phrase_before_the_name_point_to_the_person():
    q = _quotes(
        "Solomon Islands Prime Minister Manasseh Sogavare arrived on Monday.",
        "Prime Minister Sogavare said the deal was final.",
        "On the issue Sogavare said, “We will not change course.”",
    )
    assert q.speaker.tolist() == ["Manasseh Sogavare", "Manasseh Sogavare"]
    assert set(q.speaker_country) == {"SB"}


def test_a_full_name_after_role_or_organisation_words_is_the_speaker():
    # role words the role list does not hold (BBC, 2005): the person, not the whole phrase
    for text, speaker in [
        ("Global Asset Management investment chief David Smith said the rally would not last.", "David Smith"),
        ("Liberal Democrat spokeswoman for women Sandra Gidley said it was a good day.", "Sandra Gidley"),
        ("Steel analyst Peter Fish, director of consulting group MEPS, said prices would rise.", "Peter Fish"),
        # a headline run into the lede with no break
        ("Wales critical of Grewcock Wales coach Mike Ruddock says the lock needs to review his actions.",
         "Mike Ruddock"),
    ]:  # fmt: skip
        q = quote_table([Article("a", 2005, paragraphs=(text,))])
        assert q.speaker.tolist() == [speaker] and q.channel.tolist() == ["unstated"], text
        assert q.speaker_mention[0] == text[: text.index(speaker) + len(speaker)]
    # the name is an object, a member of a group, a possessor, or inside a scene-setting phrase
    for text, speaker in [
        ("A spokesman for John Smith said the claim was false.", "A spokesman for John Smith"),
        ("Tony Blair and Gordon Brown said they were united.", "Tony Blair and Gordon Brown"),
        ("David Smith's lawyer said the case would go on.", "David Smith's lawyer"),
        ("In a written response to Labour MP Gordon Prentice, the government said the price was fair.",
         "the government"),
    ]:  # fmt: skip
        assert quote_table([Article("a", 2005, paragraphs=(text,))]).speaker.tolist() == [speaker], text
    assert closing_full_name("BT chief executive Ben Verwaayen") == (19, "Ben Verwaayen")
    assert closing_full_name("David Smith") is None and closing_full_name("the owner") is None


def test_role_nouns_of_running_text_name_a_person():
    # "coach", "economist": role nouns written in lower case (data/lexicons/person_roles.txt)
    q = _quotes(
        "New Zealand coach Graham Henry said the side was ready.",
        "Economist Dirk Schumacher said rates would rise.",
    )
    assert q.speaker.tolist() == ["Graham Henry", "Dirk Schumacher"]
    # a name stays on its line: a byline, then a heading, is no person "Jo Moir Analysis"
    text = "It was late, writes political editor Jo Moir\n\nAnalysis: The talks went well."
    assert [m.text for m in people_named(text)] == ["Jo Moir"]


def test_the_words_after_a_role_and_its_portfolio_are_a_person_only_with_a_first_name():
    # "spokesman for the Business Software Alliance": the last two words end the organisation
    assert people_named("A spokesman for the Business Software Alliance said piracy cost £1bn.") == ()
    named = people_named("Graham Robb, spokesman for North East Says No, said it would fail.")
    assert [m.text for m in named] == ["Graham Robb"]
    assert [m.text for m in people_named("Trade Minister for Europe Liz Truss said so.")] == ["Liz Truss"]


def test_a_given_name_of_either_gender_finds_the_full_name_but_gives_no_gender():
    # "Charlie", "Kelly": data/first_names.csv with an empty gender
    q = _quotes(
        "Hodgson shoulders England blame Fly-half Charlie Hodgson admitted his kicking cost the game.",
        "Kelly Holmes won gold in Athens. Holmes said she was thrilled.",
    )
    assert q.speaker.tolist() == ["Charlie Hodgson", "Kelly Holmes"]
    assert [m.actor.gender for m in people_named("Kelly Holmes won gold.")] == [""]


def test_a_title_gives_a_person_the_gender_their_first_name_does_not():
    q = _quotes(
        "Charles Kennedy said turnout would rise.",
        "Ex-foreign secretary Robin Cook said voters were fed up. Mr Cook told the BBC it was unfair. "
        "He urged politicians to listen.",
    )  # "Robin" marks no gender; "Mr Cook" does: "He" is Cook, not the man named before him
    assert q.speaker.tolist() == ["Charles Kennedy", "Robin Cook", "Robin Cook", "Robin Cook"]


def test_a_name_before_its_organisation_or_its_appositive_is_the_speaker():
    q = _quotes(
        "Economist Gary Thayer of AG Edwards said the Fed would act.",
        "Thomas Castaignede played. Castaignede, a veteran of 43 international caps, admitted the side was lucky.",
        "Still, the fund said it would grow.",  # a sentence adverb before an appositive names no one
    )
    assert q.speaker.tolist() == ["Gary Thayer", "Thomas Castaignede", "Still, the fund"]  # not "Still"


def test_a_clause_opened_by_but_or_although_holds_the_speaker():
    for text, speaker in [
        ("GMAC has been a strong contributor to profits but GM said it expected lower earnings.", "GM"),
        ("IBM has supported the Linux system although critics said the move was cynical.", "critics"),
    ]:
        assert quote_table([Article("a", 2005, paragraphs=(text,))]).speaker.tolist() == [speaker], text


def test_a_surname_with_an_apostrophe_finds_the_full_name():
    q = _quotes("Trade Minister Damien O’Connor arrived.", "O’Connor said exports were growing.")
    assert q.speaker.tolist() == ["Damien O’Connor"]


def test_she_is_the_woman_named_before_not_a_later_person_of_unknown_gender():
    q = _quotes(
        "Prime Minister Jacinda Ardern will meet President Xi Jinping in Beijing.",
        "She said she did not want to spend too long away from New Zealand.",
    )
    assert q.speaker.tolist() == ["Jacinda Ardern"]


def test_a_person_keeps_one_country_across_articles():
    stated = quote_table(
        [Article("a", 2019, paragraphs=("New Zealand Prime Minister Jacinda Ardern said talks went well.",))]
    )
    unstated = quote_table(
        [Article("b", 2019, paragraphs=("Prime Minister Jacinda Ardern said she was pleased.",))]
    )
    import pandas as pd

    table = speaker_table(pd.concat([stated, unstated]))
    assert table.speaker_country.tolist() == ["NZ", "NZ"]


def test_stance_reaches_people_the_actor_table_does_not_list():
    from nzus_analysis.measures.stance import stance_table

    article = Article("t", 2023, paragraphs=(
        "New Zealand's Defence Minister Judith Collins praised the deal. Labour leader Chris Hipkins attacked it.",
        "Collins said the navy was ready, but Hipkins called it a costly mistake.",
    ))  # fmt: skip
    everyone = stance_table([article], model="linear")
    people = everyone[everyone.actor == "Judith Collins"]
    assert people.mention.tolist() == ["Judith Collins", "Collins"] and set(people.side) == {"NZ"}
    hipkins = everyone[everyone.actor == "Chris Hipkins"]  # no country in the text: side unknown
    assert hipkins.mention.tolist() == ["Chris Hipkins", "Hipkins"] and set(hipkins.side) == {""}
    sided = stance_table([article], model="linear", all_people=False)
    assert "Chris Hipkins" not in set(sided.actor) and "Judith Collins" in set(sided.actor)


def test_stance_lends_a_person_the_country_another_article_gives():
    from nzus_analysis.measures.stance import stance_table

    stated = Article("a", 2023, paragraphs=("New Zealand's Prime Minister Chris Hipkins spoke first.",))
    unstated = Article(
        "b", 2023, paragraphs=("Labour leader Chris Hipkins attacked it. Hipkins called it a mistake.",)
    )
    alone = stance_table([unstated], model="linear", all_people=False)
    assert "Chris Hipkins" not in set(alone.actor)  # no country anywhere: left out without all_people
    both = stance_table([stated, unstated], model="linear", all_people=False)
    lent = both[(both.article_id == "b") & (both.actor == "Chris Hipkins")]
    assert lent.mention.tolist() == ["Chris Hipkins", "Hipkins"] and set(lent.side) == {"NZ"}
    everyone = stance_table([stated, unstated], model="linear")  # every person, lent a country too
    assert set(everyone[(everyone.article_id == "b") & (everyone.actor == "Chris Hipkins")].side) == {"NZ"}
    listed = stance_table(
        [Article("c", 2015, paragraphs=("Prime Minister John key announced it. Key told us.",))]
    )
    assert set(listed[listed.actor == "John Key"].side) == {"NZ"}  # the actor table's country


def test_the_country_given_most_often_wins_and_ties_go_alphabetically():
    from nzus_analysis.text.people import most_given_countries

    given = [("Kurt Campbell", "US"), ("Kurt Campbell", "AU"), ("Kurt Campbell", "US"), ("Ann Lee", "")]
    assert most_given_countries(given) == {"Kurt Campbell": "US"}
    assert most_given_countries([("X Y", "NZ"), ("X Y", "AU")]) == {"X Y": "AU"}


@pytest.mark.parametrize("aside", ["for her part", "meanwhile", "however", "in turn"])
def test_a_speaker_with_an_aside_is_the_speaker_not_the_content(aside):
    q = _quotes(f"Defence Minister Judith Collins arrived. Collins, {aside}, said the talks were useful.")
    assert (q.speaker.tolist(), q.text.tolist()) == (["Judith Collins"], ["the talks were useful"])


def test_a_surname_typed_in_lower_case_is_read_when_the_text_writes_it_as_a_speaker():
    # as found in a 2015 web copy: "John key", then "Key told" and "he said"
    q = _quotes(
        "Troops will go to Iraq, Prime Minister John key announced on Tuesday.",
        "Key told politicians that up to 143 personnel would go. He said they would stay behind the wire.",
    )
    assert set(q.speaker) == {"John Key"}
    # a lower-case word after a first name is no surname unless the text makes it a speaker's
    assert people_named("She met John in Paris. In talks, she said so.") == ()
    assert [m.text for m in people_named("A tale by Philip van Doren Stern. Van said so.")] == []
