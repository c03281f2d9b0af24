"""Each gazetteer on real sentences from the corpus (copied verbatim), hard variants included."""

from __future__ import annotations

import pytest

from loaders.gazetteers import find_areas, find_articles, find_countries
from tests.conftest import corpus_text


def keys(mentions: list) -> list[str]:
    return [m.key for m in mentions]


# -- articles ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("He said that Article 14 of the Convention on capacity", ["14"]),
    ("recalled article 7 of the Minamata Convention on artisanal and small-scale gold mining (ASGM)", ["7"]),
    ("Group of technical experts to prepare the guidance called for under article 8 of the Convention", ["8"]),
    ("He stated that the work undertaken under these different activities was relevant to "
     "Articles 14, 16, 17, 18, 19 and 22 of the Convention.", ["14", "16", "17", "18", "19", "22"]),
    ("technical assistance referred to in paragraph 6 (b) of article 13 of the Minamata Convention "
     "(UNEP(DTIE)/Hg/INC.7/INF.6)", ["13"]),
    ("Partners of the Partnership area are working on projects that can contribute specifically to "
     "Articles 1, 19 and 22 of the Minamata Convention but are not limited to these Articles.", ["1", "19", "22"]),
    ("tools for the purpose of implementing trade provisions, such as those found in Article 4 to the Convention.",
     ["4"]),
    ("Worked to make the SDGs more understandable in connection with the Minamata Convention (Article 7)", ["7"]),
    ("assess the effectiveness of the Convention as elaborated in Article 22.", ["22"]),
])
def test_article_mentions_in_real_sentences(sentence: str, expected: list[str]) -> None:
    assert keys(find_articles(sentence)) == expected


@pytest.mark.parametrize("sentence", [
    # other instruments and non-articles in the same reports
    "In paragraph 11 of its resolution on arrangements in the interim period before entry into force",
    "Elaboration of an extensive review article on Gravity Concentration Methods in Artisanal Gold Mining",
    "the requirement ... to prepare and implement a national action plan (NAP) in accordance with Annex C",
    "as provided in article 11 of the Basel Convention on the Control of Transboundary Movements",
    "pursuant to article 4 of decision MC-3/3",
    "Article 45 of the Convention",  # there are only 35
    "He said there were clear links between the Partnership Areas and the articles of the Convention",
])
def test_not_articles_of_the_convention(sentence: str) -> None:
    assert find_articles(sentence) == []


def test_article_ranges_expand() -> None:
    assert keys(find_articles("obligations under Articles 8 to 10 of the Convention")) == ["8", "9", "10"]


def test_list_mentions_point_at_each_number() -> None:
    sentence = "relevant to Articles 14, 16 and 22 of the Convention"
    assert [m.surface for m in find_articles(sentence)] == ["14", "16", "22"]


# -- areas ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("Ms. Keane and Mr. Bernaudat presented the ASGM Partnership area", ["asgm"]),
    ("Ms. Lesley Sloss (International Energy Agency, Clean Coal Centre) on the Partnership area on coal", ["coal"]),
    ("Mr. Nicola Pirrone presented the fate and transport Partnership area", ["fate-transport"]),
    ("The WMA is the biggest partnership under the UNEP GMP", ["waste"]),
    ("Ms. Kovner presented the products partnership area whose overall objectives were", ["products"]),
    ("- **Mercury cell chlor-alkali production:** The Environmental Protection Agency of the United States",
     ["chlor-alkali"]),
    ("- **Mercury releases from the cement industry:** The Global Cement and Concrete Association (GCCA)",
     ["cement"]),
    ("The Supply & Storage partnership area", ["supply-storage"]),
    ("business plans have been updated for the following seven partnership areas: artisanal and small-scale gold "
     "mining; mercury cell chlor-alkali production; mercury air transport and fate research; mercury in products;",
     ["asgm", "chlor-alkali", "fate-transport", "products"]),
    ("A new partnership area business plan has been developed for mercury releases from cement industry.",
     ["cement"]),
    ("the Partnership and its areas of work on mercury in products and on mercury waste management jointly",
     ["products", "waste"]),
])
def test_area_mentions_in_real_sentences(sentence: str, expected: list[str]) -> None:
    assert keys(find_areas(sentence)) == expected


@pytest.mark.parametrize("sentence", [
    "A further 21% of funding had been for work on mercury emissions from coal",  # the topic, not the area
    "the phase down of dental amalgam; and to support work to reduce mercury use in vinyl chloride monomer",
    "mercury-added products listed in Annex A",
    "the management of wastes containing mercury",
])
def test_unqualified_topic_words_are_not_areas(sentence: str) -> None:
    assert find_areas(sentence) == []


# -- countries --------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("The Kyrgyz Republic has", ["KGZ"]),
    ("an additional seven countries: Sierra Leone, Zambia, Mali, Guinea, Cote d'Ivoire, Nicaragua and Ecuador",
     ["SLE", "ZMB", "MLI", "GIN", "CIV", "NIC", "ECU"]),
    ("Bolivia, Ghana, Honduras, Madagascar, Nigeria, Republic of the Congo, Suriname, and Uganda",
     ["BOL", "GHA", "HND", "MDG", "NGA", "COG", "SUR", "UGA"]),
    ("the Just Gold project in north-eastern Democratic Republic of the Congo (DRC), funded by Global Affairs Canada",
     ["COD", "COD", "CAN"]),
    ("Reducing Mercury Use in Papua New Guinea’s Artisanal and Small-scale Gold Mining Sector", ["PNG"]),
    ("inventories and risk management plans in Latin America (Chile, Ecuador, and Peru)", ["CHL", "ECU", "PER"]),
    ("projects in Kenya, Ivory Coast, India, Bangladesh and the Philippines", ["KEN", "CIV", "IND", "BGD", "PHL"]),
    ("with the Kingdom of Cambodia, Malaysia, Thailand and Viet Nam", ["KHM", "MYS", "THA", "VNM"]),
    ("held in Jeju, Republic of Korea, from 14 to 19 June", ["KOR"]),
    ("St. Kitts and Nevis (SKN), The Bahamas, Cuba and Dominica", ["KNA", "BHS", "CUB", "DMA"]),
    ("projects on Guyane and provide", ["GUF"]),
    ("the EU-funded USEPA-supported work with the International Energy Agency in China, Russia, South Africa and "
     "India", ["CHN", "RUS", "ZAF", "IND"]),
    ("with funding from the US Department of State", ["USA"]),
    ("the Governments of Japan, Switzerland, the United States of America and Uruguay",
     ["JPN", "CHE", "USA", "URY"]),
    ("Czech Republic;", ["CZE"]),
    ("the United Republic of Tanzania and the Plurinational State of Bolivia", ["TZA", "BOL"]),
])
def test_country_mentions_in_real_sentences(sentence: str, expected: list[str]) -> None:
    assert keys(find_countries(sentence)) == expected


@pytest.mark.parametrize("sentence", [
    "The Government granted 850,000 US$ to the project",  # US$ is a currency
    "capacity for mercury storage and disposal in Asia and Latin America",  # regions are not countries
    "Experience in Europe and North America has shown",
    "Worked to make the SDGs more understandable in connection with the Guinean mining code",
    "opened by Mr. Jordan Smith and Ms. Chad",
    "the turkey and the chad",
])
def test_not_countries(sentence: str) -> None:
    assert find_countries(sentence) == []


def test_every_mention_span_quotes_the_text(corpus: object) -> None:
    text = corpus_text("pag12-activities-report-2022.txt")
    for finder in (find_areas, find_articles, find_countries):
        for m in finder(text):
            assert text[m.start:m.end] == m.surface
