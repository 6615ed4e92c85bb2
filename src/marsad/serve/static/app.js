/* Marsad web map: events on a Leaflet map, a per-type stacked histogram with a range slider and
 * date inputs, every filter the API has (kept in the page's URL), a side panel with the Arabic
 * evidence, a control layer at the end date, exports of the current view, English/Arabic words.
 *
 * Safety: everything that comes from articles or the database is put into the page with
 * textContent / setAttribute on elements built here; never with innerHTML.
 */
(function () {
  'use strict';

  var EVENT_TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians',
    'Protests', 'Riots', 'Strategic developments'];
  var TYPE_COLORS = ['#d62728', '#ff7f0e', '#9467bd', '#2ca02c', '#8c564b', '#1f77b4'];  // = app.css .type-N
  var PAGE = 1000;       // the API's largest page
  var MAP_MAX = 5000;    // at most this many points on the map at once
  var DAY = 86400000;

  var FILTERS = ['event_type', 'actor', 'country', 'admin1', 'source', 'text'];  // the API's names
  var FIELD = { event_type: 'f-type', actor: 'f-actor', country: 'f-country', admin1: 'f-admin1',
                source: 'f-source', text: 'f-text' };
  // a qualitative palette for control (distinct hues; an actor's colour is stable across dates)
  var CONTROL_PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d',
    '#1f78b4', '#b2182b', '#4d4d4d', '#01665e', '#8c510a'];

  var state = { days: [], filters: {}, since: null, until: null, selected: null, eventsAbort: null,
                markers: {}, total: 0, pendingAdds: 0, pagesDone: false, meta: null, inView: false,
                withoutPoint: 0, lang: 'en', words: null };
  var map, clusters, controlLayer, layersControl;

  // ---------- small helpers ----------
  function $(id) { return document.getElementById(id); }

  /** Build an element; text children become text nodes (never parsed as HTML). */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, String(attrs[k]));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === '') continue;
      node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function typeIndex(t) { var i = EVENT_TYPES.indexOf(t); return i < 0 ? 5 : i; }

  function apiUrl(path, params) {
    var u = new URL(path, document.baseURI);
    Object.keys(params || {}).forEach(function (k) {
      var v = params[k];
      if (v !== null && v !== undefined && v !== '') u.searchParams.set(k, v);
    });
    return u.toString();
  }

  function getJSON(url, signal) {
    return fetch(url, { signal: signal, headers: { 'Accept': 'application/json' } }).then(function (r) {
      if (r.ok) return r.json();
      return r.json().catch(function () { return {}; }).then(function (body) {
        var msg = body && body.detail ? (typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail)) : r.statusText;
        throw new Error(r.status + ': ' + msg);
      });
    });
  }

  function setStatus(msg) { $('status').textContent = msg || ''; }

  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function dayMs(iso) { return Date.parse(iso + 'T00:00:00Z'); }

  function debounce(fn, ms) {
    var t = null;
    return function () { clearTimeout(t); t = setTimeout(fn, ms); };
  }

  function hashOf(name) {
    var h = 0;
    for (var i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
    return h;
  }

  /** The colour of a control holder: by actor family when the control API gives one (the control
   * stage's actor_families data), else a palette colour picked by the actor's name. Kept in one place. */
  function controlColor(props) {
    var key = props.family || props.actor || '?';
    if (props.color && /^#[0-9a-fA-F]{6}$/.test(props.color)) return props.color;
    return CONTROL_PALETTE[hashOf(key) % CONTROL_PALETTE.length];
  }

  function t(key) {
    var w = state.words && (state.words[state.lang] || {});
    return (w && w[key]) || (state.words && state.words.en && state.words.en[key]) || key;
  }

  function filterParams(withDates) {
    var p = Object.assign({}, state.filters);
    if (withDates) { p.since = state.since; p.until = state.until; }
    if (state.inView && map) {
      var b = map.getBounds(), clamp = function (v, m) { return Math.max(-m, Math.min(m, v)); };
      p.bbox = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)]
        .map(function (v) { return v.toFixed(4); }).join(',');
    }
    return p;
  }

  // ---------- the page's URL holds every filter and the dates (a view can be shared) ----------
  function writeUrl() {
    var p = filterParams(true);
    if (state.lang !== 'en') p.lang = state.lang;
    if (state.inView) { delete p.bbox; p.view = map.getCenter().lat.toFixed(3) + ',' + map.getCenter().lng.toFixed(3) + ',' + map.getZoom(); }
    var q = new URLSearchParams();
    Object.keys(p).forEach(function (k) { if (p[k]) q.set(k, p[k]); });
    history.replaceState(null, '', location.pathname + (q.toString() ? '?' + q.toString() : ''));
  }

  function readUrl() {
    var q = new URLSearchParams(location.search), out = { filters: {} };
    FILTERS.forEach(function (k) { if (q.get(k)) out.filters[k] = q.get(k); });
    ['since', 'until', 'lang', 'view'].forEach(function (k) { if (q.get(k)) out[k] = q.get(k); });
    return out;
  }

  // ---------- map and basemap ----------
  function initMap() {
    map = L.map('map', { zoomControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([33.5, 38.5], 5);
    map.attributionControl.setPrefix('');
    map.attributionControl.addAttribution('Basemap: Natural Earth');
    map.createPane('basemap').style.zIndex = 150;
    map.createPane('admin1').style.zIndex = 160;
    var canvas = L.canvas({ padding: 0.2 });
    var countries = L.layerGroup().addTo(map);
    var admin1 = L.layerGroup().addTo(map);
    var online = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 18, attribution: '© OpenStreetMap contributors' });
    controlLayer = L.layerGroup().addTo(map);
    clusters = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 40, iconCreateFunction: clusterIcon,
                                      chunkProgress: function (done, total) {
                                        if (done >= total) { state.pendingAdds -= 1; markReady(); }
                                      },
                                      spiderfyOnMaxZoom: true });  // points at one place spiderfy at the last zoom
    clusters.addTo(map);
    layersControl = L.control.layers(null, {
      'Events': clusters,
      'Control at slider date': controlLayer,
      'Countries (offline)': countries,
      'Admin-1 outlines (offline)': admin1,
      'Online tiles (OpenStreetMap, needs network)': online
    }, { collapsed: true }).addTo(map);

    getJSON('static/vendor/basemap/countries-50m.json').then(function (topo) {
      var geo = unwrapAntimeridian(topojson.feature(topo, topo.objects.countries));
      L.geoJSON(geo, { pane: 'basemap', renderer: canvas, interactive: false,
        style: { color: '#555', weight: 1.2, fillColor: '#f3f0e8', fillOpacity: 1 } }).addTo(countries);
    }).catch(function (e) { setStatus('basemap: ' + e.message); });
    getJSON('static/vendor/basemap/admin1-mena.geojson').then(function (geo) {
      L.geoJSON(geo, { pane: 'admin1', renderer: canvas, interactive: false,
        style: { color: '#b4b4b4', weight: 0.5, fill: false } }).addTo(admin1);
    }).catch(function (e) { setStatus('admin-1: ' + e.message); });
  }

  /** Rings that cross the antimeridian (Russia, Fiji, Antarctica) jump from +180 to -180 between two
   * points, which a flat map draws as a line across the world: continue them past 180 instead. */
  function unwrapAntimeridian(geo) {
    function ring(coords) {
      var shift = 0, out = [];
      for (var i = 0; i < coords.length; i++) {
        var x = coords[i][0];
        if (i > 0) {
          var prev = coords[i - 1][0];
          if (x - prev > 180) shift -= 360; else if (prev - x > 180) shift += 360;
        }
        out.push([x + shift, coords[i][1]]);
      }
      return out;
    }
    geo.features.forEach(function (f) {
      var g = f.geometry;
      if (!g) return;
      if (g.type === 'Polygon') g.coordinates = g.coordinates.map(ring);
      else if (g.type === 'MultiPolygon') g.coordinates = g.coordinates.map(function (p) { return p.map(ring); });
    });
    return geo;
  }

  function legend() {
    var box = $('legend');
    var control = $('control-legend');
    box.textContent = '';
    box.appendChild(el('h3', null, t('event_types')));
    EVENT_TYPES.forEach(function (ty, i) {
      box.appendChild(el('div', null, el('span', { 'class': 'swatch type-' + i }), t(ty)));
    });
    box.appendChild(el('p', { 'class': 'note' }, t('cluster_note')));
    box.appendChild(control || el('div', { id: 'control-legend' }));
  }

  /** Cluster icons take the colour of their most frequent event type (not a colour by size, which
   * would clash with the type legend). */
  function clusterIcon(cluster) {
    var kids = cluster.getAllChildMarkers(), n = kids.length, byType = [0, 0, 0, 0, 0, 0], best = 0;
    kids.forEach(function (m) { byType[m.options.typeIdx] += 1; });
    for (var i = 1; i < byType.length; i++) if (byType[i] > byType[best]) best = i;
    var size = n < 10 ? 30 : n < 100 ? 36 : 44;
    var node = el('div', null, el('span', null, String(n)));
    return L.divIcon({ html: node.outerHTML, className: 'marker-cluster marsad-cluster type-' + best,
                       iconSize: L.point(size, size) });
  }

  // ---------- events on the map ----------
  var icons = EVENT_TYPES.map(function (t, i) {
    return L.divIcon({ className: 'marsad-marker type-' + i, iconSize: [12, 12], html: '' });
  });

  function addFeatures(features) {
    var batch = [];
    features.forEach(function (f) {
      var p = f.properties, c = f.geometry && f.geometry.coordinates;
      if (!c) return;
      var m = L.marker([c[1], c[0]], { icon: icons[typeIndex(p.event_type)], typeIdx: typeIndex(p.event_type),
        title: (p.event_date || '') + ' · ' + p.sub_event_type + ' · ' + (p.location || p.location_ar || ''),
        keyboard: true });
      m.fusedId = p.fused_id;
      m.on('add', function () {
        var node = m.getElement();
        if (node) {
          node.setAttribute('data-id', p.fused_id);
          node.setAttribute('data-type', p.event_type);
          if (state.selected === p.fused_id) node.classList.add('selected');
        }
      });
      m.on('click', function () { showEvent(p.fused_id); });
      state.markers[p.fused_id] = m;
      batch.push(m);
    });
    if (!batch.length) return;
    state.pendingAdds += 1;
    clusters.addLayers(batch);
  }

  /** The count shows data-loading until every page is fetched and every marker is in the clusters. */
  function markReady() {
    if (state.pagesDone && state.pendingAdds <= 0) $('count').removeAttribute('data-loading');
  }

  function loadEvents() {
    if (state.eventsAbort) state.eventsAbort.abort();
    var ctrl = new AbortController();
    state.eventsAbort = ctrl;
    var params = filterParams(true);
    params.limit = PAGE;
    params.order = '-date';
    var countEl = $('count');
    countEl.setAttribute('data-loading', '1');
    state.pagesDone = false;
    state.withoutPoint = 0;
    setStatus('');
    writeUrl();
    updateLinks();
    function page(offset, first) {
      params.offset = offset;
      return getJSON(apiUrl('api/events.geojson', params), ctrl.signal).then(function (fc) {
        if (ctrl.signal.aborted) return;
        if (first) {
          clusters.clearLayers();
          state.pendingAdds = 0;
          state.markers = {};
          state.total = fc.total;
          countEl.textContent = fc.total.toLocaleString('en') + ' ' + (fc.total === 1 ? t('event') : t('events'));
          countEl.setAttribute('data-count', String(fc.total));
        }
        state.withoutPoint += fc.without_point || 0;
        addFeatures(fc.features);
        var next = offset + fc.returned;
        if (fc.returned > 0 && next < Math.min(fc.total, MAP_MAX)) return page(next, false);
        if (fc.total > MAP_MAX) setStatus('map shows the latest ' + MAP_MAX.toLocaleString('en') + '; narrow the filters or the dates');
      });
    }
    return page(0, true).then(function () {
      if (ctrl.signal.aborted) return;
      state.pagesDone = true;
      showLeftOut();
      markReady();
    }).catch(function (e) {
      if (e.name !== 'AbortError') { countEl.removeAttribute('data-loading'); setStatus(e.message); }
    });
  }

  /** Say what the map cannot show: undated events (for these filters), events before the timeline's
   * start, events without a point. */
  function showLeftOut() {
    var p = filterParams(false), box = $('left-out');
    p.limit = 1;
    Promise.all([getJSON(apiUrl('api/events', p)), getJSON(apiUrl('api/counts', Object.assign({}, filterParams(false), { period: 'month' })))])
      .then(function (res) {
        var all = res[0].total, dated = res[1].total, undated = all - dated, parts = [];
        var before = 0;
        (res[1].counts || []).forEach(function (c) { if (state.days.length && c.period < state.days[0].slice(0, 7) + '-01') before += c.events; });
        if (undated > 0) parts.push(undated.toLocaleString('en') + ' ' + t('undated'));
        if (before > 0) parts.push(before.toLocaleString('en') + ' ' + t('before'));
        if (state.withoutPoint > 0) parts.push(state.withoutPoint.toLocaleString('en') + ' ' + t('without_point'));
        box.textContent = parts.length ? '+ ' + parts.join(' · ') : '';
        box.setAttribute('data-undated', String(undated));
        box.setAttribute('data-without-point', String(state.withoutPoint));
      }).catch(function () { box.textContent = ''; });
  }

  function updateLinks() {
    $('csv-link').setAttribute('href', apiUrl('api/events.csv', filterParams(true)));
    var g = filterParams(true);
    g.limit = 1000; g.full = 'true'; g.order = '-date';
    $('geojson-link').setAttribute('href', apiUrl('api/events.geojson', g));
  }

  /** GeoJSON of the whole current view (every page of the API, all fields), saved as a file. The link's
   * own address stays the API's first page, for copying. */
  function downloadGeoJSON(ev) {
    ev.preventDefault();
    var params = filterParams(true), feats = [], link = $('geojson-link');
    params.limit = PAGE; params.full = 'true'; params.order = 'date_asc';
    link.setAttribute('data-loading', '1');
    function page(offset) {
      params.offset = offset;
      return getJSON(apiUrl('api/events.geojson', params)).then(function (fc) {
        feats = feats.concat(fc.features);
        var next = offset + fc.returned, missing = (page.missing || 0) + (fc.without_point || 0);
        page.missing = missing;
        if (fc.returned > 0 && next < fc.total) return page(next);
        return { type: 'FeatureCollection', events: fc.total, without_point: missing, features: feats };
      });
    }
    page(0).then(function (fc) {
      var url = URL.createObjectURL(new Blob([JSON.stringify(fc)], { type: 'application/geo+json' }));
      var a = el('a', { href: url, download: 'marsad-events.geojson' });
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    }).catch(function (e) { setStatus('GeoJSON: ' + e.message); })
      .then(function () { link.removeAttribute('data-loading'); });
  }

  // ---------- control layer ----------
  function loadControl() {
    if (!state.until) return;
    getJSON(apiUrl('api/control', { date: state.until, format: 'geojson' })).then(function (fc) {
      controlLayer.clearLayers();
      var seen = {};
      L.geoJSON(fc, {
        pointToLayer: function (f, latlng) {
          var p = f.properties, color = controlColor(p);
          seen[p.family || p.actor || '?'] = color;
          return L.circleMarker(latlng, { radius: 11, color: color, weight: 3, fillColor: color,
                                          fillOpacity: 0.15, interactive: true, className: 'control-mark' });
        },
        onEachFeature: function (f, layer) {
          var p = f.properties;
          var tip = el('div', null,
            el('strong', null, p.place || p.place_ar || p.place_id), ' ' + t('held_by') + ' ', p.actor || '?',
            p.since ? ' ' + t('since') + ' ' + p.since : '');
          layer.bindTooltip(tip);
        }
      }).addTo(controlLayer);
      var box = $('control-legend');
      box.textContent = '';
      var names = Object.keys(seen);
      if (names.length) {
        box.appendChild(el('h3', null, t('control_on') + ' ' + state.until));
        names.sort().forEach(function (n) {
          var sw = el('span', { 'class': 'swatch' });
          sw.style.borderColor = seen[n];
          sw.style.borderWidth = '3px';
          box.appendChild(el('div', null, sw, n));
        });
      }
    }).catch(function (e) { setStatus('control: ' + e.message); });
  }

  // ---------- timeline ----------
  /** The histogram's period: days for up to about a year, weeks up to eight years, else months. */
  function histPeriod() {
    var n = state.days.length;
    return n <= 400 ? 'day' : n <= 3000 ? 'week' : 'month';
  }

  /** Stacked bars, one colour per event type, one bar per period, placed on the slider's day scale. */
  function drawHistogram(counts, period) {
    var svg = $('hist');
    var NS = 'http://www.w3.org/2000/svg';
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var n = state.days.length;
    if (!n) return;
    var first = dayMs(state.days[0]), span = period === 'day' ? 1 : period === 'week' ? 7 : 30.4;
    var max = 1;
    (counts || []).forEach(function (c) { max = Math.max(max, c.events); });
    svg.setAttribute('viewBox', '0 0 ' + n + ' 100');
    var sel = document.createElementNS(NS, 'rect');
    sel.setAttribute('class', 'sel');
    sel.setAttribute('id', 'hist-sel');
    sel.setAttribute('y', '0');
    sel.setAttribute('height', '100');
    svg.appendChild(sel);
    (counts || []).forEach(function (c) {
      var x = Math.round((dayMs(c.period) - first) / DAY);
      if (x + span < 0 || x >= n) return;
      var g = document.createElementNS(NS, 'g');
      g.setAttribute('class', 'bar');
      g.setAttribute('data-day', c.period);
      g.setAttribute('data-x', String(Math.max(0, x)));  // a week or month that began before the timeline
      var y = 100, total = Math.max(3, 96 * c.events / max);
      EVENT_TYPES.forEach(function (ty, i) {
        var v = (c.by_type || {})[ty];
        if (!v) return;
        var h = total * v / c.events;
        var r = document.createElementNS(NS, 'rect');
        r.setAttribute('class', 'seg t' + i);
        r.setAttribute('x', String(Math.max(0, x) + 0.05));
        r.setAttribute('width', String(Math.max(0.8, span * 0.9)));
        r.setAttribute('y', String(y - h));
        r.setAttribute('height', String(h));
        g.appendChild(r);
        y -= h;
      });
      var tt = document.createElementNS(NS, 'title');
      tt.textContent = c.period + ' (' + period + '): ' + c.events + ' ' + (c.events === 1 ? t('event') : t('events'))
        + ' — ' + Object.keys(c.by_type || {}).map(function (k) { return t(k) + ' ' + c.by_type[k]; }).join(', ');
      g.appendChild(tt);
      svg.appendChild(g);
    });
    updateSelection();
  }

  function updateSelection() {
    var s = +$('range-start').value, e = +$('range-end').value;
    state.since = state.days[s] || null;
    state.until = state.days[e] || null;
    $('range-label').textContent = state.since ? state.since + ' → ' + state.until : '';
    var sel = $('hist-sel');
    if (sel) { sel.setAttribute('x', String(s)); sel.setAttribute('width', String(e - s + 1)); }
    Array.prototype.forEach.call(document.querySelectorAll('#hist g.bar'), function (g) {
      var i = +g.getAttribute('data-x');
      g.setAttribute('class', (i >= s && i <= e + 0.5) ? 'bar in' : 'bar');
    });
    if (state.since) { $('d-since').value = state.since; $('d-until').value = state.until; }
    updateLinks();
  }

  var reloadForDates = debounce(function () { loadEvents(); loadControl(); }, 250);

  function onSlider(ev) {
    var a = $('range-start'), b = $('range-end');
    if (+a.value > +b.value) {
      if (ev && ev.target === a) b.value = a.value; else a.value = b.value;
    }
    updateSelection();
    reloadForDates();
  }

  /** The slider's days: from `start` to `end` (ISO), one step a day. */
  function setDomain(start, end) {
    var days = [];
    if (start && end) {
      for (var ms = dayMs(start), stop = dayMs(end); ms <= stop; ms += DAY) days.push(isoDay(ms));
    }
    state.days = days;
    ['range-start', 'range-end'].forEach(function (id) {
      $(id).min = '0';
      $(id).max = String(Math.max(0, days.length - 1));
    });
  }

  function setRange(since, until) {
    var s = state.days.indexOf(since), e = state.days.indexOf(until);
    $('range-start').value = String(s < 0 ? 0 : s);
    $('range-end').value = String(e < 0 ? state.days.length - 1 : e);
    updateSelection();
  }

  function initTimeline(meta, since, until) {
    var start = meta.timeline_start || meta.date_min, end = meta.date_max;
    if (since && start && since < start) start = since;
    if (until && end && until > end) end = until;
    setDomain(start, end);
    ['range-start', 'range-end'].forEach(function (id) { $(id).addEventListener('input', onSlider); });
    $('d-since').min = $('d-until').min = '1990-01-01';
    ['d-since', 'd-until'].forEach(function (id) { $(id).addEventListener('change', onDateInput); });
    setRange(since || state.days[0], until || state.days[state.days.length - 1]);
  }

  /** A typed date moves its slider thumb; a date outside the timeline widens it. */
  function onDateInput() {
    var a = $('d-since').value, b = $('d-until').value;
    if (!a || !b) return;
    if (a > b) { if (this.id === 'd-since') b = a; else a = b; }
    if (a < state.days[0] || b > state.days[state.days.length - 1]) {
      setDomain(a < state.days[0] ? a : state.days[0], b > state.days[state.days.length - 1] ? b : state.days[state.days.length - 1]);
      loadCounts();
    }
    setRange(a, b);
    reloadForDates();
  }

  function loadCounts() {
    var p = filterParams(false), period = histPeriod();
    p.period = period;
    return getJSON(apiUrl('api/counts', p)).then(function (res) { drawHistogram(res.counts, period); })
      .catch(function (e) { setStatus(e.message); });
  }

  // ---------- the side panel ----------
  function row(dl, label, value, ar) {
    if ((value === null || value === undefined || value === '') && !ar) return;
    var dd = el('dd', null, value === null || value === undefined ? '' : String(value));
    if (ar) {
      if (value) dd.appendChild(document.createTextNode(' · '));
      dd.appendChild(el('span', { lang: 'ar', dir: 'rtl', 'class': 'ar' }, ar));
    }
    dl.appendChild(el('dt', null, label));
    dl.appendChild(dd);
  }

  /** The evidence sentence with its spans highlighted, built from offsets into the article text. */
  function evidenceBlock(ev, spans, articleText) {
    var start = ev.start, end = ev.end, sentence = ev.text || '';
    var hasOffsets = typeof start === 'number' && typeof end === 'number' && end > start;
    if (hasOffsets && articleText && articleText.slice(start, end).length) sentence = articleText.slice(start, end);
    var marks = [];
    (spans || []).forEach(function (sp) {
      var s = null, e = null;
      if (hasOffsets && typeof sp.start === 'number' && typeof sp.end === 'number' && sp.start >= start && sp.end <= end) {
        s = sp.start - start; e = sp.end - start;
        if (sp.text && sentence.slice(s, e) !== sp.text) { s = null; }
      }
      if (s === null && sp.text) {
        var i = sentence.indexOf(sp.text);
        if (i >= 0) { s = i; e = i + sp.text.length; }
      }
      if (s !== null && e > s) marks.push({ s: s, e: e, role: sp.role || 'span' });
    });
    marks.sort(function (a, b) { return a.s - b.s || b.e - a.e; });
    var box = el('div', { 'class': 'evidence', dir: 'rtl', lang: 'ar' });
    var pos = 0;
    marks.forEach(function (m) {
      if (m.s < pos) return;  // overlapping span: keep the first
      if (m.s > pos) box.appendChild(document.createTextNode(sentence.slice(pos, m.s)));
      box.appendChild(el('mark', { 'data-role': m.role, title: m.role }, sentence.slice(m.s, m.e)));
      pos = m.e;
    });
    if (pos < sentence.length) box.appendChild(document.createTextNode(sentence.slice(pos)));
    return box;
  }

  function safeLink(url, label) {
    try {
      var u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:') {
        var a = el('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }, label);
        a.href = u.toString();
        return a;
      }
    } catch (e) { /* not a URL */ }
    return el('span', null, label);
  }

  function renderEvent(ev) {
    var box = $('panel-event');
    box.textContent = '';
    var close = el('button', { 'class': 'close', type: 'button', title: 'Close' }, '×');
    close.addEventListener('click', hidePanel);
    box.appendChild(close);
    box.appendChild(el('h2', { 'data-field': 'sub_event_type' }, ev.sub_event_type));
    var dl = el('dl', { id: 'event-fields' });
    row(dl, 'Type', ev.event_type);
    row(dl, 'Date', (ev.event_date || 'unknown') + (ev.event_date_end && ev.event_date_end !== ev.event_date ? ' – ' + ev.event_date_end : '')
        + (ev.time_precision ? ' (precision ' + ev.time_precision + ')' : ''));
    row(dl, 'Actor 1', ev.actor1, ev.actor1_ar);
    row(dl, 'With', ev.assoc_actor_1);
    row(dl, 'Actor 2', ev.actor2, ev.actor2_ar);
    row(dl, 'With (2)', ev.assoc_actor_2);
    row(dl, 'Location', ev.location, ev.location_ar);
    row(dl, 'Admin 1', ev.admin1);
    row(dl, 'Country', ev.country);
    if (ev.latitude !== null && ev.latitude !== undefined) {
      row(dl, 'Point', ev.latitude.toFixed(4) + ', ' + ev.longitude.toFixed(4) + (ev.geo_precision ? ' (precision ' + ev.geo_precision + ')' : ''));
    }
    row(dl, 'Fatalities', ev.fatalities);
    row(dl, 'Confidence', ev.confidence === null || ev.confidence === undefined ? null : (+ev.confidence).toFixed(2));
    row(dl, 'Reported by', ev.sources);
    row(dl, 'Notes', ev.notes);
    row(dl, 'Id', ev.fused_id);
    box.appendChild(dl);
    var arts = ev.articles || [];
    box.appendChild(el('h3', null, 'Sources (' + arts.length + (arts.length === 1 ? ' article)' : ' articles)')));
    arts.forEach(function (a) {
      var card = el('div', { 'class': 'article', 'data-article': a.article_id });
      var title = a.title || a.article_id;
      card.appendChild(el('div', { 'class': 'title', dir: 'auto' }, a.url ? safeLink(a.url, title) : title));
      card.appendChild(el('div', { 'class': 'meta' }, [a.source, a.published, a.article_id].filter(Boolean).join(' · ')));
      var evs = a.evidence || [];
      if (!evs.length && (a.spans || []).length) evs = [{ text: a.spans.map(function (s) { return s.text; }).join(' … ') }];
      evs.forEach(function (e) { card.appendChild(evidenceBlock(e, a.spans, a.text)); });
      box.appendChild(card);
    });
    $('panel-empty').hidden = true;
    box.hidden = false;
  }

  function hidePanel() {
    $('panel-event').hidden = true;
    $('panel-empty').hidden = false;
    markSelected(null);
  }

  function markSelected(id) {
    var old = state.selected && state.markers[state.selected];
    if (old && old.getElement()) old.getElement().classList.remove('selected');
    state.selected = id;
    var m = id && state.markers[id];
    if (m && m.getElement()) m.getElement().classList.add('selected');
  }

  function showEvent(id) {
    markSelected(id);
    getJSON(apiUrl('api/events/' + encodeURIComponent(id))).then(renderEvent)
      .catch(function (e) { setStatus(e.message); });
  }

  // ---------- filters ----------
  function fillCountries(meta) {
    var cs = $('f-country'), keep = cs.value;
    while (cs.options.length > 1) cs.remove(1);
    (meta.countries || []).forEach(function (c) {
      var label = c.name + ' (' + c.events + (c.undated ? ', ' + c.undated + ' ' + t('undated').split(' ')[0] : '') + ')';
      cs.appendChild(el('option', { value: c.name }, label));
    });
    cs.value = keep;
  }

  function zoomToCountry(name) {
    var c = (state.meta.countries || []).filter(function (x) { return x.name === name; })[0];
    if (c && c.bbox) {
      map.fitBounds([[c.bbox[1], c.bbox[0]], [c.bbox[3], c.bbox[2]]], { maxZoom: 9, padding: [30, 30], animate: false });
    }
  }

  function applyFilters() {
    var f = {};
    FILTERS.forEach(function (k) {
      var v = $(FIELD[k]).value.trim();
      if (v) f[k] = v;  // a sub-event type goes in event_type too: the API takes either
    });
    state.filters = f;
    state.inView = $('f-view').checked;
    updateSelection();
    loadCounts();
    loadEvents();
  }

  function initFilters(meta, fromUrl) {
    var sel = $('f-type');
    Object.keys(meta.event_types || {}).forEach(function (ty) {
      var g = el('optgroup', { label: ty });
      sel.appendChild(el('option', { value: ty }, ty));
      (meta.event_types[ty] || []).forEach(function (s) { g.appendChild(el('option', { value: s }, '· ' + s)); });
      sel.appendChild(g);
    });
    fillCountries(meta);
    FILTERS.forEach(function (k) { if (fromUrl.filters[k]) $(FIELD[k]).value = fromUrl.filters[k]; });
    state.filters = Object.assign({}, fromUrl.filters);
    getJSON(apiUrl('api/actors', { limit: 200 })).then(function (res) {
      var dl = $('actor-list');
      (res.items || []).forEach(function (a) { dl.appendChild(el('option', { value: a.actor }, a.actor_ar || '')); });
    }).catch(function () { /* the datalist is a convenience */ });
    var form = $('filters');
    form.addEventListener('submit', function (ev) { ev.preventDefault(); applyFilters(); });
    form.addEventListener('reset', function () {
      setTimeout(function () {
        setRange(state.days[0], state.days[state.days.length - 1]);
        applyFilters();
      }, 0);
    });
    $('f-type').addEventListener('change', applyFilters);
    $('f-view').addEventListener('change', applyFilters);
    $('f-country').addEventListener('change', function () {
      if ($('f-country').value) zoomToCountry($('f-country').value);
      applyFilters();
    });
    map.on('moveend', debounce(function () { if (state.inView) { loadCounts(); loadEvents(); } }, 300));
  }

  // ---------- English / Arabic ----------
  function setLanguage(lang) {
    state.lang = lang === 'ar' ? 'ar' : 'en';
    document.documentElement.lang = state.lang;
    document.documentElement.dir = state.lang === 'ar' ? 'rtl' : 'ltr';
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (n) { n.textContent = t(n.getAttribute('data-i18n')); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-ph]'), function (n) { n.setAttribute('placeholder', t(n.getAttribute('data-i18n-ph'))); });
    Array.prototype.forEach.call(document.querySelectorAll('#f-type option, #f-type optgroup'), function (n) {
      var v = n.tagName === 'OPTGROUP' ? n.label : n.value;
      if (v && EVENT_TYPES.indexOf(v) >= 0) { if (n.tagName === 'OPTGROUP') n.label = t(v); else n.textContent = t(v); }
    });
    legend();
    if (state.meta) { fillCountries(state.meta); loadControl(); }
    var c = $('count');
    if (c.hasAttribute('data-count') && state.pagesDone) {
      var k = +c.getAttribute('data-count');
      c.textContent = k.toLocaleString('en') + ' ' + (k === 1 ? t('event') : t('events'));
      showLeftOut();
    }
    if (map) writeUrl();
  }

  // ---------- start ----------
  function start() {
    var fromUrl = readUrl();
    initMap();
    getJSON('static/i18n.json').catch(function () { return { en: {} }; }).then(function (words) {
      state.words = words;
      setLanguage(fromUrl.lang || 'en');
      $('lang').addEventListener('click', function () { setLanguage(state.lang === 'en' ? 'ar' : 'en'); });
      $('geojson-link').addEventListener('click', downloadGeoJSON);
      return getJSON('api/meta');
    }).then(function (meta) {
      state.meta = meta;
      initFilters(meta, fromUrl);
      initTimeline(meta, fromUrl.since, fromUrl.until);
      if (fromUrl.view) {
        var v = fromUrl.view.split(',').map(Number);
        map.setView([v[0], v[1]], v[2], { animate: false });
        $('f-view').checked = state.inView = true;
      } else if (state.filters.country) {
        zoomToCountry(state.filters.country);
      } else if (meta.bbox) {
        map.fitBounds([[meta.bbox[1], meta.bbox[0]], [meta.bbox[3], meta.bbox[2]]], { maxZoom: 8, padding: [30, 30] });
      }
      loadCounts();
      loadEvents();
      loadControl();
    }).catch(function (e) { setStatus('cannot reach the API: ' + e.message); });
  }

  window.marsad = {  // for the tests and the curious: read-only handles
    state: state, showEvent: showEvent, reload: loadEvents, controlColor: controlColor,
    get map() { return map; }, get clusters() { return clusters; }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
}());
