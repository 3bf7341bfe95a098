"""Quote attribution on the seeds (against the gold file) and on hand-made tricky snippets."""

from __future__ import annotations

import pytest

from nzus_analysis import Article
from nzus_analysis._tables import columns_of
from nzus_analysis.measures.voices import speaker_table
from nzus_analysis.quotes import (
    DIRECT_RULES,
    REPORTED_RULES,
    PassageRow,
    QuoteRow,
    find_quote_spans,
    passage_table,
    quote_table,
)
from nzus_analysis.quotes import rules as rules_module
from nzus_analysis.quotes.evaluation import evaluation_table, load_gold, match_table, overlap
from nzus_analysis.text.actors import Actor, ActorIndex, load_actors

from .conftest import SEED_2012, SEED_2025


def quotes_in(*paragraphs: str, actors: ActorIndex | None = None):
    return quote_table([Article("t", 2020, paragraphs=paragraphs)], actors)


# ---- seeds against gold --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_quotes(corpus):
    return quote_table(corpus.values())


def test_gold_spans_slice_back(corpus):
    gold = load_gold()
    assert len(gold) == 20
    for row in gold.itertuples():
        assert corpus[row.article_id].text[row.start : row.end] == row.text


def test_seed_scores_meet_the_bar(seed_quotes):
    scores = evaluation_table(seed_quotes, load_gold()).set_index("group")
    assert scores.loc["direct+partial", "f1"] >= 0.95
    assert scores.loc["indirect", "f1"] >= 0.85
    assert scores.loc["all", "speaker_accuracy"] >= 0.9


def test_seed_records_slice_back_and_have_documented_columns(corpus, seed_quotes):
    assert list(seed_quotes.columns) == columns_of(QuoteRow)
    for row in seed_quotes.itertuples():
        assert corpus[row.article_id].text[row.start : row.end] == row.text


def test_seed_sourcing_contrast(seed_quotes):
    channels = seed_quotes.groupby("article_id").channel.apply(set).to_dict()
    assert channels[SEED_2012] == {"second_hand"}
    assert "second_hand" not in channels[SEED_2025]
    scare = seed_quotes[seed_quotes.text.str.startswith("Burden sharing")]
    assert scare.empty  # “Burden sharing” refers to … is not speech


def test_multi_paragraph_quote_is_one_record(seed_quotes):
    row = seed_quotes[seed_quotes.text.str.startswith("Both parties")].iloc[0]
    assert "\n\n“Also emphasised" in row.text
    assert (row.kind, row.speaker, row.resolved_by) == ("direct", "US State Department", "continuation")


def test_evaluate_counts_misses_and_false_alarms(seed_quotes):
    gold = load_gold()
    fewer = seed_quotes.drop(index=seed_quotes.index[:2])  # two indirect records missing
    scores = evaluation_table(fewer, gold).set_index("group")
    assert scores.loc["indirect", "recall"] == pytest.approx(7 / 9, abs=1e-3)
    assert scores.loc["indirect", "precision"] == 1.0
    wrong = seed_quotes.assign(speaker="Nobody")
    assert evaluation_table(wrong, gold).set_index("group").loc["all", "speaker_accuracy"] == 0.0


def test_overlap_rule():
    assert overlap((0, 10), (5, 15)) == 0.5
    assert overlap((0, 10), (0, 30)) == pytest.approx(1 / 3)
    assert overlap((0, 10), (20, 30)) == 0.0


def test_match_needs_same_kind(seed_quotes):
    gold = load_gold()
    as_indirect = seed_quotes.assign(kind="indirect")
    matched = match_table(as_indirect, gold)
    assert len(matched) == 9


# ---- tricky snippets (not from the seeds) -------------------------------------------------------


def test_nested_quotes_stay_inside_one_direct_quote():
    q = quotes_in("“He told me ‘never again’ after the vote,” Smith said.")
    assert len(q) == 1
    row = q.iloc[0]
    assert (row.kind, row.text, row.speaker, row.resolved_by) == (
        "direct", "He told me ‘never again’ after the vote,", "Smith", "unresolved",
    )  # fmt: skip


def test_she_added_resolves_to_the_last_female_person():
    table = ActorIndex(
        [
            *load_actors().actors,
            Actor(
                "Jacinda Ardern",
                ("Jacinda Ardern", "Ardern"),
                ("Prime Minister",),
                "person",
                "NZ",
                "NZ PM",
                "f",
            ),
        ]
    )
    q = quotes_in("Ardern met Winston Peters on Monday.", "“We are ready,” she added.", actors=table)
    row = q.iloc[0]
    assert (row.speaker, row.speaker_mention, row.cue, row.resolved_by) == (
        "Jacinda Ardern",
        "she",
        "added",
        "pronoun",
    )
    assert row.channel == "unstated"


def test_pronoun_with_no_earlier_person_is_not_guessed():
    q = quotes_in("“We are ready,” she said.")
    row = q.iloc[0]
    assert (row.speaker, row.speaker_mention, row.resolved_by) == ("", "she", "unresolved")
    assert speaker_table(q).speaker.tolist() == ["(unresolved)"]  # never a speaker named "she"


def test_quote_with_no_attribution_is_kept_unattributed():
    q = quotes_in("The minister left the room.", "“Nothing was agreed today.”")
    assert len(q) == 1
    assert (q.iloc[0].kind, q.iloc[0].speaker, q.iloc[0].resolved_by) == ("direct", "", "unattributed")


def test_apostrophes_are_not_quote_marks():
    text = "The countries’ ministers said it’s time, and Peters’ aides agreed."
    assert find_quote_spans(text, [(0, len(text))]) == []
    q = quotes_in(text)
    assert list(q.kind) == ["indirect"]
    assert q.iloc[0].text == "it’s time, and Peters’ aides agreed"


def test_single_quotes_british_style():
    q = quotes_in("‘We will not be bullied,’ the minister said.")
    row = q.iloc[0]
    assert (row.kind, row.text, row.speaker) == ("direct", "We will not be bullied,", "the minister")


def test_inverted_and_speaker_first_orders():
    q = quotes_in("“It is over,” said Coleman.", "Coleman said: “We are ready to talk.”")
    assert list(q.speaker) == ["Jonathan Coleman", "Jonathan Coleman"]
    assert list(q.kind) == ["direct", "direct"]
    assert list(q.text) == ["It is over,", "We are ready to talk."]


def test_when_it_was_said_is_not_part_of_the_content():
    q = quotes_in(
        "Ardern said Monday her visit to Beijing aims to further ties.",
        "Peters said on Tuesday night that the talks went well.",
        "Key said Monday was the deadline.",  # here the day is what was said
    )
    assert list(q.text) == [
        "her visit to Beijing aims to further ties",
        "the talks went well",
        "Monday was the deadline",
    ]


def test_a_title_names_the_person_whose_role_the_text_gives_in_those_words():
    q = quotes_in(
        "US Defense Secretary Chuck Hagel arrived. The Secretary of Defense said the visit was useful.",
        "Foreign Minister Nanaia Mahuta spoke. The Defence Secretary said it went well.",  # NZ spelling
        "The Foreign Secretary said it had not.",  # no one the text names has that role
    )
    assert list(zip(q.speaker, q.resolved_by, strict=True)) == [
        ("Chuck Hagel", "title"),
        ("Chuck Hagel", "title"),
        ("the Foreign Secretary", "unresolved"),
    ]


def test_a_sentence_opening_with_he_continues_the_subject_before_it():
    q = quotes_in(
        "Foreign Minister Winston Peters leaves today to meet Secretary of State Mike Pompeo.",
        'He will give a speech "on trade", a statement from his office said.',
        "Trump's attorney, Alan Garten, spoke. He said the claims were false.",  # a possessive is no subject
        "Mr Pompeo met Mr Peters on Monday. Later, he said the talks went well.",  # no opening pronoun
    )
    assert list(q.speaker) == ["Winston Peters", "Alan Garten", "Winston Peters"]


def test_a_pronoun_goes_to_the_person_last_named_by_surname_not_in_the_possessive():
    """BBC cases the rules got wrong (data/gold/bbc_pronoun_speakers.csv): a surname alone names
    the person named in full before it; "Smith's philosophy" is no antecedent; a scene-setting
    opening ("On Thursday, ") does not hide the sentence's subject."""
    q = quotes_in(
        "Brian Moore believes the captain should not be a full-back. Martin Johnson retired last year.",
        'Former England captain Moore told the BBC: "Full-backs are too far away." '
        'He added: "The pack is where games start."',
        "Alan Greenspan spoke in Kirkcaldy. Dr Greenspan said Adam Smith's philosophy was a force for good. "
        '"It created the modern vision," he said.',
        "Michael Howard leads the Conservatives. Tony Blair leads Labour.",
        "On Thursday, Mr Howard told the BBC that Tony Blair had changed his mind. "
        'He said: "We have had two U-turns."',
    )
    speakers = q.set_index("text").speaker
    assert speakers["The pack is where games start."] == "Brian Moore"
    # a person of unknown gender who just spoke, over an earlier man ("Kent" marks no gender)
    conrad = quotes_in(
        'John McCain said he was pleased. "It is austere," he said.',
        'Democratic Senator Kent Conrad said the costs would explode. "It is reckless," he said.',
    )
    assert conrad.set_index("text").speaker["It is reckless,"] == "Kent Conrad"
    # a name used as a modifier ("an Alan Shearer strike") is no antecedent
    souness = quotes_in(
        "Boss Graeme Souness felt Newcastle were never in danger.",
        'An early goal followed by an Alan Shearer strike earned the win. "It was a great advantage," he said.',
    )
    assert souness.speaker.item() == "Graeme Souness"
    assert speakers["It created the modern vision,"] == "Alan Greenspan"
    assert speakers["We have had two U-turns."] == "Michael Howard"


