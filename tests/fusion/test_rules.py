"""The pairwise rules, on event dicts: type family, date windows, nested places, actors, reconciliation."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fusion_reports import BUKAMAL, DEIR_EZZOR_GOV, IS2, MAYADIN, REGIME, afp, sana  # noqa: E402

from marsad.fusion import rules


def d(**kw):
    base = {"article_id": "a", "event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2017-10-12",
            **MAYADIN, **REGIME, **IS2}
    base.update(kw)
    return base


def test_afp_and_sana_events_are_compatible_with_reasons():
    a, b = afp()[1][0].to_dict(), sana()[1][0].to_dict()
    ok, reasons = rules.compatible(a, b)
    assert ok
    assert reasons[:3] == ["same event type (Battles)", "same date 2017-10-12", "same place (Al Mayadin, id geonames:173480)"]


def test_dates_overlap_with_one_day_of_slack():
    assert rules.compatible(d(), d(article_id="b", event_date="2017-10-13"))[0]
    assert not rules.compatible(d(), d(article_id="b", event_date="2017-10-14"))[0]
    week = d(article_id="b", event_date="2017-10-02", event_date_end="2017-10-08")  # "last week"
    assert rules.compatible(d(event_date="2017-10-09"), week)[0]
    assert not rules.compatible(d(event_date=None), d(article_id="b"))[0]


def test_places_same_id_near_nested_or_apart():
    assert rules.places_compatible(d(), d(location_id=None, latitude=35.03, longitude=40.46))[0]  # ~1.3 km
    assert not rules.places_compatible(d(), d(**BUKAMAL))[0]
    assert rules.places_compatible(d(), d(**DEIR_EZZOR_GOV))[0]
    assert not rules.places_compatible(d(**DEIR_EZZOR_GOV), d(location="Idlib", location_id="adm1:SY07",
                                                               admin1="Idlib", geo_precision=3))[0]
    assert not rules.places_compatible(d(), d(country="Iraq", location_id=None))[0]


def test_type_families():
    strike = d(article_id="b", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    shelling = dict(strike, article_id="c", sub_event_type="Shelling/artillery/missile attack")
    assert not rules.compatible(d(), strike)[0]
    assert not rules.compatible(strike, shelling)[0]
    assert rules.compatible(d(), d(article_id="b", sub_event_type="Government regains territory"))[0]


def test_actors_battles_order_free_other_types_by_role():
    assert rules.compatible(d(), d(article_id="b", actor1="Islamic State", actor2="Military Forces of Syria"))[0]
    assert rules.compatible(d(), d(article_id="b", actor2=None))[0]
    assert not rules.compatible(d(), d(article_id="b", actor1="Syrian Democratic Forces"))[0]
    s = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    assert not rules.compatible(d(**s, actor1="Military Forces of Russia"), d(article_id="b", **s))[0]
    assert rules.compatible(d(**s, actor1="Unidentified Armed Group (Syria)"), d(article_id="b", **s))[0]


def test_same_article_never_fuses_with_itself():
    assert not rules.compatible(d(), d())[0]


def test_reconcile_prefers_territory_change_precise_place_and_lower_figure():
    members = [d(fatalities=0, **DEIR_EZZOR_GOV), d(article_id="b", sub_event_type="Government regains territory",
                                                       fatalities=30, source="SANA"),
               d(article_id="c", fatalities=25, source="Syrian Observatory for Human Rights; AFP")]
    f = rules.reconcile(members)
    assert f["sub_event_type"] == "Government regains territory"
    assert f["location"] == "Al Mayadin"
    assert f["fatalities"] == 25
    assert [r["fatalities"] for r in f["conflicts"]["fatalities"]["reports"]] == [30, 25]
    assert f["sources"] == "SANA; Syrian Observatory for Human Rights; AFP"
    assert f["n_articles"] == 3


def test_place_names_fold_for_lookup():
    from marsad.fusion.control import place_key

    assert place_key("Al Mayādīn") == place_key("al-mayadin") == place_key("Mayadin")
    assert place_key("الميادين") == place_key("ميادين") == place_key("الْمَيَادِين")
