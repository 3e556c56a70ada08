// The operations-centre dashboard: draws the map (circle markers on a plain background unless a tile URL
// is configured) and the charts, then redraws everything from each server-sent "dashboard" event.
(function () {
  'use strict';
  var board = document.getElementById('ioc-board');
  var dataEl = document.getElementById('ioc-data');
  if (!board || !dataEl) { return; }
  var lang = document.documentElement.lang || 'vi';
  var noData = board.dataset.noData || '—';
  var wall = board.classList.contains('ioc-wall');
  var colours = { excellent: '#1b7f3b', good: '#5cb85c', fair: '#f2c300', average: '#f57c00', weak: '#c62828' };

  function name(x) { return lang === 'en' ? x.nameEn : x.name; }
  function pct(v) { return v == null ? noData : v.toFixed(1) + '%'; }
  function num(v) { return v == null ? noData : String(v); }
  function set(id, text) { var el = document.getElementById(id); if (el && el.textContent !== text) { el.textContent = text; } }

  var map = null, markers = null, fitted = false;
  if (window.L) {
    map = L.map('ioc-map', { attributionControl: false, zoomSnap: 0.25 }).setView([10.78, 106.70], 9);
    if (board.dataset.tileUrl) { L.tileLayer(board.dataset.tileUrl, { maxZoom: 18 }).addTo(map); }
    markers = L.layerGroup().addTo(map);
  }
  var drill = board.dataset.drill || '';
  var drillAgencies = board.dataset.drillAgencies === 'true';
  var drillLabel = board.dataset.drillLabel || '';
  // wards and communes are circles at their label point; departments are squares on a ring around the centre
  function drawMap(points) {
    if (!map) { return; }
    markers.clearLayers();
    var bounds = [];
    points.forEach(function (p) {
      var fill = p.band ? colours[p.band] : '#9e9e9e';
      var label = name(p) + ': ' + (p.score == null ? noData : p.score.toFixed(1));
      var marker;
      if (p.kind === 'agency') {
        marker = L.marker([p.lat, p.lon], { keyboard: false, title: label, icon: L.divIcon({
          className: 'ioc-agency-marker', iconSize: wall ? [16, 16] : [13, 13],
          html: '<span style="background:' + fill + '"></span>' }) });
      } else {
        marker = L.circleMarker([p.lat, p.lon], {
          radius: wall ? 8 : 6, color: '#333', weight: 1, fillOpacity: 0.85, fillColor: fill });
      }
      marker.bindTooltip(label);
      var canDrill = drill && !wall && (p.kind !== 'agency' || drillAgencies);
      if (canDrill) {
        var a = document.createElement('a');
        a.href = drill + '?scope=' + (p.kind === 'agency' ? 'agency' : 'unit') + '&code=' + encodeURIComponent(p.code)
          + '&indicator=timeliness.on_time';
        a.textContent = drillLabel;
        var box = document.createElement('div');
        var title = document.createElement('strong'); title.textContent = label;
        box.append(title, document.createElement('br'), a);
        marker.bindPopup(box);
      }
      marker.addTo(markers);
      bounds.push([p.lat, p.lon]);
    });
    if (!fitted && bounds.length) { map.fitBounds(bounds, { padding: [10, 10] }); fitted = true; }
  }

  var trend = window.echarts ? echarts.init(document.getElementById('chart-trend')) : null;
  var ranking = window.echarts ? echarts.init(document.getElementById('chart-ranking')) : null;
  function drawCharts(d) {
    if (!trend) { return; }
    var text = wall ? '#e8eef3' : '#333';
    trend.setOption({
      animation: false, textStyle: { color: text }, grid: { left: 36, right: 10, top: 16, bottom: 24 },
      xAxis: { type: 'category', data: d.trend.map(function (t) { return t.month; }), axisLabel: { color: text } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: text } },
      series: [{ type: 'line', data: d.trend.map(function (t) { return t.score; }), connectNulls: false }]
    });
    var top = d.top.slice().reverse();
    ranking.setOption({
      animation: false, grid: { left: 160, right: 16, top: 8, bottom: 20 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: text } },
      yAxis: { type: 'category', data: top.map(name), axisLabel: { color: text, width: 150, overflow: 'truncate' } },
      series: [{ type: 'bar', data: top.map(function (r) {
        return { value: r.score, itemStyle: { color: colours[r.band] || '#9e9e9e' } };
      }) }]
    });
  }

  function list(id, rows, value) {
    var el = document.getElementById(id);
    if (!el) { return; }
    el.replaceChildren.apply(el, rows.map(function (r) {
      var li = document.createElement('li');
      var n = document.createElement('span'); n.textContent = name(r);
      var v = document.createElement('strong'); v.textContent = value(r);
      li.append(n, v);
      return li;
    }));
  }

  // an alert not on the screen before is marked new (and announced, the list being a live region)
  var shownAlerts = null;
  function drawAlerts(alerts) {
    var el = document.getElementById('ioc-alerts');
    if (!el) { return; }
    var seen = shownAlerts || {};
    var now = {};
    el.replaceChildren.apply(el, alerts.map(function (a) {
      var key = a.kind + ':' + a.code;
      now[key] = true;
      var li = document.createElement('li');
      li.className = 'ioc-alert-' + a.kind + (shownAlerts && !seen[key] ? ' ioc-alert-new' : '');
      li.dataset.key = key;
      var left = document.createElement('span');
      var kind = document.createElement('span'); kind.className = 'ioc-alert-kind';
      kind.textContent = el.getAttribute('data-kind-' + a.kind) || a.kind;
      var n = document.createElement('span'); n.textContent = ' ' + name(a);
      left.append(kind, n);
      var v = document.createElement('strong');
      v.textContent = (a.change > 0 ? '+' : '') + a.change.toFixed(1);
      li.append(left, v);
      return li;
    }));
    shownAlerts = now;
  }

  function render(d) {
    var t = d.tiles;
    set('tile-received-today', num(t.receivedToday));
    set('tile-finished-today', num(t.finishedToday));
    set('tile-on-time', pct(t.onTimePercent));
    set('tile-overdue', num(t.overdue));
    set('tile-online', pct(t.onlinePercent));
    set('tile-reports-open', num(t.reportsOpen));
    set('tile-satisfaction', pct(t.satisfactionPercent));
    set('tile-city-score', t.cityScore == null ? noData : t.cityScore.toFixed(1));
    drawMap(d.map);
    drawCharts(d);
    list('ioc-top', d.top, function (r) { return r.score.toFixed(1); });
    list('ioc-bottom', d.bottom, function (r) { return r.score.toFixed(1); });
    drawAlerts(d.alerts);
    var none = document.getElementById('ioc-no-alerts');
    if (none) { none.hidden = d.alerts.length > 0; }
  }

  render(JSON.parse(dataEl.textContent));
  if (window.EventSource) {
    var source = new EventSource(board.dataset.stream);
    source.addEventListener('dashboard', function (e) {
      render(JSON.parse(e.data));
      set('ioc-updated', new Date().toLocaleTimeString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false }));
      board.dataset.pushes = String(Number(board.dataset.pushes || 0) + 1);
    });
  }
  window.addEventListener('resize', function () { if (trend) { trend.resize(); ranking.resize(); } });
}());