def test_a_cue_after_a_to_of_plans_or_inability_reports_nothing():
    """ "plans to add", "was unable to say", "is to recall": nothing was said (BBC false statements);
    "went on to say" and a speech briefed in advance ("is expected to say that") are reports."""
    q = quotes_in(
        "Skype plans to add more paid services next year.",
        "A spokesman for the group was unable to say when the unit would reopen.",
        "BMW is to recall all cars with a faulty pump. The Blues are poised to complain about the referee.",
        "Tony Blair went on to say the deal was fair.",
        "Michael Howard is expected to say that taxes will fall.",
        "The spokesman did not say why the three had been detained. He would not confirm that Sizzla was named.",
        "Broadband for less than £10 was even touted by some firms.",  # a passive, an adverb between
    )
    assert q.text.tolist() == ["the deal was fair", "taxes will fall"]
    assert q.speaker.tolist() == ["Tony Blair", "Michael Howard"]


def test_a_person_after_an_organisations_possessive_is_the_speaker():
    q = quotes_in(
        "Arsenal's Patrick Vieira said the team was ready.",
        "Labour's Mr Livingstone said the plan was sound.",
        "Pearson's Financial Times said profits rose.",  # no given name: the phrase as written
    )
    assert q.speaker.tolist() == ["Patrick Vieira", "Mr Livingstone", "Pearson's Financial Times"]


def test_an_auxiliary_and_adverbs_after_the_speaker_are_not_part_of_the_name():
    q = quotes_in(
        "Former union leader Sir Bill Morris has already accused the government of lying.",
        "Home Secretary Charles Clarke has also said the law would change.",
    )
    assert q.speaker.tolist() == ["Sir Bill Morris", "Charles Clarke"]


def test_a_surname_finds_the_full_name_inside_a_quotation_left_open_or_just_after_a_headline():
    q = quotes_in(
        "Howard backs research Michael Howard has backed stem cell research on Monday.",
        '"I am fit enough. Bosvelt impressed manager Kevin Keegan at once.',
        '"He realised the pace was faster," Keegan said.',
        "A spokesman for Michael Howard said the views were wrong.",  # the spokesman, not Howard
    )
    # the open quotation runs on into the next paragraph, "Kevin Keegan" inside it
    assert q.speaker.tolist() == ["Kevin Keegan", "A spokesman for Michael Howard"]


def test_the_prime_minister_is_the_person_named_with_that_role_not_a_deputy_or_shadow():
    q = quotes_in(
        "Deputy Prime Minister John Prescott and Prime Minister Tony Blair met on Monday.",
        "Deputy Prime Minister John Prescott spoke first. The prime minister said the talks went well.",
        "Chancellor Gordon Brown and shadow chancellor Oliver Letwin argued.",
        "Shadow chancellor Oliver Letwin spoke last. The chancellor said taxes would not rise.",
    )
    speakers = q.set_index("text").speaker
    assert speakers["the talks went well"] == "Tony Blair"
    assert speakers["taxes would not rise"] == "Gordon Brown"


def test_it_or_they_is_the_body_or_group_that_spoke_in_this_sentence_or_the_last():
    q = quotes_in(
        "Growth was 1.6%, the Federal Statistics Office said. It said exports had risen.",
        "The Beijing News said the plant had closed. The Three Gorges Corporation faces a fine. "
        "Last week, it denied that its projects broke rules.",  # another body named between
    )
    speakers = q.set_index("text").speaker
    assert speakers["exports had risen"] == "Federal Statistics Office"
    assert speakers["its projects broke rules"] == ""
    # "they": a body, or a group kept as written, that spoke just before
    group = quotes_in("Critics say the law would favour large companies. They say it could harm start-ups.")
    assert group.speaker.tolist() == ["critics", "critics"]
    firm = quotes_in("Diageo said it expects approval in March. It said Chalone would be integrated.")
    assert firm.speaker.tolist() == ["Diageo", "Diageo"]


def test_an_organisation_has_one_name_however_the_article_writes_it():
    q = quotes_in(
        "Officers of the NZ Defence Force and NZ Ministry of Defence met in Xi’an.",
        "The NZDF said the talks were cordial. The White House said it welcomed them.",
        "The US Navy said a ship would visit. Executives for Boeing said sales rose.",
        "The Wisconsin Republican said he agreed.",  # a person described, no organisation
    )
    rows = q.set_index("text")
    assert rows.loc["the talks were cordial", ["speaker", "speaker_kind", "speaker_country", "resolved_by"]].tolist() == [
        "New Zealand Defence Force", "organisation", "NZ", "as_named"
    ]  # fmt: skip
    assert rows.loc["it welcomed them", ["speaker", "channel"]].tolist() == ["White House", "statement"]
    assert rows.loc["a ship would visit"].speaker == "United States Navy"
    assert rows.loc["sales rose"].resolved_by == rows.loc["he agreed"].resolved_by == "unresolved"


def test_a_report_ends_where_the_speaker_goes_on_to_something_else():
    q = quotes_in(
        "Tabane said people were upset, and he travelled to Taipei the next day.",
        "Ardern has acknowledged there were complexities, but has dismissed concerns of a rift.",
        "Xi called for “mutual trust” amid tensions over Huawei.",
        "Peters said the talks went well, and he said more would follow.",  # "said": still the report
        "Key said the troops, and they would stay, were ready.",  # an auxiliary: inside the report
    )
    assert list(q.text) == [
        "people were upset",
        "there were complexities",
        "“mutual trust”",
        "the talks went well, and he said more would follow",
        "the troops, and they would stay, were ready",
    ]


def test_a_trailing_attribution_may_say_when_and_a_characterisation_is_speech():
    q = quotes_in(
        "Ties with China are growing, Prime Minister John Key said ahead of his visit to China.",
        "She characterises the relationship as “strong, wide-ranging, and growing”.",
    )
    assert list(zip(q.text, q.rule, strict=True)) == [
        ("Ties with China are growing", "speaker_after"),
        ("the relationship as “strong, wide-ranging, and growing”", "speech_act"),
    ]


def test_a_speech_act_with_a_noun_object_only_counts_under_polnear_codebook():
    article = Article("n", 2013, paragraphs=(
        "The two ministries have announced the resumption of military cooperation.",
        "Coleman announced that talks would resume. Xi called for “mutual trust”.",
        "Xi called for more cooperation in trade. Peters urged China to act.",
    ))  # fmt: skip
    study = quote_table([article])
    assert list(study.text) == ["talks would resume", "“mutual trust”", "China to act"]
    clauses = Article("c", 2005, paragraphs=(  # clauses that open like a noun phrase stay statements
        "Jackson said the truce came on the anniversary of the feud.",
        "Valentine said a lot of firms, which were closed, are re-opening.",
        "D'Souza accused the director of the film of portraying a priest badly.",
    ))  # fmt: skip
    assert len(quote_table([clauses])) == 3
    relative = Article("r", 2023, paragraphs=(  # a relative clause is never a speaker
        "The unrest, which New Zealand responded to by sending troops, was sparked by the switch.",
    ))  # fmt: skip
    assert quote_table([relative]).empty
    polnear = quote_table([article], noun_objects=True)
    assert "the resumption of military cooperation" in set(polnear.text)
    assert "more cooperation in trade" in set(polnear.text) and len(polnear) == 5


def test_the_author_is_no_source_and_an_infinitive_report_ends_at_the_speakers_next_act():
    article = Article("a", 2023, author="Jo Moir", paragraphs=(
        "The press conference could have been in Washington, writes political editor Jo Moir.",
        "Xi urged New Zealand to join the scheme, and sought cooperation on climate change.",
        "Peters said Hou was sacked because he was colluding, and offered bribes.",  # Hou offered them
        "Sogavare announced this week his government’s intentions to create a defence force.",
    ))  # fmt: skip
    q = quote_table([article])
    assert list(zip(q.speaker, q.text, strict=True)) == [
        ("Xi", "New Zealand to join the scheme"),
        ("Winston Peters", "Hou was sacked because he was colluding, and offered bribes"),
    ]


def test_according_to_an_outlet_that_names_the_speaker_passes_on_their_words():
    q = quotes_in(
        "According to China’s state news agency Xinhua, Xi told Ardern that ties were strong.",
        "According to the AP, the talks failed.",  # the outlet's own report
    )
    assert list(zip(q.speaker, q.text, q.channel, q.via, strict=True)) == [
        ("Xi", "ties were strong", "second_hand", "China’s state news agency Xinhua"),
        ("Associated Press", "the talks failed", "second_hand", "Associated Press"),
    ]


def test_the_sender_of_a_message_is_the_speaker():
    q = quotes_in(
        "Foreign Minister Winston Peters will visit Washington.",
        'He will give a speech "focused on trade", a statement from his office said.',
        'The NZDF press release was rather more vague and merely stated that it was "cordial".',
    )
    assert list(q.speaker) == ["Winston Peters", "NZDF"]
    assert list(q.channel) == ["statement", "statement"]


def test_a_country_speaking_is_its_government_and_never_a_person():
    q = quotes_in(
        "Foreign Minister Winston Peters arrived. New Zealand said it would help. He said talks were useful.",
        "The United States said the talks went well. Chinese said the island was theirs.",
        "John Key told politicians in the parliament that troops would go.",
    )
    rows = q.set_index("text")
    assert rows.loc["it would help", ["speaker", "speaker_kind", "speaker_country", "channel"]].tolist() == [
        "New Zealand", "government body", "NZ", "statement"
    ]  # fmt: skip
    assert rows.loc["talks were useful"].speaker == "Winston Peters"  # "he" skips the country
    assert rows.loc["the talks went well"].speaker == "United States"
    assert rows.loc["the island was theirs"].speaker_kind == ""  # an adjective is no country speaking
    assert rows.loc["troops would go"].channel == "statement"  # words to parliament are on the record


