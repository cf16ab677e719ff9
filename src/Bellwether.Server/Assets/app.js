// Bellwether serve: fills each page from the JSON API and redraws it when the store changes (server-sent events).
// Every text from data is set with textContent, never parsed as HTML.
'use strict';
(() => {
  const page = document.body.dataset.page;
  const content = document.getElementById('content');
  const live = document.getElementById('live');
  const params = new URLSearchParams(location.search);
  let rendered = null; // the store version the page shows
  let previous = null; // the data drawn last, to mark what changed
  let busy = Promise.resolve();

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // Replaces the page's content; absent parts (null) are left out.
  function show(...parts) {
    content.replaceChildren(...parts.filter((p) => p !== null && p !== undefined));
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  const dated = (path) => path + (params.get('as_of') ? '?as_of=' + encodeURIComponent(params.get('as_of')) : '');

  function fixed(v, digits) {
    return v === null || v === undefined ? '' : Number(v).toFixed(digits);
  }

  // A signal's value as every page writes it: the API's value_text, from the one formatting table
  // (Bellwether.Core.Text.ValueText).
  const value = (s) => s.value_text || '';

  const stateWord = (s) => s.replace('_', ' ');

  // A value's move as shown, with more digits when the usual ones do not show it.
  function moved(before, after) {
    const [a, b] = [value(before), value(after)];
    if (a !== b) return a + ' → ' + b;
    const precise = (v) => (v === null ? 'none' : Number(v).toPrecision(6).replace('-', '\u2212'));
    return precise(before.value) + ' → ' + precise(after.value) + (after.unit ? ' ' + after.unit : '');
  }

  function changesSince(before, board) {
    const changes = new Map();
    if (!before) return changes;
    const old = new Map(before.signals.map((s) => [s.id, s]));
    for (const s of board.signals) {
      const o = old.get(s.id);
      if (!o) changes.set(s.id, 'new');
      else if (o.state !== s.state) changes.set(s.id, stateWord(o.state) + ' → ' + stateWord(s.state));
      else if (o.stale !== s.stale) changes.set(s.id, s.stale ? 'now stale' : 'current again');
      else if (o.value !== s.value) changes.set(s.id, 'value ' + moved(o, s));
    }
    return changes;
  }

  function readinessText(board) {
    return board.readiness === null ? 'withheld' : fixed(board.readiness, 0);
  }

  async function drawBoard() {
    const board = await getJson(dated('/api/board'));
    const changes = changesSince(previous, board);
    const readinessMoved = previous && previous.readiness !== board.readiness;
    const count = (state) => board.signals.filter((s) => s.state === state).length;
    const stale = board.signals.filter((s) => s.stale && s.state !== 'not_measurable').length;
    const parts = new Map(board.breakdown.map((p) => [p.id, p]));
    const summary = el('section', { class: 'summary', 'aria-label': 'Readiness' },
      el('p', { class: 'readiness' }, el('span', { id: 'readiness', class: readinessMoved ? 'big changed' : 'big' }, readinessText(board)),
        board.readiness === null ? '' : ' / 100'),
      el('p', {},
        'As of ', el('time', { id: 'as-of', datetime: board.as_of }, board.as_of), ' · ',
        Math.round(board.counted * 100) + '% of the weight measured (needs ' + Math.round(board.min_measured * 100) + '%) · ',
        count('supports') + ' support, ' + count('neutral') + ' neutral, ' + count('against') + ' against, ' +
        count('not_measurable') + ' not measurable' + (stale ? ', ' + stale + ' stale' : '')),
      board.readiness_withheld ? el('p', { class: 'note' }, 'Readiness withheld: ' + board.readiness_withheld) : null,
      board.as_of_chosen ? el('p', { class: 'note' }, 'Date: ' + board.as_of_chosen.reason + '.') : null);
    const form = el('form', { class: 'date', method: 'get', action: '/' },
      el('label', {}, 'As of ', el('input', { type: 'date', name: 'as_of', value: params.get('as_of') || '' })), ' ',
      el('label', {}, 'compared with ', el('input', { type: 'date', name: 'compare', value: params.get('compare') || '' })), ' ',
      el('button', { type: 'submit' }, 'Show'), ' ', el('a', { href: '/' }, 'latest'), ' · ',
      el('a', { href: dated('/api/board.csv') }, 'CSV'), ' · ', el('a', { href: dated('/api/board') }, 'JSON'));
    const changed = el('p', { id: 'changes', role: 'status' },
      previous === null ? '' : changes.size === 0 && !readinessMoved
        ? 'Store updated at ' + new Date().toLocaleTimeString() + ': nothing on the board changed.'
        : 'Updated at ' + new Date().toLocaleTimeString() + ': ' +
          (readinessMoved ? 'readiness ' + readinessText(previous) + ' → ' + readinessText(board) + '; ' : '') +
          changes.size + ' signal(s) changed.');
    const head = el('thead', {}, el('tr', {}, ['Signal', 'State', 'Value', 'Since', 'Data', 'Weight', 'Points']
      .map((h) => el('th', { scope: 'col', class: ['Value', 'Weight', 'Points'].includes(h) ? 'num' : null }, h))));
    const body = el('tbody', {}, board.signals.map((s) => {
      const part = parts.get(s.id);
      const change = changes.get(s.id);
      return el('tr', { 'data-id': s.id, 'data-state': s.state, class: change ? 'changed' : null },
        el('th', { scope: 'row', 'data-label': 'Signal' }, el('a', { href: '/signal/' + encodeURIComponent(s.id) }, s.title),
          el('div', { class: 'explanation' }, s.explanation),
          change ? el('div', { class: 'change' }, 'Changed: ' + change) : null),
        el('td', { 'data-label': 'State' }, el('span', { class: 'state ' + s.state }, stateWord(s.state)),
          s.stale ? el('span', { class: 'stale' }, 'stale') : null),
        el('td', { class: 'num', 'data-label': 'Value' }, value(s)),
        el('td', { class: 'date', 'data-label': 'Since' }, s.since || ''),
        el('td', { 'data-label': 'Data' }, el('ul', { class: 'inputs' }, s.inputs.map((i) =>
          el('li', { class: i.stale ? 'stale-input' : null }, i.id + (i.last_date ? ' to ' + i.last_date : ': none') + (i.stale ? ' (stale)' : ''))))),
        el('td', { class: 'num', 'data-label': 'Weight' }, String(s.weight)),
        el('td', { class: 'num', 'data-label': 'Points' }, part ? fixed(part.contribution, 1) : '',
          part && part.note ? el('div', { class: 'explanation' }, part.note) : null));
    }));
    const table = el('table', { class: 'board' }, el('caption', {}, 'Signals of the thesis, with their part in readiness'), head, body);
    const comparison = params.get('compare') ? await drawComparison(params.get('compare')) : null;
    show(summary, form, changed, comparison, el('div', { class: 'scroll' }, table));
    previous = board;
  }

  // board --compare: the signals that flipped since a date, and readiness then and now.
  async function drawComparison(since) {
    const query = new URLSearchParams({ since });
    if (params.get('as_of')) query.set('as_of', params.get('as_of'));
    const c = await getJson('/api/board/compare?' + query);
    const change = c.readiness_change === null ? '' : ' (' + (c.readiness_change > 0 ? '+' : c.readiness_change < 0 ? '−' : '') +
      Math.abs(c.readiness_change).toFixed(0) + ')';
    return el('section', { id: 'comparison', 'aria-label': 'Changes since ' + c.before.as_of },
      el('h2', {}, 'Since ' + c.before.as_of),
      el('p', {}, 'Readiness ' + readinessText(c.before) + ' → ' + readinessText(c.now) + change + '; ' +
        c.flipped.length + ' signal(s) flipped.'),
      c.flipped.length === 0 ? null : el('ul', { class: 'flips' }, c.flipped.map((f) => el('li', { 'data-id': f.id },
        el('a', { href: '/signal/' + encodeURIComponent(f.id) }, f.title), ': ',
        el('span', { class: 'state ' + f.from }, stateWord(f.from)), ' → ', el('span', { class: 'state ' + f.to }, stateWord(f.to)),
        f.since ? ' since ' + f.since : ''))));
  }

  async function drawHistory() {
    const query = new URLSearchParams();
    for (const name of ['from', 'to']) if (params.get(name)) query.set(name, params.get(name));
    const suffix = query.toString() ? '?' + query : '';
    const history = await getJson('/api/board/history' + suffix);
    const points = history.points;
    const chart = el('div', { id: 'history-chart', class: 'chart', role: 'img',
      'aria-label': 'Weekly readiness from ' + history.from + ' to ' + history.to });
    const last = points.slice(-12).reverse();
    const table = el('table', {}, el('caption', {}, 'The last 12 weeks'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Week'), el('th', { scope: 'col', class: 'num' }, 'Readiness'),
        el('th', { scope: 'col', class: 'num' }, 'Measured'))),
      el('tbody', {}, last.map((p) => el('tr', {}, el('th', { scope: 'row' }, p.date),
        el('td', { class: 'num' }, p.readiness === null ? 'withheld' : fixed(p.readiness, 0)),
        el('td', { class: 'num' }, Math.round(p.counted * 100) + '%')))));
    show(
      el('p', {}, 'Every Friday from ', history.from, ' to ', history.to, ' · ',
        el('a', { href: '/api/board/history.csv' + suffix }, 'CSV'), ' · ', el('a', { href: '/api/board/history' + suffix }, 'JSON')),
      chart, el('div', { class: 'scroll' }, table));
    plot(chart, [{ type: 'scatter', mode: 'lines', name: 'readiness', x: points.map((p) => p.date), y: points.map((p) => p.readiness),
      line: { color: '#1f6feb', width: 1.8 } }], { yaxis: { range: [0, 100], title: { text: 'readiness' } } });
  }

  // One signal: where it stands, the report's chart of it, and its state every week.
  async function drawSignal() {
    const id = document.body.dataset.signal;
    const board = await getJson(dated('/api/board'));
    const s = board.signals.find((x) => x.id === id);
    if (!s) throw new Error('no signal ' + id + ' on the board');
    const part = board.breakdown.find((p) => p.id === id);
    const [chart, history] = await Promise.all([
      getJson('/api/signal/' + encodeURIComponent(id) + '/chart?as_of=' + board.as_of),
      getJson('/api/board/history?to=' + board.as_of)]);
    const figures = chart.figures.map((f, i) => el('div', { class: 'chart', id: 'signal-chart-' + i, role: 'img',
      'aria-label': (f.layout.title && f.layout.title.text) || 'chart' }));
    const states = el('div', { id: 'state-chart', class: 'chart short', role: 'img', 'aria-label': 'Weekly state of ' + s.title });
    show(
      el('section', { class: 'summary', 'aria-label': 'Where the signal stands' },
        el('p', {}, el('span', { id: 'state', class: 'state ' + s.state }, stateWord(s.state)), s.stale ? el('span', { class: 'stale' }, 'stale') : null,
          ' ', el('strong', {}, value(s)), s.since ? ' since ' + s.since : '', ' · as of ',
          el('time', { id: 'as-of', datetime: board.as_of }, board.as_of)),
        el('p', { class: 'explanation-big' }, s.explanation),
        el('p', { class: 'note' }, 'Weight ' + s.weight + (part ? ' · ' + fixed(part.contribution, 1) + ' of 100 points · ' + part.note : '') +
          ' · data: ' + s.inputs.map((i) => i.id + (i.last_date ? ' to ' + i.last_date : ' none') + (i.stale ? ' (stale)' : '')).join(', '))),
      el('p', {}, el('a', { href: '/' + (params.get('as_of') ? '?as_of=' + encodeURIComponent(params.get('as_of')) : '') }, '← the board')),
      ...figures,
      chart.notes.length ? el('ul', { class: 'note' }, chart.notes.map((n) => el('li', {}, n))) : null,
      el('h2', {}, 'State every Friday'), states);
    chart.figures.forEach((f, i) => plot(figures[i], f.data, f.layout));
    const score = { supports: 1, neutral: 0.5, against: 0 };
    const points = history.points;
    plot(states, [{ type: 'scatter', mode: 'lines', line: { shape: 'hv', color: '#1f6feb' }, name: 'state',
      x: points.map((p) => p.date), y: points.map((p) => (p.states[id] in score ? score[p.states[id]] : null)),
      text: points.map((p) => stateWord(p.states[id]) + (p.stale.includes(id) ? ' (stale)' : '')), hoverinfo: 'x+text' }],
    { margin: { l: 80, r: 20, t: 10, b: 40 }, yaxis: { range: [-0.1, 1.1], tickvals: [0, 0.5, 1], ticktext: ['against', 'neutral', 'supports'] } });
  }

  // data status: every instrument with its dates, rows, gaps and release rule.
  async function drawData() {
    const status = await getJson('/api/data/status');
    const head = el('thead', {}, el('tr', {}, ['Instrument', 'Class', 'First', 'Last', 'Rows', 'Gaps', 'Public', 'Source']
      .map((h) => el('th', { scope: 'col', class: h === 'Rows' || h === 'Gaps' ? 'num' : null }, h))));
    const body = el('tbody', {}, status.instruments.map((i) => el('tr', { 'data-id': i.id },
      el('th', { scope: 'row', 'data-label': 'Instrument' }, i.id), el('td', { 'data-label': 'Class' }, i.class),
      el('td', { class: 'date', 'data-label': 'First' }, i.first || ''), el('td', { class: 'date', 'data-label': 'Last' }, i.last || ''),
      el('td', { class: 'num', 'data-label': 'Rows' }, i.rows.toLocaleString('en')), el('td', { class: 'num', 'data-label': 'Gaps' }, String(i.gaps)),
      el('td', { 'data-label': 'Public' }, i.release.rule), el('td', { class: 'explanation', 'data-label': 'Source' }, i.sources))));
    show(
      el('p', {}, status.instruments.length + ' instruments in ' + status.store + ' (schema v' + status.schema_version + ')' +
        (status.release_lags ? '' : '; release lags ignored') + ' · ', el('a', { href: '/api/data/status' }, 'JSON')),
      el('p', { class: 'note' }, 'Coin lists: ' + (status.coin_lists.join(', ') || 'none') + ' · rankings: ' + (status.rankings.join(', ') || 'none')),
      el('div', { class: 'scroll' }, el('table', { class: 'board' }, el('caption', {}, 'Stored instruments'), head, body)));
  }

  function plot(node, traces, layout) {
    if (!window.Plotly) return;
    window.Plotly.newPlot(node, traces, Object.assign({ margin: { l: 50, r: 20, t: 20, b: 40 }, hovermode: 'x unified' }, layout),
      { responsive: true, displaylogo: false });
  }

  const pages = { board: drawBoard, history: drawHistory, signal: drawSignal, data: drawData };

  function draw(version) {
    busy = busy.then(async () => {
      if (version === rendered) return;
      content.setAttribute('aria-busy', 'true');
      try {
        await pages[page]();
        rendered = version;
        document.body.dataset.version = String(version);
      } catch (e) {
        show(el('p', { class: 'error', role: 'alert' }, 'Could not load: ' + e.message));
      }
      content.setAttribute('aria-busy', 'false');
    });
  }

  // The stream's first event is the store's current version: the page draws then, and again on every change.
  const events = new EventSource('/api/events');
  events.addEventListener('store', (event) => {
    const change = JSON.parse(event.data);
    live.textContent = 'live · store version ' + change.version;
    live.className = 'on';
    draw(change.version);
  });
  events.addEventListener('error', () => {
    live.textContent = 'reconnecting…';
    live.className = 'off';
  });
})();
