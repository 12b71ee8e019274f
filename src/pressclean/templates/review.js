/* pressclean review page: filters, pagination, side-by-side view, decisions.
   Document text is untrusted: it only ever becomes text nodes (textContent),
   never markup. Filters live in the URL hash (#rule=...&doc=...&min=...). */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('review-data').textContent);
  var PAGE = 100;
  var KEYS = ['rule', 'stage', 'doc', 'min', 'max', 'decision', 'q', 'view', 'focus'];
  var F = {doc: 0, ins: 1, ine: 2, outs: 3, oute: 4, before: 5, after: 6, stage: 7, rule: 8,
           score: 9, decision: 10};
  var state = {page: 1, overPage: 1};
  var marks = {};            /* correction index -> 'accept' | 'reject' */
  var ruleMarks = {};        /* rule -> true when the whole rule is rejected */
  var storeKey = 'pressclean-review-' + D.runId;

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  function visible(t) {
    if (t === '') { return '\u2205'; }
    if (!t.trim()) { return t.replace(/ /g, '\u2423').replace(/\n/g, '\u23ce').replace(/\t/g, '\u21e5'); }
    return t.replace(/\n/g, '\u23ce');
  }

  /* -- decisions ---------------------------------------------------------------- */
  function loadMarks() {
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(storeKey) || 'null'); } catch (e) { saved = null; }
    if (saved) { marks = saved.marks || {}; ruleMarks = saved.rules || {}; return; }
    D.corr.forEach(function (c, i) { if (c[F.decision]) { marks[i] = c[F.decision]; } });
    D.rejectedRules.forEach(function (r) { ruleMarks[r] = true; });
  }
  function saveMarks() {
    try { window.localStorage.setItem(storeKey, JSON.stringify({marks: marks, rules: ruleMarks})); } catch (e) { /* private mode */ }
    var n = Object.keys(marks).length, r = Object.keys(ruleMarks).length;
    $('dec-count').textContent = n + ' correction decision' + (n === 1 ? '' : 's') + ', ' + r + ' rule' + (r === 1 ? '' : 's') + ' rejected';
  }
  function status(i) {
    var c = D.corr[i];
    if (marks[i]) { return marks[i]; }
    return ruleMarks[c[F.rule]] ? 'rule' : '';
  }
  function decisionRows() {
    var rows = [];
    Object.keys(ruleMarks).sort().forEach(function (r) { rows.push({decision: 'reject-rule', rule: r}); });
    Object.keys(marks).map(Number).sort(function (a, b) { return a - b; }).forEach(function (i) {
      var c = D.corr[i];
      rows.push({decision: marks[i], document: D.docs[c[F.doc]].key, in_start: c[F.ins], in_end: c[F.ine],
                 before: c[F.before], after: c[F.after], rule: c[F.rule]});
    });
    return rows;
  }
  function csvCell(v) {
    v = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }
  function download(name, text, type) {
    var a = el('a', {href: URL.createObjectURL(new Blob([text], {type: type})), download: name});
    document.body.appendChild(a); a.click(); a.remove();
  }
  function exportCsv() {
    var cols = ['decision', 'document', 'in_start', 'in_end', 'before', 'after', 'rule'];
    var lines = [cols.join(',')].concat(decisionRows().map(function (r) {
      return cols.map(function (k) { return csvCell(r[k]); }).join(',');
    }));
    download('decisions.csv', lines.join('\n') + '\n', 'text/csv');
  }
  function exportJson() {
    var rows = decisionRows();
    var out = {pressclean_decisions: 1,
               rules: rows.filter(function (r) { return r.decision === 'reject-rule'; })
                          .map(function (r) { return {rule: r.rule, decision: 'reject'}; }),
               corrections: rows.filter(function (r) { return r.decision !== 'reject-rule'; })};
    download('decisions.json', JSON.stringify(out, null, 1) + '\n', 'application/json');
  }

  /* -- filters and the hash ------------------------------------------------------ */
  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    KEYS.forEach(function (k) { state[k] = p.get(k) || ''; });
    state.page = Math.max(1, parseInt(p.get('page') || '1', 10) || 1);
  }
  function writeHash() {
    var p = new URLSearchParams();
    KEYS.forEach(function (k) { if (state[k]) { p.set(k, state[k]); } });
    if (state.page > 1) { p.set('page', String(state.page)); }
    var h = p.toString();
    try { history.replaceState(null, '', h ? '#' + h : location.pathname + location.search); } catch (e) { location.hash = h; }
  }
  function matches(i) {
    var c = D.corr[i];
    if (state.rule && c[F.rule] !== state.rule) { return false; }
    if (state.stage && c[F.stage] !== state.stage) { return false; }
    if (state.doc && D.docs[c[F.doc]].key !== state.doc) { return false; }
    if (state.min !== '' && !(c[F.score] >= parseFloat(state.min))) { return false; }
    if (state.max !== '' && !(c[F.score] <= parseFloat(state.max))) { return false; }
    if (state.decision) {
      var s = status(i);
      if (state.decision === 'undecided' ? s !== '' : (state.decision === 'reject' ? !(s === 'reject' || s === 'rule') : s !== state.decision)) { return false; }
    }
    if (state.q && c[F.before].indexOf(state.q) < 0 && c[F.after].indexOf(state.q) < 0) { return false; }
    return true;
  }
  function fillSelect(name, values, label) {
    var sel = document.querySelector('#filters [name=' + name + ']');
    values.forEach(function (v) { sel.appendChild(el('option', {value: v, text: label ? label(v) : v})); });
  }
  function syncForm() {
    ['rule', 'stage', 'doc', 'min', 'max', 'decision', 'q'].forEach(function (k) {
      var input = document.querySelector('#filters [name=' + k + ']');
      if (input.tagName === 'SELECT' && state[k] && !Array.prototype.some.call(input.options, function (o) { return o.value === state[k]; })) {
        input.appendChild(el('option', {value: state[k], text: state[k]}));
      }
      input.value = state[k];
    });
  }

  /* -- tables -------------------------------------------------------------------- */
  function pager(nav, page, total, go) {
    nav.textContent = '';
    var pages = Math.max(1, Math.ceil(total / PAGE));
    var prev = el('button', {type: 'button', text: '\u2190 previous'}), next = el('button', {type: 'button', text: 'next \u2192'});
    prev.disabled = page <= 1; next.disabled = page >= pages;
    prev.addEventListener('click', function () { go(page - 1); });
    next.addEventListener('click', function () { go(page + 1); });
    nav.appendChild(prev);
    nav.appendChild(el('span', {text: ' page ' + page + ' of ' + pages + ' '}));
    nav.appendChild(next);
  }
  function markButton(i, verdict) {
    var b = el('button', {type: 'button', 'class': verdict, 'aria-pressed': String(marks[i] === verdict), text: verdict});
    b.addEventListener('click', function () {
      if (marks[i] === verdict) { delete marks[i]; } else { marks[i] = verdict; }
      saveMarks(); renderCorrections(false);
    });
    return b;
  }
  function renderCorrections(resetPage) {
    if (resetPage) { state.page = 1; }
    var hits = [];
    for (var i = 0; i < D.corr.length; i++) { if (matches(i)) { hits.push(i); } }
    var pages = Math.max(1, Math.ceil(hits.length / PAGE));
    if (state.page > pages) { state.page = pages; }
    var body = $('corr-body');
    body.textContent = '';
    hits.slice((state.page - 1) * PAGE, state.page * PAGE).forEach(function (i) {
      var c = D.corr[i], s = status(i), key = D.docs[c[F.doc]].key;
      var view = el('button', {type: 'button', text: 'view'});
      view.addEventListener('click', function () { state.view = String(c[F.doc]); state.focus = String(i); writeHash(); renderView(); });
      body.appendChild(el('tr', {'class': 'corr-row' + (s ? ' st-' + s : ''), 'data-cid': String(i), 'data-rule': c[F.rule], 'data-doc': key, 'data-status': s}, [
        el('td', {text: key}),
        el('td', {'class': 'b'}, [el('del', {text: visible(c[F.before])})]),
        el('td', {}, [el('ins', {text: visible(c[F.after])})]),
        el('td', {text: c[F.stage]}),
        el('td', {text: c[F.rule]}),
        el('td', {'class': 'num', text: String(c[F.score])}),
        el('td', {}, s === 'rule' ? [el('span', {text: 'rule rejected '}), markButton(i, 'accept')] : [markButton(i, 'accept'), ' ', markButton(i, 'reject')]),
        el('td', {}, [view])
      ]));
    });
    $('corr-count').textContent = hits.length + ' of ' + D.corr.length + ' corrections match';
    pager($('corr-pager'), state.page, hits.length, function (p) { state.page = p; writeHash(); renderCorrections(false); });
    document.querySelectorAll('.rule-row').forEach(function (row) {
      var on = !!ruleMarks[row.getAttribute('data-rule')];
      row.classList.toggle('rejected', on);
      row.querySelector('.reject-rule').setAttribute('aria-pressed', String(on));
    });
    if (state.view !== '') { markPanes(); }
  }
  function renderOverruled() {
    var body = $('over-body'), rows = D.over;
    body.textContent = '';
    rows.slice((state.overPage - 1) * PAGE, state.overPage * PAGE).forEach(function (o) {
      body.appendChild(el('tr', {'class': 'over-row', 'data-rule': o[6]}, [
        el('td', {text: D.docs[o[0]].key}), el('td', {}, [el('del', {text: visible(o[3])})]),
        el('td', {}, [el('ins', {text: visible(o[4])})]), el('td', {text: o[5]}), el('td', {text: o[6]}),
        el('td', {'class': 'num', text: o[7] === null ? '' : String(o[7])}), el('td', {text: o[8]})]));
    });
    $('over-count').textContent = rows.length ? rows.length + ' changes were refused' : 'Nothing was overruled on this run.';
    pager($('over-pager'), state.overPage, rows.length, function (p) { state.overPage = p; renderOverruled(); });
  }

  /* -- side-by-side document view ------------------------------------------------ */
  function shown(t, source) {
    if (t === '') { return '\u2038'; }
    var v = t.trim() ? t : t.replace(/ /g, '\u2423').replace(/\t/g, '\u21e5');
    return v.replace(/\n/g, source ? '\u23ce\n' : '\u23ce');
  }
  function fillPane(pane, text, groups, source) {
    pane.textContent = '';
    var frag = document.createDocumentFragment(), pos = 0;
    groups.forEach(function (g, k) {
      var s = source ? g[0] : g[2], e = source ? g[1] : g[3];
      if (s > pos) { frag.appendChild(document.createTextNode(text.slice(pos, s))); }
      var title = g[4].map(function (i) { var c = D.corr[i]; return c[F.rule] + ' (' + c[F.stage] + ', score ' + c[F.score] + ')'; }).join('; ');
      frag.appendChild(el(source ? 'del' : 'ins', {'class': 'chg', 'data-g': String(k), title: title, text: shown(text.slice(s, e), source)}));
      pos = e;
    });
    frag.appendChild(document.createTextNode(text.slice(pos)));
    pane.appendChild(frag);
  }
  function center(span) {  /* scroll only the pane, never the page */
    var pane = span.parentNode;
    pane.scrollTop = Math.max(0, span.offsetTop - pane.clientHeight / 2);  /* pane is the offsetParent */
  }
  function markPanes() {
    var d = D.docs[parseInt(state.view, 10)];
    if (!d) { return; }
    document.querySelectorAll('.pane .chg').forEach(function (span) {
      var g = d.groups[parseInt(span.getAttribute('data-g'), 10)];
      span.classList.toggle('dim', !g[4].some(matches));
      span.classList.toggle('current', g[4].indexOf(parseInt(state.focus, 10)) >= 0);
    });
  }
  function describe(g) {
    return g[4].map(function (i) { var c = D.corr[i]; return visible(c[F.before]) + ' \u2192 ' + visible(c[F.after]) + '  [' + c[F.rule] + ', ' + c[F.stage] + ', score ' + c[F.score] + ']'; }).join('   ');
  }
  function renderView() {
    var idx = parseInt(state.view, 10), d = D.docs[idx], section = $('view-section');
    if (!d) { section.hidden = true; return; }
    section.hidden = false;
    $('view-title').textContent = d.key;
    fillPane($('pane-source'), d.source, d.groups, true);
    fillPane($('pane-clean'), d.clean, d.groups, false);
    var n = 0; d.groups.forEach(function (g) { n += g[4].length; });
    $('view-info').textContent = n + ' corrections in ' + d.groups.length + ' changed regions; click a change to see it on both sides.';
    markPanes();
    var cur = document.querySelectorAll('.pane .chg.current');
    if (cur.length) {
      cur.forEach(center);
      $('view-info').textContent = describe(d.groups[parseInt(cur[0].getAttribute('data-g'), 10)]);
    }
  }

  /* -- wiring -------------------------------------------------------------------- */
  function onFilter(ev) {
    /* a text box fires "change" again on blur: re-rendering then would swallow the
       click that caused the blur */
    if (state[ev.target.name] === ev.target.value) { return; }
    state[ev.target.name] = ev.target.value;
    renderCorrections(true); writeHash();
  }
  function init() {
    loadMarks(); saveMarks();
    fillSelect('rule', D.rules);
    fillSelect('stage', D.stages);
    fillSelect('doc', D.docs.map(function (d) { return d.key; }));
    $('filters').addEventListener('change', onFilter);
    $('filters').addEventListener('input', function (ev) { if (ev.target.name === 'q') { onFilter(ev); } });
    $('filters').addEventListener('submit', function (ev) { ev.preventDefault(); });
    $('clear-filters').addEventListener('click', function () {
      KEYS.forEach(function (k) { if (k !== 'view' && k !== 'focus') { state[k] = ''; } });
      syncForm(); renderCorrections(true); writeHash();
    });
    document.querySelectorAll('.reject-rule').forEach(function (b) {
      b.addEventListener('click', function () {
        var r = b.getAttribute('data-rule');
        if (ruleMarks[r]) { delete ruleMarks[r]; } else { ruleMarks[r] = true; }
        saveMarks(); renderCorrections(false);
      });
    });
    document.querySelectorAll('.rule-link').forEach(function (a) {  /* the hash filters */
      a.addEventListener('click', function () {
        window.setTimeout(function () { $('corrections-section').scrollIntoView(); }, 0);
      });
    });
    ['pane-source', 'pane-clean'].forEach(function (id) {
      $(id).addEventListener('click', function (ev) {
        var g = ev.target.getAttribute && ev.target.getAttribute('data-g');
        if (g === null || g === undefined) { return; }
        var grp = D.docs[parseInt(state.view, 10)].groups[parseInt(g, 10)];
        state.focus = String(grp[4][0]); writeHash(); markPanes();
        $('view-info').textContent = describe(grp);
        document.querySelectorAll('.pane .chg[data-g="' + g + '"]').forEach(function (s) { if (s !== ev.target) { center(s); } });
      });
    });
    $('view-close').addEventListener('click', function () { state.view = ''; state.focus = ''; writeHash(); renderView(); });
    $('dl-csv').addEventListener('click', exportCsv);
    $('dl-json').addEventListener('click', exportJson);
    $('dec-clear').addEventListener('click', function () {
      if (window.confirm('Forget every decision taken on this page?')) { marks = {}; ruleMarks = {}; saveMarks(); renderCorrections(false); }
    });
    window.addEventListener('hashchange', function () { readHash(); syncForm(); renderCorrections(false); renderView(); });
    readHash(); syncForm(); renderCorrections(false); renderOverruled(); renderView();
    document.body.setAttribute('data-ready', 'true');
  }
  init();
}());