def test_a_quote_paragraph_after_a_paragraph_about_one_person_is_theirs():
    q = quotes_in(
        "Prime Minister Christopher Luxon has returned from Sydney.",
        "But Luxon was at least able to laugh it off.",
        "“We spent a bit of time talking about aircraft.”",
    )
    assert q[["speaker", "rule"]].values.tolist() == [["Christopher Luxon", "direct_continuation"]]
    two = quotes_in("Christopher Luxon met Anthony Albanese on Thursday.", "“We talked about aircraft.”")
    assert two.speaker.tolist() == [""]  # two people named before: nobody's


def test_by_saying_gives_the_quote_to_the_clause_subject():
    q = quotes_in(
        "Those eyebrows went up when New Zealand Prime Minister Chris Hipkins followed a meeting with "
        "Australian Prime Minister Anthony Albanese by saying, “New Zealand agrees with the partners.”"
    )
    assert q[["kind", "speaker", "rule"]].values.tolist() == [["direct", "Chris Hipkins", "participle"]]


def test_a_plural_possessive_is_no_name():
    from nzus_analysis.text.people import people_named

    text = "Chairman of the Pacific Islands Forum Leaders’ Summit, Prime Minister Enele Sopoaga spoke."
    assert [m.text for m in people_named(text)] == ["Enele Sopoaga"]


def test_scare_quotes_are_not_attributions():
    assert quotes_in("The so-called “Pacific reset” began in 2018.").empty
    assert quotes_in("Reference to “maritime challenges” comes after the drills.").empty


def test_title_resolves_only_to_an_actor_named_earlier():
    named = quotes_in("Marco Rubio arrived on Monday.", "The Secretary said the talks were useful.")
    assert (named.iloc[0].speaker, named.iloc[0].resolved_by) == ("Marco Rubio", "title")
    unnamed = quotes_in("The Secretary said the talks were useful.")
    assert (unnamed.iloc[0].speaker, unnamed.iloc[0].resolved_by) == ("the Secretary", "unresolved")


def test_open_quote_continues_only_into_a_paragraph_that_reopens():
    continued = quotes_in("Peters said: “We came to talk.", "“We will return next year.”")
    assert len(continued) == 1 and continued.iloc[0].text == "We came to talk.\n\n“We will return next year."
    stopped = find_quote_spans("“We came.\n\nThe talks ended.", [(0, 9), (11, 27)])
    assert [(s.open_at, s.close_at, s.closed) for s in stopped] == [(0, 9, False)]


def test_according_to_colon_introduces_the_next_paragraph():
    q = quotes_in("According to Reuters:", "The talks collapsed on Friday.")
    row = q.iloc[0]
    assert (row.text, row.speaker, row.channel, row.via, row.paragraph) == (
        "The talks collapsed on Friday", "Reuters", "second_hand", "Reuters", 1,
    )  # fmt: skip


def test_channels_statement_social_and_second_hand():
    q = quotes_in(
        "Rubio said in a post on social media that the talks went well.",
        "Peters told RNZ that the visit was useful.",
        "The State Department said the pair discussed trade.",
    )
    assert list(zip(q.speaker, q.channel, q.via, strict=True)) == [
        ("Marco Rubio", "social_media", ""),
        ("Winston Peters", "second_hand", "Radio New Zealand"),
        ("US State Department", "statement", ""),
    ]
    assert q.iloc[0].text == "the talks went well"


def test_group_speaker_stays_as_its_mention():
    q = quotes_in("Australia and Japan said the exercise was routine.")
    assert (q.iloc[0].speaker, q.iloc[0].resolved_by) == ("Australia and Japan", "unresolved")


def test_people_outside_the_actor_table():
    q = quotes_in(
        "“We will win,” said Mr Tony Blair.",
        "But Mrs Smith said the plan was flawed. “It will fail,” she added.",
        "Mr Howard disagreed. “It is a gimmick,” he said.",
    )
    assert list(q.speaker) == ["Mr Tony Blair", "Mrs Smith", "Mrs Smith", "Mr Howard"]
    assert list(q.resolved_by) == ["as_named", "unresolved", "pronoun", "pronoun"]
    assert set(q.channel) == {"unstated"}


def test_full_names_then_surnames_and_pronouns():
    q = quotes_in(
        "Vince Cable said the budget was unfair.",
        "“It is a tax on the poor,” he added.",
        "Mr Cable said he would vote against it.",
    )
    assert list(q.speaker) == ["Vince Cable", "Vince Cable", "Vince Cable"]
    assert list(q.resolved_by) == ["as_named", "pronoun", "surname"]


def test_interview_channel():
    q = quotes_in(
        "The minister told reporters the talks had failed.",
        "“We tried,” Mr Smith told the BBC.",
        "In an interview, Ms Jones said the plan would work.",
        "Mr Brown said the plan would fail.",
    )
    assert list(q.channel) == ["interview", "interview", "interview", "unstated"]


def test_actor_frame_lists_the_table():
    from nzus_analysis.text.actors import actor_table

    frame = actor_table().set_index("canonical")
    assert frame.loc["Marco Rubio", "role"] == "US Secretary of State"
    assert frame.loc["Associated Press", "aliases"] == "Associated Press; AP"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Guardian said", [("The Guardian", "The Guardian")]),
        ("the AP and Reuters", [("the AP", "Associated Press"), ("Reuters", "Reuters")]),
        ("Pentagon Chief Leon Panetta flew", [("Pentagon Chief Leon Panetta", "Leon Panetta")]),
        ("APs, NZAP, pro-AP, O'Rubio, Panetta-style", []),  # inside longer words: not mentions
        ("Rubio’s aide; (Peters)", [("Rubio", "Marco Rubio"), ("Peters", "Winston Peters")]),
        ("the  \n Guardian; The Post", [("the  \n Guardian", "The Guardian"), ("The Post", "The Post")]),
    ],
)
def test_actor_mentions_at_word_edges(text, expected):
    found = load_actors().mentions(text)
    assert [(m.text, m.actor.canonical) for m in found] == expected
    assert all(text[m.start : m.end] == m.text for m in found)


def test_actor_mentions_equal_a_plain_lookbehind_regex(corpus):
    """The fast alias regex finds what the plain formulation finds, in whole texts and ranges."""
    import re

    table = load_actors()
    aliases = sorted(table._alias_owner, key=len, reverse=True)
    plain = re.compile(r"(?<![\w’'-])(?:(the|The)\s+)?(" + "|".join(map(re.escape, aliases)) + r")(?![\w-])")
    for article in corpus.values():
        text = article.text
        for start, end in [(0, len(text)), *article.paragraph_spans]:
            expected = [
                (m.start(), m.end(), table._alias_owner[m.group(2)]) for m in plain.finditer(text, start, end)
            ]
            found = [(m.start, m.end, m.actor) for m in table.mentions(text, start, end)]
            assert found == expected
        assert len(table.mentions(text)) > 10


def test_two_apostrophes_are_a_double_quote_mark():
    """Some archives (the New York Times in PolNeAR) write a double quote as two apostrophes."""
    q = quotes_in(
        "''We are ready to talk,'' the minister said. ''It is time.''",
        "She added that talks were ''productive''.",
    )
    assert q.kind.tolist() == ["direct", "direct", "partial"]
    assert q.text.tolist()[:2] == ["We are ready to talk,", "It is time."]
    assert q.speaker_mention.tolist()[0] == "the minister"
    assert q.text.tolist()[2] == "talks were ''productive''"


def test_one_cue_vocabulary_serves_every_rule():
    """'stated' works after the clause as well as before it (it used to be in one list only)."""
    before = quotes_in("The Guardian stated that trade fell.")
    after = quotes_in("Trade fell, the Guardian stated.")
    assert before.text.tolist() == ["trade fell"] and after.text.tolist() == ["Trade fell"]
    assert before.speaker.tolist() == after.speaker.tolist() == ["The Guardian"]
    assert before.channel.tolist() == after.channel.tolist() == ["second_hand"]
    reported = quotes_in("The New York Post reports that the team avoided the hospital.")
    assert reported.text.tolist() == ["the team avoided the hospital"]


def test_mid_sentence_participle_and_second_quote_attributions():
    mid = quotes_in("The plan, an inside source said, is to hand out reprints of the editorial.")
    assert (mid.speaker.item(), mid.cue.item()) == ("an inside source", "said")
    assert mid.text.item().startswith("The plan, an inside source said, is to hand out")
    saying = quotes_in("Mr Bradley apologised for the columns, saying they were old and meant nothing.")
    assert (saying.speaker.item(), saying.text.item()) == ("Mr Bradley", "they were old and meant nothing")
    two = quotes_in("“The problems started early,” Ms Acosta said, “and then they grew.”")
    assert two.text.tolist() == ["The problems started early,", "and then they grew."]
    assert two.speaker.tolist() == ["Ms Acosta", "Ms Acosta"]


def test_titles_with_periods_groups_and_verb_first_trails():
    titled = quotes_in("''I hope so,'' Mrs. Clinton said.")
    assert (titled.speaker.item(), titled.kind.item()) == ("Mrs. Clinton", "direct")
    group = quotes_in("About 270 people have now been resettled, officials said.")
    assert (group.speaker.item(), group.text.item()) == (
        "officials",
        "About 270 people have now been resettled",
    )
    inverted = quotes_in("The Internet has sped up misinformation, said Angie Holan, the site's editor.")
    assert inverted.speaker.item() == "Angie Holan"
    assert inverted.text.item() == "The Internet has sped up misinformation"


