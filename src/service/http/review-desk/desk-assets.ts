/**
 * The desk's only script and style sheet, kept as text in a module so the
 * compiled service serves them without a copy step. Plain browser JavaScript: no
 * framework, no build.
 */

export const DESK_SCRIPT = String.raw`'use strict';
(function () {
  var page = document.body.getAttribute('data-page');

  function typing(event) {
    var tag = event.target && event.target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'BUTTON' && event.key === 'Enter';
  }

  if (page === 'list' || page === 'records') {
    var links = Array.prototype.slice.call(document.querySelectorAll('a.record-link'));
    document.addEventListener('keydown', function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event)) return;
      var step = event.key === 'j' || event.key === 'ArrowDown' ? 1 : event.key === 'k' || event.key === 'ArrowUp' ? -1 : 0;
      if (step === 0 || links.length === 0) return;
      event.preventDefault();
      var at = links.indexOf(document.activeElement);
      var next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
      links[next].focus();
    });
    if (page === 'list' && links.length > 0 && document.activeElement === document.body) links[0].focus();
    return;
  }

  // The page image with the value's box, and the box's neighbourhood enlarged beside it.
  function boxOf(figure) {
    var parts = (figure.getAttribute('data-box') || '').split(',').map(Number);
    return parts.length === 4 && parts.every(isFinite) ? parts : null;
  }
  function placeBox(span, box, left, top, scaleX, scaleY) {
    span.style.left = ((box[0] - left) * scaleX) + 'px';
    span.style.top = ((box[1] - top) * scaleY) + 'px';
    span.style.width = Math.max(2, (box[2] - box[0]) * scaleX) + 'px';
    span.style.height = Math.max(2, (box[3] - box[1]) * scaleY) + 'px';
  }
  Array.prototype.forEach.call(document.querySelectorAll('figure.page-source'), function (figure) {
    var box = boxOf(figure);
    var img = figure.querySelector('.page img');
    if (!box || !img) return;
    function draw() {
      if (!img.naturalWidth) return;
      var shown = img.getBoundingClientRect();
      placeBox(figure.querySelector('.page .box'), box, 0, 0, shown.width, shown.height);
      var crop = figure.querySelector('.crop');
      if (!crop) return;
      var aspect = img.naturalHeight / img.naturalWidth;
      // Room around the box: a line above and below, some words either side.
      var padX = Math.max(0.06, (box[2] - box[0]) * 0.6), padY = Math.max(0.025, (box[3] - box[1]) * 1.5);
      var left = Math.max(0, box[0] - padX), right = Math.min(1, box[2] + padX);
      var top = Math.max(0, box[1] - padY), bottom = Math.min(1, box[3] + padY);
      var width = crop.clientWidth || 360;
      var pageWidth = width / (right - left);
      var pageHeight = pageWidth * aspect;
      crop.style.backgroundImage = 'url("' + crop.getAttribute('data-src') + '")';
      crop.style.backgroundSize = pageWidth + 'px ' + pageHeight + 'px';
      crop.style.backgroundPosition = (-left * pageWidth) + 'px ' + (-top * pageHeight) + 'px';
      crop.style.height = Math.max(24, (bottom - top) * pageHeight) + 'px';
      placeBox(crop.querySelector('.box'), box, left, top, pageWidth, pageHeight);
      figure.classList.add('drawn');
    }
    if (img.complete) draw();
    img.addEventListener('load', draw);
    window.addEventListener('resize', draw);
  });

  var form = document.getElementById('review-form');
  if (!form) return;
  var id = form.getAttribute('data-id');
  var file = form.getAttribute('data-file') || '';
  var outcome = document.getElementById('outcome');
  var changesNote = document.getElementById('changes');
  var reviewer = document.getElementById('reviewer');
  var signedIn = document.getElementById('signed-in');
  var note = document.getElementById('note');
  var approveButton = document.getElementById('approve');
  var rejectButton = document.getElementById('reject');
  var buttons = [approveButton, rejectButton].filter(Boolean);
  if (reviewer) {
    try { reviewer.value = localStorage.getItem('reportflow.reviewer') || ''; } catch (e) {}
  }

  // Keys: next and previous anomaly, edit its value, approve, reject.
  var anomalies = Array.prototype.slice.call(document.querySelectorAll('li.anomaly'));
  var current = -1;
  function focusAnomaly(index) {
    if (anomalies.length === 0) return;
    current = Math.min(anomalies.length - 1, Math.max(0, index));
    anomalies.forEach(function (a, i) { a.classList.toggle('current', i === current); });
    anomalies[current].focus();
    anomalies[current].scrollIntoView({ block: 'nearest' });
  }
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Escape leaves a field for the anomaly being worked on, so the keys work again.
    if (event.key === 'Escape' && typing(event) && current >= 0) {
      event.preventDefault();
      focusAnomaly(current);
      return;
    }
    if (typing(event)) return;
    var key = event.key;
    if (key === 'j' || key === 'n') focusAnomaly(current + 1);
    else if (key === 'k' || key === 'p') focusAnomaly(current < 0 ? 0 : current - 1);
    else if (key === 'e') {
      var edit = current >= 0 ? anomalies[current].querySelector('a.edit') : null;
      var field = edit && document.getElementById(edit.getAttribute('data-field'));
      if (!field) return;
      field.focus();
      field.scrollIntoView({ block: 'center' });
    } else if (key === 'A' && approveButton) decide('approve');
    else if (key === 'R' && rejectButton) decide('reject');
    else return;
    event.preventDefault();
  });
  anomalies.forEach(function (a, i) { a.addEventListener('focus', function () { current = i; anomalies.forEach(function (b, j) { b.classList.toggle('current', j === i); }); }); });

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
      var changed = value !== original;
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

  form.addEventListener('input', function (event) {
    var target = event.target;
    if (target && target.getAttribute('data-kind') === 'answer') {
      var cell = target.closest('td');
      ['Y', 'P', 'N', 'none'].forEach(function (a) { cell.classList.toggle('ans-' + a, (target.value || 'none') === a); });
    }
    var n = corrections().length;
    if (changesNote) changesNote.textContent = n === 0 ? 'No changes.' : n === 1 ? '1 field changed.' : n + ' fields changed.';
  });

  function show(text, kind) {
    outcome.textContent = text;
    outcome.className = 'notice ' + kind;
  }

  function decide(action) {
    if (buttons.length === 0 || buttons[0].disabled) return;
    var body = {};
    var who = signedIn ? signedIn.getAttribute('data-user') : reviewer && reviewer.value.trim();
    var text = note && note.value.trim();
    // A decision always says who made it.
    if (!who) {
      if (reviewer) reviewer.focus();
      show('Say who you are: the reviewer is recorded with the decision.', 'error');
      return;
    }
    if (!signedIn) body.reviewer = who;
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
    try { if (reviewer && who) localStorage.setItem('reportflow.reviewer', who); } catch (e) {}
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
        show('Record ' + done + ' by ' + ((result.json.review && result.json.review.reviewer) || who) + (action === 'approve' ? ' with ' + applied + ' correction' + (applied === 1 ? '' : 's') : '') + '. Back to the list…', 'ok');
        setTimeout(function () {
          location.assign('/review?done=' + done + '&file=' + encodeURIComponent(file));
        }, 900);
      })
      .catch(function (error) {
        show('Could not reach the service: ' + error.message, 'error');
        buttons.forEach(function (b) { b.disabled = false; });
      });
  }

  if (approveButton) approveButton.addEventListener('click', function () { decide('approve'); });
  if (rejectButton) rejectButton.addEventListener('click', function () { decide('reject'); });
})();
`;

