// The feedback map: admin-unit markers on a plain background (tiles only when a tile URL is configured),
// public reports loaded for the visible box, and, on the report form, a pin that fills in lat/lon.
(function () {
  function start() {
    var el = document.getElementById('report-map');
    if (!el || typeof L === 'undefined') { return; }
    var b = el.dataset.bounds.split(',').map(Number);
    var map = L.map(el).fitBounds([[b[0], b[1]], [b[2], b[3]]]);
    // Without a tile server the city's wards still give orientation; the map never needs the internet.
    if (el.dataset.tiles) { L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map); }
    var units = JSON.parse(el.dataset.units || '[]');
    units.forEach(function (u) {
      L.circleMarker([u[1], u[2]], { radius: 3, color: '#6c757d', weight: 1 }).bindTooltip(u[3]).addTo(map);
    });
    if (el.dataset.mode === 'pick') {
      var lat = document.getElementById('lat'), lon = document.getElementById('lon'), pin = null;
      var place = function (ll) {
        if (pin) { pin.setLatLng(ll); } else { pin = L.circleMarker(ll, { radius: 8, color: '#b02a37', fillOpacity: 0.8 }).addTo(map); }
      };
      if (lat.value && lon.value) { place([Number(lat.value), Number(lon.value)]); }
      map.on('click', function (e) {
        lat.value = e.latlng.lat.toFixed(6);
        lon.value = e.latlng.lng.toFixed(6);
        place(e.latlng);
      });
      map.setView([10.7769, 106.7009], 13);
      return;
    }
    var layer = L.layerGroup().addTo(map);
    var load = function () {
      var bb = map.getBounds();
      var q = new URLSearchParams({ bbox: [bb.getWest(), bb.getSouth(), bb.getEast(), bb.getNorth()].join(','), limit: '500' });
      ['category', 'status', 'unit', 'from', 'to'].forEach(function (k) { if (el.dataset[k]) { q.set(k, el.dataset[k]); } });
      fetch('/api/v1/feedback/map?' + q.toString()).then(function (r) { return r.ok ? r.json() : []; }).then(function (items) {
        layer.clearLayers();
        items.forEach(function (r) {
          var m = L.circleMarker([r.lat, r.lon], { radius: 6, color: r.state === 'closed' || r.state === 'answered' ? '#198754' : '#fd7e14' });
          var a = document.createElement('a');
          a.href = '/feedback/' + encodeURIComponent(r.code);
          a.textContent = r.code + ' — ' + r.title; // textContent: titles are citizens' text, never HTML
          m.bindPopup(a).addTo(layer);
        });
      });
    };
    map.on('moveend', load);
    load();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
