"""Quotation marks paired into quoted stretches: double marks by their neighbours and shapes, in
every language's spacing, and single marks only where a speech verb follows."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.extract.marks import MARKS, quote_spans


def test_broken_marks_never_swallow_a_paragraph() -> None:
    text = (
        "The minister said “the talks failed. Then the council met and voted on the budget.\n\n"
        "Later, “the vote is a disgrace for all of us,” said Anna Berg.” It ended.”"
    )
    spans = [text[s.start + 1 : s.end] for s in quote_spans(text)]
    assert spans == ["the vote is a disgrace for all of us,"]


def test_a_quote_continues_into_a_paragraph_that_opens_with_a_quotation_mark() -> None:
    text = 'She said: "The first part of a statement.\n\n"And the second part of it," she added.\n\nNo quote "here'
    spans = [text[s.start + 1 : s.end] for s in quote_spans(text)]
    assert spans == ['The first part of a statement.\n\n"And the second part of it,']


@pytest.mark.parametrize("text, expected", [
    # French spacing: a space inside each guillemet, and a comma or stop after the closing one.
    ("« La nuit sera décisive », a déclaré le préfet. « Le vent est notre pire ennemi ».",
     ["La nuit sera décisive", "Le vent est notre pire ennemi"]),
    # German chevrons point inwards: the neighbours, not the shapes, say which opens.
    ("»Die Nacht wird entscheidend sein«, sagte der Präfekt.", ["Die Nacht wird entscheidend sein"]),
    ('He said "...and then the water came," and left.', ["...and then the water came,"]),
])
def test_marks_are_paired_in_every_language_s_spacing(text: str, expected: list[str]) -> None:
    assert [text[s.start + 1 : s.end].strip() for s in quote_spans(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("'We will not sign this deal,' he said. The unions' demands were 'unreasonable', officials said.",
     ["We will not sign this deal,"]),  # a quoted word in lower case is a term, not a remark
    ("'Dit is een aanval op een zwaar beroep', zei BTB-voorzitter Dirk Van Looy.", ["Dit is een aanval op een zwaar beroep"]),
    ("Om zes uur 's ochtends legden honderden sjorders het werk neer.", []),
    ("The 'Big Three' carmakers' shares fell after the 'Iron Lady' film, analysts noted.", []),  # no speech verb after
    ("'It's the unions' fault,' the minister said.", ["It's the unions' fault,"]),
    # after a colon, closed by the end of a sentence; an apostrophe never closes one
    ("Karl Weiss said: 'We won't sign. It's the unions' call.' Then he left.", ["We won't sign. It's the unions' call."]),
    ("Anna Berg said: 'Fine.' Karl Weiss said: 'The deal is off.'", ["Fine.", "The deal is off."]),
    ("The sign read: 'Closed' and nothing else.", []),
    # after a verb of saying and at most three words, closed by the end of a sentence
    ("Pickell said, describing the suspect as 'subdued. Very, very, very subdued.' Officers found a gun.",
     ["subdued. Very, very, very subdued."]),
    ("She said the teachers' union agreed 'with reservations.'", []),  # four words from the verb
    # …or by a comma, as a partial quote in British style
    ("The families requested 'total privacy,' and the hospital said nothing more.", ["total privacy,"]),
    ("The families requested the workers' and the teachers' pay, and nothing more.", []),
])
def test_single_marks_quote_only_where_a_speech_verb_follows(text: str, expected: list[str]) -> None:
    assert [text[s.start + 1 : s.end] for s in quote_spans(text)] == expected


def test_a_quote_open_where_the_next_one_opens_after_a_sentence_ran_to_that_sentence() -> None:
    # Copy that lost its paragraph breaks: the paragraph's quote was never closed, the next opens.
    text = (
        'Papoulias said the country had "reached the edge" . "Our country has reached the edge of the '
        'abyss. It is the duty of us all. "What is at stake is social peace." Papandreou said it was a '
        '"raw murderous act" .'
    )
    assert [text[s.start + 1 : s.end].strip() for s in quote_spans(text)] == [
        "reached the edge", "Our country has reached the edge of the abyss. It is the duty of us all.",
        "What is at stake is social peace.", "raw murderous act",
    ]


def test_a_stray_opening_mark_inside_a_quote_is_ignored() -> None:
    text = "He said, “we oppose the actions that are undermining support and “Imposing more sanctions.”"
    [span] = quote_spans(text)
    assert text[span.start + 1 : span.end].startswith("we oppose")


@given(st.text(alphabet='ab .,\n"“”«»', max_size=80))
def test_quote_spans_are_ordered_disjoint_and_bounded_by_marks(text: str) -> None:
    spans = quote_spans(text)
    for span in spans:
        assert text[span.start] in MARKS and text[span.end] in MARKS and span.start < span.end
    assert all(a.end < b.start for a, b in zip(spans, spans[1:]))
    for span in spans:  # a span crosses a blank line only into a paragraph that opens with a mark
        for gap in range(span.start, span.end):
            if text.startswith("\n\n", gap):
                assert text[gap:span.end].lstrip()[:1] in MARKS


def test_a_quoted_report_is_no_remark_but_the_quotes_inside_it_are() -> None:
    text = (
        'There is breaking news. "A gunman shot three people at an office, police said. The victims were '
        "taken to hospital, said Lt. Gerry Scherlinck. 'He probably realized he would be shot,' Undersheriff "
        'James Gage said." (News article) More later.'
    )
    assert [text[s.start + 1 : s.end] for s in quote_spans(text)] == ["He probably realized he would be shot,"]


def test_one_speaker_s_long_quote_may_tell_what_was_said() -> None:
    text = '"We said we would rebuild. And we did. We will do it again," the mayor said.'
    assert [text[s.start + 1 : s.end] for s in quote_spans(text)] == ["We said we would rebuild. And we did. We will do it again,"]
