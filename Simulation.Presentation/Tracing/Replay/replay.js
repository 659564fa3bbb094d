/*
 * The isdnsim replay page: one project followed through the administration, the agencies'
 * queues over time, and a time cursor. Plain JavaScript, no network. The page is written by
 * ReplayPage.cs; the data, in the JSON script element #replay-data, is described in
 * ReplayData.cs.
 *
 * Elements, by id (stable: tests drive them, and so may a teacher's own script):
 *   run          header: scenario, variant (its label: "status quo", or "as written"), seed, replication, start date;
 *                in side-by-side mode one column per trace
 *   filter       <input type=search>: shows only the projects in #project whose text contains it
 *   project      <select>: every project that arrives, in an <optgroup> per process; value = project id
 *                ("<owner>/<process>/<n>"); at first the project named in the address (page.html#<id>),
 *                else the finished project with the longest lead time. Choosing a project moves the
 *                cursor to its arrival if the cursor is outside the project's time
 *   summary      the chosen project: process, owner, arrival, finish date or "unfinished", lead time
 *   play         <button>: plays and pauses the time cursor (text "Play" or "Pause"; aria-pressed)
 *   speed        <select>: simulated days per second while playing
 *   scrub        <input type=range>: the cursor in days since the run's start (0 to the run's end, step any)
 *   date         <output>: the cursor's date, YYYY-MM-DD
 *   jump         <input type=date>: moves the cursor to the start of that day
 *   state        the chosen project at the cursor, one <p> per thing going on: "waiting at X",
 *                "in work at X", "in hand-off to X", "waiting for the council session (X)", "finished on D",
 *                "not arrived yet"; in side-by-side mode one <p data-run="0|1"> per trace. Its data-state
 *                holds the kinds, space-separated: not-arrived hand-off waiting work council pending
 *                between finished absent
 *   timeline     the Gantt charts: one <svg class="gantt" data-run="0|1"> per trace, on one time axis;
 *                <g class="lane" data-step data-segment data-role data-critical> per row; bars
 *                .bar.hand-off, .bar.wait, .bar.work, .bar.council; marks .mark.return, .mark.done; line.cursor
 *   critical     the critical path in words
 *   agency       <select>: "busiest" (the 10 agencies with the longest queues), "project" (the agencies
 *                the chosen project passes), or one agency ("agent/agency")
 *   queue-chart  <svg class="queue-chart">: queue length over time, a row per agency (one line per trace);
 *                line.cursor
 *   queues       <table>: every agency at the cursor, <tr data-agency="agent/agency"> with <td class="queue">
 *                and <td class="busy"> for each trace (data-run="0|1"); class "here" where the project is now
 *
 * Time: t counts days since the run's start, as in the trace. The cursor at t shows what holds
 * after every event at a time <= t; a date stands for the start of that day.
 */
