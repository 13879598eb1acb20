// landd's web map: draws the collections from the service's own vector tiles and styles
// (/collections/{id}/tiles/WebMercatorQuad, /collections/{id}/styles/default) with MapLibre GL JS,
// and makes the page's tables and forms work with it. Everything comes from this service.
// The page's JSON document is in <script id="document">; the map's kind in #map[data-view].
(function () {
  'use strict';

  const doc = JSON.parse(document.getElementById('document').textContent);
  const mapElement = document.getElementById('map');
  const view = mapElement.dataset.view;
  const params = new URLSearchParams(location.search);
  const controls = document.getElementById('controls');
  const details = document.getElementById('details');
  const styles = {};  // collection id -> its style document
  // The parcels' date (`datetime` of the page when it is one date; '' for the current parcels).
  let currentDate = params.get('datetime') && !params.get('datetime').includes('/') ? params.get('datetime') : '';

  // ---- small helpers ----
  function element(tag, attributes, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes || {})) {
      if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  }
  // Where the service is published: "" at the host's root, or the path of landd's --public-url
  // (the page's data-root). Every link and request of the pages goes under it.
  const root = (document.body.dataset.root || '/').replace(/\/+$/, '');
  function collectionPath(id) { return root + '/collections/' + encodeURIComponent(id); }
  function pathCollection() {
    const m = location.pathname.slice(root.length).match(/^\/collections\/([^/]+)/);
    return m ? decodeURIComponent(m[1]) : null;
  }
  async function getJSON(url) {
    const answer = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!answer.ok) throw new Error(url + ': ' + answer.status);
    return answer.json();
  }
  function boundsOf(geometry, into) {
    const walk = (c) => { if (typeof c[0] === 'number') into.extend(c); else c.forEach(walk); };
    if (geometry) walk(geometry.coordinates);
    return into;
  }
  function featureBounds(features) {
    const b = new maplibregl.LngLatBounds();
    features.forEach((f) => boundsOf(f.geometry, b));
    return b.isEmpty() ? null : b;
  }

  // ---- the map ----
  // What the page draws first, when the service wrote it into the page (the landing map: every
  // collection's style and the parcels' bounds): the map starts with it, so its tiles are asked
  // for while MapLibre starts, not after a round trip per collection.
  const startElement = document.getElementById('map-start');
  const start = startElement ? JSON.parse(startElement.textContent) : null;
  const background = { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } };
  const firstView = start && start.bounds
    ? { bounds: start.bounds, fitBoundsOptions: { padding: 30, maxZoom: 16 } }
    : { center: [105.9, 21.0], zoom: 12 };
  const map = new maplibregl.Map(Object.assign({
    container: mapElement,
    style: start ? startStyle(start.collections) : { version: 8, sources: {}, layers: [background] },
    preserveDrawingBuffer: true, attributionControl: false,
  }, firstView));
  map.addControl(new maplibregl.NavigationControl(), 'top-right');
  map.addControl(new maplibregl.ScaleControl(), 'bottom-left');
  window.landd = { map };

  // The tiles' URL template of a collection, with `datetime` when given.
  function tilesUrl(id, datetime) {
    const q = datetime ? '?datetime=' + encodeURIComponent(datetime) : '';
    return location.origin + collectionPath(id) + '/tiles/WebMercatorQuad/{z}/{y}/{x}' + q;
  }

  // Fetches the collection's published style (its source names the tiles and their zooms).
  async function describeCollection(id) {
    return { id, style: await getJSON(collectionPath(id) + '/styles/default') };
  }
  // Returns the collection's bounds (its tileset's), for fitting the map.
  async function collectionBounds(id) {
    const b = (await getJSON(collectionPath(id) + '/tiles/WebMercatorQuad')).bounds;
    return b ? new maplibregl.LngLatBounds(b.slice(0, 2), b.slice(2)) : null;
  }
  // The collection's source (its published style's) with `datetime` on its tiles.
  function sourceOf({ id, style }, datetime) {
    return Object.assign({}, style.sources[id], { tiles: [tilesUrl(id, datetime)] });
  }
  // Adds the collection's source and layers (its published style), with `datetime` on its tiles.
  function addDescribed(described, datetime) {
    styles[described.id] = described.style;
    map.addSource(described.id, sourceOf(described, datetime));
    for (const layer of described.style.layers) map.addLayer(layer);
  }
  // The landing map's collections shown at first: all but the changes (their switch is off).
  function shownAtFirst(id) { return id !== 'changes'; }
  // A map style drawing every collection (the parcels as of the page's date), points on top.
  function startStyle(collections) {
    const style = { version: 8, sources: {}, layers: [background] };
    const points = [];
    for (const c of collections) {
      styles[c.id] = c.style;
      style.sources[c.id] = sourceOf(c, c.id === 'parcels' ? currentDate : null);
      const visibility = shownAtFirst(c.id) ? 'visible' : 'none';
      const layers = c.style.layers.map((l) => Object.assign({}, l, { layout: Object.assign({}, l.layout, { visibility }) }));
      (isPoints(c.style) ? points : style.layers).push(...layers);
    }
    style.layers.push(...points);
    return style;
  }
  function isPoints(style) { return (style.metadata || {})['landd:kind'] === 'sites'; }
  async function addCollection(id, datetime) {
    addDescribed(await describeCollection(id), datetime);
  }
  function setDatetime(id, datetime) {
    if (map.getSource(id)) map.getSource(id).setTiles([tilesUrl(id, datetime)]);
  }
  function setVisible(id, visible) {
    for (const layer of styles[id].layers) map.setLayoutProperty(layer.id, 'visibility', visible ? 'visible' : 'none');
  }
  function fitTo(bounds, maxZoom) {
    if (bounds) map.fitBounds(bounds, { padding: 30, maxZoom: maxZoom || 18, duration: 0 });
  }

  // The page's own features, outlined over the tiles.
  function showPageFeatures(features) {
    map.addSource('page', { type: 'geojson', data: { type: 'FeatureCollection', features } });
    map.addLayer({ id: 'page-line', type: 'line', source: 'page', paint: { 'line-color': '#1d2a33', 'line-width': 1.5 } });
    map.addLayer({ id: 'page-point', type: 'circle', source: 'page', filter: ['==', ['geometry-type'], 'Point'],
                   paint: { 'circle-radius': 9, 'circle-color': '#0000', 'circle-stroke-color': '#0b5c8e', 'circle-stroke-width': 3 } });
  }
  function select(feature) {
    if (!map.getSource('selected')) {
      map.addSource('selected', { type: 'geojson', data: feature });
      map.addLayer({ id: 'selected-line', type: 'line', source: 'selected', paint: { 'line-color': '#f2a900', 'line-width': 4 } });
    } else {
      map.getSource('selected').setData(feature);
    }
  }

  // ---- attributes of a clicked feature ----
  function showAttributes(collection, feature) {
    const id = feature.id;
    const path = collectionPath(collection) + '/items/' + encodeURIComponent(id);
    const table = element('table', { class: 'attributes' });
    for (const [k, v] of Object.entries(feature.properties || {})) {
      table.append(element('tr', {}, element('th', { scope: 'row', text: k }), element('td', { text: v === null ? '' : String(v) })));
    }
    const links = element('p', {}, element('a', { href: path + '?f=html', text: 'Its page' }));
    if (collection === 'parcels') {
      links.append(' · ', element('a', { href: root + '/parcels/' + encodeURIComponent(id) + '/history?f=html', text: 'its history' }));
    }
    details.replaceChildren(element('h2', { text: collection + ' ' + id }), table, links);
  }
  async function openFeature(collection, id) {
    const date = collection === 'parcels' && currentDate ? '?datetime=' + currentDate : '';
    const feature = await getJSON(collectionPath(collection) + '/items/' + encodeURIComponent(id) + date);
    select(feature);
    showAttributes(collection, feature);
    return feature;
  }
  map.on('click', async (event) => {
    const layers = Object.values(styles).flatMap((s) => s.layers.map((l) => l.id)).filter((l) => map.getLayer(l));
    // Sites first, then parcels, then changes and zones: the smaller thing under the pointer.
    const rank = (f) => (f.layer.type === 'circle' ? 0 : f.source === 'parcels' ? 1 : f.source === 'changes' ? 2 : 3);
    const hits = map.queryRenderedFeatures(event.point, { layers }).sort((a, b) => rank(a) - rank(b));
    if (!hits.length) return;
    const hit = hits[0];
    try { await openFeature(hit.source, hit.id); } catch (e) { details.replaceChildren(element('p', { text: String(e) })); }
  });

  // ---- controls ----

  function legend(id) {
    const items = (styles[id].metadata || {})['landd:legend'] || [];
    if (!items.length) return null;
    const list = element('ul', { class: 'legend' });
    for (const item of items) {
      list.append(element('li', {}, element('span', { class: 'swatch', style: 'background:' + item.colour }),
                          item.label + (item.name ? ' ' + item.name : '')));
    }
    return element('details', {}, element('summary', { text: 'Legend' }), list);
  }
  function layerSwitch(id, title, on) {
    const box = element('input', { type: 'checkbox', 'data-collection': id });
    box.checked = on;
    // The layers start shown or hidden by the start style (shownAtFirst): no change to draw again.
    box.addEventListener('change', () => setVisible(id, box.checked));
    return element('label', {}, box, ' ' + title);
  }
  function dateControl() {
    const input = element('input', { type: 'date', id: 'parcels-date', value: currentDate });
    input.addEventListener('change', () => { currentDate = input.value; setDatetime('parcels', input.value); });
    return element('label', {}, 'Parcels as of ', input);
  }
  function periodControl() {
    const from = element('input', { type: 'date', id: 'changes-from' });
    const to = element('input', { type: 'date', id: 'changes-to' });
    const apply = () => setDatetime('changes', from.value || to.value ? (from.value || '..') + '/' + (to.value || '..') : '');
    from.addEventListener('change', apply);
    to.addEventListener('change', apply);
    return element('fieldset', {}, element('legend', { text: 'Changes in a period' }),
                   element('label', {}, 'From ', from), element('label', {}, 'To ', to));
  }

  // Labels of point layers (sites) as HTML markers: they need no font server.
  async function labelPoints(id) {
    const page = await getJSON(collectionPath(id) + '/items?limit=1000');
    for (const f of page.features) {
      if (!f.geometry || f.geometry.type !== 'Point' || !f.properties.name) continue;
      new maplibregl.Marker({ element: element('div', { class: 'site-label', text: f.properties.name }), anchor: 'bottom' })
        .setLngLat(f.geometry.coordinates).addTo(map);
    }
  }

  // ---- the views ----
  // The landing map: every collection is on the map from its start (startStyle); here come the
  // layer switcher, the date and period controls, the legends, the sites' labels and the search.
  async function landing() {
    const fieldset = element('fieldset', {}, element('legend', { text: 'Layers' }));
    controls.append(fieldset);
    for (const c of start.collections) fieldset.append(layerSwitch(c.id, c.title, shownAtFirst(c.id)));
    controls.append(dateControl(), periodControl());
    const points = start.collections.filter((c) => isPoints(c.style)).map((c) => c.id);
    for (const id of ['parcels', 'changes', ...points]) { const l = legend(id); if (l) controls.append(element('h2', { text: id }), l); }
    points.forEach(labelPoints);
    setUpSearch(start.collections.map((c) => c.id).filter((id) => id !== 'parcels' && id !== 'changes'));
  }

  function setUpSearch(layers) {
    const form = document.getElementById('search');
    const results = document.getElementById('search-results');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const q = document.getElementById('search-q').value.trim();
      results.replaceChildren();
      if (!q) return;
      for (const id of layers) {
        const page = await getJSON(collectionPath(id) + '/items?limit=20&q=' + encodeURIComponent(q));
        for (const f of page.features) {
          const name = f.properties.name || f.properties.zone_name || String(f.id);
          const show = element('button', { type: 'button', text: 'show' });
          show.addEventListener('click', () => {
            const b = featureBounds([f]);
            if (b) fitTo(b, 17);
            select(f);
            showAttributes(id, f);
          });
          results.append(element('li', {}, element('a', { href: collectionPath(id) + '/items/' + f.id + '?f=html', text: name }),
                                 ' (' + id + ') ', show));
        }
      }
      if (!results.children.length) results.append(element('li', { text: 'Nothing found for "' + q + '"' }));
    });
  }

  async function items() {
    const id = pathCollection();
    const period = id === 'changes' ? params.get('datetime') : currentDate;
    await addCollection(id, period);
    if (id === 'parcels') controls.append(dateControl());
    const l = legend(id); if (l) controls.append(l);
    const features = doc.features || [];
    showPageFeatures(features);
    fitTo(featureBounds(features) || await collectionBounds(id), 17);
    if (isPoints(styles[id])) labelPoints(id);
    const byId = new Map(features.map((f) => [String(f.id), f]));
    for (const row of document.querySelectorAll('table.features tbody tr[data-id]')) {
      row.tabIndex = 0;
      const open = () => {
        const f = byId.get(row.dataset.id);
        document.querySelectorAll('tr.selected').forEach((r) => r.classList.remove('selected'));
        row.classList.add('selected');
        const b = featureBounds([f]);
        if (b) fitTo(b, 18);
        select(f);
        showAttributes(id, f);
      };
      row.addEventListener('click', (e) => { if (e.target.tagName !== 'A') open(); });
      row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
    }
  }

  // Sorting and filtering the items' table through the API's own parameters.
  function setUpTable() {
    for (const button of document.querySelectorAll('button.sort')) {
      button.addEventListener('click', () => {
        const next = new URLSearchParams(location.search);
        const name = button.dataset.sort;
        next.set('sortby', next.get('sortby') === name ? '-' + name : name);
        next.delete('offset');
        next.set('f', 'html');
        location.search = next.toString();
      });
    }
    const form = document.querySelector('form.filters');
    if (form) {
      for (const input of form.querySelectorAll('input[name]')) if (params.get(input.name)) input.value = params.get(input.name);
      form.addEventListener('submit', () => {
        for (const input of form.querySelectorAll('input[name]')) if (!input.value) input.disabled = true;
      });
    }
  }

  // The parcel's versions outlined on the map, and its history as a timeline with lineage links.
  function versionLink(v) {
    return element('a', { href: root + '/collections/parcels/items/' + v.uid + '?datetime=' + v.valid_from + '&f=html',
                          text: v.key + ' (' + v.use + ', from ' + v.valid_from + ')' });
  }
  async function timeline(history) {
    const section = document.getElementById('timeline');
    if (!section) return;
    const list = element('ol', { class: 'timeline' });
    for (const e of history.events) {
      const item = element('li', {}, element('span', { class: 'date', text: e.date }), ' ' + e.type.replace(/_/g, ' '));
      if (e.reason) item.append(': ' + e.reason);
      if (e.document) item.append(' (' + e.document + ')');
      const lineage = element('div', {});
      if (e.parents.length) { lineage.append('from '); e.parents.forEach((v, i) => { if (i) lineage.append(', '); lineage.append(versionLink(v)); }); }
      if (e.children.length) { lineage.append(e.parents.length ? ' to ' : 'made '); e.children.forEach((v, i) => { if (i) lineage.append(', '); lineage.append(versionLink(v)); }); }
      item.append(lineage);
      list.append(item);
    }
    section.append(list);
    // Each version's outline: the parcel as of the first day of the version.
    const colours = ['#c62828', '#6a1b9a', '#2e7d32', '#ef6c00', '#1565c0'];
    const outlines = [];
    const key = element('ul', { class: 'legend' });
    for (const [i, v] of history.versions.entries()) {
      try {
        const f = await getJSON(root + '/collections/parcels/items/' + v.uid + '?datetime=' + v.valid_from);
        f.properties = { colour: colours[i % colours.length], label: v.valid_from };
        outlines.push(f);
        key.append(element('li', {}, element('span', { class: 'swatch', style: 'background:' + f.properties.colour }),
                           'version from ' + v.valid_from));
      } catch (e) { /* a version closed the day it opened has no day of its own */ }
    }
    map.addSource('versions', { type: 'geojson', data: { type: 'FeatureCollection', features: outlines } });
    map.addLayer({ id: 'versions-line', type: 'line', source: 'versions',
                   paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5, 'line-dasharray': [2, 1] } });
    controls.append(element('h2', { text: 'Versions' }), key);
    return outlines;
  }

  async function neighbours(feature) {
    const section = document.getElementById('neighbours');
    const b = featureBounds([feature]);
    if (!section || !b) return;
    const pad = 0.00005;
    const box = [b.getWest() - pad, b.getSouth() - pad, b.getEast() + pad, b.getNorth() + pad].join(',');
    const date = currentDate ? '&datetime=' + currentDate : '';
    const page = await getJSON(root + '/collections/parcels/items?limit=50&bbox=' + box + date);
    const list = element('ul', {});
    for (const f of page.features) {
      if (String(f.id) === String(feature.id)) continue;
      list.append(element('li', {}, element('a', { href: root + '/collections/parcels/items/' + f.id + '?f=html' + date, text: f.properties.key })));
    }
    section.append(list);
  }

  async function featurePage() {
    const id = pathCollection();
    await addCollection(id, id === 'parcels' ? currentDate : null);
    const l = legend(id); if (l) controls.append(l);
    showPageFeatures([doc]);
    fitTo(featureBounds([doc]), 18);
    if (id === 'parcels') {
      await neighbours(doc);
      await timeline(await getJSON(root + '/parcels/' + doc.id + '/history'));
    }
  }

  async function historyPage() {
    await addCollection('parcels', currentDate);
    const outlines = await timeline(doc);
    fitTo(featureBounds(outlines), 18);
  }

  async function collectionPage() {
    await addCollection(pathCollection());
    const l = legend(pathCollection()); if (l) controls.append(l);
    fitTo(await collectionBounds(pathCollection()), 16);
  }

  const views = { landing, items, feature: featurePage, history: historyPage, collection: collectionPage };
  setUpTable();
  map.on('load', async () => {
    window.landd.loadedMs = Math.round(performance.now());
    try {
      await views[view]();
    } catch (e) {
      details.replaceChildren(element('p', { class: 'error', text: 'The map could not be drawn: ' + e.message }));
      console.error(e);
    }
    window.landd.viewMs = Math.round(performance.now());
    const drawn = () => {
      window.landd.drawnMs = Math.round(performance.now());  // since the page's navigation started
      document.body.dataset.mapReady = 'true';
    };
    // The landing map is drawn whole at `load` (its layers came with the style); a view that
    // added layers is drawn when the map is next idle.
    if (map.loaded() && !map.isMoving()) {
      drawn();
    } else {
      map.once('idle', drawn);
      map.triggerRepaint();
    }
  });
})();