export const DESK_STYLE = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d5dae1; --focus: #1a5fd0; --warn: #8a5a00; --err: #a61b1b; --ok: #1c6b33; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fbfbfc; }
.top { padding: .6rem 1.2rem; background: #1d2430; }
.top { display: flex; gap: 1.5rem; align-items: baseline; }
.top a { color: #fff; text-decoration: none; font-weight: 600; }
.top nav a { font-weight: 400; margin-right: 1rem; opacity: .9; }
main { max-width: 80rem; margin: 0 auto; padding: 1rem 1.2rem 4rem; }
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
li.anomaly.current { box-shadow: 0 0 0 3px var(--focus); }
li.anomaly:focus { outline: none; }
.anomaly-body { display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; align-items: flex-start; }
.anomaly-body dl.facts { flex: 0 1 22rem; }
.state { font-size: .75rem; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; padding: .05rem .4rem; border-radius: 3px; vertical-align: middle; background: #e6e9ee; color: var(--ink); }
.state-ok, .state-approved { background: #d8f0de; color: var(--ok); }
.state-held { background: #fff0c8; color: var(--warn); }
.state-failed { background: #f8d9d9; color: var(--err); }
.state-rejected { background: #e6e9ee; color: var(--muted); }
.notice.trail { border-color: var(--ok); }
figure.page-source { margin: 0; flex: 1 1 36rem; }
.page-views { display: flex; gap: 1rem; align-items: flex-start; flex-wrap: wrap; }
.page { position: relative; width: 260px; border: 1px solid var(--line); background: #fff; line-height: 0; }
.page img { width: 100%; height: auto; display: block; }
.box { position: absolute; border: 2px solid #e0142b; background: rgba(224, 20, 43, .12); pointer-events: none; box-sizing: border-box; }
.crop { position: relative; width: 360px; min-height: 24px; border: 1px solid var(--line); background-color: #fff; background-repeat: no-repeat; }
figure.source-lines { margin: 0; flex: 1 1 36rem; }
table.lines { border-collapse: collapse; width: 100%; background: #f6f7f9; }
table.lines th { color: var(--muted); font-weight: 400; text-align: right; width: 3.5rem; border: 0; padding: .05rem .5rem; font-family: ui-monospace, monospace; font-size: .8rem; }
table.lines td { border: 0; padding: .05rem .5rem; white-space: pre-wrap; word-break: break-word; }
table.lines tr.focus td, table.lines tr.focus th { background: #fff3c4; }
mark { background: #ffd34d; outline: 1px solid #c79200; }
.confidence { font-size: .8rem; padding: 0 .3rem; border-radius: 3px; background: #e6e9ee; }
.confidence.low { background: #ffd34d; color: #5a3c00; font-weight: 600; }
.low-confidence select, .low-confidence input, .low-confidence textarea { outline: 3px dashed #c79200; outline-offset: 1px; }
table.grid td.ans { text-align: center; position: relative; }
td.ans-Y, span.ans-Y { background: #cdeed6; }
td.ans-P, span.ans-P { background: #fff0b8; }
td.ans-N, span.ans-N { background: #f7cfcf; }
td.ans-none, span.ans-none { background: #e6e9ee; }
span.ans { padding: 0 .35rem; border-radius: 3px; font-weight: 600; }
table.grid select { background: transparent; border: 1px solid rgba(0,0,0,.15); }
td.changed-year { box-shadow: inset 0 0 0 2px #1a5fd0; }
.change-mark { position: absolute; top: 0; right: 2px; font-size: .6rem; color: #1a5fd0; }
td.changed-year.down .change-mark { color: var(--err); }
td.mismatch { background: #f8d9d9; color: var(--err); font-weight: 600; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0 1rem; padding: .6rem .8rem; background: #fff; border: 1px solid var(--line); }
form.filters p { display: flex; flex-direction: column; margin: 0; }
form.filters label { font-size: .85rem; color: var(--muted); }
form.filters input, form.filters select, form.filters button { font: inherit; padding: .2rem .3rem; }
nav.pager { margin: .8rem 0; display: flex; gap: 1rem; }
table.failed { margin-top: .4rem; }
`;
