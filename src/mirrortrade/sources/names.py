"""Partner names as national statistics offices print them (Russian, English) -> ISO3.

Order of lookup: the explicit table below (names the libraries get wrong or do not know),
then pycountry's Russian ISO 3166 translations (exact match after normalising case and
spaces), then country_converter's English regexes. Aggregates (Всего, СНГ, ЕАЭС, Европа,
Африка, ...) are recognised by *exact* normalised name, never by keyword: "Южная Африка" (South
Africa) and "Центрально-Африканская Республика" contain "Африка" but are countries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mirrortrade.model import is_country


def normalise(name: object) -> str:
    """Lower case, 'ё'->'е', one space, no footnote digits or trailing dots/commas."""
    s = str(name or "").replace("\u00a0", " ").replace("ё", "е").replace("Ё", "Е")
    s = s.split("\n")[0] if not s.lower().startswith("всего") else s
    s = " ".join(s.split()).strip(" .,:;").lower()
    return s


#: rows that are totals, groups or unallocated trade: never a bilateral partner
NOT_COUNTRIES: frozenset[str] = frozenset(
    normalise(n)
    for n in (
        # Russian (KZ BNS, KG NSC)
        "Всего", "Всего в том числе", "Всего\nв том числе", "Страны СНГ", "СНГ", "Страны ЕАЭС", "ЕАЭС",
        "Страны вне ЕАЭС", "Остальные страны мира", "Европа", "Страны ЕС", "ЕС", "Страны вне ЕС", "Азия",
        "Америка", "Африка", "Австралия и Океания", "ШОС", "Неопределенная страна", "Другие страны",
        "Европейский Союз", "Европейский союз (ЕС)", "Европейский Союз (ЕС)", "Прочие страны", "ООН",
        "Нормандские острова",
        # English (KG NSC, stat.uz)
        "Total", "The EU", "EU", "CIS", "SCO", "EAEU", "Europe", "Asia", "America", "Africa",
        "Australia and Oceania", "Undefined country", "European Union (EU)", "Other countries", "UN",
        "Channel Islands",
    )
)

#: names the libraries map wrongly or not at all (checked against the fixture files)
EXPLICIT: dict[str, str] = {
    normalise(k): v
    for k, v in {
        # Russian
        "Россия": "RUS", "Кыргызстан": "KGZ", "Молдова, Республика": "MDA", "Соединенное Королевство": "GBR",
        "Соединенные Штаты Америки": "USA", "США": "USA", "Тайвань (Китай)": "TWN", "Тайвань": "TWN",
        "Гонконг": "HKG", "Макао": "MAC", "Китай": "CHN",
        "Корея, Народно-Демократическая Республика": "PRK", "Республика Корея": "KOR",
        "Иран, Исламская Республика": "IRN", "Ирак, Республика Ирак": "IRQ", "Бруней-Даруссалам": "BRN",
        "Ватикан, Государство-Город": "VAT", "Объединенные Арабские Эмираты": "ARE",
        "Танзания, Объединенная Республика": "TZA", "Микронезия, Федеративные Штаты": "FSM",
        "Палестина, Государство": "PSE", "Самоа, Независимое Государство": "WSM", "Свазиленд": "SWZ",
        "Македония": "MKD", "Республика Латвия": "LVA", "Черногория (Монтенегро)": "MNE", "Тимор-Лесте": "TLS",
        "Папуа-Новая Гвинея": "PNG", "Коморские Острова": "COM", "Майотта": "MYT", "Питкерн": "PCN",
        "Сен-Бартелеми": "BLM", "Американское Самоа": "ASM", "Восточное Самоа": "ASM",
        "Ангилья (Брит.)": "AIA", "Гибралтар (Брит.)": "GIB", "Каймановы Острова (Брит.)": "CYM",
        "Виргинские Острова (Брит.)": "VGB", "Виргинские Острова (США)": "VIR", "Виргинские Острова, США": "VIR",
        "Гуам (США)": "GUM", "Кокосовые (Килинг) Острова": "CCK", "Остров Святой Елены": "SHN",
        "Острова Кука (Н.Зел.)": "COK", "Острова Теркс и Кайкос": "TCA", "Уоллис и Футуна": "WLF",
        "Фолклендские Острова (Мальвинские)": "FLK", "Французкие южные территории": "ATF",
        "Французские Южные Территории": "ATF", "Южн.Джорджия и Южн.Сандвич.Острова": "SGS",
        "Британская Территория в Индийском Океане": "IOT", "Северные Марианские Острова": "MNP",
        "Малые Тихоокеан. Отдаленные остроа США": "UMI", "Малые Тихоокеан. отдален. острова США": "UMI",
        "Малые Тихоокеан.отдален.ост-ва С.Ш.": "UMI", "Центрально-Африканская Республика": "CAF",
        "Южная Африка": "ZAF", "Конго": "COG", "Демократическая Республика Конго": "COD", "Заир": "COD",
        "Кот-Д'Ивуар": "CIV", "Бутан": "BTN", "Буве": "BVT", "Остров Буве": "BVT",
        # English (KG NSC spells some oddly)
        "Butane": "BTN", "Bouvet": "BVT", "CAR": "CAF", "Congo": "COG", "Zaire": "COD",
        "Eastern SAMOA": "ASM", "China (Sar Hong Kong)": "HKG", "SAR-Hong Kong": "HKG", "Macau (Macau)": "MAC",
        "Taiwan. China province": "TWN", "Korea (DPRK)": "PRK", "The Republic of Korea": "KOR",
        "Great Britain (United Kingdom)": "GBR", "Great Britain": "GBR", "Coconut islands": "CCK",
        "Salvador": "SLV", "Bostwana": "BWA", "Burkino Faso": "BFA", "Republic of Macedonia": "MKD",
        "Macedonia": "MKD", "Libyan Arab Jamahiriya": "LBY", "Swaziland": "SWZ", "USA": "USA",
        "Virgin Islands, United States": "VIR", "British virgin islands": "VGB", "Kosovo": "XKX",
        "UAE": "ARE", "ОАЭ": "ARE",
    }.items()
}


#: real partners that have no current ISO 3166 code (dissolved before the period but still
#: printed by some offices); the store cannot hold them, so parsers skip them and say so
NO_ISO3: frozenset[str] = frozenset(
    normalise(n) for n in ("Netherlands Antilles", "Нидерландские Антильские острова", "Нидерландские Антильские Острова")
)


@lru_cache(maxsize=1)
def _russian() -> dict[str, str]:
    import gettext

    import pycountry

    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                out.setdefault(normalise(ru.gettext(v)), c.alpha_3)
    return out


@lru_cache(maxsize=1)
def converter() -> object:
    """A country_converter instance.

    country_converter 1.3.2 cannot load its own data file under pandas 3 (its string-dtype
    handling leaves non-string regexes and ``CountryConverter()`` raises TypeError), so the
    data file is read here with plain object strings and handed over as a frame.
    """
    import country_converter as coco
    import pandas as pd
    from country_converter.country_converter import COUNTRY_DATA_FILE

    df = pd.read_csv(COUNTRY_DATA_FILE, sep="\t", encoding="utf-8", dtype=str, keep_default_na=False, na_values=[""])
    for c in ("ISOnumeric", "UNcode", "FAOcode", "GBDcode", "EURO", "UN", "UNmember", "obsolete", "GEOnumeric"):
        if c in df.columns:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("Int64")
    df = df.astype({c: object for c in df.columns if not str(df[c].dtype).startswith("Int")})
    return coco.CountryConverter(country_data=df)


def _english(name: str) -> str | None:
    import logging

    cc = converter()
    log = logging.getLogger("country_converter")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        out = cc.convert(name, to="ISO3", not_found=None)  # type: ignore[attr-defined]
    finally:
        log.setLevel(level)
    if isinstance(out, list):
        return None
    return out if isinstance(out, str) and is_country(out) else None


def is_aggregate_name(name: object) -> bool:
    return normalise(name) in NOT_COUNTRIES or normalise(name) == ""


def has_no_iso3(name: object) -> bool:
    return normalise(name) in NO_ISO3


def name_to_iso3(*names: object) -> str | None:
    """ISO3 for the first of ``names`` (e.g. English, then Russian) that maps; None if none does.

    Aggregates return None; check :func:`is_aggregate_name` first to tell them apart.
    """
    for name in names:
        n = normalise(name)
        if not n or n in NOT_COUNTRIES:
            continue
        if n in EXPLICIT:
            return EXPLICIT[n]
        if re.search("[а-я]", n):
            if n in _russian():
                return _russian()[n]
            continue
    for name in names:
        n = normalise(name)
        if n and n not in NOT_COUNTRIES and not re.search("[а-я]", n):
            iso = _english(str(name).strip())
            if iso:
                return iso
    return None
