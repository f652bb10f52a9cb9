"""The claim checker reads English-language news text: an article in another script is refused with its script
named (claims.io.script_problem), an English article quoting names or titles in another script is read."""

from __future__ import annotations

import pytest

from mirrortrade.claims.io import script_problem, validate_article_text
from mirrortrade.errors import ParseError

#: Kazakhstan's Bureau of National Statistics, 2022 trade with China (src/mirrortrade/data/national_ca_china.csv):
#: exports $13.06bn, imports $11.14bn
RUSSIAN = ("Товарооборот Казахстана и Китая в 2022 году составил 24,2 млрд долларов США. Экспорт Казахстана в Китай "
           "достиг 13,1 млрд долларов, импорт из Китая составил 11,1 млрд долларов.")
#: China's customs (GACC), 2022 trade with Kazakhstan: $31.2bn, up 23.6% (src/mirrortrade/data/published_figures.csv)
CHINESE = "2022年中国与哈萨克斯坦贸易额为312亿美元，同比增长23.6%。据中国海关总署统计，双边贸易创历史新高。" * 2
ENGLISH_QUOTING = ("Kazakhstan's exports to China reached $13.1 billion in 2022, the Bureau of National Statistics "
                   "(Бюро национальной статистики) said in its bulletin «Внешняя торговля», up from $9.8 billion.")


def test_an_article_in_another_script_is_refused_with_its_script_named() -> None:
    assert "Cyrillic" in (script_problem(RUSSIAN) or "")
    assert "Cjk" in (script_problem(CHINESE) or "")
    with pytest.raises(ParseError, match="not in English"):
        validate_article_text(RUSSIAN.encode(), "ru.txt")


def test_english_text_quoting_another_script_is_read() -> None:
    assert script_problem(ENGLISH_QUOTING) is None
    assert validate_article_text(ENGLISH_QUOTING.encode(), "en.txt") == ENGLISH_QUOTING
    # a few letters of another script alone (a name, a headline word) say nothing about the text's language
    assert script_problem("Астана: $13.1bn") is None
