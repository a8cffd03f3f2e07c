/**
 * The desk's only script and style sheet, kept as text in a module so the
 * compiled service serves them without a copy step. Plain browser JavaScript: no
 * framework, no build.
 */

export const DESK_SCRIPT = String.raw`'use strict';
(function () {
  var page = document.body.getAttribute('data-page');

  if (page === 'list') {
    var links = Array.prototype.slice.call(document.querySelectorAll('a.record-link'));
    document.addEventListener('keydown', function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var tag = event.target && event.target.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
      var step = event.key === 'j' || event.key === 'ArrowDown' ? 1 : event.key === 'k' || event.key === 'ArrowUp' ? -1 : 0;
      if (step === 0 || links.length === 0) return;
      event.preventDefault();
      var at = links.indexOf(document.activeElement);
      var next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
      links[next].focus();
    });
    if (links.length > 0 && document.activeElement === document.body) links[0].focus();
    return;
  }

  var form = document.getElementById('review-form');
  if (!form) return;
  var id = form.getAttribute('data-id');
  var file = form.getAttribute('data-file') || '';
  var outcome = document.getElementById('outcome');
  var changesNote = document.getElementById('changes');
  var reviewer = document.getElementById('reviewer');
  var note = document.getElementById('note');
  var buttons = [document.getElementById('approve'), document.getElementById('reject')];
  if (reviewer) {
    try { reviewer.value = localStorage.getItem('reportflow.reviewer') || ''; } catch (e) {}
  }

  function valueOf(control) {
    var kind = control.getAttribute('data-kind');
    var raw = control.value;
    if (kind === 'answer') return raw === '' ? null : raw;
    if (kind === 'number') return raw.trim() === '' ? null : Number(raw);
    if (kind === 'nullable-text') return raw.trim() === '' ? null : raw;
    return raw;
  }

  function corrections() {
    var out = [];
    var controls = form.querySelectorAll('[data-path]');
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      var original = JSON.parse(control.getAttribute('data-original'));
      var value = valueOf(control);
      var changed = value !== original && !(typeof value === 'number' && typeof original === 'number' && value === original);
      control.classList.toggle('changed', changed);
      if (changed) out.push({ path: control.getAttribute('data-path'), value: value });
    }
    return out;
  }

  function invalidNumbers() {
    return Array.prototype.filter.call(form.querySelectorAll('[data-kind="number"]'), function (c) {
      return c.value.trim() !== '' && !isFinite(Number(c.value));
    });
  }

  form.addEventListener('input', function () {
    var n = corrections().length;
    if (changesNote) changesNote.textContent = n === 0 ? 'No changes.' : n === 1 ? '1 field changed.' : n + ' fields changed.';
  });

  function show(text, kind) {
    outcome.textContent = text;
    outcome.className = 'notice ' + kind;
  }

  function decide(action) {
    var body = {};
    var who = reviewer && reviewer.value.trim();
    var text = note && note.value.trim();
    if (who) body.reviewer = who;
    if (action === 'approve') {
      var bad = invalidNumbers();
      if (bad.length > 0) {
        bad[0].focus();
        show('A total is not a number.', 'error');
        return;
      }
      body.corrections = corrections();
      if (text) body.note = text;
    } else if (text) {
      body.reason = text;
    }
    try { if (who) localStorage.setItem('reportflow.reviewer', who); } catch (e) {}
    buttons.forEach(function (b) { b.disabled = true; });
    show(action === 'approve' ? 'Approving…' : 'Rejecting…', 'pending');
    fetch('/reviews/' + id + '/' + action, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) { return { ok: response.ok, status: response.status, json: json }; });
      })
      .then(function (result) {
        if (!result.ok) {
          var details = [].concat(result.json.details || []).map(function (d) {
            return typeof d === 'string' ? d : (d.path || '') + ' ' + (d.message || '');
          });
          show('Not ' + (action === 'approve' ? 'approved' : 'rejected') + ' (' + result.status + '): ' + (result.json.message || 'request failed') + (details.length ? ': ' + details.join('; ') : ''), 'error');
          buttons.forEach(function (b) { b.disabled = false; });
          return;
        }
        var done = action === 'approve' ? 'approved' : 'rejected';
        var applied = result.json.review && result.json.review.corrections ? result.json.review.corrections.length : 0;
        show('Record ' + done + (action === 'approve' ? ' with ' + applied + ' correction' + (applied === 1 ? '' : 's') : '') + '. Back to the list…', 'ok');
        setTimeout(function () {
          location.assign('/review?done=' + done + '&file=' + encodeURIComponent(file));
        }, 900);
      })
      .catch(function (error) {
        show('Could not reach the service: ' + error.message, 'error');
        buttons.forEach(function (b) { b.disabled = false; });
      });
  }

  document.getElementById('approve').addEventListener('click', function () { decide('approve'); });
  document.getElementById('reject').addEventListener('click', function () { decide('reject'); });
})();
`;