def test_long_subjects_colons_and_group_sources():
    asked = quotes_in("Asked if she believed the report was accurate, Ms Clinton said she would not guess.")
    assert (asked.speaker.item(), asked.text.item()) == ("Ms Clinton", "she would not guess")
    colon = quotes_in("Mr Jenkins: I will win the nomination.")
    assert (colon.speaker.item(), colon.cue.item(), colon.text.item()) == (
        "Mr Jenkins",
        ":",
        "I will win the nomination",
    )
    group = quotes_in("Almost 650 golf courses have closed since 2006, the group says.")
    assert group.speaker.item() == "the group"
    assert quotes_in("Budget: the figures were revised.").empty  # a label, not a speaker


def test_dash_and_quoted_as_saying_attributions():
    dash = quotes_in("“We will not back down.” — Commissioner Kerr")
    assert (dash.kind.item(), dash.speaker.item(), dash.cue.item()) == ("direct", "Commissioner Kerr", "—")
    passive = quotes_in("“The talks went well,” Mr Saud was quoted as saying.")
    assert (passive.speaker.item(), passive.cue.item()) == ("Mr Saud", "was quoted as saying")


def test_nominal_mentions_resolve_to_the_last_actor_of_their_kind_never_invented():
    text = (
        "The New Zealand Herald covered the visit on Friday. The newspaper said ministers were pleased.",
        "Foreign Minister Winston Peters met officials. The minister said the talks went well.",
        "The company said it would appeal.",
    )
    quotes = quote_table([Article("x", 2020, paragraphs=text)]).set_index("text")
    assert tuple(quotes.loc["ministers were pleased", ["speaker", "resolved_by"]]) == (
        "New Zealand Herald", "nominal",
    )  # fmt: skip
    assert tuple(quotes.loc["the talks went well", ["speaker", "resolved_by"]]) == (
        "Winston Peters",
        "nominal",
    )
    company = quotes.loc["it would appeal"]
    assert company.resolved_by == "unresolved" and company.speaker_mention == "The company"


RULE_EXAMPLES = {  # one hand-made snippet per rule: (rule, text, attributed words, speaker)
    "direct_speaker_after": ("“We will win,” Mr Jenkins said.", "We will win,", "Mr Jenkins"),
    "direct_speaker_before": ("Mr Jenkins said: “We will win.”", "We will win.", "Mr Jenkins"),
    "direct_dash": (
        "“We will not back down.” — Commissioner Kerr",
        "We will not back down.",
        "Commissioner Kerr",
    ),
    "according_to_lead": ("According to the ministry, exports rose.", "exports rose", "the ministry"),
    "as_lead": ("As the Herald reported, exports rose.", "exports rose", "the Herald"),
    "speaker_first": ("Mr Jenkins said the plant would close.", "the plant would close", "Mr Jenkins"),
    "according_to_trail": ("Exports rose, according to the ministry.", "Exports rose", "the ministry"),
    "according_to_mid": (
        "Fundraising, according to the campaign, has surged.",
        "Fundraising, according to the campaign, has surged",
        "the campaign",
    ),
    "speaker_after": ("Exports rose, the ministry said.", "Exports rose", "the ministry"),
    "verb_first": ("Exports rose, said Angie Holan.", "Exports rose", "Angie Holan"),
    "participle": (
        "Mr Jenkins resigned, saying the plant would close.",
        "the plant would close",
        "Mr Jenkins",
    ),
    "colon": ("Mr Jenkins: I will win the nomination.", "I will win the nomination", "Mr Jenkins"),
    "direct_quoted_as_saying": (
        "“The talks went well,” Arab News quoted Prince Saud as saying.",
        "The talks went well,",
        "Prince Saud",
    ),
    "quoted_as_saying": (
        "Arab News quoted Prince Saud as saying the talks went well.",
        "the talks went well",
        "Prince Saud",
    ),
    "speech_act": ("Mr Jenkins accused the board of lying.", "the board of lying", "Mr Jenkins"),
    "passive": ("The merger was first reported by the Herald.", "The merger", "the Herald"),
    "mid_sentence": (
        "The plan, an inside source said, is to close the plant.",
        "The plan, an inside source said, is to close the plant",
        "an inside source",
    ),
}


@pytest.mark.parametrize("rule", sorted(RULE_EXAMPLES))
def test_every_rule_has_an_example_it_catches(rule):
    text, words, speaker = RULE_EXAMPLES[rule]
    found = quotes_in(text)
    assert found[["rule", "text", "speaker_mention"]].values.tolist()[0] == [rule, words, speaker]


def test_rule_table_is_documented_and_exemplified():
    """Every rule that can fill the `rule` column is in the rule table's docstring and has an example."""
    names = {rule.name for rule in REPORTED_RULES} | DIRECT_RULES
    assert names - {"direct_continuation", "direct_unattributed"} == set(RULE_EXAMPLES)
    for name in names:
        assert f"\n{name} " in rules_module.__doc__, name
    continued = quotes_in("Mr Jenkins said: “We will win.”", "“And we will stay.”", "“Nobody asked.”")
    assert continued.rule.tolist() == ["direct_speaker_before", "direct_continuation", "direct_continuation"]
    assert quotes_in("Nobody spoke. “Nobody asked.”").rule.tolist() == ["direct_unattributed"]


def test_speech_acts_whose_object_is_the_content_need_a_subject_that_names_someone():
    called = quotes_in("Gov. Chris Christie battled the mayor for years, at one point calling him a liar.")
    assert (called.speaker_mention.item(), called.text.item(), called.cue.item()) == (
        "Chris Christie", "him a liar", "calling",
    )  # fmt: skip
    praised = quotes_in("She recently praised the deal.")
    assert (praised.speaker_mention.item(), praised.text.item()) == ("She", "the deal")
    for text in (
        "A group called Citizens United filed the suit.",  # a name, not a speech act
        "Sanders will tone down his attacks against Clinton.",  # a noun
        "Texas was called for Ted Cruz after the polls closed.",  # a passive
    ):
        assert quotes_in(text).empty, text


def test_long_appositive_subjects_and_coordinated_speech_verbs():
    long = quotes_in(
        "Gustav Ando, research director for IHS Life Sciences, a business information and consulting "
        "company, said he thought the deal was carefully structured."
    )
    assert (long.speaker.item(), long.text.item()) == (
        "Gustav Ando",
        "he thought the deal was carefully structured",
    )
    place = quotes_in("During a rally in Raleigh, North Carolina, Mr Jenkins said the plant would close.")
    assert place.speaker.item() == "Mr Jenkins"
    coordinated = quotes_in("Mr Jenkins defended the route and said the police were ready.")
    assert (coordinated.speaker.item(), coordinated.text.item()) == ("Mr Jenkins", "the police were ready")
    indefinite = quotes_in("“I couldn’t afford it,” said one former campaign staffer, who left in May.")
    assert indefinite.speaker_mention.item() == "one former campaign staffer"
    two_appositives = quotes_in(
        "The odds are slim, says Walter Stone, co-author of Three's a Crowd, a study of third-party bids."
    )
    assert (two_appositives.speaker.item(), two_appositives.rule.item()) == ("Walter Stone", "verb_first")
    assert (
        quotes_in("When asked about the plan, only 23 percent of voters said yes.").speaker.item() != "When"
    )


def test_passages_join_a_speakers_consecutive_statements_in_a_paragraph():
    quotes = quotes_in(
        "“We will win,” Mr Jenkins said. “And we will stay.” Ms Acosta said the plan would fail.",
        "“Nobody asked,” Ms Acosta said.",
    )
    passages = passage_table(quotes)
    assert quotes.speaker.tolist() == ["Mr Jenkins", "Mr Jenkins", "Ms Acosta", "Ms Acosta"]
    assert passages[["passage", "paragraph", "n_statements", "speaker"]].values.tolist() == [
        [0, 0, 2, "Mr Jenkins"], [1, 0, 1, "Ms Acosta"], [2, 1, 1, "Ms Acosta"],
    ]  # fmt: skip
    first = passages.iloc[0]
    assert first.text == "We will win, … And we will stay."
    assert (first.start, first.end) == (quotes.start[0], quotes.end[1])
    assert list(passages.columns) == columns_of(PassageRow)
    named_twice = passage_table(quotes_in("“We will win,” Mr Jenkins said. “And we will stay,” he said."))
    assert (named_twice.n_statements.item(), named_twice.speaker_mention.item()) == (2, "Mr Jenkins / he")


def test_quoted_as_saying_names_the_speaker_and_the_outlet_that_passed_it_on():
    quotes = quotes_in(
        "“The talks went well,” Arab News quoted Prince Saud as saying.",
        "The paper quoted Mr Jenkins as saying that the plant would close.",
    )
    assert quotes.speaker_mention.tolist() == ["Prince Saud", "Mr Jenkins"]
    assert quotes.cue.tolist() == ["quoted as saying", "quoted as saying"]
    first = quotes.iloc[0]
    assert (first.channel, first.via) == ("second_hand", "Arab News")


def test_quotes_whose_paragraph_breaks_were_collapsed_keep_their_pairing():
    """BBC text joined paragraphs by spaces: '… the hardest. "By pledging …' opens a quote; it
    does not close the one before, so later quotes keep their speakers."""
    text = (
        'Mr Brown said the budget was fair. "We have made choices. This was the hardest. '
        '"By pledging to cut taxes we have helped families," he said. Mr Howard said the plan would '
        'fail. "It is a con," he added.'
    )
    quotes = quotes_in(text)
    assert quotes.text.tolist() == [
        "the budget was fair",
        "We have made choices. This was the hardest.",
        "By pledging to cut taxes we have helped families,",
        "the plan would fail",
        "It is a con,",
    ]
    assert quotes.speaker.tolist() == ["Mr Brown"] * 3 + ["Mr Howard"] * 2
    assert quotes.kind.tolist() == ["indirect", "direct", "direct", "indirect", "direct"]


