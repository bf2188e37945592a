"""Dates carried to meetings whose sentence states none (kg.carry), on real parses, in the records and in RDF."""
from __future__ import annotations

from kg import pipeline
from kg import vocab as V
from kg.articles import make_article
from kg.records import Meeting
from kg.store import open_store

ARTICLE = """Trump and Putin meet in Alaska but reach no deal

ANCHORAGE, Aug. 16, 2025 — Donald Trump and Vladimir Putin met in Anchorage on Friday.

The talks between Trump and Putin lasted nearly three hours at a military base outside the city.

Rubio met Lavrov last month in Kuala Lumpur.

Witkoff also held talks with Kirill Dmitriev on the sidelines.
"""


def _meetings(resources: pipeline.Resources, text: str = ARTICLE) -> list[Meeting]:
    art = make_article(text, "test", given_id="alaska")
    ex = next(pipeline.extract_all(resources, [art]))
    return [f for f in ex.facts if isinstance(f, Meeting)]


def _by_sentence(meetings: list[Meeting], start: str) -> Meeting:
    return next(m for m in meetings if start in m.evidence.sentence)


def test_a_later_sentence_takes_the_last_stated_day(resources: pipeline.Resources) -> None:
    ms = _meetings(resources)
    lead = _by_sentence(ms, "Donald Trump and Vladimir Putin met")
    assert (lead.date, lead.date_carried) == ("2025-08-15", False)  # "on Friday", stated
    later = _by_sentence(ms, "The talks between")
    assert (later.date, later.date_carried) == ("2025-08-15", True)  # the Friday, not the dateline's Saturday
    aside = _by_sentence(ms, "Witkoff also held talks")
    assert (aside.date, aside.date_carried) == ("2025-08-15", True)


def test_the_headline_takes_the_day_of_the_first_dated_meeting(resources: pipeline.Resources) -> None:
    head = _by_sentence(_meetings(resources), "Trump and Putin meet in Alaska")
    assert (head.date, head.date_carried) == ("2025-08-15", True)


def test_a_sentence_with_an_unresolved_date_stays_undated(resources: pipeline.Resources) -> None:
    rubio = _by_sentence(_meetings(resources), "Rubio met Lavrov")
    assert rubio.happened_in_person and (rubio.date, rubio.date_carried) == ("", False)  # "last month"


def test_without_any_stated_day_the_article_date_is_carried(resources: pipeline.Resources) -> None:
    text = "Envoys meet\n\nMOSCOW, Dec. 2, 2025 — Vladimir Putin received Steve Witkoff at the Kremlin.\n"
    m = _by_sentence(_meetings(resources, text), "Putin received Steve Witkoff")
    assert (m.date, m.date_carried) == ("2025-12-02", True)


def test_planned_meetings_get_no_carried_date(resources: pipeline.Resources) -> None:
    text = "Talks\n\nKYIV, Dec. 2, 2025 — Zelensky met Merz on Monday.\n\nZelensky will meet Trump.\n"
    planned = _by_sentence(_meetings(resources, text), "Zelensky will meet")
    assert planned.status == "planned" and planned.date == ""


def test_carried_dates_are_stored_and_marked(resources: pipeline.Resources, tmp_path) -> None:
    src = tmp_path / "alaska.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    st = open_store(tmp_path / "st")
    report = pipeline.build(resources, [src], st)
    assert report.rejected_facts == 0  # gk:dateCarried passes the ontology check (xsd:boolean range)
    q = f"""SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?e <{V.dateCarried}> true ; <{V.date}> ?d ;
            <{V.sentence}> ?s }} }}"""
    carried = [r["s"].value for r in st.query(q)]
    assert any(s.startswith("The talks between") for s in carried)
    assert not any(s.startswith("Donald Trump and Vladimir Putin met") for s in carried)  # its date is stated


def test_a_future_day_is_not_carried(resources: pipeline.Resources) -> None:
    # review: "will meet next Thursday" names no day of the news; the meeting after it keeps the day before
    text = ("Envoys meet\n\nMOSCOW, Dec. 2, 2025 — Witkoff met Dmitriev on Monday. Putin and Trump will meet next "
            "Thursday. Rubio also held talks with Lavrov.\n")
    m = _by_sentence(_meetings(resources, text), "Rubio also held talks")
    assert (m.date, m.date_carried) == ("2025-12-01", True)