export const DESK_STYLE = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d5dae1; --focus: #1a5fd0; --warn: #8a5a00; --err: #a61b1b; --ok: #1c6b33; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fbfbfc; }
.top { padding: .6rem 1.2rem; background: #1d2430; }
.top a { color: #fff; text-decoration: none; font-weight: 600; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 4rem; }
h1 { font-size: 1.5rem; margin: .6rem 0; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
a { color: #1a4fa8; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
table.held { width: 100%; background: #fff; }
table.held tbody tr:focus-within { background: #e6efff; outline: 2px solid var(--focus); }
table.held a.record-link { display: inline-block; padding: .1rem .2rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .88em; }
.muted, .keys { color: var(--muted); }
kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 .3rem; background: #fff; font-size: .85em; }
.notice:empty { display: none; }
.notice { padding: .5rem .7rem; border-radius: 4px; border: 1px solid var(--line); background: #fff; }
.notice.ok { border-color: var(--ok); color: var(--ok); }
.notice.warn { border-color: var(--warn); color: var(--warn); }
.notice.error { border-color: var(--err); color: var(--err); }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.meta dt, dl.facts dt { color: var(--muted); }
dl.meta dd, dl.facts dd { margin: 0; }
ol.anomalies { padding-left: 1.3rem; }
li.anomaly { margin: .6rem 0 1rem; padding: .5rem .7rem; background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--warn); }
li.anomaly.sev-error { border-left-color: var(--err); }
li.anomaly.sev-info { border-left-color: var(--muted); }
li.anomaly p { margin: 0 0 .3rem; }
.severity { text-transform: uppercase; font-size: .75rem; color: var(--muted); margin: 0 .3rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .2rem 0; }
figure.source { margin: .4rem 0 0; }
figure.source figcaption { font-size: .85rem; color: var(--muted); }
figure.source blockquote { margin: .2rem 0; padding: .3rem .6rem; border-left: 3px solid var(--line); white-space: pre-wrap; background: #f6f7f9; }
table.source-table td { font-family: ui-monospace, monospace; font-size: .85rem; background: #f6f7f9; }
table.source-table tr.focus td { background: #fff3c4; font-weight: 600; }
.table-wrap { overflow-x: auto; }
table.scores { background: #fff; }
table.scores td { padding: .15rem; }
table.scores select { font: inherit; }
table.scores input[type=number] { width: 5.5rem; font: inherit; }
td.computed { color: var(--muted); padding: .3rem .45rem; }
.field label { font-weight: 600; margin-right: .4rem; }
.field input:not([type=number]) { width: min(36rem, 100%); font: inherit; padding: .2rem .3rem; }
ol.items { padding-left: 0; list-style: none; }
ol.items li { margin: .5rem 0; }
ol.items label { display: block; }
textarea { width: 100%; font: inherit; padding: .3rem; }
.changed { background: #fff3c4 !important; border-color: var(--warn); }
.decision { border-top: 1px solid var(--line); }
.buttons button { font: inherit; padding: .4rem 1.1rem; border-radius: 4px; border: 1px solid var(--ink); cursor: pointer; }
button.approve { background: var(--ok); color: #fff; border-color: var(--ok); }
button.reject { background: #fff; color: var(--err); border-color: var(--err); }
button:disabled { opacity: .5; cursor: progress; }
`;