def test_people_named_in_full_anywhere_are_antecedents_and_their_bare_surnames_resolve():
    """A person named in full need not be a speaker first: a later "Wenger" or "he" is that person."""
    quotes = quotes_in(
        "Arsenal manager Arthur Wenger has brought in a new goalkeeper.",
        "But he told the Evening Standard: “I do not feel it will be necessary to buy another.”",
        "“We are happy,” said Wenger.",
    )
    assert quotes.speaker.tolist() == ["Arthur Wenger", "Arthur Wenger"]
    assert quotes.resolved_by.tolist() == ["pronoun", "surname"]
    # Robin marks either gender: Robin Smith is found, with no gender, and is the only person there
    unknown = quotes_in("Robin Smith left the firm.", "“It was time,” he said.")
    assert unknown.speaker.tolist() == ["Robin Smith"] and unknown.speaker_mention.tolist() == ["he"]
    nobody = quotes_in("The firm closed.", "“It was time,” he said.")
    assert nobody.speaker.tolist() == [""] and nobody.speaker_mention.tolist() == ["he"]


def test_a_pronoun_after_an_opening_clause_and_the_antecedent_of_who():
    """'Using …, he said …' has 'he' as its subject; after an opening clause, '… the Mexican
    president, who said …' has the president."""
    clause = quotes_in(
        "Mr Erdogan spoke on Friday.",
        "Using a crude expression, he said the Turks wanted to please Washington.",
    )
    assert (clause.speaker.item(), clause.text.item()) == (
        "Mr Erdogan",
        "the Turks wanted to please Washington",
    )
    who = quotes_in(
        "In Mexico City, the candidate endured without complaint a long lecture from the Mexican president,"
        " who said that NAFTA is good."
    )
    assert (who.speaker_mention.item(), who.text.item()) == ("the Mexican president", "NAFTA is good")


def test_passives_and_possessives_before_a_cue_are_no_report():
    """'they are asked to rank', 'Her vow to go after …', 'Santilli's continued insistence'."""
    for text in (
        "While it is unclear how delegates are assigned, they are asked to rank their choices.",
        "Clinton talked through policy issues: Her vow to go after companies that ship jobs overseas.",
        "Despite Santilli's continued insistence that he was a journalist, he was charged.",
        "The purchase price was not disclosed, though it was widely reported that he paid $100 million.",
    ):
        assert quotes_in(text).empty, text


def test_adverbs_and_participles_do_not_open_a_speaker_phrase():
    early = quotes_in("Early in his campaign, Trump attacked Romney, calling him a failed candidate.")
    assert early.speaker_mention.tolist() == ["Trump", "Trump"]  # "attacked Romney", "calling him …"
    assert early.cue.tolist() == ["attacked", "calling"]
    rattling = quotes_in("Rattling off promises to lower student debt, Clinton said the economy needed help.")
    assert (rattling.speaker_mention.item(), rattling.text.item()) == ("Clinton", "the economy needed help")


def test_attribution_after_a_question_and_role_words_before_a_name():
    question = quotes_in("“How big is that wall going to be?” Pence said in response.")
    assert question[["speaker_mention", "rule"]].values.tolist() == [["Pence", "direct_speaker_after"]]
    hearer = quotes_in("“They cannot beat him,” Cruz told conservative talk-radio host Hugh Hewitt.")
    assert hearer.speaker_mention.tolist() == ["Cruz"]
    role = quotes_in("“It is his best role,” said conservative activist Bob Klaus, who backs no one.")
    assert role.speaker_mention.tolist() == ["conservative activist Bob Klaus"]
    assert quotes_in("“Why not?” The meeting went on.").rule.tolist() == ["direct_unattributed"]


def test_a_second_verb_after_but_and_a_participle_after_a_message():
    but = quotes_in("She brought the debt down to $42,000 in five years, but said she could not teach.")
    assert (but.speaker_mention.item(), but.text.item()) == ("She", "she could not teach")
    response = quotes_in(
        "Later that day, Trump fired back a response saying he would not support the agenda."
    )
    assert (response.speaker_mention.item(), response.text.item()) == (
        "Trump",
        "he would not support the agenda",
    )


def test_time_and_circumstance_after_a_trailing_cue():
    officials = quotes_in("Netanyahu will meet Trump later this month, Israeli officials said Wednesday.")
    assert officials[["speaker_mention", "text", "rule"]].values.tolist() == [
        ["Israeli officials", "Netanyahu will meet Trump later this month", "speaker_after"]
    ]
    video = quotes_in(
        "Democrats had cracked the glass ceiling, she said in a video message to the convention."
    )
    assert (video.text.item(), video.rule.item()) == (
        "Democrats had cracked the glass ceiling",
        "speaker_after",
    )
    assert (
        quotes_in("Mr Jenkins said on Monday that the plant would close.").text.item()
        == "the plant would close"
    )


def test_direct_quotes_with_hyphenated_or_quoted_hearers_and_lowercase_speakers():
    station = quotes_in('"It is sad," he told WKOW-TV of Madison.')
    assert station.rule.tolist() == ["direct_speaker_after"]
    show = quotes_in('"We have to increase the bombings," the nominee told "Fox and Friends" on Monday.')
    assert show[["speaker_mention", "text"]].values.tolist() == [
        ["the nominee", "We have to increase the bombings,"]
    ]  # the show's title is not a second quote
    boy = quotes_in("“How big is that wall?” asked the boy, who wore a red hat, as the audience laughed.")
    assert boy.speaker_mention.tolist() == ["the boy"]
    interjected = quotes_in(
        'O\'Malley, who signed gun laws as governor, interjected to say: "They are inconsistent."'
    )
    assert interjected[["speaker_mention", "rule"]].values.tolist() == [["O'Malley", "direct_speaker_before"]]


def test_chants_and_speakers_with_two_appositives():
    chant = quotes_in('As they marched down Broad Street, they chanted "no justice, no peace."')
    assert (chant.speaker_mention.item(), chant.cue.item()) == ("they", "chanted")
    assert "no justice, no peace" in chant.text.item()
    two = quotes_in(
        "Just last week, J.J. Goldberg, editor at large of The Forward, a New York newspaper, wrote, "
        "“We should think of defeating ISIS.”"
    )
    assert two[["speaker_mention", "rule"]].values.tolist()[0][1] == "direct_speaker_before"


def test_the_main_clause_after_a_subordinate_one_is_read_too():
    quotes = quotes_in(
        "While not everything Trump says is true, Jamieson said Trump is telling supporters a story."
    )
    assert quotes[["speaker_mention", "text"]].values.tolist()[-1] == [
        "Jamieson",
        "Trump is telling supporters a story",
    ]


def test_told_with_a_hearer_phrase():
    """'told' takes its hearer as a role and name, a plural, or any short phrase before 'that'."""
    host = quotes_in("Schoen told host Sean Hannity a Clinton loss is likely.")
    assert (host.speaker_mention.item(), host.text.item()) == ("Schoen", "a Clinton loss is likely")
    voters = quotes_in("Mrs. Clinton told voters in Kentucky on Sunday that Mr. Clinton would be in charge.")
    assert (voters.cue.item(), voters.text.item()) == (
        "told voters in Kentucky on Sunday",
        "Mr. Clinton would be in charge",
    )


def test_according_to_inside_a_sentence():
    """The source's appositive is not content; a period inside a name does not end the source."""
    appositive = quotes_in("Membership rose by a third, according to Ms. Jones, the party secretary.")
    assert (appositive.text.item(), appositive.speaker_mention.item()) == (
        "Membership rose by a third",
        "Ms. Jones",
    )
    dashed = quotes_in("Sales fell 5%, according to the U.S. Census Bureau - the worst month in a decade.")
    assert (dashed.text.item(), dashed.speaker_mention.item()) == ("Sales fell 5%", "the U.S. Census Bureau")


def test_present_tense_cues_after_plural_subjects_but_not_declined_ones():
    """ "Economists argue that …" is a report; "declined to claim victory" claims nothing."""
    argue = quotes_in("Economists argue that the tax will slow growth.")
    assert (argue.speaker.item(), argue.text.item(), argue.cue.item()) == (
        "economists",  # a group's opening word in lower case: one speaker wherever it stands
        "the tax will slow growth",
        "argue",
    )
    insist = quotes_in("Republicans insist the bill is dead.")
    assert (insist.speaker.item(), insist.text.item()) == ("Republicans", "the bill is dead")
    assert quotes_in("Ms Clinton declined to claim victory.").empty


def test_headlines_groups_numbers_and_sentence_subjects():
    headline = quotes_in("Glenn Beck Says Trump Poses A Threat To Democracy")
    assert (headline.speaker.item(), headline.text.item()) == (
        "Glenn Beck",
        "Trump Poses A Threat To Democracy",
    )
    group = quotes_in("His profile will rise in the Senate, and aides say he will seek reelection in 2018.")
    assert (group.speaker.item(), group.text.item()) == ("aides", "he will seek reelection in 2018")
    poll = quotes_in(
        "In the poll, 78 percent of voters said they think she is a different kind of Republican."
    )
    assert poll.text.item() == "they think she is a different kind of Republican"
    dash = quotes_in("Ms Clinton declined to claim victory - only saying that she was relieved.")
    assert (dash.speaker.item(), dash.text.item()) == ("Ms Clinton", "she was relieved")
    subject = quotes_in(
        "Podesta reiterated that approach last week, saying Clinton was committed to the plan."
    )
    assert (subject.speaker.item(), subject.text.item()) == ("Podesta", "Clinton was committed to the plan")
    assert quotes_in("Yesterday markets rose, saying nothing about the plan.").empty  # not a subject


