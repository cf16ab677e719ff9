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
      node.append(child instanceof Node ? child : text(child));
    }
    return node;
  }

  // A text whose ISO dates stay on one line: a phone's browser breaks "2025-" / "10-01".
  function text(value) {
    const parts = String(value).split(/(\d{4}-\d\d-\d\d)/);
    if (parts.length === 1) return document.createTextNode(parts[0]);
    const fragment = document.createDocumentFragment();
    parts.forEach((part, k) => {
      if (!part) return;
      fragment.append(k % 2 ? Object.assign(document.createElement('span'), { className: 'whole', textContent: part }) : part);
    });
    return fragment;
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
    return board.readiness === null ? 'withheld' : board.readiness_text;
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
        board.counted_text + ' of the weight measured (needs ' + board.min_measured_text + ') · ',
        count('supports') + ' support, ' + count('neutral') + ' neutral, ' + count('against') + ' against, ' +
        count('not_measurable') + ' not measurable' + (stale ? ', ' + stale + ' stale' : '')),
      board.readiness_withheld ? el('p', { class: 'note' }, 'Readiness withheld: ' + board.readiness_withheld) : null,
      board.as_of_chosen ? el('p', { class: 'note' }, 'Date: ' + board.as_of_chosen.reason + '.') : null);
    const form = el('form', { class: 'date', method: 'get', action: '/' },
      el('label', {}, 'As of ', el('input', { type: 'date', name: 'as_of', value: params.get('as_of') || '' })), ' ',
      el('label', {}, 'compared with ', el('input', { type: 'date', name: 'compare', value: params.get('compare') === 'last' ? '' : params.get('compare') || '' })), ' ',
      el('button', { type: 'submit' }, 'Show'), ' ', el('a', { href: '/' }, 'latest'), ' · ',
      el('a', { href: '/?compare=last' }, 'since the last run'), ' · ',
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
        el('td', { class: 'num', 'data-label': 'Points' }, part ? part.contribution_text : '',
          part && part.note ? el('div', { class: 'explanation' }, part.note) : null));
    }));
    const table = el('table', { class: 'board' }, el('caption', {}, 'Signals of the thesis, with their part in readiness'), head, body);
    const comparison = params.get('compare') ? await drawComparison(params.get('compare')) : null;
    show(summary, form, changed, comparison, el('div', { class: 'scroll' }, table), await drawWhatIf());
    previous = board;
  }

  // What if: weights and thresholds tried on the board, rescored by the server (GET /api/board/what-if) from the
  // board's own readings; the thesis file is never touched. The changes live in the address, so a reload keeps them.
  const tried = new Map([...params].filter(([name, v]) => /^(weight|threshold)\./.test(name) && v !== ''));
  let whatIfOpen = tried.size > 0;

  function whatIfQuery() {
    const query = new URLSearchParams([...tried]);
    if (params.get('as_of')) query.set('as_of', params.get('as_of'));
    return query;
  }

  async function drawWhatIf() {
    let w;
    try {
      w = await getJson('/api/board/what-if?' + whatIfQuery());
    } catch (e) {
      return whatIfSection(el('p', { class: 'error', role: 'alert' }, 'What if: ' + e.message));
    }
    const number = (name, value, actual, label, min) => el('input', { type: 'number', step: 'any', min, name,
      value: String(value), 'data-actual': String(actual), 'aria-label': label,
      class: value !== actual ? 'tried' : null, required: true });
    const head = el('thead', {}, el('tr', {}, ['Signal', 'Weight', 'Thresholds', 'State', 'Points']
      .map((h) => el('th', { scope: 'col', class: h === 'Weight' || h === 'Points' ? 'num' : null }, h))));
    const rows = w.signals.map((s) => el('tr', { 'data-id': s.id, 'data-state': s.state,
      class: s.state !== s.actual_state ? 'changed' : null },
    el('th', { scope: 'row', 'data-label': 'Signal' }, s.title, el('div', { class: 'explanation' }, s.value_text)),
    el('td', { class: 'num', 'data-label': 'Weight' }, number('weight.' + s.id, s.weight, s.actual_weight,
      'Weight of ' + s.title, 0)),
    el('td', { 'data-label': 'Thresholds' }, s.thresholds.length === 0
      ? el('span', { class: 'note' }, 'rules on labels only')
      : s.thresholds.map((t) => el('label', { class: 'rule' }, t.rule + ' when ' + t.field + ' ' + t.op + ' ',
        number(t.parameter, t.threshold, t.actual, s.title + ': ' + t.rule + ' when ' + t.field + ' ' + t.op)))),
    el('td', { 'data-label': 'State' }, el('span', { class: 'state ' + s.state }, stateWord(s.state)),
      s.state !== s.actual_state ? ' (file: ' + stateWord(s.actual_state) + ')' : ''),
    el('td', { class: 'num', 'data-label': 'Points' }, s.contribution_text)));
    const change = w.readiness_change === null ? '' : ', ' + w.readiness_change_text;
    const flipped = w.signals.filter((s) => s.state !== s.actual_state).length;
    const status = el('p', { id: 'what-if-readiness', role: 'status' }, 'What if: readiness ',
      el('strong', { id: 'what-if-value' }, readinessText(w.what_if)),
      ' (the thesis file: ' + readinessText(w.actual) + change + ') · ' + w.changes.length + ' change(s) · ' +
      flipped + ' signal(s) in another state');
    const form = el('form', { id: 'what-if-form' },
      el('div', { class: 'scroll' }, el('table', { class: 'board' },
        el('caption', {}, 'Weights and rule thresholds to try; the thesis file is not changed'), head,
        el('tbody', {}, rows))),
      el('button', { type: 'submit' }, 'Recompute'), ' ',
      el('button', { type: 'button', id: 'what-if-reset' }, 'Reset'));
    form.addEventListener('change', (event) => tryChange(event.target));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      for (const input of form.querySelectorAll('input')) tryChange(input, false);
      redrawWhatIf();
    });
    form.querySelector('#what-if-reset').addEventListener('click', () => {
      tried.clear();
      redrawWhatIf();
    });
    const withheld = w.what_if.readiness_withheld;
    return whatIfSection(status, withheld ? el('p', { class: 'note' }, 'Readiness withheld: ' + withheld) : null, form);
  }

  function whatIfSection(...parts) {
    const section = el('details', { id: 'what-if', open: whatIfOpen },
      el('summary', {}, 'What if: try other weights and thresholds'), ...parts);
    section.addEventListener('toggle', () => { whatIfOpen = section.open; });
    return section;
  }

  // Records an input's value as a change (none when it is the thesis file's), then recomputes unless told not to.
  function tryChange(input, redraw = true) {
    if (!input.name || !input.checkValidity()) return;
    if (Number(input.value) === Number(input.dataset.actual)) tried.delete(input.name);
    else tried.set(input.name, input.value);
    if (redraw) redrawWhatIf();
  }

  async function redrawWhatIf() {
    const query = new URLSearchParams([...params].filter(([name]) => !/^(weight|threshold)\./.test(name)));
    for (const [name, v] of tried) query.set(name, v);
    history.replaceState(null, '', location.pathname + (query.toString() ? '?' + query : ''));
    const focused = document.activeElement && document.activeElement.name;
    const section = await drawWhatIf();
    document.getElementById('what-if').replaceWith(section);
    if (focused) {
      const again = section.querySelector('[name="' + CSS.escape(focused) + '"]');
      if (again) again.focus();
    }
  }

  // board --compare: the signals that flipped since a date, and readiness then and now.
  async function drawComparison(since) {
    const query = new URLSearchParams({ since });
    if (params.get('as_of') && since !== 'last') query.set('as_of', params.get('as_of'));
    const c = await getJson('/api/board/compare?' + query);
    const title = since === 'last' ? 'Since the last run' + (c.before ? ' (board of ' + c.before.as_of + ', recorded ' + c.last_run.recorded_at + ')' : '')
      : 'Since ' + c.before.as_of;
    if (!c.before) {
      return el('section', { id: 'comparison', 'aria-label': title }, el('h2', {}, title),
        el('p', {}, 'No run recorded yet: `bellwether board --compare last` keeps its board beside the store for the next one.'));
    }
    const change = c.readiness_change === null ? '' : ' (' + c.readiness_change_text + ')';
    return el('section', { id: 'comparison', 'aria-label': title },
      el('h2', {}, title),
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
        el('td', { class: 'num' }, readinessText(p)),
        el('td', { class: 'num' }, p.counted_text)))));
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
        el('p', { class: 'note' }, 'Weight ' + s.weight + (part ? ' · ' + part.contribution_text + ' of 100 points · ' + part.note : '') +
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

  // Every figure on these pages is written by the server's formatting table (Bellwether.Core.Text.ValueText), as the
  // CLI writes it: the documents' *_text fields. The page never formats a number itself.
  const words = (snake) => String(snake).replaceAll('_', ' ');

  // A table; with four columns or more it becomes one card per row on a phone (as the board does).
  function table(caption, headings, rows, numeric) {
    const isNum = (k) => numeric && numeric.includes(k);
    return el('div', { class: 'scroll' }, el('table', { class: headings.length >= 4 ? 'board' : null }, el('caption', {}, caption),
      el('thead', {}, el('tr', {}, headings.map((h, k) => el('th', { scope: 'col', class: isNum(k) ? 'num' : null }, h)))),
      el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c, k) => k === 0
        ? el('th', { scope: 'row', 'data-label': headings[0] }, c)
        : el('td', { class: isNum(k) ? 'num' : null, 'data-label': headings[k] }, c)))))));
  }

  // Charts drawn by the report's own code on the server, as plotly.js figures.
  async function drawCharts(url, label) {
    const charts = await getJson(url);
    const nodes = charts.figures.map((f, i) => el('div', { class: 'chart', id: label + '-chart-' + i, role: 'img',
      'aria-label': (f.layout.title && f.layout.title.text) || label }));
    return { nodes: [...nodes, charts.notes.length ? el('ul', { class: 'note' }, charts.notes.map((n) => el('li', {}, n))) : null],
      draw: () => charts.figures.forEach((f, i) => plot(nodes[i], f.data, f.layout)) };
  }

  // A form of query fields that reloads the page with them; the values kept in the address.
  function queryForm(fields) {
    return el('form', { class: 'date', method: 'get' }, fields.flatMap(([label, name, attributes]) =>
      [el('label', {}, label + ' ', el(attributes.options ? 'select' : 'input', Object.assign({ name }, attributes.options ? {} : attributes,
        { value: attributes.options ? null : params.get(name) || attributes.value || '' }),
      (attributes.options || []).map((o) => el('option', { value: o, selected: (params.get(name) || attributes.value) === o }, o)))), ' ']),
    el('button', { type: 'submit' }, 'Show'), ' ', el('a', { href: location.pathname }, 'latest'));
  }

  const seasonWords = { altcoin_season: 'Altcoin Season', bitcoin_season: 'Bitcoin Season', neutral: 'neither season' };

  // The Altcoin Season Index: a gauge, its history (the report's chart), the coins beating Bitcoin, coverage and the
  // published readings of the same K and N.
  async function drawAltseason() {
    const query = new URLSearchParams();
    for (const name of ['as_of', 'window', 'top']) if (params.get(name)) query.set(name, params.get(name));
    const now = await getJson('/api/altseason?' + query);
    const date = now.as_of;
    const from = new Date(Date.parse(date) - 3 * 365.25 * 864e5).toISOString().slice(0, 10);
    query.set('as_of', date);
    const [history, charts] = await Promise.all([
      getJson('/api/altseason?' + query + '&from=' + from + '&to=' + date),
      drawCharts('/api/altseason/chart?' + query + '&from=' + from + '&to=' + date, 'altseason')]);
    const r = history;
    const defined = r.status !== 'no_ranking' && r.status !== 'no_benchmark_closes' && r.status !== 'no_eligible_coins';
    const gauge = el('div', { id: 'altseason-gauge', class: 'chart gauge', role: 'img',
      'aria-label': 'Altcoin Season Index ' + (defined ? r.index_text + ' of 100' : 'not defined') });
    const coverage = 'Coverage: ' + r.coverage.eligible + ' of ' + r.coverage.top + ' eligible (' +
      r.coverage.share_text +
      ')' + (r.ranking ? ', ranking ' + r.coverage.ranking_age_days + ' days old (' + r.ranking.list + ' of ' + r.ranking.date + ')' : '') +
      ': ' + (r.status === 'ok' ? 'ok' : words(r.status) + '; a board does not count this reading');
    const beatCaption = r.outperformer_count + ' of ' + r.eligible + ' eligible altcoins beat Bitcoin (' +
      r.bitcoin_return_text +
      ' over ' + r.window_days + ' days)';
    const beating = r.outperformers.length === 0 ? el('p', { id: 'beating' }, beatCaption + '.')
      : table(beatCaption, ['Coin', 'Rank', r.window_days + '-day return', 'Series'],
        r.outperformers.map((c) => [c.symbol, String(c.rank), c.return_text, c.series]), [1, 2]);
    const rest = r.coins.filter((c) => !c.beats_bitcoin);
    const others = el('details', {}, el('summary', {}, rest.length + ' eligible coins that did not, and ' + r.skipped.length + ' skipped'),
      table('Eligible, not beating Bitcoin', ['Coin', 'Rank', 'Return'],
        rest.map((c) => [c.symbol, String(c.rank), c.return_text]), [1, 2]),
      table('Skipped', ['Coin', 'Rank', 'Why'], r.skipped.map((c) => [c.symbol, String(c.rank), words(c.reason) + (c.detail ? ': ' + c.detail : '')]), [1]));
    const published = r.published.length === 0
      ? el('p', { class: 'note' }, 'No published readings of the top ' + r.top + ', ' + r.window_days + ' days index from ' + from + ' to ' + date + ' are imported.')
      : table('Published readings from ' + from + ' to ' + date, ['Date', 'Published', 'By', 'Computed', 'Difference', 'Status'],
        r.published.map((p) => [p.date, p.value_text, p.provider, p.computed_text, p.difference_text,
          words(p.status)]), [1, 3, 4]);
    show(
      queryForm([['As of', 'as_of', { type: 'date' }], ['Window, days', 'window', { options: ['30', '90', '365'], value: '90' }],
        ['Top', 'top', { options: ['50', '100'], value: '50' }]]),
      el('section', { class: 'summary', 'aria-label': 'The index' }, gauge,
        el('div', {}, el('p', { class: 'readiness' },
          el('span', { id: 'index', class: 'big' }, defined ? r.index_text : 'no reading'),
          defined ? ' / 100, ' + (seasonWords[r.season] || '') : ''),
        el('p', {}, 'Top ', String(r.top), ', ', String(r.window_days), ' days, as of ', el('time', { id: 'as-of', datetime: date }, date)),
        el('p', { id: 'coverage' }, coverage),
        r.eth_btc ? el('p', {}, 'ETH/BTC ' + r.eth_btc.value_text + ' on ' + r.eth_btc.date) : null,
        r.btc_dominance
          ? el('p', {}, 'Bitcoin dominance ' + r.btc_dominance.value_text + ' on ' + r.btc_dominance.date) : null,
        r.warnings.map((w) => el('p', { class: 'note' }, w)))),
      el('h2', {}, 'History'), ...charts.nodes,
      el('h2', {}, 'Coins beating Bitcoin'), beating, others,
      el('h2', {}, 'Published readings'), published,
      el('p', {}, el('a', { href: '/api/altseason?' + query }, 'JSON')));
    plot(gauge, [{ type: 'indicator', mode: 'gauge+number', value: defined ? r.index : null,
      gauge: { axis: { range: [0, 100] }, bar: { color: '#14213d' },
        steps: [{ range: [0, r.thresholds.bitcoin_season], color: '#fde7c2' }, { range: [r.thresholds.altcoin_season, 100], color: '#c9ecd4' }] } }],
    { margin: { l: 30, r: 30, t: 20, b: 10 }, hovermode: false });
    charts.draw();
  }

  const verdictWords = { supported: 'supported', partly: 'partly', not_supported: 'not supported', not_checkable: 'not checkable' };

  // The claim check: each claim read top-down (claim, quote, readings, verdict), as `check` prints it.
  async function drawCheck() {
    const c = await getJson('/api/check');
    const overview = table('Claims of ' + c.file, ['Claim', 'Claimed on', 'Claimed', 'Verdict', 'Why'],
      c.claims.map((x) => [el('a', { href: '#claim-' + x.id }, x.id), x.date, x.target,
        el('span', { class: 'verdict ' + x.verdict }, verdictWords[x.verdict]), x.summary]));
    const claims = c.claims.map((x) => el('section', { id: 'claim-' + x.id, class: 'claim', 'aria-label': x.id },
      el('h2', {}, x.id, ' ', el('span', { class: 'verdict ' + x.verdict }, verdictWords[x.verdict])),
      el('p', {}, 'Claimed ' + x.date + ': ' + x.target),
      el('blockquote', {}, x.text),
      table('Readings', ['Reading', 'Value', 'State', 'Agrees', 'Data', 'Detail'], x.readings.map((r) => [r.label,
        r.value_text,
        r.state || '', r.within === null ? '–' : r.counts ? (r.within ? 'yes' : 'no') : '(' + (r.within ? 'yes' : 'no') + ')',
        r.provenance.instruments.join(', ') + (r.provenance.from && r.provenance.to ? ' ' + r.provenance.from + ' → ' + r.provenance.to : ''),
        r.repeats ? 'same finding as ' + r.repeats + ': counted once'
          : !r.provenance.point_in_time ? 'hindsight: uses data to ' + r.provenance.data_through + ', after the claim date; not counted. ' + (r.note || '')
            : r.note || '']), [1]),
      el('p', {}, 'Verdict: ', el('strong', {}, verdictWords[x.verdict]), ' — ' + x.summary)));
    const counts = Object.entries(c.verdicts).filter(([, n]) => n > 0).map(([v, n]) => n + ' ' + verdictWords[v]).join(', ');
    show(el('p', {}, el('strong', {}, c.name), ' · ' + c.source),
      el('p', { id: 'verdicts' }, c.claims.length + ' claims: ' + counts + '. ', el('a', { href: '/api/check' }, 'JSON')),
      overview, ...claims);
  }

  const regimeWords = { easing: 'easing', tightening: 'tightening', on_hold: 'on hold' };

  // Macro: the fed funds path, net liquidity (the report's chart and the last weeks) and M2.
  async function drawMacro() {
    const query = new URLSearchParams();
    for (const name of ['as_of', 'weeks']) if (params.get(name)) query.set(name, params.get(name));
    const [m, charts] = await Promise.all([getJson('/api/macro?' + query),
      drawCharts('/api/macro/chart' + (params.get('as_of') ? '?as_of=' + encodeURIComponent(params.get('as_of')) : ''), 'macro')]);
    const f = m.fed;
    const n = m.net_liquidity;
    show(
      queryForm([['As of', 'as_of', { type: 'date' }], ['Weeks listed', 'weeks', { type: 'number', min: 0, max: 5200, value: '13' }]]),
      el('p', {}, 'As of ', el('time', { id: 'as-of', datetime: m.as_of }, m.as_of)),
      f ? el('section', { 'aria-label': 'Fed funds' }, el('h2', {}, 'Fed funds'),
        el('p', {}, 'Effective rate (' + f.series + ') ' + f.rate_text + ' on ' + f.rate_date + '; ' +
          (f.last_change ? 'last move ' + (f.last_change.is_cut ? 'a cut' : 'a hike') + ' of ' + f.last_change_text +
            ' effective ' + f.last_change.date : 'no move found') + '. ' +
          f.cuts_6m + ' cut(s) and ' + f.hikes_6m + ' hike(s) in 6 months, ' +
          f.cuts_12m + ' and ' + f.hikes_12m + ' in 12; regime: ', el('strong', { id: 'regime' }, regimeWords[f.regime] || words(f.regime)), '.'),
        f.pending ? el('p', { class: 'note' }, 'A move may be under way: ' + f.pending.observations + ' day(s) at ' +
          f.pending_text.latest +
          ' since ' + f.pending.date + ' (was ' + f.pending_text.before + '), not yet confirmed.') : null) : null,
      ...charts.nodes,
      n ? el('section', { 'aria-label': 'Net liquidity' }, el('h2', {}, 'Net liquidity'),
        el('p', {}, n.value_text + ' on ' + n.date + ': ' + n.change_4w_text + ' over 4 weeks, ' +
          n.change_13w_text + ' over 13 weeks (' + n.trend + ').'),
        table('US$ billions; ' + n.skipped_total + ' week(s) skipped since ' + n.first_week + ' for a missing input',
          ['Week', 'Assets', 'TGA', 'RRP', 'Net', '4w change', '13w change'],
          n.weeks.map((w, k) => [w.date, n.weeks_text[k]]).reverse().map(([date, t]) => [date, t.total_assets,
            t.treasury_account, t.reverse_repo, t.value, t.change_4w, t.change_13w]), [1, 2, 3, 4, 5, 6])) : null,
      m.m2 ? el('section', { 'aria-label': 'M2' }, el('h2', {}, 'M2'),
        el('p', {}, 'M2 (' + m.m2.series + ') ' + m.m2.level_text + ' ' + m.m2.unit + ' in ' + m.m2.date.slice(0, 7) +
          ': ' +
          m.m2.yoy_text + ' year on year.')) : null,
      el('p', {}, el('a', { href: '/api/macro?' + query }, 'JSON')));
    charts.draw();
  }

  const rotationWords = { rotation: 'rotation', reverse: 'reverse rotation', both_inflow: 'both took money', both_outflow: 'both lost money', flat: 'flat' };

  // ETF flows: each family's latest day, sums, streaks, the rotation between them (the report's chart and weeks).
  async function drawFlows() {
    const query = new URLSearchParams();
    for (const name of ['as_of', 'window', 'into', 'out_of']) if (params.get(name)) query.set(name, params.get(name));
    const chartQuery = new URLSearchParams(query);
    chartQuery.delete('window');
    const [f, charts] = await Promise.all([getJson('/api/flows?' + query), drawCharts('/api/flows/chart?' + chartQuery, 'flows')]);
    const shown = f.tables.filter((t) => t.date !== null);
    const row = (label, cell) => [label, ...shown.map(cell)];
    const rows = [row('Day', (t) => t.date), row('Net flow', (t) => t.text.total), row('5 days', (t) => t.text.sum_5d),
      row('20 days', (t) => t.text.sum_20d)];
    if (f.window !== 5 && f.window !== 20) rows.push(row(f.window + ' days', (t) => t.text.sum_window));
    rows.push(row('Since launch', (t) => t.text.cumulative),
      row('Streak', (t) => t.streak.days + ' ' + t.streak.direction + ' day(s), ' + t.text.streak_sum));
    const r = f.rotation;
    show(
      queryForm([['As of', 'as_of', { type: 'date' }], ['Window, flow days', 'window', { type: 'number', min: 1, max: 10000, value: '20' }]]),
      el('p', {}, 'As of ', el('time', { id: 'as-of', datetime: f.as_of }, f.as_of)),
      table('US$ millions', ['', ...shown.map((t) => t.id)], rows, shown.map((_, k) => k + 1)),
      ...charts.nodes,
      r ? el('section', { 'aria-label': 'Rotation' }, el('h2', {}, 'Rotation'),
        el('p', { id: 'rotation' }, 'Over ' + r.days + ' shared flow days (' + r.from + ' to ' + r.to + ') ' + r.into + ' took ' +
          r.into_sum_text + ' and ' + r.out_of + ' ' + r.out_of_sum_text + ': ' + rotationWords[r.kind] +
          (r.rotated !== 0 ? ', up to ' + r.rotated_text + ' moved across' : '') + '. On ' + r.rotation_days +
          ' day(s) ' +
          r.into + ' took money while ' + r.out_of + ' lost it.'),
        table('Weeks: into = ' + r.into + ', out of = ' + r.out_of, ['Week from', 'Days', 'Into', 'Out of', 'Reading'],
          r.weeks.map((w, k) => [w.from, String(w.days), r.weeks_text[k].into_sum, r.weeks_text[k].out_of_sum,
            rotationWords[w.kind]]),
          [1, 2, 3])) : null,
      ...f.tables.flatMap((t) => [
        ...t.funds.filter((u) => u.launched === null).length ? [el('p', { class: 'note' }, t.id + ': not launched yet (zeros only): ' +
          t.funds.filter((u) => u.launched === null).map((u) => u.fund).join(', '))] : [],
        ...t.total_mismatches.map((x, k) => el('p', { class: 'note' }, t.id + ' ' + x.date + ': funds sum to ' +
          t.total_mismatches_text[k].fund_sum + ' but the table\'s total is ' +
          t.total_mismatches_text[k].table_total)),
        ...t.partial_days.map((d) => el('p', { class: 'note' }, t.id + ' ' + d + ': a launched fund has no value; the total is partial'))]),
      el('p', {}, el('a', { href: '/api/flows?' + query }, 'JSON')));
    charts.draw();
  }

  function plot(node, traces, layout) {
    if (!window.Plotly) return;
    // On a phone a chart's title is text above it, which wraps (plotly cuts a long title off on both sides).
    if (window.innerWidth < 600 && layout.title && layout.title.text) {
      if (!(node.previousElementSibling && node.previousElementSibling.classList.contains('chart-title')))
        node.before(el('p', { class: 'chart-title' }, layout.title.text));
      layout = Object.assign({}, layout, { title: { text: '' }, margin: Object.assign({}, layout.margin, { t: 10 }) });
    }
    window.Plotly.newPlot(node, traces, Object.assign({ margin: { l: 50, r: 20, t: 20, b: 40 }, hovermode: 'x unified' }, layout),
      { responsive: true, displaylogo: false });
  }

  const pages = { board: drawBoard, history: drawHistory, signal: drawSignal, data: drawData, altseason: drawAltseason, check: drawCheck,
    macro: drawMacro, flows: drawFlows };

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
