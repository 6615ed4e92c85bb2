"""Every control of the web map, clicked in headless Chromium: each filter the API has (and the count
changes), the URL that holds the view, date inputs, the stacked histogram, what the map cannot show
(undated, without a point), clusters coloured by type, zoom to a country, the control palette,
English/Arabic, exports of the current view and a basemap without antimeridian lines.

Runs over a copy of the sample database where one event has lost its date and one its point.
Screenshots go to test-artifacts/ (map-controls-*.png).
"""
from __future__ import annotations

import json
import shutil
import sqlite3
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from conftest import ARTIFACTS, LiveServer
from sample_db import N_EVENTS

pytestmark = pytest.mark.browser

UNDATED_PLACE = "Baghdad"     # this event's date is removed
NO_POINT_PLACE = "Marib"      # this one's point


@pytest.fixture(scope="module")
def live_gaps(sample_db_path, tmp_path_factory):
    from marsad.serve import create_app

    path = tmp_path_factory.mktemp("controls") / "gaps.db"
    shutil.copy(sample_db_path, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE fused_events SET event_date = NULL, event_date_end = NULL WHERE admin1 = ?", (UNDATED_PLACE,))
        conn.execute("UPDATE fused_events SET latitude = NULL, longitude = NULL WHERE admin1 = ?", (NO_POINT_PLACE,))
    with LiveServer(create_app(path)) as srv:
        yield srv


DATED = N_EVENTS - 1  # what the timeline can show


def open_map(page, live, query: str = "", expect: int | None = DATED):
    page.goto(live.url + "/" + query)
    sel = "#count:not([data-loading])" if expect is None else f'#count[data-count="{expect}"]:not([data-loading])'
    page.wait_for_selector(sel, timeout=15_000)
    page.wait_for_function("() => document.querySelectorAll('#hist g.bar').length > 0")
    return page


def count_is(page, n: int) -> None:
    page.wait_for_selector(f'#count[data-count="{n}"]:not([data-loading])', timeout=10_000)


def url_params(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def api_total(live, **params) -> int:
    return httpx.get(live.url + "/api/events", params=dict(params, limit=1)).json()["total"]


@pytest.mark.parametrize("control, value, param", [
    ("#f-type", "Battles", "event_type"),
    ("#f-type", "Armed clash", "event_type"),            # a sub-event type: the API's event_type takes it
    ("#f-type", "Peaceful protest", "event_type"),
    ("#f-country", "Tunisia", "country"),
    ("#f-actor", "Islamic State", "actor"),
    ("#f-admin1", "Kilis", "admin1"),
    ("#f-source", "Anadolu", "source"),
    ("#f-text", "الميادين", "text"),
])
def test_each_filter_uses_the_apis_parameter_and_changes_the_count(page, live_gaps, control, value, param):
    open_map(page, live_gaps)
    dates = {"since": page.input_value("#d-since"), "until": page.input_value("#d-until")}
    want = api_total(live_gaps, **{param: value}, **dates)
    assert 0 < want < DATED
    if control in ("#f-type", "#f-country"):
        page.select_option(control, value)
    else:
        page.fill(control, value)
        page.click("#filters button[type=submit]")
    count_is(page, want)
    assert url_params(page)[param] == value
    assert page.inner_text("#status") == "", page.inner_text("#status")  # no 400 from the API
    assert f"{param}=" in page.get_attribute("#csv-link", "href")
    page.screenshot(path=str(ARTIFACTS / f"map-controls-filter-{param}.png"))
    page.click("#f-reset")
    count_is(page, DATED)
    assert param not in url_params(page)
    assert page.errors == [], page.errors


def test_in_view_only_sends_the_maps_bbox(page, live_gaps):
    open_map(page, live_gaps)
    page.evaluate("() => { marsad.map.setView([34.5, 9.5], 6, {animate: false}); }")  # Tunisia
    page.check("#f-view")
    page.wait_for_function("() => (document.querySelector('#csv-link').getAttribute('href') || '').includes('bbox=')")
    bbox = parse_qs(urlparse(page.get_attribute("#csv-link", "href")).query)["bbox"][0]
    minlon, minlat, maxlon, maxlat = map(float, bbox.split(","))
    assert minlon < 9.5 < maxlon and minlat < 34.5 < maxlat
    want = api_total(live_gaps, bbox=bbox, since=page.input_value("#d-since"), until=page.input_value("#d-until"))
    assert want == 2  # the two Tunisian events
    count_is(page, want)
    assert "view" in url_params(page)
    page.uncheck("#f-view")
    count_is(page, DATED)


def test_a_view_is_shared_by_its_url(page, live_gaps):
    open_map(page, live_gaps, "?country=Turkey&since=2015-07-01&until=2015-07-25", expect=1)
    assert page.input_value("#f-country") == "Turkey"
    assert (page.input_value("#d-since"), page.input_value("#d-until")) == ("2015-07-01", "2015-07-25")
    assert page.inner_text("#range-label") == "2015-07-01 → 2015-07-25"  # the timeline widened to the URL's dates
    open_map(page, live_gaps, "?event_type=Armed+clash&lang=ar", expect=api_total(live_gaps, event_type="Armed clash"))
    assert page.evaluate("document.documentElement.dir") == "rtl"


def test_date_inputs_move_the_range_and_can_widen_it(page, live_gaps):
    open_map(page, live_gaps)
    page.fill("#d-since", "2016-01-01")
    page.dispatch_event("#d-since", "change")
    want = api_total(live_gaps, since="2016-01-01", until=page.input_value("#d-until"))
    count_is(page, want)
    assert page.inner_text("#range-label").startswith("2016-01-01")
    assert url_params(page)["since"] == "2016-01-01"
    # a date before the data widens the timeline instead of being refused
    page.fill("#d-since", "2010-01-01")
    page.dispatch_event("#d-since", "change")
    count_is(page, DATED)
    assert page.evaluate("marsad.state.days[0]") == "2010-01-01"


def test_histogram_is_stacked_by_type(page, live_gaps):
    open_map(page, live_gaps)
    classes = page.evaluate("() => Array.from(document.querySelectorAll('#hist rect.seg')).map(r => r.getAttribute('class'))")
    assert {"seg t0", "seg t1", "seg t3", "seg t5"} <= set(classes)
    assert page.locator("#hist g.bar title").first.text_content().count(":") >= 1
    page.locator("#hist-wrap").screenshot(path=str(ARTIFACTS / "map-controls-histogram.png"))


def test_undated_and_unplaced_events_are_counted_not_hidden(page, live_gaps):
    open_map(page, live_gaps)
    page.wait_for_selector("#left-out[data-undated]")
    assert page.get_attribute("#left-out", "data-undated") == "1"
    assert page.get_attribute("#left-out", "data-without-point") == "1"
    text = page.inner_text("#left-out")
    assert "1 undated" in text and "1 without a point" in text
    # the country list counts the same way
    iraq = page.locator("#f-country option[value=Iraq]").inner_text()
    assert iraq.startswith("Iraq (1, 1 undated")


def test_clusters_take_the_colour_of_their_most_frequent_type(page, live_gaps):
    open_map(page, live_gaps)
    page.evaluate("() => { marsad.map.setView([30, 30], 2, {animate: false}); }")
    page.wait_for_selector(".marsad-cluster")
    ok = page.evaluate("""() => {
        const out = [];
        marsad.clusters._featureGroup.eachLayer(l => {
            if (!l.getAllChildMarkers) return;
            const by = [0, 0, 0, 0, 0, 0];
            l.getAllChildMarkers().forEach(m => by[m.options.typeIdx]++);
            const best = by.indexOf(Math.max(...by));
            out.push(l.getElement().classList.contains('type-' + best));
        });
        return out;
    }""")
    assert ok and all(ok)
    page.screenshot(path=str(ARTIFACTS / "map-controls-clusters.png"))


def test_choosing_a_country_zooms_to_it(page, live_gaps):
    open_map(page, live_gaps)
    before = page.evaluate("marsad.map.getZoom()")
    page.select_option("#f-country", "Tunisia")
    count_is(page, 2)
    zoom, inside = page.evaluate("""() => [marsad.map.getZoom(),
        marsad.map.getBounds().contains([32.93, 10.45]) && marsad.map.getBounds().contains([35.04, 9.48])]""")
    assert zoom > before and inside
    page.screenshot(path=str(ARTIFACTS / "map-controls-country.png"))


def test_control_colours_follow_the_actor_family_when_given(page, live_gaps):
    open_map(page, live_gaps)
    same = page.evaluate("""() => [
        marsad.controlColor({actor: 'Military Forces of Syria', family: 'Syrian government'}),
        marsad.controlColor({actor: 'NDF', family: 'Syrian government'}),
        marsad.controlColor({actor: 'Islamic State'}),
        marsad.controlColor({actor: 'Islamic State'})]""")
    assert same[0] == same[1] and same[2] == same[3]
    page.wait_for_selector("#control-legend h3")
    assert page.locator("path.control-mark").count() == 1


def test_english_arabic_switch(page, live_gaps):
    open_map(page, live_gaps)
    assert page.inner_text("label:has(#f-type) > span") == "Type"
    page.click("#lang")
    page.wait_for_function("document.documentElement.dir === 'rtl'")
    assert page.inner_text("label:has(#f-type) > span") == "النوع"
    assert "معارك" in page.inner_text("#legend")
    page.wait_for_function("() => document.querySelector('#control-legend').textContent.includes('السيطرة في')")
    assert page.get_attribute("#f-text", "placeholder").startswith("بحث")
    assert url_params(page)["lang"] == "ar"
    assert page.evaluate("getComputedStyle(document.querySelector('#timeline')).direction") == "ltr"
    page.screenshot(path=str(ARTIFACTS / "map-controls-arabic.png"))
    page.click("#lang")
    page.wait_for_function("document.documentElement.dir === 'ltr'")
    assert page.errors == [], page.errors


def test_exports_of_the_current_view(page, live_gaps):
    open_map(page, live_gaps)
    page.select_option("#f-country", "Turkey")
    count_is(page, 2)
    geo = httpx.get(page.get_attribute("#geojson-link", "href")).json()  # the link's address: the API
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    assert {f["properties"]["country"] for f in geo["features"]} == {"Turkey"}
    rows = httpx.get(page.get_attribute("#csv-link", "href")).text.strip().splitlines()
    assert len(rows) == 3 and rows[0].startswith("event_id_cnty,")
    page.select_option("#f-country", "")
    count_is(page, DATED)
    with page.expect_download() as dl:  # clicking saves every page of the view, with the no-point count
        page.click("#geojson-link")
    saved = json.loads(open(dl.value.path(), encoding="utf-8").read())
    assert saved["events"] == DATED and saved["without_point"] == 1 and len(saved["features"]) == DATED - 1
    assert "notes" in saved["features"][0]["properties"]


def test_basemap_has_no_lines_across_the_world(page, live_gaps):
    open_map(page, live_gaps)
    page.evaluate("() => { marsad.map.setView([20, 0], 2, {animate: false}); }")
    page.wait_for_timeout(500)
    jumps = page.evaluate("""async () => {
        const topo = await (await fetch('static/vendor/basemap/countries-50m.json')).json();
        let n = 0;
        marsad.map.eachLayer(l => {
            if (!l.feature || !l.feature.geometry || l.feature.geometry.type.indexOf('Polygon') < 0) return;
            const polys = l.feature.geometry.type === 'Polygon' ? [l.feature.geometry.coordinates] : l.feature.geometry.coordinates;
            polys.forEach(p => p.forEach(r => { for (let i = 1; i < r.length; i++) if (Math.abs(r[i][0] - r[i-1][0]) > 180) n++; }));
        });
        return n;
    }""")
    assert jumps == 0
    page.screenshot(path=str(ARTIFACTS / "map-controls-world.png"))
