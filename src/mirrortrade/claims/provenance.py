"""Where each slot of a claim was filled from (issue 16: precision first, and every reading explained).

Every slot of a claim records its provenance (:attr:`Claim.how`, ``provenance`` in ``check --json``):

* reporter — ``sentence`` / ``sentence-after`` (statistics named in the sentence, before / after the figure),
  ``paragraph`` (named earlier in the paragraph), ``previous-paragraph`` (carried from a paragraph before),
  ``article-default`` (the first source the article names), ``flow-subject`` (no source named anywhere: the flow's
  subject: a guess, left unresolved), ``store-match`` (that guess settled by the one side's stored series the
  figure matches, :mod:`mirrortrade.claims.whose`), ``flow-holder`` (a flow-subject guess the flow phrase itself holds
  the flow of: "India's trade with China", "Kazakh exports"), ``unstored-pair`` (that guess kept for two countries
  the store holds no figure of: nothing to tell the sides apart or to flag against), ``sole-side`` (a country's trade with the Central Asian
  region: only the country publishes it), ``paragraph-settled`` (a figure of the same two countries in the
  paragraph of one settled or named in its flow phrase), ``contrast-other-side`` (stated before a first agency that
  puts its own figures "higher": the other country's, :mod:`mirrortrade.claims.agencies`), ``named-after`` (the next sentence says whose statistics the figures are: "The figures are taken from China's
  customs statistics", :mod:`mirrortrade.claims.sourced_after`), ``share-holder`` (a share "of Mongolia's total foreign trade": the
  holder's statistics, :mod:`mirrortrade.claims.holders`), ``paragraph-named`` (a pair named in no order settled by
  a figure of the same two countries in its paragraph whose reporter the text gives, :mod:`mirrortrade.claims.whose`),
  ``partner-statistics`` (a hub's figure with one of several partners, compiled "from national statistics": the
  partner's, :mod:`mirrortrade.claims.partner_statistics`), ``store-settled-unnamed`` (a figure under an agency of
  no known country, or before any source is named, settled as ``store-match``, ``sole-side`` or ``paragraph-settled``
  are: never carries a flagging finding), ``speaker`` (an official
  quoted), ``unnamed-source``, ``unplaced-source`` (an agency of no known
  country), ``antecedent`` (a figure referring back, its sentence naming no agency), ``other-country``, ``rival-count``, ``province``, ``none-yet`` / ``none``;
* partner — ``clause`` (the flow phrase: "Kazakh imports from China"), ``clause-subject``, ``world-word`` ("total",
  "foreign"), ``previous-figure`` (the sentence's figure before), ``list-member``, ``respectively``, ``ranking``,
  ``elliptic-party`` ("while that with Kyrgyzstan", "and with Afghanistan to"), ``antecedent`` ("this figure"),
  ``series``, ``total-parts`` (a part of the pair's total just given: "of which", or exports and imports adding up to it, :mod:`mirrortrade.claims.part_sums`), ``ranking-member`` (a member of a ranking of one country's partners), ``role`` ("Vietnam's biggest buyer"), ``pair-phrase`` ("bilateral trade"), ``pair-region``, ``pair-reference``, ``share-holder``, ``share-list``, ``share-part``, ``gapped-list``, ``sentence-country``,
  ``paragraph-topic``, ``article-hub``, ``paragraph-country``, ``reporter-country``, ``reporter-partner``,
  ``world-default``, ``beyond-bilateral``, ``joint-holders``, ``unknown-party``, ``none``;
* flow — ``flow-noun``, ``flow-verb``, ``flow-word``, ``flow-after`` (the flow word follows the figure),
  ``previous-figure``, ``respectively``, ``antecedent``, ``antecedent-part``, ``ranking``, ``role``, ``share-part``, ``comparison-base``,
  ``difference-unsaid``;
* period — ``clause-after`` / ``clause-before`` / ``sentence`` (printed next to the figure, in its clause, or
  elsewhere in the sentence; ``+dateline`` when relative to the article's date: "last year", ``+context`` when
  relative to the period in context: "a year earlier"), ``paragraph``, ``previous-paragraph``, ``main-span`` (the
  article's main span, gone back to after a paragraph about a part of it), ``article-majority``,
  ``data-year``, ``year-after-base``, ``bracket-base``, ``when-base``, ``same-span-base``, ``printed-base``, ``compared-base``,
  ``year-before-base``, ``comparison-base``, ``from-level``, ``to-level`` (a rate stated with the levels it went
  between: the "to" level's period), ``rate-beside-base``, ``main-beside-base``,
  ``change-to-level``, ``rival-periods``, ``antecedent``, ``no-calendar``, ``span-base``, ``base-unreadable``,
  ``year-span-from`` / ``year-span-to`` (the levels a change went between over a span of several years: "From 2021 to
  2024, exports increased from $A to $B"), ``year-span`` (any other figure of such a span: no period), ``none``;
* kind / value — ``figure``, ``bracketed-share``, ``no-fx-rate``.
"""

from __future__ import annotations

#: every label a slot's provenance can carry (``provenance`` in ``check --json``): the vocabulary a reader of the JSON
#: can rely on. Calibration of slot confidence by provenance was measured on unseen text in session 11 and not
#: applied; the measurement and the rule live with the benchmark (``benchmarks/_calibration.py``).
LABELS: dict[str, frozenset[str]] = {
    "reporter": frozenset({
        "sentence", "sentence-after", "paragraph", "previous-paragraph", "article-default", "flow-subject",
        "speaker", "unnamed-source", "unplaced-source", "other-country", "rival-count", "province", "none-yet",
        "none", "store-match", "flow-holder", "unstored-pair", "sole-side", "paragraph-settled", "contrast-other-side", "ranking-owner", "antecedent",
        "named-after", "store-settled-unnamed", "share-holder", "paragraph-named", "partner-statistics"}),
    "partner": frozenset({
        "clause", "clause-subject", "world-word", "previous-figure", "list-member", "respectively", "ranking",
        "elliptic-party", "antecedent", "series", "total-parts", "pair-phrase", "pair-region", "pair-reference",
        "share-holder", "share-list", "share-part", "gapped-list", "sentence-country", "paragraph-topic",
        "article-hub", "paragraph-country", "reporter-country", "reporter-partner", "world-default",
        "beyond-bilateral", "joint-holders", "unknown-party", "ranking-hub", "region-unnamed", "role", "ranking-member",
        "none"}),
    "flow": frozenset({
        "flow-noun", "flow-verb", "flow-word", "flow-after", "previous-figure", "respectively", "antecedent",
        "antecedent-part", "ranking", "role", "share-part", "comparison-base", "difference-unsaid"}),
    "period": frozenset({
        *(f"{w}{s}" for w in ("clause-after", "clause-before", "sentence") for s in ("", "+dateline", "+context")),
        "paragraph", "previous-paragraph", "main-span", "article-majority", "data-year", "year-after-base", "bracket-base",
        "when-base", "same-span-base", "printed-base", "compared-base", "year-before-base", "comparison-base",
        "from-level", "to-level", "rate-beside-base", "main-beside-base", "change-to-level", "rival-periods", "antecedent",
        "no-calendar", "span-base", "base-unreadable", "year-span-from", "year-span-to", "year-span", "none"}),
    "kind": frozenset({"figure", "bracketed-share"}),
    "value": frozenset({"figure", "no-fx-rate"}),
}