def test_the_speaker_is_the_phrase_head_not_a_possessive_or_an_object():
    rival = quotes_in("At a rally, Donald Trump’s rival Winston Peters said the plan would fail.")
    assert rival.speaker.item() == "Winston Peters"  # not the possessive before the head
    graham = quotes_in("Graham called both Trump and Clinton “crazy” and said the party would lose.")
    assert list(zip(graham.speaker, graham.text, strict=True)) == [
        ("Graham", "both Trump and Clinton “crazy”"),  # the first verb's report, a speech act
        ("Graham", "the party would lose"),
    ]


def test_speaker_phrases_that_run_on_into_their_clause_keep_only_their_head():
    """The speaker is the phrase's head, not a name inside a preposition's object, and not the
    rest of its clause ("took to Twitter to", "of the Tax Foundation")."""
    organisers = quotes_in("Organisers of the boycott of Winston Peters's speech said they were worried.")
    assert organisers.speaker.item() == "organisers of the boycott of Winston Peters's speech"
    assert organisers.resolved_by.item() == "unresolved"
    aide = quotes_in("An aide to Winston Peters said the visit would go ahead.")
    assert aide.speaker.item() == "an aide to Winston Peters"
    twitter = quotes_in("Helen Clark took to Twitter to say the deal was a mistake.")
    assert (twitter.speaker.item(), twitter.text.item()) == ("Helen Clark", "the deal was a mistake")
    of = quotes_in("“The numbers do not add up,” said Robert Antonacci of the Tax Foundation.")
    assert of.speaker.item() == "Robert Antonacci"
    led = quotes_in("The decisive victory led Chairman Reince Priebus to say Trump was the nominee.")
    assert led.speaker.item() == "Reince Priebus"
    who = quotes_in("The question went to Vince Cable, who said the budget was unfair.")
    assert (who.speaker.item(), who.speaker_mention.item()) == ("Vince Cable", "Vince Cable, who")
    group = quotes_in("The plan was backed by Jeb Bush and Chris Christie, who said it was overdue.")
    assert group.speaker.item() != "Chris Christie"  # the antecedent is both of them
    possessive = quotes_in("Mr. Lee met Mr. King's aides.", "He said the report was wrong.")
    assert possessive.speaker.item() == "Mr. Lee"  # a name in the possessive is no antecedent


def test_trailing_group_sources_with_modifiers_and_long_names_after_the_cue():
    donors = quotes_in("His ties to business leaders have turned doubt into support, donors said.")
    assert (donors.speaker.item(), donors.text.item()) == (
        "donors",
        "His ties to business leaders have turned doubt into support",
    )
    source = quotes_in("Still, Mr Peters will rethink his approach, a source close to him said.")
    assert source.speaker.item() == "a source close to him"
    familiar = quotes_in("The deal will be signed on Friday, people familiar with the talks said.")
    assert familiar.speaker.item() == "people familiar with the talks"
    rendell = quotes_in(
        "The host committee is $9 million short, said former Pennsylvania governor Ed Rendell, who chairs it."
    )
    assert (rendell.speaker.item(), rendell.text.item()) == (
        "Ed Rendell",
        "The host committee is $9 million short",
    )
    assert rendell.speaker_mention.item() == "former Pennsylvania governor Ed Rendell"
    assert quotes_in("The game is as cheap as chips, as the man said.").empty


def test_participle_after_a_closing_quote_mark_and_after_a_group_subject():
    values = quotes_in("Helen Clark defended “Kiwi values,” saying the country embodied fairness.")
    assert (values.speaker.item(), values.text.item()) == ("Helen Clark", "the country embodied fairness")
    official = quotes_in(
        "A Labour campaign official later walked back the comments, saying the video was old."
    )
    assert (official.speaker.item(), official.text.item()) == (
        "A Labour campaign official",
        "the video was old",
    )


def test_a_group_is_one_speaker_wherever_it_stands_and_labels_are_not_speakers():
    q = quotes_in("Analysts said growth would slow.", "“Prices are too high,” analysts said.")
    assert list(q.speaker) == ["analysts", "analysts"]
    assert list(q.speaker_mention) == ["Analysts", "analysts"]
    assert quotes_in("Subs Not Used: White, McIntosh, Wood.").empty
    assert quotes_in("Tony Blair said the plan would work.").speaker.item() == "Tony Blair"
    customs = quotes_in("US Customs claimed the man was a leader.")  # an organisation, in capitals
    assert (customs.speaker.item(), customs.speaker_mention.item()) == ("United States Customs", "US Customs")


def test_surname_and_capitals_labels_of_people_the_article_names():
    headline = quotes_in(
        "Peters: Wellington Will Not Pay For Anyone Else's Defence.",
        "Winston Peters said on Monday that the budget was fixed.",
    )
    assert headline.iloc[0].speaker == "Winston Peters"
    assert headline.iloc[0].rule == "colon"
    transcript = quotes_in(
        "Helen Clark spoke to the host.",
        "CLARK: Honestly, I believe this is the most important job there is.",
    )
    assert transcript.iloc[-1].speaker == "Helen Clark"
    tally = quotes_in("Winston Peters won the vote.", "Peters: 46.", "Peters: Just hang on.")
    assert list(tally.rule) == []  # a tally and a heading are not statements
    label = quotes_in(
        "Hideo Kojima made it.", "METAL GEAR SOLID: SNAKE EATER More stealth from the studio today."
    )
    assert label.empty


def test_two_reports_in_one_sentence_and_a_speech_act_after_a_coordinated_clause():
    both = quotes_in("Luxon called the plan reckless, and said it would cost jobs.")
    assert list(zip(both.cue, both.text, strict=True)) == [
        ("called", "the plan reckless"),
        ("said", "it would cost jobs"),
    ]
    assert set(both.speaker) == {"Luxon"}
    carson = quotes_in("Mr Seymour took the stage in Wellington and called the system “rotten to the core.”")
    assert (carson.speaker.item(), carson.cue.item()) == ("Mr Seymour", "called")


def test_a_hearer_read_too_far_and_abbreviated_titles():
    court = quotes_in("Wellington was only doing what others do, a lawyer told the court in his filing.")
    assert (court.speaker.item(), court.text.item()) == (
        "a lawyer",
        "Wellington was only doing what others do",
    )
    senator = quotes_in("Sen. Kristen Gillibrand said the bill was dead.", "Gillibrand said it would return.")
    assert list(senator.speaker) == ["Kristen Gillibrand", "Kristen Gillibrand"]


def test_a_share_of_people_is_a_subject():
    share = quotes_in("About four in 10 said they were angry with the government.")
    assert (share.speaker.item(), share.text.item()) == (
        "about four in 10",
        "they were angry with the government",
    )
    assert quotes_in("About the plan, Mr Peters said nothing new.").speaker.item() == "Winston Peters"


def test_a_report_after_a_quote_and_its_attribution():
    q = quotes_in("“Vetting is one thing,” Mr Peters said on radio, but he said the questions were old.")
    assert list(q.text) == ["Vetting is one thing,", "the questions were old"]
    assert list(q.speaker) == ["Winston Peters", "Winston Peters"]
    assert list(q.resolved_by) == ["name", "pronoun"]


def test_a_participle_after_a_quote_and_its_attribution():
    q = quotes_in("“This is not a hard race,” Mr Peters said, citing the polls and the party's unity.")
    assert list(zip(q.rule, q.cue, q.text, strict=True)) == [
        ("direct_speaker_after", "said", "This is not a hard race,"),
        ("participle", "citing", "the polls and the party's unity"),
    ]
    assert set(q.speaker) == {"Winston Peters"}
    then = quotes_in("“We will win,” Mr Peters said, adding: “The polls are wrong.”")
    assert list(then.kind) == ["direct", "direct"]  # the later quote is his, once


def test_a_report_before_an_attribution_that_adds_a_quote():
    q = quotes_in("The minister left before the vote, Ms Ardern said, adding, “He was not very keen.”")
    assert list(zip(q.rule, q.text, strict=True)) == [
        ("speaker_after", "The minister left before the vote"),
        ("direct_speaker_before", "He was not very keen."),
    ]
    assert (
        quotes_in("Contrasting her with Mr Luxon, Ms Ardern said: “She is ready.”").text.item()
        == "She is ready."
    )


def test_the_report_a_quote_lead_in_makes_before_the_quote():
    hayek = quotes_in("Ms Ardern confirmed she had been and said, “New Zealand has a problem.”")
    assert list(zip(hayek.rule, hayek.text, strict=True)) == [
        ("speaker_first", "she had been"),
        ("direct_speaker_before", "New Zealand has a problem."),
    ]
    also = quotes_in("She also said the turmoil was not the fault of banks, “not by a long shot.”")
    assert list(also.text) == ["the turmoil was not the fault of banks", "not by a long shot."]
    channel = quotes_in("Mr Peters said in a video message to the party on Monday, “We will win.”")
    assert list(channel.text) == ["We will win."]  # when, where and how are not a report


def test_asides_in_the_subject_a_dash_pair_before_the_cue_and_a_relative_in_an_appositive():
    dash = quotes_in(
        "Reached on Tuesday, Joyce — who is listed as a lawyer — told the Herald he would not appeal."
    )
    assert (dash.speaker.item(), dash.text.item()) == ("Joyce", "he would not appeal")
    hyphen = quotes_in(
        "Mr Peters - in a line aimed at his rivals - declared that a leader must serve everyone."
    )
    assert hyphen.text.item() == "a leader must serve everyone"
    early = quotes_in(
        "The party's chairman, Rex Early, a former chairman who just signed on last weekend, said he "
        "had not read the rules."
    )
    assert (early.speaker.item(), early.text.item()) == ("Rex Early", "he had not read the rules")


