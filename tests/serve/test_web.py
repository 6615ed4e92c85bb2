"""The web map in headless Chromium: markers, the timeline, filters, the evidence panel, hostile text.

Each test saves a screenshot in test-artifacts/.
"""
from __future__ import annotations

import pytest

from conftest import ARTIFACTS
from sample_db import HOSTILE_ID, N_EVENTS

pytestmark = pytest.mark.browser

SEED_EVIDENCE = "سيطرت قوات النظام بدعم روسي الخميس"


def open_map(page, live):
    page.goto(live.url + "/")
    page.wait_for_selector(f'#count[data-count="{N_EVENTS}"]:not([data-loading])', timeout=10_000)
    page.wait_for_function("() => document.querySelectorAll('#hist g.bar').length > 0")
    return page


def count(page) -> int:
    page.wait_for_selector("#count:not([data-loading])")
    return int(page.get_attribute("#count", "data-count"))


def shown_on_map(page) -> int:
    """Events on screen: single markers plus the numbers on cluster icons."""
    return page.evaluate("""() => {
        let n = document.querySelectorAll('.leaflet-marker-icon.marsad-marker').length;
        document.querySelectorAll('.marker-cluster span').forEach(s => { n += parseInt(s.textContent, 10); });
        return n;
    }""")


def fused_id_of(live, article_id: str) -> str:
    import httpx

    items = httpx.get(live.url + "/api/events", params={"limit": 100}).json()["items"]
    return next(e["fused_id"] for e in items if article_id in e["article_ids"])


def click_event(page, fused_id: str) -> None:
    """Bring the event's marker on screen (zoom in, spiderfy) and click it, as a person would."""
    marker = page.locator(f'.marsad-marker[data-id="{fused_id}"]')
    for _ in range(3):
        page.evaluate("""(id) => new Promise(done => {
            setTimeout(done, 3000);  // never hang the test on an animation
            marsad.clusters.zoomToShowLayer(marsad.state.markers[id], () => setTimeout(done, 50));
        })""", fused_id)
        if marker.count():
            break
    marker.click()
    page.wait_for_selector("#panel-event:not([hidden]) .evidence")


def test_map_shows_every_event_offline(page, live):
    open_map(page, live)
    page.wait_for_function(f"""() => {{
        let n = document.querySelectorAll('.leaflet-marker-icon.marsad-marker').length;
        document.querySelectorAll('.marker-cluster span').forEach(s => {{ n += parseInt(s.textContent, 10); }});
        return n === {N_EVENTS};
    }}""", timeout=10_000)
    assert shown_on_map(page) == N_EVENTS
    # the offline basemap is drawn (countries on a canvas) and the legend names every type
    assert page.locator(".leaflet-pane canvas").count() >= 1
    assert page.locator("#legend").inner_text().count("\n") >= 6
    page.screenshot(path=str(ARTIFACTS / "map-overview.png"))
    assert page.offsite == [], f"requests left the machine: {page.offsite}"
    assert page.errors == [], page.errors


def test_timeline_slider_filters_the_map(page, live):
    open_map(page, live)
    assert count(page) == N_EVENTS
    start = page.locator("#range-start")
    # keyboard, as a person would: the start thumb to the last day -> only the Mayadeen battle (2017-10-12)
    start.focus()
    page.keyboard.press("End")
    page.wait_for_selector('#count[data-count="1"]:not([data-loading])')
    assert page.inner_text("#range-label") == "2017-10-12 → 2017-10-12"
    page.wait_for_function("() => document.querySelectorAll('.leaflet-marker-icon.marsad-marker').length === 1")
    # back to the first day: everything again
    page.keyboard.press("Home")
    page.wait_for_selector(f'#count[data-count="{N_EVENTS}"]:not([data-loading])')
    # drag the end thumb back to 2016-01-01: only the five 2015 events remain
    idx = page.evaluate("marsad.state.days.indexOf('2016-01-01')")
    page.locator("#range-end").fill(str(idx))
    page.wait_for_selector('#count[data-count="5"]:not([data-loading])')
    assert page.inner_text("#range-label").endswith("2016-01-01")
    assert page.locator("#hist g.bar.in").count() < page.locator("#hist g.bar").count()
    page.screenshot(path=str(ARTIFACTS / "map-timeline-2015.png"))
    assert page.errors == [], page.errors


def test_control_layer_follows_the_slider_date(page, live):
    open_map(page, live)
    # at the last day the Syrian army holds Mayadeen (it took it on 2017-10-12)
    page.wait_for_selector("#control-legend h3")
    assert "Military Forces of Syria" in page.inner_text("#control-legend")
    assert page.locator("path.control-mark").count() == 1
    # before that day the Islamic State held it
    idx = page.evaluate("marsad.state.days.indexOf('2017-10-11')")
    page.locator("#range-end").fill(str(idx))
    page.wait_for_function("() => document.querySelector('#control-legend').textContent.includes('Islamic State')")
    assert "2017-10-11" in page.inner_text("#control-legend")


