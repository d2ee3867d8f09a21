/*
 * The SCORM run-time inside a SCO's sandboxed frame (issue 14, finding 11; ADR 0014). The platform
 * puts this, after scorm-again and the attempt's start data (window.xsScormStart), at the start of
 * every HTML document of the SCO: its launch page, and the pages of its framesets, nested frames
 * and popups, since each has an origin of its own in the sandbox and cannot reach another's API. The frame has no origin of its own: it cannot use the inmate's session,
 * read the lesson page or call the platform's API. What it may do is commit to its attempt's
 * address, which carries the attempt's token. The lesson page around it hears, by postMessage,
 * what is not yet saved (it keeps it, shows the learner a notice and sends it again) and the
 * SCORM 2004 navigation requests.
 */
(function () {
  "use strict";
  var start = window.xsScormStart;
  if (!start || window.xsScorm) {
    return;
  }
  // the lesson page is the top window; the documents of a frameset, a nested frame or a popup
  // kept in the page are below the launch page
  var page = window.top;
  var realParent = window.parent;
  var nested = false;
  try {
    nested = realParent !== window.top;
  } catch (e) {
    nested = true;
  }
  var is2004 = start.standard === "2004";
  var session = Math.random().toString(36).substring(2) + Date.now().toString(36);
  var seq = 0;
  var launched = Date.now();
  var retryDelay = 2000;
  var retryTimer = null;
  var pending = null;

  function tell(message) {
    message.xs = "scorm";
    try {
      page.postMessage(message, "*");
    } catch (e) {
      // no page around the frame: nothing to tell
    }
  }
  function log(line) {
    tell({type: "log", line: String(line)});
  }
  function confirmed(payload) {
    if (pending && pending.seq <= payload.seq) {
      pending = null;
    }
    retryDelay = 2000;
    tell({type: "saved", seq: payload.seq});
  }
  // sends a commit and checks the answer; a failure is told to the page and retried
  function send(payload) {
    return fetch(start.commit, {
      method: "POST",
      credentials: "omit",
      keepalive: true,
      headers: {"Content-Type": "text/plain;charset=UTF-8"},
      body: JSON.stringify(payload)
    }).then(function (r) {
      if (!r.ok) {
        return r.text().then(function (t) {
          log("commit answered " + r.status + " " + String(t).substring(0, 200));
          if (r.status === 404) {
            // the attempt's token is gone (a restart, or the school day is over): the lesson
            // page sends what is unsaved with the inmate's session
            tell({type: "expired", seq: payload.seq});
            return;
          }
          if (r.status === 400) {
            // refused as invalid: sending it again will not help; the notice stays
            pending = null;
            tell({type: "refused", seq: payload.seq});
            return;
          }
          throw new Error("status " + r.status);
        });
      }
      confirmed(payload);
    }).catch(function (e) {
      log("commit failed: " + e);
      failed();
    });
  }
  function failed() {
    tell({type: "failed"});
    if (retryTimer === null) {
      retryTimer = window.setTimeout(function () {
        retryTimer = null;
        if (pending) {
          send(pending);
        }
      }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60000);
    }
  }

  function hhmmss(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    return (h < 10 ? "000" : h < 100 ? "00" : h < 1000 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }
  var zeroTime = /^(0+:00:00(\.0+)?|PT0H0M0S|PT0S|P0D|)$/;
  var writable = is2004
    ? /^(cmi\.(completion_status|success_status|location|suspend_data|exit|session_time|progress_measure|score\.(scaled|raw|min|max))|cmi\.learner_preference\.(audio_level|language|delivery_speed|audio_captioning)|cmi\.comments_from_learner\.\d+\.(comment|location|timestamp)|cmi\.objectives\.\d+\.(id|score\.(scaled|raw|min|max)|success_status|completion_status|progress_measure|description)|cmi\.interactions\.\d+\.(id|type|timestamp|weighting|learner_response|result|latency|description|objectives\.\d+\.id|correct_responses\.\d+\.pattern))$/
    : /^(cmi\.core\.(lesson_status|lesson_location|exit|session_time|score\.(raw|min|max))|cmi\.suspend_data|cmi\.comments|cmi\.student_preference\.(audio|language|speed|text)|cmi\.objectives\.\d+\.(id|score\.(raw|min|max)|status)|cmi\.interactions\.\d+\.(id|time|type|weighting|student_response|result|latency|objectives\.\d+\.id|correct_responses\.\d+\.pattern))$/;
  var core = is2004
    ? /^cmi\.(completion_status|success_status|location|suspend_data|exit|session_time|score\.\w+)$/
    : /^cmi\.(core\.\w+(\.\w+)?|suspend_data)$/;
  var sessionTime = is2004 ? "cmi.session_time" : "cmi.core.session_time";

  var settings = {
    logLevel: 2,
    onLogMessage: function (level, message) {
      log(level + " " + message);
    },
    lmsCommitUrl: start.commit,
    dataCommitFormat: "flattened",
    // no preflight from a frame without an origin: the JSON goes as text/plain, as the beacon
    commitRequestDataType: "text/plain;charset=UTF-8",
    terminationCommitContentType: "text/plain;charset=UTF-8",
    autocommit: false,
    xhrWithCredentials: false,
    // SCORM 1.2: a SCO that never sets a status (minimum calls) is completed when it finishes
    autoCompleteLessonStatus: true,
    requestHandler: function (commit, metadata) {
      var values = {};
      Object.keys(commit).forEach(function (k) {
        var v = commit[k];
        if (!writable.test(k) || v === undefined || v === null) {
          return;
        }
        if (v === "" && !core.test(k)) {
          return;
        }
        values[k] = String(v);
      });
      var terminate = !!(metadata && metadata.isTerminateCommit);
      // a SCO that finishes without ever reporting a status (the minimum calls) is completed by
      // the LMS: SCORM 1.2 RTE 3.4.4 (lesson_status), and SCORM 2004 with completionSetByContent
      // false, the default — but in 2004 only when the attempt ends: a SCO that leaves with
      // cmi.exit "suspend" is suspended, and the End Attempt Process (SN UP.4) sets completion only
      // for an activity that is not suspended (the learner comes back to finish it)
      if (values["cmi.core.lesson_status"] === "not attempted") {
        if (terminate) {
          values["cmi.core.lesson_status"] = "completed";
        } else {
          delete values["cmi.core.lesson_status"];
        }
      }
      if (terminate && is2004 && values["cmi.exit"] !== "suspend" && (values["cmi.completion_status"] === "unknown" || values["cmi.completion_status"] === "not attempted")) {
        values["cmi.completion_status"] = "completed";
      }
      // a SCO that does not report its session time still spent it
      if (!values[sessionTime] || zeroTime.test(values[sessionTime])) {
        var spent = Math.round((Date.now() - launched) / 1000);
        values[sessionTime] = is2004 ? "PT" + spent + "S" : hhmmss(spent);
      }
      seq += 1;
      var payload = {values: values, sco: start.sco, session: session, seq: seq};
      pending = payload;
      // the page keeps it until it is confirmed, and sends it again from the next page if need be
      tell({type: "pending", payload: payload});
      if (terminate) {
        // the run-time sends this one as a beacon, whose fate it cannot know: confirm it
        send(payload);
      }
      return payload;
    },
    responseHandler: async function (response) {
      return {result: response.ok, errorCode: response.ok ? 0 : 101};
    },
    xhrResponseHandler: function (xhr) {
      var ok = xhr.status >= 200 && xhr.status < 300;
      if (ok) {
        if (pending) {
          confirmed(pending);
        }
      } else {
        log("commit answered " + xhr.status + " " + String(xhr.responseText).substring(0, 200));
        failed();
      }
      return {result: ok, errorCode: ok ? 0 : 101};
    }
  };
  var scorm = is2004 ? new window.Scorm2004API(settings) : new window.Scorm12API(settings);
  try {
    scorm.loadFromFlattenedJSON(start.restore || {}, "");
  } catch (e) {
    // a value the run-time refuses is left out; the SCO starts fresh for it
    log("SCORM data not restored: " + e);
  }
  if (is2004) {
    window.API_1484_11 = scorm;
    // navigation requests (adl.nav.request) the SCO made before Terminate: the lesson page acts
    // on them (docs/courseware.md)
    var nav = function (request) {
      return function (target) {
        tell({type: "nav", request: request, target: typeof target === "string" ? target : ""});
      };
    };
    scorm.on("SequenceNext", nav("next"));
    scorm.on("SequencePrevious", nav("previous"));
    scorm.on("SequenceChoice", nav("choice"));
    ["SequenceExit", "SequenceExitAll", "SequenceSuspendAll", "SequenceAbandon", "SequenceAbandonAll"].forEach(function (e) {
      scorm.on(e, nav("exit"));
    });
  } else {
    window.API = scorm;
  }
  // a commit that did not reach the platform (the run-time's synchronous request threw, or was
  // answered with an error) is told to the page and sent again until it is stored
  var commitName = is2004 ? "Commit" : "LMSCommit";
  var commit = scorm[commitName];
  scorm[commitName] = function (parameter) {
    var result = commit.call(scorm, parameter);
    if (String(result) !== "true" && pending) {
      failed();
    }
    return result;
  };
  window.xsScorm = scorm;
  // SCOs look for the API in the frames above them (the public samples start at window.parent,
  // the ADL algorithm at the window itself, then up to 7 parents, then window.opener). The frames
  // above are out of reach in the sandbox (another origin each), so the SCO finds its API one
  // step up, here (window.parent is replaceable; window.top is not touched).
  var own = {API: window.API, API_1484_11: window.API_1484_11};
  // The sandbox lets a document navigate only itself and the frames below it; a frameset's
  // navigation frame moving its sibling (parent.frames['content'].location.href = …, or a link
  // with target="content") asks the page above, which may, to do it.
  function isWindow(w) {
    try {
      return !!w && w.window === w;
    } catch (e) {
      return false;
    }
  }
  function absolute(url) {
    try {
      return new URL(String(url), document.baseURI).href;
    } catch (e) {
      return String(url);
    }
  }
  function navigateFrame(name, url) {
    try {
      realParent.postMessage({xs: "scorm", type: "navigate", target: name, url: absolute(url)}, "*");
    } catch (e) {
      log("frame not navigated: " + name + " " + e);
    }
  }
  function frameHandle(name, w) {
    var loc = {
      get href() {
        return "";
      },
      set href(u) {
        navigateFrame(name, u);
      },
      assign: function (u) {
        navigateFrame(name, u);
      },
      replace: function (u) {
        navigateFrame(name, u);
      },
      reload: function () {}
    };
    return {
      window: w,
      get location() {
        return loc;
      },
      set location(u) {
        navigateFrame(name, u);
      },
      get frames() {
        return w.frames;
      },
      get length() {
        return w.length;
      },
      postMessage: function (m, o, t) {
        w.postMessage(m, o, t);
      },
      focus: function () {}
    };
  }
  function ownFrame(name) {
    return Array.prototype.some.call(document.querySelectorAll("iframe, frame"), function (f) {
      return f.name === name;
    });
  }
  // "_parent" is the document above; "_top" is the SCO's own window, its launch document (the
  // lesson page around it is not the SCO's to leave). The sandbox lets a nested document move
  // neither, so it asks the one above, which moves itself or asks on up to the launch document.
  function goUp(which, url) {
    if (!nested) {
      location.href = absolute(url);
      return;
    }
    navigateFrame(which === "_parent" ? "_self" : "_top", url);
  }
  // A link that names another window than its own document: "_blank", or a window no frame is
  // called, would be a new tab of the kiosk browser (the sandbox allows popups for window.open,
  // kept in the page below), so it opens as a popup in the page; "_top" and "_parent" go up as
  // above; a sibling frame is moved by the page above. Listened to after the SCO's own handlers:
  // a link whose click the SCO handled itself (return false) is left alone.
  window.addEventListener("click", function (e) {
    var a = e.target && e.target.closest ? e.target.closest("a[target], area[target]") : null;
    var t = a ? String(a.getAttribute("target") || "") : "";
    var lower = t.toLowerCase();
    if (e.defaultPrevented || !a || !a.href || !t || lower === "_self" || /^javascript:/i.test(a.href) || ownFrame(t)) {
      return;
    }
    if (lower === "_top" || lower === "_parent") {
      e.preventDefault();
      goUp(lower, a.href);
    } else if (lower === "_blank" || !frameNamed(t)) {
      e.preventDefault();
      window.open(a.href, lower === "_blank" ? "_blank" : t);
    } else if (nested) {
      e.preventDefault();
      navigateFrame(t, a.href);
    }
  }, false);

  // a name the window itself has (document, alert, …) is not the page's own function: not sent
  function forwarded(name) {
    if (typeof name !== "string" || !/^[A-Za-z_$][\w$]*$/.test(name) || name in window) {
      return undefined;
    }
    return function () {
      var args = Array.prototype.slice.call(arguments).map(function (a) {
        return a === null || typeof a === "string" || typeof a === "number" || typeof a === "boolean" ? a : String(a);
      });
      try {
        realParent.postMessage({xs: "scorm", type: "call", name: name, args: args}, "*");
      } catch (e) {
        log("call to the page above not sent: " + name + " " + e);
      }
    };
  }
  try {
    if (!nested) {
      // the launch page: the lesson page above is not the SCO's business
      own.postMessage = function (m, o, t) {
        page.postMessage(m, o, t);
      };
      own.parent = own;
      window.parent = own;
    } else if (typeof Proxy === "function") {
      var framesAbove = new Proxy({}, {
        get: function (target, name) {
          var w;
          try {
            w = realParent[name];
          } catch (e) {
            return undefined;
          }
          return typeof name === "string" && isWindow(w) ? frameHandle(name, w) : w;
        }
      });
      // a frame of the SCO's own frameset or a page it nested: the frame above stays what the
      // browser lets another origin use (its frames by name or number, its location, postMessage)
      window.parent = new Proxy(own, {
        get: function (target, name) {
          if (name in target) {
            return target[name];
          }
          if (name === "frames") {
            return framesAbove;
          }
          var v;
          try {
            v = realParent[name];
          } catch (e) {
            // a function of the page above, such as the Golf samples' parent.RecordTest(score)
            // from their quiz page: called there by message (its answer does not come back)
            return forwarded(name);
          }
          if (typeof name === "string" && isWindow(v) && v !== realParent) {
            // a sibling frame by its name (parent.content)
            return frameHandle(name, v);
          }
          return typeof v === "function" ? v.bind(realParent) : v;
        },
        set: function (target, name, value) {
          try {
            realParent[name] = value;
          } catch (e) {
            // not settable across origins
          }
          return true;
        }
      });
      // a page shown in place of a popup (below) closes by asking the page that opened it
      window.close = function () {
        try {
          realParent.postMessage({xs: "scorm", type: "close"}, "*");
        } catch (e) {
          // nothing above: nothing to close
        }
      };
    }
  } catch (e) {
    log("parent not replaced: " + e);
  }

  // A popup (window.open) is shown inside the SCO's frame, over the page that opened it, never as a
  // new tab or window of the terminal's kiosk browser. The popup's page gets its own run-time (it
  // is a document of the SCO like any other); window.opener is empty there, so the API-finding
  // algorithm finds that run-time on the page itself or one step up.
  var realOpen = window.open;
  var popups = {};
  function frameNamed(name) {
    // a frame of that name anywhere in the SCO: the browser navigates it, as it would have
    var seen = 0;
    function look(w, depth) {
      if (depth > 4 || seen++ > 50) {
        return false;
      }
      try {
        if (w[name] && w[name] !== w) {
          return true;
        }
      } catch (e) {
        // a name the other origin does not show
      }
      var n = 0;
      try {
        n = w.length;
      } catch (e) {
        n = 0;
      }
      for (var i = 0; i < n; i++) {
        if (look(w[i], depth + 1)) {
          return true;
        }
      }
      return false;
    }
    return look(window.top, 0);
  }
  function closePopup(name) {
    var f = popups[name];
    if (f) {
      delete popups[name];
      if (f.parentNode) {
        f.parentNode.removeChild(f);
      }
    }
  }
  window.open = function (url, target, features) {
    var name = target === undefined || target === null ? "" : String(target);
    var lowerName = name.toLowerCase();
    if (lowerName === "_parent" || lowerName === "_top") {
      goUp(lowerName, url ? String(url) : "about:blank");
      return {closed: false, focus: function () {}, blur: function () {}, close: function () {}};
    }
    if (lowerName === "_self" || (name && lowerName !== "_blank" && !popups[name] && frameNamed(name))) {
      return realOpen.apply(window, arguments);
    }
    var key = name && name !== "_blank" ? name : "popup" + Date.now() + Math.random();
    var f = popups[key];
    if (!f) {
      f = document.createElement("iframe");
      f.setAttribute("title", name || "popup");
      f.setAttribute("data-xs-popup", key);
      f.style.cssText = "position:fixed;left:0;top:0;width:100%;height:100%;border:0;margin:0;padding:0;background:#fff;z-index:2147483647";
      (document.body || document.documentElement).appendChild(f);
      popups[key] = f;
    }
    f.src = url ? String(url) : "about:blank";
    log("popup kept in the page: " + f.src);
    return {
      name: name,
      opener: window,
      get closed() {
        return !popups[key];
      },
      get location() {
        return f.contentWindow ? f.contentWindow.location : null;
      },
      set location(u) {
        f.src = String(u);
      },
      close: function () {
        closePopup(key);
      },
      focus: function () {},
      blur: function () {},
      postMessage: function (m, o, t) {
        if (f.contentWindow) {
          f.contentWindow.postMessage(m, o, t);
        }
      }
    };
  };
  window.addEventListener("message", function (e) {
    var m = e.data;
    if (!m || m.xs !== "scorm") {
      return;
    }
    if (m.type === "call") {
      // a function of this page called by one of its own frames (above): only from a frame
      // directly below, only a function the page defined itself
      var child = false;
      for (var i = 0; i < window.frames.length; i++) {
        if (window.frames[i] === e.source) {
          child = true;
        }
      }
      var f = window[m.name];
      if (child && typeof m.name === "string" && /^[A-Za-z_$][\w$]*$/.test(m.name) && typeof f === "function"
          && Array.isArray(m.args) && Function.prototype.toString.call(f).indexOf("[native code]") < 0) {
        try {
          f.apply(window, m.args);
        } catch (err) {
          log("call from a frame failed: " + m.name + " " + err);
        }
      }
      return;
    }
    if (m.type === "navigate" && typeof m.target === "string" && typeof m.url === "string") {
      // a frame of this page (or of a page below) moves a frame this page holds; the address
      // stays on this server (the frame's policy allows nothing else either)
      var fromBelow = false;
      for (var j = 0; j < window.frames.length; j++) {
        if (window.frames[j] === e.source) {
          fromBelow = true;
        }
      }
      var target = null;
      try {
        target = ownFrame(m.target) ? window.frames[m.target] : null;
      } catch (err) {
        target = null;
      }
      if (!fromBelow || new URL(m.url, document.baseURI).origin !== location.origin) {
        return;
      }
      if (m.target === "_self" || (m.target === "_top" && !nested)) {
        // a frame below asked for its parent, or for the SCO's top, which this document is
        location.href = m.url;
      } else if (m.target === "_top") {
        navigateFrame("_top", m.url);
      } else if (target) {
        target.location.href = m.url;
      } else if (nested) {
        navigateFrame(m.target, m.url);
      }
      return;
    }
    if (m.type !== "close") {
      return;
    }
    Object.keys(popups).forEach(function (key) {
      if (popups[key].contentWindow === e.source) {
        closePopup(key);
      }
    });
  });

  tell({type: "started", standard: start.standard});
})();