def test_a_circumstance_after_a_trailing_cue_holds_no_comma():
    """'…, X suggested in a tweet, CLAUSE': the words after the comma are the report, not where it
    was made."""
    q = quotes_in("If she wins, Ms Ardern suggested in a tweet, women will not be punished.")
    assert q.speaker.item() == "Ms Ardern"
    assert q.text.item().endswith("women will not be punished")
    video = quotes_in("The plan will fail, she said in a video message to the convention.")
    assert video.text.item() == "The plan will fail"


def test_a_clause_may_start_after_a_quoted_title():
    q = quotes_in(
        "In a long appearance on “Morning Report,” Labour leader Chris Hipkins said the talks were useful."
    )
    assert (q.speaker.item(), q.text.item()) == ("Chris Hipkins", "the talks were useful")
    assert q.speaker_mention.item() == "Labour leader Chris Hipkins"


def test_progressive_cues_and_documents_as_sources():
    declaring = quotes_in("Ms Ardern is declaring that she is closer to a majority.")
    assert (declaring.speaker.item(), declaring.text.item()) == ("Ms Ardern", "she is closer to a majority")
    claiming = quotes_in(
        "The results are not in, but the Green campaign is already claiming victory in Wellington."
    )
    assert claiming.text.item() == "victory in Wellington"
    lawsuit = quotes_in("The law harms Māori voters, the lawsuit says.")
    assert (lawsuit.speaker.item(), lawsuit.text.item()) == ("the lawsuit", "The law harms Māori voters")


def test_a_mid_sentence_attribution_with_a_circumstance_and_a_gloss_after_a_trailing_one():
    mid = quotes_in("The job of firms now, she said in a speech at the show (CES), was to ensure growth.")
    assert mid.rule.item() == "mid_sentence"
    gloss = quotes_in("The decision was wrong, Lord Butler said in an interview, which aired on Monday.")
    assert (gloss.rule.item(), gloss.text.item()) == ("speaker_after", "The decision was wrong")
    writing = quotes_in("Richard Adler is writing two new songs for the score.")
    assert writing.empty  # composing is not speaking


def test_double_hyphen_asides_as_sources_and_a_pronoun_after_an_opening_clause():
    hyphens = quotes_in("Labour -- including Mr Hipkins -- quickly accused Mr Luxon of misleading voters.")
    assert (hyphens.speaker.item(), hyphens.cue.item()) == ("Labour", "accused")
    noted = quotes_in("The tactic is an old one, as David Dayen noted in The Intercept.")
    assert (noted.speaker.item(), noted.text.item()) == ("David Dayen", "The tactic is an old one")
    when = quotes_in(
        "When she spoke on Monday, she declined to claim victory - only saying that she was relieved."
    )
    assert when.text.item() == "she was relieved"


def test_a_partial_quote_then_said_and_the_speaker_is_verb_first():
    q = quotes_in("The old law was “very assertive and interventionist,” said Gary Orfield, a law professor.")
    assert (q.rule.item(), q.speaker.item()) == ("verb_first", "Gary Orfield")
    assert q.text.item() == "The old law was “very assertive and interventionist,”"


def test_a_quote_opened_in_reported_content_runs_on_to_its_close():
    q = quotes_in("One Greens ad argues that “only Chlöe can win. Labour can’t do it.” The ad ran twice.")
    assert q.text.item() == "“only Chlöe can win. Labour can’t do it."


def test_an_inverted_lead_and_coordinated_adjectives_before_a_trailing_speaker():
    said = quotes_in("Said Mr Peters, “The talks were useful and we will meet again soon.”")
    assert (said.rule.item(), said.speaker.item()) == ("direct_speaker_before", "Winston Peters")
    diplomat = quotes_in(
        "“We made climate the top priority,” the bespectacled, 71-year-old diplomat said on Monday."
    )
    assert (diplomat.rule.item(), diplomat.speaker.item()) == (
        "direct_speaker_after",
        "the bespectacled, 71-year-old diplomat",
    )


def test_singular_and_possessive_trailing_sources_and_long_titled_names():
    friend = quotes_in("She was also headed to Cairo, her friend said.")
    assert (friend.speaker.item(), friend.text.item()) == ("her friend", "She was also headed to Cairo")
    director = quotes_in(
        "About 12% of users were in Iran, the campaign's director told the BBC News website."
    )
    assert director.speaker.item() == "the campaign's director"
    song = quotes_in('A long sentence "would deter others," Assistant U.S. Attorney Maya D. Song wrote.')
    assert song.speaker.item() == "Assistant U.S. Attorney Maya D. Song"
    biden = quotes_in(
        "Speaking at a university, Vice President Joseph R. Biden Jr. responded to the claim that paying "
        "no tax was smart."
    )
    assert biden.rule.item() != "speaker_after"  # the words after the cue hold a clause: no trailing cue


def test_a_pronoun_contraction_and_the_subject_of_a_relative_clause():
    he = quotes_in("While he’s said he backs the plan, he’s also voted against it.")
    assert he.text.item() == "he backs the plan"
    organisers = quotes_in(
        "They held two calls, including one in which organisers claimed 400 delegates took part."
    )
    assert (organisers.speaker.item(), organisers.text.item()) == ("organisers", "400 delegates took part")
    assert quotes_in("Her vow said nothing.").empty  # a possessive still names no speaker


def test_a_bare_determiner_after_an_inverted_cue():
    q = quotes_in("“Watch out for the count in Wellington,” tweeted another.")
    assert (q.rule.item(), q.speaker.item()) == ("direct_speaker_after", "another")


def test_a_speech_act_inside_a_that_or_what_clause():
    agents = quotes_in(
        "Tunnels are so many there that Border Patrol agents described the ground as “Swiss cheese.”"
    )
    assert (agents.speaker.item(), agents.cue.item()) == ("Border Patrol agents", "described")
    what = quotes_in("The site pulled the listing of what Mr Peters described as “a piece of history.”")
    assert (what.speaker.item(), what.text.item()) == ("Winston Peters", "as “a piece of history.”")


def test_a_report_inside_a_because_or_that_clause_takes_that_clauses_subject():
    q = quotes_in("The mood was grim because Republican leaders said the bill would fail.")
    assert (q.speaker.item(), q.text.item()) == ("Republican leaders", "the bill would fail")


def test_a_base_form_after_a_comma_is_no_inverted_attribution():
    others = quotes_in("Others, however, say a recalibration is overdue.")
    assert (others.rule.item(), others.speaker.item(), others.text.item()) == (
        "speaker_first",
        "Others",
        "a recalibration is overdue",
    )
    scientists = quotes_in("Remember that social scientists say personality is stable after 30.")
    assert scientists.speaker.item() == "social scientists"


def test_an_opening_clause_then_a_name_with_an_appositive():
    q = quotes_in(
        "By contrast, Daniel Hamermesh, a labour economist at a Bonn institute, predicted that wages would fall."
    )
    assert (q.speaker.item(), q.text.item()) == ("Daniel Hamermesh", "wages would fall")


def test_a_bare_who_is_never_a_speaker_and_a_speech_acts_who_takes_its_antecedent():
    shepherd = quotes_in("The claim was denied by Shepherd, who accused the striker of “cheating” the club.")
    assert (shepherd.speaker.item(), shepherd.cue.item()) == ("Shepherd", "accused")
    vicar = quotes_in("He was introduced by his son Nick, a trainee vicar, who praised his father's honesty.")
    assert (vicar.speaker.item(), vicar.resolved_by.item()) == ("", "unresolved")  # never "who"


def test_a_speech_act_before_a_participle_report():
    q = quotes_in(
        "Spokeswoman Jennifer Palmieri called the idea a “ridiculous proposition,” adding that the "
        "rival had to explain himself."
    )
    assert q.cue.tolist() == ["called", "adding"]
    assert q.text.tolist()[1] == "the rival had to explain himself"


def test_a_speech_act_after_a_comma_and_a_coordinated_clause():
    q = quotes_in("Mr Seymour spoke at the forum on Sunday, and criticised Labour after the event.")
    assert (q.speaker.item(), q.text.item()) == ("Mr Seymour", "Labour after the event")


def test_a_group_of_something_names_a_speaker():
    q = quotes_in("Members of the conservative press accused Ms Ardern of misleading voters.")
    assert (q.speaker.item(), q.cue.item()) == ("members of the conservative press", "accused")


def test_a_long_speaker_phrase_after_the_content_with_only_a_time_after_the_cue():
    q = quotes_in(
        "The ferry carried 120 passengers, regional transport ministry spokeswoman Aroha Tane said Thursday."
    )
    assert (q.rule.item(), q.text.item(), q.speaker.item()) == (
        "speaker_after",
        "The ferry carried 120 passengers",
        "Aroha Tane",
    )
    later = quotes_in("Exports of dairy had slowed, the port authority reported two weeks ago.")
    assert (later.text.item(), later.speaker.item()) == ("Exports of dairy had slowed", "the port authority")
    # no comma before the speaker: a time after the cue is no content, and nothing is recorded
    assert quotes_in("The ministry said Thursday.").empty


def test_a_byline_place_is_not_a_report():
    assert quotes_in("Tane reported from Wellington.").empty
    assert quotes_in("Phillip reported from Oakland, Calif.; Tane, from Wellington.").empty
    sunk = quotes_in("Tane reported from Wellington that the ferry had sunk.")
    assert (sunk.speaker.item(), sunk.text.item().endswith("the ferry had sunk")) == ("Tane", True)


