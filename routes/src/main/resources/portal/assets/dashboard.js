// The merchant dashboard: fetches each chart's data for the session's merchant and draws it with Chart.js. Every
// chart has its numbers in a table beside it (screen readers, and anyone who wants the figures).
(function () {
  'use strict';
  var main = document.getElementById('dashboard');
  var msg = JSON.parse(main.dataset.messages);
  var period = 'from=' + encodeURIComponent(main.dataset.from) + '&to=' + encodeURIComponent(main.dataset.to);
  var status = document.getElementById('status');
  var colours = ['#0b5cad', '#c8553d', '#2a9d8f', '#e9c46a', '#6d597a', '#8d99ae', '#264653'];
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  function text(key) { return msg[key] || key; }
  function segmentName(s) { return msg['seg.' + s] || s; }

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(function (r) {
      if (r.status === 401) {
        throw new Error(text('signed-out'));
      }
      if (!r.ok) {
        return r.json().catch(function () { return {}; }).then(function (p) { throw new Error(p.code || String(r.status)); });
      }
      return r.json();
    });
  }

  function cell(row, value, numeric, header) {
    var c = document.createElement(header ? 'th' : 'td');
    if (header) { c.scope = 'col'; }
    if (numeric) { c.className = 'n'; }
    c.textContent = value;
    row.appendChild(c);
  }

  function table(id, headers, rows) {
    var t = document.getElementById(id);
    t.textContent = '';
    var head = t.createTHead().insertRow();
    headers.forEach(function (h, i) { cell(head, h, i > 0, true); });
    var body = t.createTBody();
    rows.forEach(function (r) {
      var tr = body.insertRow();
      r.forEach(function (v, i) { cell(tr, v, i > 0 && typeof v === 'number', false); });
    });
    if (rows.length === 0) {
      var tr = body.insertRow();
      cell(tr, text('empty'), false, false);
    }
  }

  function zip(days) {
    var columns = Array.prototype.slice.call(arguments, 1);
    return days.map(function (d, i) { return [d].concat(columns.map(function (c) { return c[i]; })); });
  }

  function draw(id, config) {
    return new Chart(document.getElementById('chart-' + id), config);
  }

  function sales() {
    return get('/portal/merchant/api/charts/sales?' + period).then(function (d) {
      draw('sales', {
        type: 'bar',
        data: { labels: d.days, datasets: [
          { label: text('spend'), data: d.spend, backgroundColor: colours[0], yAxisID: 'y' },
          { label: text('points'), data: d.points, type: 'line', borderColor: colours[1], backgroundColor: colours[1], yAxisID: 'y1' }
        ] },
        options: { scales: { y: { beginAtZero: true, position: 'left' }, y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } }
      });
      table('table-sales', [text('day'), text('spend'), text('visits'), text('points')], zip(d.days, d.spend, d.visits, d.points));
    });
  }

  function points() {
    return get('/portal/merchant/api/charts/points?' + period).then(function (d) {
      draw('points', {
        type: 'bar',
        data: { labels: d.days, datasets: [
          { label: text('issued'), data: d.issued, backgroundColor: colours[2] },
          { label: text('redeemed'), data: d.redeemed, backgroundColor: colours[1] }
        ] },
        options: { scales: { y: { beginAtZero: true } } }
      });
      table('table-points', [text('day'), text('issued'), text('redeemed'), text('reversed')], zip(d.days, d.issued, d.redeemed, d.reversed));
    });
  }

  function segments() {
    return get('/portal/merchant/api/charts/segments?' + period).then(function (d) {
      draw('segments', {
        type: 'bar',
        data: { labels: d.segments.map(segmentName), datasets: [
          { label: text('customers'), data: d.customers, backgroundColor: colours }
        ] },
        options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
      table('table-segments', [text('segment'), text('customers'), text('spend-total')], zip(d.segments.map(segmentName), d.customers, d.spend));
      var top = d.top20 || { spendShare: '0.00', customers: 0, customersShare: '0.00' };
      var share = parseFloat(top.spendShare);
      draw('top20', {
        type: 'doughnut',
        data: { labels: [text('top20'), text('rest')], datasets: [{ data: [share, Math.round((100 - share) * 100) / 100], backgroundColor: [colours[0], colours[5]] }] },
        options: { plugins: { legend: { position: 'bottom' } } }
      });
      document.getElementById('top20-text').textContent = text('top20-text').replace('{share}', top.spendShare)
        .replace('{customers}', top.customers).replace('{customersShare}', top.customersShare);
      var choice = document.getElementById('segment-choice');
      d.segments.forEach(function (s) {
        var o = document.createElement('option');
        o.value = s;
        o.textContent = segmentName(s);
        choice.appendChild(o);
      });
    });
  }

  function lapsed() {
    return get('/portal/merchant/api/charts/lapsed?' + period).then(function (d) {
      draw('lapsed', {
        type: 'line',
        data: { labels: d.days, datasets: [{ label: text('lapsed'), data: d.lapsed, borderColor: colours[1], backgroundColor: colours[1] }] },
        options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
      table('table-lapsed', [text('day'), text('lapsed')], zip(d.days, d.lapsed));
    });
  }

  function lapsedList() {
    return get('/portal/merchant/api/reports/lapsed?format=json&' + period).then(function (rows) {
      table('list-lapsed', [text('customer'), text('last-purchase'), text('days-since-last'), text('visits'), text('spend-total')],
        rows.map(function (r) { return [r.customer, r.last_purchase.substring(0, 10), r.days_since_last, r.visits, r.spend]; }));
    });
  }

  function segmentList() {
    return get('/portal/merchant/api/reports/customers?format=json&' + period).then(function (rows) {
      var choice = document.getElementById('segment-choice');
      function show() {
        table('list-segment', [text('customer'), text('last-purchase'), text('visits'), text('spend-total')],
          rows.filter(function (r) { return r.segment === choice.value; })
            .map(function (r) { return [r.customer, r.last_purchase.substring(0, 10), r.visits, r.spend]; }));
      }
      choice.addEventListener('change', show);
      show();
    });
  }

  status.textContent = text('loading');
  sales()
    .then(points)
    .then(segments)
    .then(lapsed)
    .then(lapsedList)
    .then(segmentList)
    .then(function () {
      status.textContent = text('loaded');
      main.dataset.ready = 'true';
    })
    .catch(function (e) {
      status.textContent = text('failed') + ' ' + e.message;
      status.className = 'error';
      main.dataset.ready = 'failed';
    });
}());
