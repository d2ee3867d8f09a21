/*
 * The release-readiness simulation player (issue 20). It knows only what the server tells it: the
 * screen reached, its texts and elements. Each touch, answer or hint is recorded with the
 * milliseconds since the start and sent with all steps before it; the server replays them and
 * answers the screen they reach (and whether the last step was a mistake). At an end screen the
 * whole record is sent to be scored and stored. Targets are buttons (touch and keyboard alike);
 * nothing opens a new tab.
 */
(function () {
  "use strict";
  var root = document.getElementById("xs-player");
  if (!root) {
    return;
  }
  var base = root.getAttribute("data-base") || "";
  var id = root.getAttribute("data-scenario");
  var en = (document.documentElement.lang || "zh").toLowerCase().indexOf("en") === 0;
  var api = base + "/api/v1/readiness/scenarios/" + encodeURIComponent(id);
  var steps = [];
  var started = Date.now();
  var busy = false;
  var L = function (key) {
    return root.getAttribute("data-l-" + key) || key;
  };
  var t = function (zh, english) {
    return en && english ? english : zh;
  };
  var $ = function (sel) {
    return root.querySelector(sel);
  };

  function post(path, body) {
    return fetch(api + path, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json"},
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) {
          throw new Error(t(j.message_zh, j.message_en) || ("HTTP " + r.status));
        }
        return j;
      });
    });
  }

  function say(el, text, cls) {
    el.textContent = text || "";
    el.className = cls || "";
    el.hidden = !text;
  }

  function record(kind, element, value) {
    if (busy) {
      return;
    }
    steps.push({kind: kind, element: element || null, value: value == null ? null : value,
      elapsedMillis: Date.now() - started});
    advance();
  }

  function advance() {
    busy = true;
    post("/play", {steps: steps}).then(function (state) {
      busy = false;
      render(state);
      if (state.end) {
        finish();
      }
    }).catch(function (e) {
      busy = false;
      steps.pop(); // the step was refused; the learner stays where he was
      say($("#xs-player-error"), e.message, "xs-player-error");
    });
  }

  function render(s) {
    say($("#xs-player-error"), "");
    $("#xs-player-screen-title").textContent = t(s.titleZh, s.titleEn);
    say($("#xs-player-body"), t(s.bodyZh, s.bodyEn), "xs-player-body");
    say($("#xs-player-mistake"), s.mistakeZh ? L("mistake") + t(s.mistakeZh, s.mistakeEn) : "", "xs-player-mistake");
    say($("#xs-player-hint"), s.hintZh ? L("hint") + t(s.hintZh, s.hintEn) : "", "xs-player-hint");
    var box = $("#xs-player-elements");
    box.textContent = "";
    s.elements.forEach(function (e) {
      if (e.type === "INPUT") {
        var form = document.createElement("form");
        form.className = "xs-player-input";
        var label = document.createElement("label");
        label.textContent = t(e.labelZh, e.labelEn);
        var input = document.createElement("input");
        input.type = "text";
        input.autocomplete = "off";
        input.id = "xs-input-" + e.id;
        input.setAttribute("data-element", e.id);
        label.setAttribute("for", input.id);
        var ok = document.createElement("button");
        ok.type = "submit";
        ok.className = "xs-player-target";
        ok.textContent = L("confirm");
        form.appendChild(label);
        form.appendChild(input);
        form.appendChild(ok);
        form.addEventListener("submit", function (ev) {
          ev.preventDefault();
          record("INPUT", e.id, input.value);
        });
        box.appendChild(form);
      } else {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "xs-player-target";
        b.setAttribute("data-element", e.id);
        b.textContent = t(e.labelZh, e.labelEn);
        b.addEventListener("click", function () {
          record("TOUCH", e.id);
        });
        box.appendChild(b);
      }
    });
    var first = box.querySelector("input, button");
    if (first) {
      first.focus();
    }
    $("#xs-player-hint-button").hidden = s.end;
  }

  function finish() {
    busy = true;
    post("/attempts", {steps: steps}).then(function (a) {
      var out = $("#xs-player-result");
      out.hidden = false;
      $("#xs-player-score").textContent = a.score;
      $("#xs-player-verdict").textContent = a.passed ? L("passed") : L("failed");
      $("#xs-player-verdict").className = a.passed ? "xs-ok" : "xs-warn";
      var list = $("#xs-player-mistakes");
      list.textContent = "";
      a.mistakes.forEach(function (m) {
        var li = document.createElement("li");
        li.textContent = "−" + m.points + " " + t(m.zh, m.en);
        list.appendChild(li);
      });
      if (!a.mistakes.length) {
        var li = document.createElement("li");
        li.textContent = L("noMistakes");
        list.appendChild(li);
      }
      $("#xs-player-again").focus();
    }).catch(function (e) {
      busy = false;
      say($("#xs-player-error"), e.message, "xs-player-error");
    });
  }

  $("#xs-player-hint-button").addEventListener("click", function () {
    record("HINT");
  });
  $("#xs-player-again").addEventListener("click", function () {
    steps = [];
    started = Date.now();
    busy = false;
    $("#xs-player-result").hidden = true;
    advance();
  });
  advance();
})();