def test_a_quoted_sentence_that_goes_on_after_its_attribution():
    q = quotes_in("“Only you, Winston,” she said, would use a funeral to reaffirm your love of country.")
    assert q[["kind", "rule", "speaker_mention"]].values.tolist() == [
        ["direct", "direct_speaker_after", "she"],
        ["indirect", "mid_sentence", "she"],
    ]
    assert q.text.tolist()[1] == "would use a funeral to reaffirm your love of country"
    # an appositive after the speaker is no continuation
    assert quotes_in("“We will win,” said Jones, a former aide to the mayor.").rule.tolist() == [
        "direct_speaker_after"
    ]


def test_an_inverted_lead_after_a_conjunction():
    q = quotes_in("But, said Ms Tane, “I don't want to drum up conflict.”")
    assert (q.rule.item(), q.speaker.item()) == ("direct_speaker_before", "Ms Tane")


def test_a_cue_word_after_an_article_is_a_noun():
    q = quotes_in(
        "In one email, Carter described how he had placed a note card in a bag, the Herald reported."
    )
    assert q.cue.tolist() == ["reported"]  # not "note"
    assert q.speaker_mention.item() == "the Herald"


def test_an_adverb_between_a_trailing_source_and_its_cue():
    q = quotes_in("Voters turned on the party when it failed to reform, the minister also said.")
    assert (q.rule.item(), q.text.item()) == (
        "speaker_after",
        "Voters turned on the party when it failed to reform",
    )
    # a prepositional phrase before the subject is no content: the cue's own clause is the report
    speech = quotes_in("In the speech, she promised to end youth unemployment within five years.")
    assert (speech.rule.item(), speech.text.item()) == (
        "speaker_first",
        "to end youth unemployment within five years",
    )


def test_a_long_trailing_subject_and_a_name_after_a_possessor():
    q = quotes_in(
        "Voter fraud is a serious concern this year, Donald Trump’s longtime confidant Hemi Walker stated."
    )
    assert (q.rule.item(), q.text.item(), q.speaker.item()) == (
        "speaker_after",
        "Voter fraud is a serious concern this year",
        "Hemi Walker",  # the head of the phrase, not the possessor in the actor table
    )
    first = quotes_in("Jacinda Ardern’s chief of staff Mike Munro said the visit was off.")
    assert first.speaker.item() == "Mike Munro"
    # a relative clause after the comma names no one
    assert quotes_in("The plan will fail, who knows what they said.").empty
    # a passive before the cue is no speaker; auxiliaries and adverbs before it are dropped
    assert quotes_in(
        "The ferry is safe, the captain of the vessel is said to have told them."
    ).rule.tolist() != ["speaker_after"]
    bakrie = quotes_in(
        "The country no longer needs the debt freeze, Economics Minister Hemi Walker has reportedly said."
    )
    assert bakrie.speaker.item() == "Hemi Walker"


def test_curly_quotes_nested_in_curly_quotes():
    q = quotes_in(
        "Ms Tane wrote, “You must care even when “your team” is at fault. Anything else is insincere.”"
    )
    assert q.text.item() == "You must care even when “your team” is at fault. Anything else is insincere."
    # an opening mark typed where the closing one belongs closes the quote
    typo = quotes_in("Mr Jones called them “wreckers“ and said the plan was dead.")
    assert typo.text.tolist()[-1] == "the plan was dead"
    # a quote re-opened after a sentence's end (its opener forgot to close) is not nested
    reopened = find_quote_spans("She said “we met. “And she said, ‘go,’” Ms Tane said.", [(0, 53)])
    assert [(s.start, s.closed) for s in reopened] == [(10, True)]


def test_a_group_subject_after_a_time_phrase():
    q = quotes_in(
        "Last week, the Labour campaign called on the council to act and said the mayor should resign."
    )
    assert q.speaker.tolist() == ["the Labour campaign", "the Labour campaign"]


def test_speaker_phrases_that_name_no_one_stay_unresolved():
    note = quotes_in("“You are a total loser!” the note says.")
    assert note.speaker_mention.item() == "the note"  # not "the" before a cue "note"
    vague = quotes_in("His promise, confidently stated on live TV, was that voters would come round.")
    assert (vague.rule.item(), vague.speaker.item(), vague.resolved_by.item()) == (
        "mid_sentence",
        "",
        "unresolved",
    )
    papers = quotes_in("The campaign, both newspapers said, would centre on the slogan.")
    assert papers.speaker.item() == "both newspapers"
    asked = quotes_in(
        "Mr Jones said he had not seen it, and when asked whether he was to blame, he said, “I hope not.”"
    )
    assert asked.speaker.tolist()[-1] == "Mr Jones"
    # "said on Saturday" names no speaker after the cue; the appositive before it does
    white = quotes_in("The tool helps in a crisis, a spokeswoman, Anna White, said on Saturday.")
    assert (white.text.item(), white.speaker.item()) == ("The tool helps in a crisis", "Anna White")


def test_a_speaker_of_function_words_names_no_one():
    q = quotes_in("The decision, it was said, would stand.")
    assert (q.speaker.item(), q.speaker_mention.item(), q.resolved_by.item()) == ("", "it was", "unresolved")
    assert quotes_in("The deal, the US said, would stand.").speaker.item() == "United States"


def test_circumstance_after_a_trailing_cue_and_a_lead_past_an_opening_quote():
    carson = quotes_in(
        "“Boots on the ground” would be right, party candidate Hemi Walker said after the attacks."
    )
    assert (carson.rule.item(), carson.speaker.item()) == ("speaker_after", "party candidate Hemi Walker")
    assert carson.text.item() == "“Boots on the ground” would be right"
    romero = quotes_in(
        "Labour has a strong ground game, said Aroha Tane, director of a project at the University "
        "of California, Davis, Center for Regional Change."
    )
    assert (romero.rule.item(), romero.speaker.item()) == ("verb_first", "Aroha Tane")
    starr = quotes_in("Remarking upon his “genuine empathy,” Starr said, “Leave aside the unpleasantness.”")
    assert starr[["rule", "speaker", "text"]].values.tolist()[-1] == [
        "direct_speaker_before",
        "Starr",
        "Leave aside the unpleasantness.",
    ]
    # the nearest lead never starts inside a prepositional phrase
    house = quotes_in("She appeared not to have enjoyed her time in the house saying: “I'm a total wreck.”")
    assert "the house" not in house.speaker.tolist()


def test_a_quoted_title_after_a_trailing_cue_is_no_quotation():
    q = quotes_in(
        "The revolution dampened plans to return home, Mr Tane said in his 2012 book, “An Island Son.”"
    )
    assert q[["rule", "speaker", "text"]].values.tolist() == [
        ["speaker_after", "Mr Tane", "The revolution dampened plans to return home"]
    ]


def test_a_quote_that_completes_a_sentence_begun_by_its_subject():
    q = quotes_in('Petraeus "was handled so lightly there is not a lot you can do," Hemi Walker said.')
    assert q[["kind", "rule", "speaker"]].values.tolist() == [
        ["partial", "direct_speaker_after", "Hemi Walker"]
    ]
    assert q.text.item().startswith('Petraeus "was handled')
    # not after an opening participle or preposition, nor a headline's single quotes
    citing = quotes_in(
        "Citing “obligations at home,” the spokeswoman told reporters that Gore would skip it."
    )
    assert citing.text.tolist() == ["Gore would skip it"]


def test_a_speaker_never_holds_a_quotation():
    """A headline with a quotation run into the first sentence (BBC style): the speaker is the
    sentence's subject after the quotation, never the masked quotation's placeholder."""
    found = quotes_in(
        "US firm 'bids for Lacroix label' A US firm has said it is in final negotiations with luxury goods group LVMH."
    )
    assert found[["speaker", "speaker_mention"]].values.tolist() == [["A US firm", "A US firm"]]
    found = quotes_in("Oz is “worse than Trump” Steve Mosko said in an email to the network.")
    assert not found.speaker.str.contains("x x|xx", regex=True).any()
    kept = quotes_in("Mr Jenkins said: “We will win.”")
    assert kept.speaker.tolist() == ["Mr Jenkins"]


def test_people_named_after_a_role_are_speakers_for_surnames_and_pronouns():
    q = quotes_in(
        "Chinese President Xi Jinping met the prime minister on Monday.",
        "The two countries should trade more, Xi said.",
        "“China is a friend,” he added.",
        "Foreign Minister Nanaia Mahuta welcomed the visit. “It went well,” she said.",
    )
    assert list(q.speaker) == ["Xi Jinping", "Xi Jinping", "Nanaia Mahuta"]
    assert list(q.resolved_by) == ["surname", "pronoun", "pronoun"]
    assert set(q.channel) == {"unstated"}


def test_a_time_after_the_name_is_not_part_of_the_speaker():
    q = quotes_in(
        "Prime Minister Jacinda Ardern on Monday said the troops would come home.",
        "Defence Minister Ron Mark yesterday said the mission was over.",
    )
    assert list(q.speaker) == ["Jacinda Ardern", "Ron Mark"]


def test_a_clause_after_the_cue_is_the_content_not_a_source():
    # "X, an appositive, said the ruling was wrong": not "CONTENT, said SOURCE" with a clause as source
    for text, speaker, content in [
        ("Charles Blixt, executive vice-president of RJ Reynolds, said the ruling was wrong.", "Charles Blixt",
         "the ruling was wrong"),
        ("The company, based in Texas, said a deal was close.", "the company, based in Texas", "a deal was close"),
    ]:  # fmt: skip
        found = quotes_in(text)
        assert (found.speaker.item(), found.text.item(), found.rule.item()) == (
            speaker,
            content,
            "speaker_first",
        )
    for text, source in [
        ("The deal is off, said one former aide.", "one former aide"),
        ("The deal is off, said the firm's lawyer.", "the firm's lawyer"),
    ]:
        found = quotes_in(text)
        assert (found.speaker.item(), found.text.item(), found.rule.item()) == (
            source,
            "The deal is off",
            "verb_first",
        )