(function () {
  'use strict';

  var DAY_MS = 86400000;
  var LABEL_W = 310;
  var ROW_H = 20;
  var AXIS_H = 26;
  var QUEUE_ROW_H = 46;
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var WORK_PHRASE = { consult: ' (writing a statement)', rework: ' (rework)', support: ' (support for another agency)' };
  var MESSAGE_PHRASE = {
    consult: ' (asking for a statement)', 'consult-reply': ' (with a statement)', rework: ' (returned for rework)',
    'rework-done': ' (reworked)', support: ' (asking for support)', 'support-reply': ' (support done)'
  };
  var ROLE_PHRASE = { consult: 'statement', rework: 'rework', support: 'support' };
  var KIND_PHRASE = { council: ' (council)', consultation: ' (consultation)', approval: ' (approval)' };

  function $(id) { return document.getElementById(id); }

  var data = JSON.parse($('replay-data').textContent);
  var runs = data.runs;
  var base = parseDate(runs[0].start);
  runs.forEach(prepare);
  var tEnd = Math.max.apply(null, runs.map(function (r) { return r.offset + r.end; }));
  var agencyKeys = unionAgencyKeys();
  var cursor = { t: 0, project: null, timer: null, last: 0, here: {} };
  var tableRows = [];

  // ---- data ----

  function prepare(run, i) {
    run.index = i;
    run.offset = Math.round((parseDate(run.start) - base) / DAY_MS);
    run.label = run.label || (run.variant === null ? 'as written' : run.variant);
    run.byId = {};
    run.projects.forEach(function (p) {
      p.lanes = p.lanes.map(laneOf);
      run.byId[p.id] = p;
    });
    run.agencyIndex = {};
    run.agencies.forEach(function (a, j) { run.agencyIndex[keyOf(run, j)] = j; });
    run.maxQueue = run.queues.map(function (s) {
      var m = 0;
      for (var k = 0; k < s[1].length; k++) { if (s[1][k] > m) { m = s[1][k]; } }
      return m;
    });
  }

  function laneOf(a) {
    return {
      step: a[0], segment: a[1], role: a[2], agent: a[3], agency: a[4], ready: a[5], done: a[6],
      critical: a[7] === 1, bars: a[8].map(barOf), marks: a[9].map(markOf)
    };
  }

  function barOf(b) {
    return b[0] === 'h'
      ? { kind: 'h', from: b[1], to: b[2], agent: b[3], receiver: b[4], message: b[5], open: b[6] === 1 }
      : { kind: b[0], from: b[1], to: b[2], agency: b[3], work: b[4], held: b[5] === 1, open: b[6] === 1 };
  }

  function markOf(m) { return { kind: m[0], t: m[1], agent: m[2], receiver: m[3] }; }

  function keyOf(run, j) { return run.agents[run.agencies[j][0]][0] + '/' + run.agencies[j][1]; }

  /** Every agency of every trace, grouped by agent in the order of the first trace. */
  function unionAgencyKeys() {
    var seen = {}, keys = [], agentOrder = {}, n = 0;
    runs.forEach(function (run) {
      run.agents.forEach(function (a) { if (!(a[0] in agentOrder)) { agentOrder[a[0]] = n++; } });
      run.agencies.forEach(function (a, j) {
        var key = keyOf(run, j);
        if (!seen[key]) { seen[key] = { run: run, j: j, order: keys.length }; keys.push(key); }
      });
    });
    return keys.map(function (key) { return { key: key, run: seen[key].run, j: seen[key].j, order: seen[key].order }; })
      .sort(function (a, b) {
        var d = agentOrder[a.run.agents[a.run.agencies[a.j][0]][0]] - agentOrder[b.run.agents[b.run.agencies[b.j][0]][0]];
        return d !== 0 ? d : a.order - b.order;
      });
  }

  function agentName(run, i) { return i === null || i < 0 || i >= run.agents.length ? 'unknown' : run.agents[i][1]; }

  function agencyName(run, j) {
    if (j === null || j < 0) { return 'an agency'; }
    var a = run.agencies[j];
    return a[2] + ', ' + run.agents[a[0]][1];
  }

  function stepOf(run, p, lane) { return run.processes[p.process][2][lane.step]; }

  function stepText(run, p, lane) {
    var s = stepOf(run, p, lane);
    return '“' + s[1] + '”' + (lane.segment !== null ? ' (segment ' + lane.segment + ')' : '');
  }

  // ---- text ----

  function parseDate(s) {
    var p = s.split('-');
    return Date.UTC(+p[0], +p[1] - 1, +p[2]);
  }

  /** The calendar day of t, as the trace writes it: the start date plus the whole days of t. */
  function dateText(t) { return new Date(base + Math.floor(t) * DAY_MS).toISOString().slice(0, 10); }

  function days(d) {
    if (d === null || d === undefined) { return '–'; }
    var v = d < 10 ? d.toFixed(1) : String(Math.round(d));
    return v + (v === '1' ? ' day' : ' days');
  }

  function span(run, from, to) {
    return dateText(from + run.offset) + ' to ' + dateText(to + run.offset) + ' (' + days(to - from) + ')';
  }

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function shorten(s, n) { return s.length <= n ? s : s.slice(0, n - 1) + '…'; }

  function num(x) { return String(Math.round(x * 10) / 10); }

  // ---- header, picker, summary ----

  function renderHeader() {
    var html = '<h1>' + esc(runs[0].scenario) + '</h1><div class="runs">';
    runs.forEach(function (run) {
      html += '<div>' + (runs.length > 1 ? '<p class="chart-title swatch-' + run.index + '">' + esc(run.label) + '</p>' : '') +
        '<dl class="facts">' +
        '<dt>Variant</dt><dd>' + esc(run.label) + '</dd>' +
        '<dt>Seed</dt><dd>' + esc(run.seed) + '</dd>' +
        '<dt>Replication</dt><dd>' + run.replication + '</dd>' +
        '<dt>Start date</dt><dd>' + esc(run.start) + '</dd>' +
        '<dt>Simulated time</dt><dd>' + days(run.horizon) + ', to ' + dateText(run.offset + run.horizon) + '</dd>' +
        '<dt>Scenario file</dt><dd>' + esc(run.file) + '</dd></dl>' +
        (run.complete ? '' : '<p class="warning">This trace is incomplete (' + esc(run.endReason || 'it was cut off') +
          '); the replay ends where the trace ends.</p>') +
        '</div>';
    });
    $('run').innerHTML = html + '</div>';
  }

  function buildProjectPicker() {
    var groups = [], byProcess = {};
    runs.forEach(function (run) {
      run.projects.forEach(function (p) {
        var processId = run.processes[p.process][0];
        var group = byProcess[processId];
        if (!group) {
          group = byProcess[processId] = { name: run.processes[p.process][1], ids: [], seen: {} };
          groups.push(group);
        }
        if (!group.seen[p.id]) { group.seen[p.id] = true; group.ids.push(p.id); }
      });
    });
    var html = '';
    groups.forEach(function (group) {
      html += '<optgroup label="' + esc(group.name) + '">';
      group.ids.forEach(function (id) { html += '<option value="' + esc(id) + '">' + esc(projectLabel(id)) + '</option>'; });
      html += '</optgroup>';
    });
    $('project').innerHTML = html;
  }

  function projectLabel(id) {
    var first = null, leads = [];
    runs.forEach(function (run) {
      var p = run.byId[id];
      if (p && !first) { first = { run: run, p: p }; }
      leads.push(!p ? 'absent' : p.finish === null ? 'unfinished' : 'lead ' + days(p.lead));
    });
    return id + ' — ' + agentName(first.run, first.p.owner) + ', arrived ' + dateText(first.p.arrive + first.run.offset) + ', ' + leads.join(' / ');
  }

  /** The finished project with the longest lead time in the first trace (the first of equals), else the first project. */
  function defaultProject() {
    var best = null;
    runs[0].projects.forEach(function (p) {
      if (p.finish !== null && (best === null || p.lead > best.lead)) { best = p; }
    });
    var first = runs.map(function (r) { return r.projects[0]; }).filter(Boolean)[0];
    return best ? best.id : first ? first.id : null;
  }

  function filterProjects() {
    var q = $('filter').value.trim().toLowerCase();
    var select = $('project');
    var firstShown = null;
    Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (group) {
      var groupMatches = group.label.toLowerCase().indexOf(q) >= 0;
      var any = false;
      Array.prototype.forEach.call(group.children, function (o) {
        o.hidden = q !== '' && !groupMatches && o.textContent.toLowerCase().indexOf(q) < 0;
        if (!o.hidden) { any = true; firstShown = firstShown || o.value; }
      });
      group.hidden = !any;
    });
    var current = select.selectedOptions[0];
    if ((!current || current.hidden) && firstShown) { selectProject(firstShown); }
  }

  function renderSummary() {
    var html = '<div class="runs">';
    runs.forEach(function (run) {
      var p = run.byId[cursor.project];
      html += '<div>' + (runs.length > 1 ? '<p class="chart-title swatch-' + run.index + '">' + esc(run.label) + '</p>' : '');
      if (!p) {
        html += '<p class="empty">This project does not arrive in this run.</p></div>';
        return;
      }
      var process = run.processes[p.process];
      html += '<dl class="facts">' +
        '<dt>Process</dt><dd>' + esc(process[1]) + '</dd>' +
        '<dt>Owner</dt><dd>' + esc(agentName(run, p.owner)) + '</dd>' +
        '<dt>Arrived</dt><dd>' + dateText(p.arrive + run.offset) + '</dd>' +
        '<dt>Finished</dt><dd>' + (p.finish === null ? 'unfinished' : dateText(p.finish + run.offset)) + '</dd>' +
        '<dt>Lead time</dt><dd>' + (p.finish === null
          ? 'more than ' + days(run.end - p.arrive) + ' (still open when the run ended)'
          : days(p.lead)) + '</dd>' +
        '</dl></div>';
    });
    $('summary').innerHTML = html + '</div>';
  }

  // ---- time axis ----

  /** Tick marks for [lo, hi] (global days): weeks, months or years, as the span allows. */
  function ticks(lo, hi) {
    var out = [], spanDays = hi - lo;
    if (spanDays <= 70) {
      for (var t = Math.ceil(lo); t <= hi; t += 7) {
        var d = new Date(base + t * DAY_MS);
        out.push({ t: t, label: d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] });
      }
      return out;
    }
    var start = new Date(base + Math.max(0, Math.floor(lo)) * DAY_MS);
    var y = start.getUTCFullYear(), m = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
    var every = spanDays > 1500 ? 12 : spanDays > 700 ? 3 : 1;
    for (;;) {
      var at = (Date.UTC(y, m, 1) - base) / DAY_MS;
      if (at > hi) { break; }
      var month = ((m % 12) + 12) % 12, year = y + Math.floor(m / 12);
      if (at >= lo && month % every === 0) {
        out.push({ t: at, label: month === 0 || out.length === 0 ? MONTHS[month] + ' ' + year : MONTHS[month] });
      }
      m++;
    }
    return out;
  }

  function Scale(lo, hi, width) {
    this.lo = lo;
    this.hi = hi > lo ? hi : lo + 1;
    this.x0 = LABEL_W;
    this.w = Math.max(50, width - LABEL_W - 12);
  }

  Scale.prototype.x = function (t) { return this.x0 + (t - this.lo) / (this.hi - this.lo) * this.w; };

  Scale.prototype.attrs = function () {
    return ' data-lo="' + this.lo + '" data-hi="' + this.hi + '" data-x0="' + this.x0 + '" data-w="' + this.w + '"';
  };

  function axis(scale, height) {
    var s = '<g class="axis">';
    ticks(scale.lo, scale.hi).forEach(function (tick) {
      var x = num(scale.x(tick.t));
      var anchor = +x > scale.x0 + scale.w - 24 ? 'end' : 'middle';
      s += '<line class="grid" x1="' + x + '" x2="' + x + '" y1="' + (AXIS_H - 6) + '" y2="' + height + '"/>' +
        '<text x="' + x + '" y="' + (AXIS_H - 10) + '" text-anchor="' + anchor + '">' + esc(tick.label) + '</text>';
    });
    return s + '</g>';
  }

  function cursorLine(height) { return '<line class="cursor" x1="0" x2="0" y1="0" y2="' + height + '"/>'; }

  function chartWidth(box) { return Math.max(640, Math.floor(box.clientWidth || 960)); }

  // ---- timeline ----

  function renderTimeline() {
    var box = $('timeline');
    var entries = runs.map(function (run) { return { run: run, p: run.byId[cursor.project] || null }; });
    var lo = Infinity, hi = -Infinity;
    entries.forEach(function (e) {
      if (!e.p) { return; }
      var o = e.run.offset;
      lo = Math.min(lo, o + e.p.arrive);
      hi = Math.max(hi, o + (e.p.finish !== null ? e.p.finish : e.run.end));
      e.p.lanes.forEach(function (lane) { lane.bars.forEach(function (b) { hi = Math.max(hi, o + b.to); }); });
    });
    if (!isFinite(lo)) { lo = 0; hi = tEnd; }
    var pad = Math.max(1, (hi - lo) * 0.02);
    var scale = new Scale(Math.max(0, lo - pad), hi + pad, chartWidth(box));
    var html = '';
    entries.forEach(function (e) {
      if (runs.length > 1) { html += '<p class="chart-title swatch-' + e.run.index + '">' + esc(e.run.label) + '</p>'; }
      html += e.p ? gantt(e.run, e.p, scale) : '<p class="empty">This project does not arrive in this run.</p>';
    });
    box.innerHTML = html;
    renderCritical(entries);
  }

  function gantt(run, p, scale) {
    var o = run.offset;
    var x = function (t) { return num(scale.x(t + o)); };
    var width = scale.x0 + scale.w + 12;
    var height = AXIS_H + p.lanes.length * ROW_H + 6;
    var s = '<svg class="gantt" data-run="' + run.index + '" width="' + width + '" height="' + height + '"' + scale.attrs() +
      ' role="img" aria-label="Timeline of ' + esc(p.id) + ' (' + esc(run.label) + ')">';
    p.lanes.forEach(function (lane, i) {
      if (lane.critical) { s += '<rect class="band" x="0" y="' + (AXIS_H + i * ROW_H) + '" width="' + width + '" height="' + ROW_H + '"/>'; }
    });
    s += axis(scale, height);
    p.lanes.forEach(function (lane, i) {
      var y = AXIS_H + i * ROW_H;
      var label = laneLabel(run, p, lane);
      var sub = lane.role !== 'step';
      s += '<g class="lane" data-step="' + esc(stepOf(run, p, lane)[0]) + '" data-segment="' + (lane.segment === null ? '' : lane.segment) +
        '" data-role="' + lane.role + '" data-critical="' + (lane.critical ? 1 : 0) + '">' +
        '<text class="lane-label' + (sub ? ' sub' : '') + (lane.critical ? ' critical' : '') + '" x="' + (sub ? 18 : 4) + '" y="' + (y + 14) + '">' +
        esc(shorten(label.text, 46)) + '<title>' + esc(label.title) + '</title></text>';
      lane.bars.forEach(function (b) { s += bar(run, p, lane, b, x, y); });
      lane.marks.forEach(function (m) { s += mark(run, m, x, y); });
      if (lane.role === 'step' && lane.done !== null) {
        var xd = +x(lane.done);
        s += '<path class="mark done" d="M' + num(xd) + ' ' + (y + 4) + ' l4 6 l-4 6 l-4 -6 Z"><title>Step done on ' + dateText(lane.done + o) +
          (lane.ready !== null ? ', ' + days(lane.done - lane.ready) + ' after it could start' : '') + '</title></path>';
      }
      s += '</g>';
    });
    s += milestone(x(p.arrive), height, 'Arrived on ' + dateText(p.arrive + o));
    if (p.finish !== null) { s += milestone(x(p.finish), height, 'Finished on ' + dateText(p.finish + o) + ', lead time ' + days(p.lead)); }
    return s + cursorLine(height) + '</svg>';
  }

  function laneLabel(run, p, lane) {
    var step = stepOf(run, p, lane);
    var segment = lane.segment !== null ? ' · segment ' + lane.segment : '';
    var name = step[1] + segment;
    if (lane.role === 'step') {
      var where = lane.agency !== null ? agencyName(run, lane.agency) : lane.agent !== null ? agentName(run, lane.agent) : null;
      var kind = KIND_PHRASE[step[2]] || '';
      return {
        // Shortened in the middle, so that the segment and the kind of step stay in view.
        text: shorten(step[1], 46 - segment.length - kind.length) + segment + kind,
        title: name + (KIND_PHRASE[step[2]] || '') + (where ? ', done by ' + where : '') +
          (lane.ready !== null ? '; could start ' + dateText(lane.ready + run.offset) : '') +
          (lane.done !== null ? ', done ' + dateText(lane.done + run.offset) : ', not done in this run') +
          (lane.critical ? '; on the critical path' : '')
      };
    }
    var who = lane.agency !== null ? agencyName(run, lane.agency) : agentName(run, lane.agent);
    var text = '↳ ' + ROLE_PHRASE[lane.role] + ': ' + who;
    return { text: text, title: text + ' (for ' + name + ')' };
  }

  function bar(run, p, lane, b, x, y) {
    var x1 = +x(b.from), x2 = Math.max(+x(b.to), x1 + 1.5);
    var open = b.open ? ' open' : '';
    var suffix = b.open ? ' (still open when the trace ends)' : '';
    if (b.kind === 'h') {
      var ym = y + 10;
      return '<g class="bar hand-off' + open + '"><title>Hand-off from ' + esc(agentName(run, b.agent)) + ' to ' + esc(agentName(run, b.receiver)) +
        esc(MESSAGE_PHRASE[b.message] || '') + ': ' + span(run, b.from, b.to) + suffix + '</title>' +
        '<line class="hand-off" x1="' + num(x1) + '" y1="' + ym + '" x2="' + num(x2) + '" y2="' + ym + '"/>' +
        '<path class="arrow" d="M' + num(x2) + ' ' + ym + ' l-5 -4 v8 Z"/></g>';
    }
    var cls = b.kind === 'w' ? 'wait' + (b.held ? ' held' : '') : b.kind === 'k' ? 'work' : b.kind === 'p' ? 'period' : 'council';
    if (b.work && b.work !== 'step') { cls += ' ' + b.work; }
    var where = agencyName(run, b.agency);
    var title = b.kind === 'w' ? 'Waiting at ' + where + (b.held ? ', held while the application window was closed' : '')
      : b.kind === 'k' ? 'In work at ' + where + (WORK_PHRASE[b.work] || '')
        : b.kind === 'p' ? 'Legal period (' + where + '): nobody works on it, no staff can shorten it'
          : 'On the agenda of ' + where + ' until its session';
    return '<rect class="bar ' + cls + open + '" x="' + num(x1) + '" y="' + (y + 4) + '" width="' + num(x2 - x1) + '" height="12">' +
      '<title>' + esc(title) + ': ' + span(run, b.from, b.to) + suffix + '</title></rect>';
  }

  function mark(run, m, x, y) {
    var xm = x(m.t), date = dateText(m.t + run.offset);
    if (m.kind === 'r') {
      return '<path class="mark return" d="M' + xm + ' ' + (y + 17) + ' l-6 -12 h12 Z"><title>Returned for rework to ' +
        esc(agentName(run, m.receiver)) + ' on ' + date + '</title></path>';
    }
    if (m.kind === 'l') {
      return '<circle class="mark lapsed" cx="' + xm + '" cy="' + (y + 10) + '" r="5"><title>Deadline for statements passed on ' + date +
        ': the consultation goes on without the missing ones (late statements may be disregarded)</title></circle>';
    }
    if (m.kind === 'd') {
      return '<path class="mark deemed" d="M' + num(+xm - 5) + ' ' + (y + 5) + ' h10 l-10 10 h10 Z"><title>Done by law on ' + date +
        ': not finished in time, the step counts as done (legal fiction)</title></path>';
    }
    return '<rect class="mark meeting" x="' + num(+xm - 5) + '" y="' + (y + 5) + '" width="10" height="10"><title>Settled at a working group meeting on ' +
      date + '</title></rect>';
  }

  function milestone(x, height, title) {
    return '<line class="milestone" x1="' + x + '" x2="' + x + '" y1="' + (AXIS_H - 6) + '" y2="' + height + '"><title>' + esc(title) + '</title></line>';
  }

  function renderCritical(entries) {
    var html = '';
    entries.forEach(function (e) {
      if (!e.p) { return; }
      var path = e.p.lanes.filter(function (l) { return l.critical; }).sort(function (a, b) { return a.done - b.done; });
      var who = runs.length > 1 ? ' (' + esc(e.run.label) + ')' : '';
      if (path.length === 0) {
        html += '<p>Critical path' + who + ': none yet; the project did not finish within the run.</p>';
        return;
      }
      html += '<p><strong>Critical path' + who + '</strong>, the chain of steps that set the finish date (each the last of its step’s predecessors to be done): ' +
        path.map(function (l) { return esc(stepText(e.run, e.p, l)); }).join(' → ') + '.</p>';
    });
    $('critical').innerHTML = html;
  }

  // ---- the project's state at the cursor ----

  function stateAt(run, p, t) {
    if (t < p.arrive) { return [{ kind: 'not-arrived', text: 'not arrived yet (arrives on ' + dateText(p.arrive + run.offset) + ')' }]; }
    if (p.finish !== null && t >= p.finish) {
      return [{ kind: 'finished', text: 'finished on ' + dateText(p.finish + run.offset) + ', after ' + days(p.lead) }];
    }
    var out = [];
    p.lanes.forEach(function (lane) {
      lane.bars.forEach(function (b) {
        if (b.from <= t && (t < b.to || b.open)) { out.push(describe(run, p, lane, b)); }
      });
    });
    if (out.length === 0) {
      p.lanes.forEach(function (lane) {
        if (lane.role === 'step' && lane.ready !== null && lane.ready <= t && t < lane.done) {
          var where = lane.agency !== null ? agencyName(run, lane.agency) : agentName(run, lane.agent);
          out.push({ kind: 'pending', text: 'waiting at ' + where + ' — ' + stepText(run, p, lane), key: lane.agency !== null ? keyOf(run, lane.agency) : null });
        }
      });
    }
    return out.length > 0 ? out : [{ kind: 'between', text: 'between steps' }];
  }

  function describe(run, p, lane, b) {
    var step = ' — ' + stepText(run, p, lane);
    if (b.kind === 'h') {
      return { kind: 'hand-off', text: 'in hand-off to ' + agentName(run, b.receiver) + (MESSAGE_PHRASE[b.message] || '') + step };
    }
    var where = agencyName(run, b.agency), key = b.agency >= 0 ? keyOf(run, b.agency) : null;
    if (b.kind === 'w') {
      return { kind: 'waiting', key: key, text: 'waiting at ' + where + (WORK_PHRASE[b.work] || '') + (b.held ? ', held while the application window is closed' : '') + step };
    }
    if (b.kind === 'k') { return { kind: 'work', key: key, text: 'in work at ' + where + (WORK_PHRASE[b.work] || '') + step }; }
    if (b.kind === 'p') { return { kind: 'period', key: key, text: 'legal period running (' + where + ')' + step }; }
    var session = b.agency >= 0 && run.agencies[b.agency][4] === 1;
    return { kind: 'council', key: key, text: (session ? 'waiting for the council session (' : 'waiting for the working group’s meeting (') + where + ')' + step };
  }

  function renderState() {
    var kinds = [], html = '', here = {};
    runs.forEach(function (run) {
      var p = run.byId[cursor.project];
      var items = p ? stateAt(run, p, cursor.t - run.offset) : [{ kind: 'absent', text: 'does not arrive in this run' }];
      items.forEach(function (item) {
        if (kinds.indexOf(item.kind) < 0) { kinds.push(item.kind); }
        if (item.key) { here[item.key] = true; }
      });
      if (runs.length === 1) {
        items.forEach(function (item) { html += '<p data-kind="' + item.kind + '">' + esc(item.text) + '</p>'; });
      } else {
        html += '<p data-run="' + run.index + '"><span class="run-label swatch-' + run.index + '">' + esc(run.label) + ':</span> ' +
          items.map(function (item) { return esc(item.text); }).join('; ') + '</p>';
      }
    });
    var el = $('state');
    if (el.innerHTML !== html) { el.innerHTML = html; }
    el.setAttribute('data-state', kinds.join(' '));
    cursor.here = here;
  }

  // ---- queues ----

  /** The index of the last time <= t, or -1. */
  function lastAtOrBefore(times, t) {
    var lo = 0, hi = times.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (times[mid] <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function maxQueue(key) {
    return Math.max.apply(null, runs.map(function (run) {
      var j = run.agencyIndex[key];
      return j === undefined ? 0 : run.maxQueue[j];
    }));
  }

  function buildAgencyPicker() {
    var html = '<option value="busiest">The 10 busiest agencies (longest queues)</option>' +
      '<option value="project">The agencies the chosen project passes</option>';
    var group = null;
    agencyKeys.forEach(function (a) {
      var agent = a.run.agents[a.run.agencies[a.j][0]];
      if (group !== agent[0]) {
        html += (group === null ? '' : '</optgroup>') + '<optgroup label="' + esc(agent[1]) + '">';
        group = agent[0];
      }
      html += '<option value="' + esc(a.key) + '">' + esc(a.run.agencies[a.j][2]) + ' (max. queue ' + maxQueue(a.key) + ')</option>';
    });
    $('agency').innerHTML = html + (group === null ? '' : '</optgroup>');
  }

  function chartedAgencies() {
    var choice = $('agency').value;
    if (choice === 'busiest') {
      return agencyKeys.map(function (a) { return a.key; })
        .filter(function (key) { return maxQueue(key) > 0; })
        .map(function (key, i) { return { key: key, max: maxQueue(key), i: i }; })
        .sort(function (a, b) { return b.max - a.max || a.i - b.i; })
        .slice(0, 10)
        .map(function (a) { return a.key; });
    }
    if (choice === 'project') {
      var keys = [];
      runs.forEach(function (run) {
        var p = run.byId[cursor.project];
        if (!p) { return; }
        p.lanes.forEach(function (lane) {
          lane.bars.forEach(function (b) {
            if (b.kind !== 'h' && b.agency >= 0 && keys.indexOf(keyOf(run, b.agency)) < 0) { keys.push(keyOf(run, b.agency)); }
          });
        });
      });
      return keys;
    }
    return [choice];
  }

  function renderQueueChart() {
    var box = $('queue-chart');
    var keys = chartedAgencies();
    if (keys.length === 0) {
      box.innerHTML = '<p class="empty">No queue to show.</p>';
      return;
    }
    var scale = new Scale(0, tEnd, chartWidth(box));
    var width = scale.x0 + scale.w + 12;
    var height = AXIS_H + keys.length * QUEUE_ROW_H + 4;
    var s = '<svg class="queue-chart" width="' + width + '" height="' + height + '"' + scale.attrs() + ' role="img" aria-label="Queue length over time">';
    s += axis(scale, height);
    keys.forEach(function (key, i) {
      var top = AXIS_H + i * QUEUE_ROW_H, bottom = top + QUEUE_ROW_H - 6;
      var ymax = Math.max(1, maxQueue(key));
      var y = function (q) { return num(bottom - q / ymax * (QUEUE_ROW_H - 12)); };
      var a = agencyKeys.filter(function (k) { return k.key === key; })[0];
      var name = a ? agencyName(a.run, a.j) : key;
      s += '<g class="queue-row" data-agency="' + esc(key) + '">' +
        '<line class="grid" x1="' + scale.x0 + '" x2="' + (scale.x0 + scale.w) + '" y1="' + bottom + '" y2="' + bottom + '"/>' +
        '<text x="4" y="' + (top + 16) + '">' + esc(shorten(name, 46)) + '<title>' + esc(name) + '</title></text>' +
        '<text class="axis" x="4" y="' + (top + 32) + '" fill="#555">max. ' + maxQueue(key) + ' waiting</text>';
      runs.forEach(function (run) {
        var j = run.agencyIndex[key];
        if (j === undefined) { return; }
        var series = run.queues[j], o = run.offset;
        var d = 'M' + num(scale.x(o)) + ' ' + y(0);
        for (var k = 0; k < series[0].length; k++) {
          d += 'H' + num(scale.x(series[0][k] + o)) + 'V' + y(series[1][k]);
        }
        d += 'H' + num(scale.x(run.end + o));
        s += '<path class="queue-line run-' + run.index + '" d="' + d + '"><title>' + esc(name) + (runs.length > 1 ? ' (' + esc(run.label) + ')' : '') + '</title></path>';
      });
      s += '</g>';
    });
    box.innerHTML = s + cursorLine(height) + '</svg>' +
      (runs.length > 1 ? '<p class="hint">' + runs.map(function (run) { return '<span class="swatch-' + run.index + '">— ' + esc(run.label) + '</span>'; }).join(' ') + '</p>' : '');
  }

  function buildTable() {
    var head = '<thead><tr><th>Agent</th><th>Agency</th><th>Staff</th>';
    runs.forEach(function (run) {
      var who = runs.length > 1 ? ' (' + esc(run.label) + ')' : '';
      head += '<th>Waiting' + who + '</th><th>Busy staff' + who + '</th>';
    });
    var body = '<tbody>';
    agencyKeys.forEach(function (a) {
      var agency = a.run.agencies[a.j];
      var staff = runs.map(function (run) {
        var j = run.agencyIndex[a.key];
        return j === undefined ? '–' : run.agencies[j][4] === 1 ? 'council' : String(run.agencies[j][3]);
      });
      body += '<tr data-agency="' + esc(a.key) + '"><td>' + esc(a.run.agents[agency[0]][1]) + '</td><td>' + esc(agency[2]) + '</td><td class="num">' +
        esc(staff.every(function (x) { return x === staff[0]; }) ? staff[0] : staff.join(' / ')) + '</td>';
      runs.forEach(function (run) { body += '<td class="num queue" data-run="' + run.index + '"></td><td class="num busy" data-run="' + run.index + '"></td>'; });
      body += '</tr>';
    });
    var table = $('queues');
    table.innerHTML = head + '</tr></thead>' + body + '</tbody>';
    tableRows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      return { key: tr.getAttribute('data-agency'), tr: tr, queue: tr.querySelectorAll('td.queue'), busy: tr.querySelectorAll('td.busy') };
    });
  }

  function updateTable() {
    tableRows.forEach(function (row) {
      var waiting = false;
      runs.forEach(function (run, i) {
        var j = run.agencyIndex[row.key], q = '–', b = '–';
        if (j !== undefined) {
          var series = run.queues[j], k = lastAtOrBefore(series[0], cursor.t - run.offset);
          var council = run.agencies[j][4] === 1;
          q = k < 0 ? 0 : series[1][k];
          b = council ? '–' : k < 0 || series[2][k] === null ? 0 : series[2][k];
          waiting = waiting || q > 0;
        }
        if (row.queue[i].textContent !== String(q)) { row.queue[i].textContent = String(q); }
        if (row.busy[i].textContent !== String(b)) { row.busy[i].textContent = String(b); }
      });
      row.tr.classList.toggle('busy', waiting);
      row.tr.classList.toggle('here', cursor.here[row.key] === true);
    });
  }

  // ---- the cursor ----

  function setCursor(t, source) {
    cursor.t = Math.min(Math.max(0, t), tEnd);
    if (source !== 'scrub') { $('scrub').value = String(cursor.t); }
    var date = dateText(cursor.t);
    $('date').value = date;
    if (source !== 'jump') { $('jump').value = date; }
    document.querySelectorAll('svg[data-lo]').forEach(placeCursorLine);
    renderState();
    updateTable();
  }

  function placeCursorLine(svg) {
    var lo = +svg.getAttribute('data-lo'), hi = +svg.getAttribute('data-hi');
    var line = svg.querySelector('line.cursor');
    if (!line) { return; }
    var x = num(+svg.getAttribute('data-x0') + (cursor.t - lo) / (hi - lo) * +svg.getAttribute('data-w'));
    line.setAttribute('x1', x);
    line.setAttribute('x2', x);
    line.style.display = cursor.t >= lo && cursor.t <= hi ? '' : 'none';
  }

  function clickToCursor(event) {
    var svg = event.target.closest('svg[data-lo]');
    if (!svg) { return; }
    var box = svg.getBoundingClientRect();
    var x0 = +svg.getAttribute('data-x0'), w = +svg.getAttribute('data-w');
    var px = event.clientX - box.left;
    if (px < x0 || px > x0 + w) { return; }
    var lo = +svg.getAttribute('data-lo'), hi = +svg.getAttribute('data-hi');
    setCursor(lo + (px - x0) / w * (hi - lo), 'click');
  }

  function play() {
    if (cursor.t >= tEnd) { setCursor(0, 'play'); }
    cursor.last = performance.now();
    cursor.timer = setInterval(tick, 50);
    $('play').textContent = 'Pause';
    $('play').setAttribute('aria-pressed', 'true');
  }

  function pause() {
    clearInterval(cursor.timer);
    cursor.timer = null;
    $('play').textContent = 'Play';
    $('play').setAttribute('aria-pressed', 'false');
  }

  function tick() {
    var now = performance.now();
    var t = cursor.t + (now - cursor.last) / 1000 * +$('speed').value;
    cursor.last = now;
    setCursor(t, 'play');
    if (cursor.t >= tEnd) { pause(); }
  }

  /** A project named in the address (page.html#owner/process/n), so that a link can open the page at it. */
  function projectInAddress() {
    var id = decodeURIComponent(location.hash.slice(1));
    return runs.some(function (run) { return run.byId[id]; }) ? id : null;
  }

  function selectProject(id) {
    cursor.project = id;
    $('project').value = id;
    try {
      if (id !== null) { history.replaceState(null, '', '#' + encodeURIComponent(id).replace(/%2F/g, '/')); }
    } catch (e) {
      // Some browsers do not let a page from file:// change its address; the page works without.
    }
    renderSummary();
    renderTimeline();
    if ($('agency').value === 'project') { renderQueueChart(); }
    // Outside the project's time, the cursor goes to its arrival, so that Play follows it from there.
    var inside = runs.some(function (run) {
      var p = run.byId[id], t = cursor.t - run.offset;
      return p && t >= p.arrive && t <= (p.finish !== null ? p.finish : run.end);
    });
    var first = runs.map(function (run) { return run.byId[id] ? run.byId[id].arrive + run.offset : Infinity; });
    var arrival = Math.min.apply(null, first);
    setCursor(inside || !isFinite(arrival) ? cursor.t : arrival, 'project');
  }

  function redraw() {
    renderTimeline();
    renderQueueChart();
    setCursor(cursor.t, 'resize');
  }

  // ---- start ----

  renderHeader();
  buildProjectPicker();
  buildAgencyPicker();
  buildTable();
  $('scrub').max = String(tEnd);
  $('jump').min = dateText(0);
  $('jump').max = dateText(tEnd);
  renderQueueChart();
  selectProject(projectInAddress() || defaultProject());

  $('project').addEventListener('change', function () { selectProject(this.value); });
  $('filter').addEventListener('input', filterProjects);
  $('play').addEventListener('click', function () { if (cursor.timer === null) { play(); } else { pause(); } });
  $('scrub').addEventListener('input', function () { setCursor(+this.value, 'scrub'); });
  ['input', 'change'].forEach(function (type) {
    $('jump').addEventListener(type, function () {
      if (this.value) { setCursor((parseDate(this.value) - base) / DAY_MS, 'jump'); }
    });
  });
  $('agency').addEventListener('change', function () {
    renderQueueChart();
    setCursor(cursor.t, 'agency');
  });
  $('timeline').addEventListener('click', clickToCursor);
  $('queue-chart').addEventListener('click', clickToCursor);
  $('queues').addEventListener('click', function (event) {
    var tr = event.target.closest('tr[data-agency]');
    if (tr) {
      $('agency').value = tr.getAttribute('data-agency');
      renderQueueChart();
      setCursor(cursor.t, 'agency');
    }
  });
  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(redraw, 150);
  });
})();