def test_filters_narrow_the_events(page, live):
    open_map(page, live)
    page.select_option("#f-type", "Protests")
    page.wait_for_selector('#count[data-count="1"]:not([data-loading])')
    page.select_option("#f-type", "")
    page.select_option("#f-country", "Tunisia")
    page.wait_for_selector('#count[data-count="2"]:not([data-loading])')
    page.select_option("#f-country", "")
    page.fill("#f-actor", "Islamic State")
    page.click("#filters button[type=submit]")
    page.wait_for_selector('#count[data-count="2"]:not([data-loading])')
    page.fill("#f-actor", "")
    page.fill("#f-text", "الميادين")
    page.click("#filters button[type=submit]")
    page.wait_for_selector('#count[data-count="1"]:not([data-loading])')
    assert "text=" in page.get_attribute("#csv-link", "href")
    assert page.errors == [], page.errors


def test_clicked_event_shows_arabic_evidence_with_highlights(page, live):
    open_map(page, live)
    click_event(page, fused_id_of(live, "seed-mayadeen-afp"))
    panel = page.locator("#panel-event")
    assert panel.locator("h2").inner_text() == "Government regains territory"
    fields = panel.locator("#event-fields").inner_text()
    assert "Military Forces of Syria" in fields and "Al Mayadin" in fields and "2017-10-12" in fields
    ev = panel.locator(".evidence").first
    assert ev.get_attribute("dir") == "rtl" and ev.get_attribute("lang") == "ar"
    assert SEED_EVIDENCE in ev.inner_text()
    marks = {m.get_attribute("data-role"): m.inner_text() for m in ev.locator("mark").all()}
    assert marks["actor1"] == "قوات النظام"
    assert marks["location"] == "الميادين"
    assert marks["date"] == "الخميس"
    assert marks["actor2"] == "تنظيم الدولة الاسلامية"
    assert "AFP" in panel.locator(".article .meta").inner_text()
    assert page.locator(".marsad-marker.selected").count() == 1
    page.screenshot(path=str(ARTIFACTS / "map-event-panel.png"))
    assert page.errors == [], page.errors


def test_hostile_article_text_is_shown_never_run(page, live):
    open_map(page, live)
    click_event(page, fused_id_of(live, HOSTILE_ID))
    panel = page.locator("#panel-event")
    text = panel.inner_text()
    assert "<img src=x onerror=alert(1)>" in text          # shown as text ...
    assert "<script>window.__pwned = 1; alert('xss')</script>" in text
    assert "<img src=x onerror=alert(5)> عنوان" in text    # the title too
    assert page.evaluate("typeof window.__pwned") == "undefined"   # ... and never run
    assert page.dialogs == []
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("#panel-event script, #panel-event b, #panel-event a[href^=javascript]").count() == 0
    assert page.locator("script").count() == 4              # only the page's own scripts
    # the marker tooltip and the CSV link did not turn into markup either
    assert "Aleppo <b>bold</b>" in panel.locator("#event-fields").inner_text()
    page.screenshot(path=str(ARTIFACTS / "map-hostile-event.png"))
    assert page.errors == [], page.errors


def test_offline_api_docs_page(page, live):
    page.goto(live.url + "/docs")
    page.wait_for_selector(".opblock", timeout=10_000)
    assert page.locator(".opblock").count() >= 10
    assert "Marsad API" in page.inner_text(".info")
    page.screenshot(path=str(ARTIFACTS / "api-docs.png"))
    assert page.offsite == [], page.offsite


def test_map_of_articles_ingested_by_the_real_pipeline(page, live_real):
    """`marsad ingest` over the seed report and the dev articles, then the page: markers, a click, evidence."""
    import httpx

    total = httpx.get(live_real.url + "/api/meta").json()["events"]
    assert total > 20
    page.goto(live_real.url + "/")
    page.wait_for_selector(f'#count[data-count="{total}"]:not([data-loading])', timeout=10_000)
    page.wait_for_function(f"""() => {{
        let n = document.querySelectorAll('.leaflet-marker-icon.marsad-marker').length;
        document.querySelectorAll('.marker-cluster span').forEach(s => {{ n += parseInt(s.textContent, 10); }});
        return n === {total};
    }}""", timeout=10_000)
    # the Mayadeen battle of the seed report, as the pipeline coded it
    seed = [e for e in httpx.get(live_real.url + "/api/events", params={"text": "الميادين", "limit": 100}).json()["items"]
            if e["article_ids"] == ["seed-mayadeen-afp"] and e["event_type"] == "Battles"]
    assert seed, "the pipeline coded no battle at Mayadeen from the seed report"
    click_event(page, seed[0]["fused_id"])
    ev = page.locator("#panel-event .evidence").first
    assert ev.get_attribute("dir") == "rtl" and ev.get_attribute("lang") == "ar"
    assert "الميادين" in ev.inner_text() or "قوات النظام" in ev.inner_text()
    assert ev.locator("mark").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "map-real-pipeline.png"))
    assert page.offsite == [] and page.errors == [], (page.offsite, page.errors)
