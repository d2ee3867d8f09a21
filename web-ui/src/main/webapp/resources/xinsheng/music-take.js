/*
 * A take's analysis on its page (issue 19): follows the background job's progress, then draws
 * from the analysis JSON three SVG charts without any library — the pitch track (each frame's
 * frequency as a semitone position) against the expected notes with each note's intonation error
 * in cents, the cents error per note, and the tempo from onset to onset against the marked tempo.
 * Labels come from the page's data-l-* attributes (the bundle), so the charts speak the user's
 * language. No inline script (CSP).
 */
(function () {
  "use strict";
  var root = document.getElementById("xs-music-analysis");
  if (!root) {
    return;
  }
  var NS = "http://www.w3.org/2000/svg";
  var base = root.getAttribute("data-base") || "";
  var take = root.getAttribute("data-take");
  var api = base + "/api/v1/music/takes/" + encodeURIComponent(take);
  var en = (document.documentElement.lang || "zh").toLowerCase().indexOf("en") === 0;

  function L(key) {
    return root.getAttribute("data-l-" + key) || "";
  }

  function get(path) {
    return fetch(api + path, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) {
        return r.json().then(function (j) {
          if (!r.ok) {
            throw new Error((en ? j.message_en : j.message_zh) || ("HTTP " + r.status));
          }
          return j;
        });
      });
  }

  function el(name, attrs, text) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) {
      e.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function svg(width, height, title) {
    var s = el("svg", {viewBox: "0 0 " + width + " " + height, width: "100%", role: "img", "class": "xs-music-svg"});
    s.appendChild(el("title", {}, title));
    return s;
  }

  function midi(hz) {
    return 69 + 12 * Math.log(hz / 440) / Math.LN2;
  }

  // a figure to at most d decimals, a whole one without any (the issue 18 walk read "72.0 拍/分")
  function fmt(n, d) {
    return n === null || n === undefined ? "—" : String(Number(Number(n).toFixed(d)));
  }

  function centsClass(c) {
    var a = Math.abs(c);
    return a <= 10 ? "xs-good" : a <= 25 ? "xs-fair" : "xs-poor";
  }

  function pitchChart(a) {
    var W = 900, H = 320, left = 50, right = 10, top = 10, bottom = 30;
    var frames = a.frames.filter(function (f) { return f.hz !== null; });
    var notes = a.notes;
    var tMax = 0.1, lo = 200, hi = 0;
    a.frames.forEach(function (f) { tMax = Math.max(tMax, f.t); });
    frames.forEach(function (f) { var m = midi(f.hz); lo = Math.min(lo, m); hi = Math.max(hi, m); });
    notes.forEach(function (n) {
      if (n.expectedHz) { var m = midi(n.expectedHz); lo = Math.min(lo, m); hi = Math.max(hi, m); }
      if (n.end) { tMax = Math.max(tMax, n.end); }
    });
    if (hi < lo) { lo = 57; hi = 81; }
    lo = Math.floor(lo) - 2; hi = Math.ceil(hi) + 2;
    var x = function (t) { return left + (W - left - right) * t / tMax; };
    var y = function (m) { return top + (H - top - bottom) * (hi - m) / (hi - lo); };
    var s = svg(W, H, L("pitch"));
    for (var m = lo; m <= hi; m++) {
      s.appendChild(el("line", {x1: left, x2: W - right, y1: y(m), y2: y(m), "class": m % 12 === 0 ? "xs-grid-strong" : "xs-grid"}));
    }
    s.appendChild(el("text", {x: left, y: H - 8, "class": "xs-axis"}, L("time") + " (" + L("seconds") + ")"));
    for (var t = 0; t <= tMax; t += Math.max(1, Math.round(tMax / 10))) {
      s.appendChild(el("text", {x: x(t), y: H - 18, "class": "xs-axis"}, String(t)));
    }
    notes.forEach(function (n) {
      if (!n.expectedHz || n.start === null) {
        return;
      }
      var ym = y(midi(n.expectedHz));
      s.appendChild(el("rect", {x: x(n.start), y: ym - 4, width: Math.max(2, x(n.end) - x(n.start)), height: 8, "class": "xs-expected"}));
      var label = n.expected + (n.cents === null ? "" : " " + (n.cents > 0 ? "+" : "") + fmt(n.cents, 0) + "¢");
      s.appendChild(el("text", {x: x(n.start), y: ym - 8, "class": "xs-note-label " + (n.cents === null ? "" : centsClass(n.cents))}, label));
    });
    var d = "";
    var prev = null;
    a.frames.forEach(function (f) {
      if (f.hz === null) { prev = null; return; }
      d += (prev === null ? "M" : "L") + x(f.t).toFixed(1) + " " + y(midi(f.hz)).toFixed(1) + " ";
      prev = f;
    });
    s.appendChild(el("path", {d: d, "class": "xs-track"}));
    return s;
  }

  function centsChart(a) {
    var notes = a.notes;
    var W = 900, H = 220, left = 50, top = 10, bottom = 40, mid = top + (H - top - bottom) / 2;
    var scale = (H - top - bottom) / 2 / 50; // ±50 cents fill the chart
    var s = svg(W, H, L("cents"));
    [-50, -25, 0, 25, 50].forEach(function (c) {
      s.appendChild(el("line", {x1: left, x2: W - 10, y1: mid - c * scale, y2: mid - c * scale, "class": c === 0 ? "xs-grid-strong" : "xs-grid"}));
      s.appendChild(el("text", {x: 4, y: mid - c * scale + 4, "class": "xs-axis"}, (c > 0 ? "+" : "") + c + "¢"));
    });
    var w = notes.length ? (W - left - 10) / notes.length : 0;
    notes.forEach(function (n, i) {
      var cx = left + i * w;
      if (n.cents === null) {
        s.appendChild(el("text", {x: cx + w / 2, y: mid + 4, "class": "xs-axis xs-poor", "text-anchor": "middle"}, "×"));
      } else {
        var c = Math.max(-50, Math.min(50, n.cents));
        s.appendChild(el("rect", {x: cx + w * 0.15, width: Math.max(1, w * 0.7), y: Math.min(mid, mid - c * scale), height: Math.abs(c * scale) || 1, "class": "xs-bar " + centsClass(n.cents)}));
      }
      if (notes.length <= 40) {
        s.appendChild(el("text", {x: cx + w / 2, y: H - 22, "class": "xs-axis", "text-anchor": "middle"}, n.expected));
      }
    });
    return s;
  }

  function tempoChart(a) {
    var iv = a.tempo.intervals || [];
    var W = 900, H = 220, left = 50, top = 10, bottom = 30;
    var marked = a.tempo.markedBpm;
    // without a score there is no beat to count: the chart shows the seconds from onset to onset
    var scored = marked !== null && marked !== undefined;
    var val = function (v) { return scored ? v.bpm : v.seconds; };
    var lo = 1e9, hi = 0;
    iv.forEach(function (v) { if (val(v) !== null) { lo = Math.min(lo, val(v)); hi = Math.max(hi, val(v)); } });
    if (scored) { lo = Math.min(lo, marked); hi = Math.max(hi, marked); }
    if (hi < lo) { lo = scored ? 40 : 0; hi = scored ? 160 : 2; }
    lo = Math.floor(lo * 0.9); hi = Math.ceil(hi * 1.1);
    var x = function (i) { return left + (W - left - 10) * (iv.length > 1 ? i / (iv.length - 1) : 0.5); };
    var y = function (b) { return top + (H - top - bottom) * (hi - b) / (hi - lo); };
    var s = svg(W, H, L("tempo"));
    [lo, (lo + hi) / 2, hi].forEach(function (b) {
      s.appendChild(el("line", {x1: left, x2: W - 10, y1: y(b), y2: y(b), "class": "xs-grid"}));
      s.appendChild(el("text", {x: 4, y: y(b) + 4, "class": "xs-axis"}, scored ? String(Math.round(b)) : fmt(b, 2)));
    });
    if (scored) {
      s.appendChild(el("line", {x1: left, x2: W - 10, y1: y(marked), y2: y(marked), "class": "xs-marked"}));
      s.appendChild(el("text", {x: W - 200, y: y(marked) - 6, "class": "xs-axis"}, L("marked") + " " + fmt(marked, 1) + " " + L("bpm")));
    }
    var d = "";
    iv.forEach(function (v, i) {
      if (val(v) === null) { return; }
      d += (d ? "L" : "M") + x(i).toFixed(1) + " " + y(val(v)).toFixed(1) + " ";
      s.appendChild(el("circle", {cx: x(i), cy: y(val(v)), r: 3, "class": "xs-dot"}));
    });
    s.appendChild(el("path", {d: d, "class": "xs-track"}));
    s.appendChild(el("text", {x: left, y: H - 8, "class": "xs-axis"}, L("note") + (scored ? "" : " · " + L("interval"))));
    return s;
  }

  function summary(a) {
    var heard = a.notes.filter(function (n) { return n.cents !== null; });
    var abs = heard.map(function (n) { return Math.abs(n.cents); }).sort(function (p, q) { return p - q; });
    var median = abs.length ? abs[Math.floor(abs.length / 2)] : null;
    var box = document.getElementById("xs-music-summary");
    box.textContent = "";
    var dl = document.createElement("dl");
    dl.className = "xs-facts";
    var scored = a.tempo.markedBpm !== null && a.tempo.markedBpm !== undefined;
    var facts = [[L("heard"), heard.length + " / " + a.notes.length], [L("median"), fmt(median, 1) + "¢"]];
    if (scored) {
      facts.push([L("marked"), fmt(a.tempo.markedBpm, 1) + " " + L("bpm")], [L("measured"), fmt(a.tempo.measuredBpm, 1) + " " + L("bpm")],
        [L("deviation"), fmt(a.tempo.deviationPercent, 1) + "%"]);
    }
    facts.push([L("variation"), fmt(a.tempo.variationPercent, 1) + "%"]);
    if (scored) {
      facts.push([L("drift"), fmt(a.tempo.maxDriftSeconds, 2) + " " + L("seconds")]);
    }
    if (!scored) {
      // a take with no syllabus item: no marked tempo to measure against, and no dash where a figure
      // would stand — the reader is told why
      var why = document.createElement("p");
      why.className = "xs-small";
      why.id = "xs-music-unscored";
      why.textContent = L("unscored");
      box.appendChild(why);
    }
    facts.forEach(function (p) {
      var dt = document.createElement("dt");
      dt.textContent = p[0];
      var dd = document.createElement("dd");
      dd.textContent = p[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    box.appendChild(dl);
  }

  function draw(a) {
    document.getElementById("xs-music-pitch").appendChild(pitchChart(a));
    document.getElementById("xs-music-cents").appendChild(centsChart(a));
    document.getElementById("xs-music-tempo").appendChild(tempoChart(a));
    summary(a);
    root.setAttribute("data-drawn", "true");
  }

  function poll() {
    get("/job").then(function (j) {
      document.getElementById("xs-music-bar").style.width = j.progress + "%";
      var state = document.getElementById("xs-music-state");
      if (j.state === "DONE") {
        state.textContent = L("done");
        return get("/analysis").then(draw);
      }
      if (j.state === "FAILED") {
        state.textContent = L("failed") + " " + ((en ? j.message_en : j.message_zh) || "");
        return null;
      }
      state.textContent = L(j.state === "RUNNING" ? "running" : "queued") + " " + j.progress + "%";
      window.setTimeout(poll, 1000);
      return null;
    }).catch(function (e) {
      document.getElementById("xs-music-state").textContent = e.message;
    });
  }
  poll();
})();
