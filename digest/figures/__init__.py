"""Figures: numbers that count something, and their grouping across a topic's articles.

Modules, in the order a figure is read: `words` (the vocabulary, as data), `values` (written numbers,
no spaCy), `naming` (numbers that name, not count), `numbers`, `counted` (what a number counts),
`measures` (what befell it: "killed", "took part"), `background` (another event's figures, marked
context), `context`, `measurements`, `fractions`, `assemble` (the entry point, `find_figures`) and
`grouping` (`group_figures`, which needs no spaCy).

A figure is read off the dependency parse: a run of number tokens, the noun it counts
(`nummod`, or an elided noun after "including"/"of", or a tally noun: "the toll rose to 300"),
what is measured (a general lexicon of casualty, captivity, displacement … words found on the
noun, its modifiers or its governing verb), and the place, period, date and source found by
walking up from the count through its governors. Nothing here names an event, outlet or place.

Qualifiers are normalised to: "at least", "more than", "about" (approximately, around, roughly,
nearly, almost, close to, an estimated), "some" (kept apart: outlets use it as a rounding mark),
"at most" (up to, no more than) and "fewer than"; None when the number is given as exact.
"""
