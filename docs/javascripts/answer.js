// The answer box (答案框): as the reader types into the search box (Material's, or Pagefind's on the search
// page), a box above the results names the sector, its responsible leader and who covers (AB角).
// Its data is javascripts/answer-data.js, a script setting window.DUTYDIR_ANSWERS, loaded on first use:
// a script, not JSON, so the box works from a copy opened as file:// too. Everything from the data is
// written as text (textContent), never as markup. Without JavaScript there is no box; the lookup page
// (速查) lists every sector with its leaders.
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : "";
  var dataUrl = here.replace(/[^/]*$/, "answer-data.js");
  var siteRoot = here.replace(/[^/]*\/[^/]*$/, "");
  var MAX_SHOWN = 4;
  // Words asking "who" rather than naming a sector: dropped from a query that has other words.
  var ASKING = /^(谁|谁管|归谁管|谁负责|由谁负责|负责人|负责|分管|分管领导|责任领导|领导|找谁|ab角|代理|不在时|安全生产|安全|工作|的)$/;
  // Endings and beginnings tried off a word that matches nothing as typed (燃气归谁管, 区应急局).
  var ENDINGS = /(归谁管|谁管|谁负责|由谁负责|找谁|负责人|的领导|分管领导|领导|的安全|安全生产|安全|工作|问题|隐患|事故)$/;
  var BEGINNINGS = /^(区|市|县|镇|街道|全区|全市)/;
  var WEIGHT = { name: 10, area: 9, vocab: 8, person: 10, post: 9, title: 8, sectors: 4 };

  var records = null;
  var data = null;
  var byUrl = null;
  var waiting = [];

  function squash(text) {
    return String(text).toLowerCase().replace(/[\s，。、；：？！,.;:?!“”"'‘’（）()·\-—]+/g, "");
  }

  function keysOf(record, lists) {
    var keys = [];
    function add(words, kind) {
      words.forEach(function (w) { keys.push({ text: squash(w), word: w, kind: kind }); });
    }
    if (record.t !== undefined) {
      add([record.n], "person");
      add([record.t], "post");
      add(lists[record.a], "title");
      add(lists[record.l], "sectors");
    } else {
      add([record.n], "name");
      add(lists[record.a], "area");
      add(lists[record.v], "vocab");
    }
    return keys;
  }

  function prepare() {
    data = window.DUTYDIR_ANSWERS;
    if (!data || records) return;
    records = data.records.map(function (record, i) {
      return { record: record, order: i, keys: keysOf(record, data.lists) };
    });
  }

  function load(then) {
    if (records) return then();
    waiting.push(then);
    if (waiting.length > 1) return;
    var script = document.createElement("script");
    script.src = dataUrl;
    script.onload = function () {
      prepare();
      var calls = waiting;
      waiting = [];
      calls.forEach(function (call) { call(); });
    };
    document.head.appendChild(script);
  }

  // How well a typed word matches a key: whole, its beginning, inside it, containing it, or its characters
  // in order (市监 in 市场监管).
  function closeness(q, k) {
    if (!k) return 0;
    if (k === q) return 1;
    var at = k.indexOf(q);
    if (at === 0) return 0.85;
    if (at > 0) return 0.7;
    if (k.length >= 2 && q.indexOf(k) !== -1) return 0.2 + 0.55 * k.length / q.length;
    if (q.length >= 2 && q.charAt(0) === k.charAt(0)) {
      var from = 0;
      for (var i = 0; i < q.length; i += 1) {
        from = k.indexOf(q.charAt(i), from) + 1;
        if (!from) return 0;
      }
      return 0.5;
    }
    return 0;
  }

  function best(entry, q) {
    var top = { score: 0, key: null };
    entry.keys.forEach(function (key) {
      var score = WEIGHT[key.kind] * closeness(q, key.text);
      if (score > top.score) top = { score: score, key: key };
    });
    return top;
  }

  function variants(word) {
    var out = [word];
    var shorter = word.replace(ENDINGS, "");
    if (shorter.length >= 1 && shorter !== word) out.push(shorter);
    out.slice().forEach(function (w) {
      var rest = w.replace(BEGINNINGS, "");
      if (rest.length >= 2 && rest !== w) out.push(rest);
    });
    return out;
  }

  function answer(query) {
    var words = query.split(/\s+/).map(squash).filter(function (w) { return w; });
    var asking = words.filter(function (w) { return !ASKING.test(w); });
    if (asking.length) words = asking;
    var scored = records.map(function (entry) {
      var total = 0, matched = 0, why = [];
      words.forEach(function (word) {
        var top = { score: 0, key: null };
        variants(word).some(function (w) {
          top = best(entry, w);
          return top.score > 0;
        });
        if (top.score > 0) {
          total += top.score;
          matched += 1;
          why.push(top.key);
        }
      });
      return { entry: entry, total: total, matched: matched, why: why };
    });
    scored = scored.filter(function (s) { return s.matched > 0; });
    scored.sort(function (a, b) {
      return b.matched - a.matched || b.total - a.total || a.entry.order - b.entry.order;
    });
    if (!scored.length) return [];
    var first = scored[0];
    return scored.filter(function (s) {
      return s.matched === first.matched && s.total >= 0.8 * first.total;
    }).slice(0, MAX_SHOWN);
  }

  // A person as "name（post）" from the data's table of people; "" for nobody (-1).
  function who(n) {
    var pair = data.people[n];
    return pair ? pair[0] + (pair[0] === pair[1] ? "" : "（" + pair[1] + "）") : "";
  }

  function urlOf(r) {
    return data.units[r.x][1] + (r.t !== undefined ? "leaders/" + r.i : "sectors/" + r.s) + data.end;
  }

  function link(text, url) {
    var a = document.createElement("a");
    a.href = siteRoot + url + (location.protocol === "file:" && /\/$|^$/.test(url) ? "index.html" : "");
    a.textContent = text;
    return a;
  }

  function row(found) {
    var r = found.entry.record;
    var p = document.createElement("p");
    p.className = "dutydir-answer__row";
    // The leader this row sends the reader to: for tests and for readers' tools, not shown.
    p.setAttribute("data-leader", r.t !== undefined ? r.n : (data.people[r.w] || [""])[0]);
    var unit = data.units[r.x][0];
    if (unit) p.appendChild(document.createTextNode("【" + unit + "】"));
    var text;
    if (r.t !== undefined) {
      var sectors = data.lists[r.l];
      p.appendChild(link(r.n + "（" + r.t + "）", urlOf(r)));
      text = " → " + (sectors.length ? "负责" + sectors.join("、") : r.o || "");
    } else {
      p.appendChild(link(r.n, urlOf(r)));
      text = " → " + who(r.w) + (r.k || "负责");
    }
    text += r.b >= 0 ? "；不在时 " + who(r.b) : "";
    p.appendChild(document.createTextNode(text));
    var added = found.why.filter(function (key) { return key.kind === "vocab"; });
    if (added.length) {
      var note = document.createElement("span");
      note.className = "dutydir-answer__note";
      note.textContent = "（“" + added[0].word + "”是为便于检索添加的常用说法，非通知原文）";
      p.appendChild(note);
    }
    return p;
  }

  function boxFor(input) {
    var box = input.dutydirAnswer;
    if (box) return box;
    box = document.createElement("div");
    box.className = "dutydir-answer";
    box.setAttribute("role", "status");
    box.setAttribute("aria-live", "polite");
    box.hidden = true;
    var wrap = input.closest(".md-search") && input.closest(".md-search").querySelector(".md-search__scrollwrap");
    if (wrap) wrap.insertBefore(box, wrap.firstChild);
    else input.insertAdjacentElement("afterend", box);
    input.dutydirAnswer = box;
    return box;
  }

  function show(input) {
    var box = boxFor(input);
    var query = input.value;
    var found = query.trim() ? answer(query) : [];
    box.textContent = "";
    found.forEach(function (f) { box.appendChild(row(f)); });
    box.hidden = !found.length;
    box.setAttribute("data-query", query);
  }

  function watched(target) {
    return target && target.matches && target.matches(".md-search__input, .pagefind-ui__search-input");
  }

  // Pagefind (large sites) requires every word of a query on a page: drop the asking words first.
  function term(query) {
    var words = query.split(/\s+/).filter(function (w) { return w; });
    var kept = words.filter(function (w) { return !ASKING.test(squash(w)); }).map(function (w) {
      var shorter = w.replace(ENDINGS, "");
      return shorter || w;
    });
    return kept.length ? kept.join(" ") : query;
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // A Pagefind result for a sector or leader page: its excerpt becomes the answer (who, and who covers),
  // instead of the page's opening words, which are the hidden list of words it is found by.
  function result(found) {
    if (!records || !found || !found.url) return found;
    if (!byUrl) {
      byUrl = {};
      records.forEach(function (e) { byUrl[new URL(siteRoot + urlOf(e.record), location.href).href] = e; });
    }
    var match = byUrl[new URL(found.url, location.href).href.replace(/index\.html$/, "")];
    if (!match) return found;
    var r = match.record;
    var sectors = r.t !== undefined ? data.lists[r.l] : [];
    var text = r.t !== undefined
      ? r.n + "（" + r.t + "）" + (sectors.length ? "负责" + sectors.join("、") : r.o || "")
      : r.n + "的安全生产工作由" + who(r.w) + (r.k || "负责");
    text += r.b >= 0 ? "；不在时由 " + who(r.b) + " 代理。" : "。";
    found.excerpt = escape(text);
    // Pagefind's interface shows the page's own excerpt only beside a first sub-result for the page itself;
    // the page's headings below it would show the hidden words again, so that is the only one kept.
    found.sub_results = [{ title: r.n, url: found.meta && found.meta.url || found.url, excerpt: found.excerpt,
      locations: [], weighted_locations: [], anchor: null }];
    return found;
  }

  window.dutydirAnswer = { term: term, result: result };
  // On Pagefind's search page the data is needed for the results too: load it at once.
  if (document.getElementById("dutydir-search")) load(function () {});

  // A copy opened as file://: Material hides its search box, whose index it cannot fetch there. The box is
  // shown again for the answer box alone (Material's own results stay hidden by the stylesheet).
  function answerOnly() {
    var search = document.querySelector(".md-search[data-md-component=search]");
    if (!search) return;
    search.classList.add("dutydir-answer-only");
    var reveal = function () { if (search.hidden) search.hidden = false; };
    new MutationObserver(reveal).observe(search, { attributes: true, attributeFilter: ["hidden"] });
    reveal();
  }
  // The offline copy (make offline) runs Material's search from files through iframe-worker's shim: there the
  // search box works whole, and only a copy made without it is left with the answer box alone.
  var shimmed = document.querySelector('script[src*="iframe-worker-shim"]');
  if (location.protocol === "file:" && !shimmed) answerOnly();

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (watched(input)) load(function () { show(input); });
  }, true);
  document.addEventListener("focusin", function (event) {
    if (!watched(event.target)) return;
    load(function () {});
    // Without its index Material does not open the search panel on focus; the answer box needs it open.
    var toggle = document.getElementById("__search");
    if (toggle && event.target.closest(".dutydir-answer-only")) toggle.checked = true;
  }, true);
})();
