/* Marsad web map: events on a Leaflet map, a day histogram with a range slider, filters,
 * a side panel with the Arabic evidence, and a control layer at the slider's date.
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

  var state = { days: [], filters: {}, since: null, until: null, selected: null, eventsAbort: null,
                markers: {}, total: 0, pendingAdds: 0, pagesDone: false };
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

  function actorColor(name) {
    var h = 0;
    for (var i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) % 360;
    return 'hsl(' + h + ', 70%, 42%)';
  }

  function filterParams(withDates) {
    var p = Object.assign({}, state.filters);
    if (withDates) { p.since = state.since; p.until = state.until; }
    return p;
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
    clusters = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 40,
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
      var geo = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(geo, { pane: 'basemap', renderer: canvas, interactive: false,
        style: { color: '#555', weight: 1.2, fillColor: '#f3f0e8', fillOpacity: 1 } }).addTo(countries);
    }).catch(function (e) { setStatus('basemap: ' + e.message); });
    getJSON('static/vendor/basemap/admin1-mena.geojson').then(function (geo) {
      L.geoJSON(geo, { pane: 'admin1', renderer: canvas, interactive: false,
        style: { color: '#b4b4b4', weight: 0.5, fill: false } }).addTo(admin1);
    }).catch(function (e) { setStatus('admin-1: ' + e.message); });
  }

  function legend() {
    var box = $('legend');
    box.textContent = '';
    box.appendChild(el('h3', null, 'Event types'));
    EVENT_TYPES.forEach(function (t, i) {
      box.appendChild(el('div', null, el('span', { 'class': 'swatch type-' + i }), t));
    });
    box.appendChild(el('div', { id: 'control-legend' }));
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
      var m = L.marker([c[1], c[0]], { icon: icons[typeIndex(p.event_type)],
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
    setStatus('');
    function page(offset, first) {
      params.offset = offset;
      return getJSON(apiUrl('api/events.geojson', params), ctrl.signal).then(function (fc) {
        if (ctrl.signal.aborted) return;
        if (first) {
          clusters.clearLayers();
          state.pendingAdds = 0;
          state.markers = {};
          state.total = fc.total;
          countEl.textContent = fc.total.toLocaleString('en') + (fc.total === 1 ? ' event' : ' events');
          countEl.setAttribute('data-count', String(fc.total));
        }
        addFeatures(fc.features);
        var next = offset + fc.returned;
        if (fc.returned > 0 && next < Math.min(fc.total, MAP_MAX)) return page(next, false);
        if (fc.total > MAP_MAX) setStatus('map shows the latest ' + MAP_MAX.toLocaleString('en') + '; narrow the filters or the dates');
      });
    }
    return page(0, true).then(function () {
      if (ctrl.signal.aborted) return;
      state.pagesDone = true;
      markReady();
    }).catch(function (e) {
      if (e.name !== 'AbortError') { countEl.removeAttribute('data-loading'); setStatus(e.message); }
    });
  }

  // ---------- control layer ----------
  function loadControl() {
    if (!state.until) return;
    getJSON(apiUrl('api/control', { date: state.until, format: 'geojson' })).then(function (fc) {
      controlLayer.clearLayers();
      var seen = {};
      L.geoJSON(fc, {
        pointToLayer: function (f, latlng) {
          var p = f.properties, color = actorColor(p.actor || '?');
          seen[p.actor || '?'] = color;
          return L.circleMarker(latlng, { radius: 11, color: color, weight: 3, fillColor: color,
                                          fillOpacity: 0.15, interactive: true, className: 'control-mark' });
        },
        onEachFeature: function (f, layer) {
          var p = f.properties;
          var tip = el('div', null,
            el('strong', null, p.place || p.place_ar || p.place_id), ' held by ', p.actor || '?',
            p.since ? ' since ' + p.since : '');
          layer.bindTooltip(tip);
        }
      }).addTo(controlLayer);
      var box = $('control-legend');
      box.textContent = '';
      var names = Object.keys(seen);
      if (names.length) {
        box.appendChild(el('h3', null, 'Control on ' + state.until));
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
  function drawHistogram(counts) {
    var svg = $('hist');
    var NS = 'http://www.w3.org/2000/svg';
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var n = state.days.length;
    if (!n) return;
    var byDay = {};
    (counts || []).forEach(function (c) { byDay[c.period] = c.events; });
    var max = 1, barW = Math.max(0.8, n / 500);
    state.days.forEach(function (d) { max = Math.max(max, byDay[d] || 0); });
    svg.setAttribute('viewBox', '0 0 ' + n + ' 100');
    var sel = document.createElementNS(NS, 'rect');
    sel.setAttribute('class', 'sel');
    sel.setAttribute('id', 'hist-sel');
    sel.setAttribute('y', '0');
    sel.setAttribute('height', '100');
    svg.appendChild(sel);
    state.days.forEach(function (d, i) {
      var v = byDay[d] || 0;
      if (!v) return;
      var r = document.createElementNS(NS, 'rect');
      var h = Math.max(3, 96 * v / max);
      r.setAttribute('class', 'bar');
      r.setAttribute('x', String(i + 0.1));
      r.setAttribute('width', String(barW));
      r.setAttribute('y', String(100 - h));
      r.setAttribute('height', String(h));
      r.setAttribute('data-day', d);
      var t = document.createElementNS(NS, 'title');
      t.textContent = d + ': ' + v + (v === 1 ? ' event' : ' events');
      r.appendChild(t);
      svg.appendChild(r);
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
    Array.prototype.forEach.call(document.querySelectorAll('#hist rect.bar'), function (r) {
      var i = +r.getAttribute('x');
      r.setAttribute('class', (i >= s && i <= e + 0.5) ? 'bar in' : 'bar');
    });
    $('csv-link').setAttribute('href', apiUrl('api/events.csv', filterParams(true)));
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

  function initTimeline(meta) {
    var days = [];
    if (meta.date_min && meta.date_max) {
      for (var t = dayMs(meta.date_min), end = dayMs(meta.date_max); t <= end; t += DAY) days.push(isoDay(t));
    }
    state.days = days;
    ['range-start', 'range-end'].forEach(function (id) {
      var r = $(id);
      r.min = '0';
      r.max = String(Math.max(0, days.length - 1));
      r.addEventListener('input', onSlider);
    });
    $('range-start').value = '0';
    $('range-end').value = String(Math.max(0, days.length - 1));
    updateSelection();
  }

  function loadCounts() {
    var p = filterParams(false);
    p.period = 'day';
    return getJSON(apiUrl('api/counts', p)).then(function (res) { drawHistogram(res.counts); })
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
  function initFilters(meta) {
    var sel = $('f-type');
    Object.keys(meta.event_types || {}).forEach(function (t) {
      var g = el('optgroup', { label: t });
      sel.appendChild(el('option', { value: t }, t));
      (meta.event_types[t] || []).forEach(function (s) { g.appendChild(el('option', { value: s }, '· ' + s)); });
      sel.appendChild(g);
    });
    var cs = $('f-country');
    (meta.countries || []).forEach(function (c) { cs.appendChild(el('option', { value: c.name }, c.name + ' (' + c.events + ')')); });
    getJSON(apiUrl('api/actors', { limit: 200 })).then(function (res) {
      var dl = $('actor-list');
      (res.items || []).forEach(function (a) { dl.appendChild(el('option', { value: a.actor })); });
    }).catch(function () { /* the datalist is a convenience */ });
    var form = $('filters');
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var f = {};
      var type = $('f-type').value;
      if (type) f[EVENT_TYPES.indexOf(type) >= 0 ? 'event_type' : 'sub_event_type'] = type;
      if ($('f-actor').value.trim()) f.actor = $('f-actor').value.trim();
      if ($('f-country').value) f.country = $('f-country').value;
      if ($('f-text').value.trim()) f.text = $('f-text').value.trim();
      state.filters = f;
      updateSelection();
      loadCounts();
      loadEvents();
    });
    form.addEventListener('reset', function () {
      setTimeout(function () { form.dispatchEvent(new Event('submit', { cancelable: true })); }, 0);
    });
    ['f-type', 'f-country'].forEach(function (id) {
      $(id).addEventListener('change', function () { form.dispatchEvent(new Event('submit', { cancelable: true })); });
    });
  }

  // ---------- start ----------
  function start() {
    legend();
    initMap();
    getJSON('api/meta').then(function (meta) {
      initFilters(meta);
      initTimeline(meta);
      if (meta.bbox) {
        map.fitBounds([[meta.bbox[1], meta.bbox[0]], [meta.bbox[3], meta.bbox[2]]], { maxZoom: 8, padding: [30, 30] });
      }
      loadCounts();
      loadEvents();
      loadControl();
    }).catch(function (e) { setStatus('cannot reach the API: ' + e.message); });
  }

  window.marsad = {  // for the tests and the curious: read-only handles
    state: state, showEvent: showEvent, reload: loadEvents,
    get map() { return map; }, get clusters() { return clusters; }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
}());
