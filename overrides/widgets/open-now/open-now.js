// Open now: fills each [data-open-now="<hours.json>#<key>"] line from the site's one timeline
// file (fetched once), and narrows the service directory to what is open now
// ([data-open-now-filter]). See README.md.
(function () {
  var lang = document.documentElement.lang == "en" ? "en" : "lv";
  var cache = {}, live;

  // "<url>#<key>": the timeline <key> of the file at <url>
  function get(ref) {
    var u = ref.split("#");
    cache[u[0]] = cache[u[0]] || fetch(u[0]).then(function (r) { return r.json(); });
    return cache[u[0]].then(function (all) { return all[u[1]]; });
  }
  function now() { return Math.floor(Date.now() / 6e4); }

  // [text, open flag (1, 0, null), next change in epoch minutes] at minute n, or null
  function state(d, n) {
    if (!d || n < d.from || n >= d.to) return null;
    var t = d.from, s = d.s, m = -1, next = null, i;
    for (i = 0; i < s.length; i += 2) {
      t += s[i];
      if (t <= n) m = s[i + 1];
      else if (d.f[s[i + 1]] !== d.f[m]) { next = t; break; }
    }
    return [d[lang][m], d.f[m], next];
  }

  var els = document.querySelectorAll("[data-open-now]");
  if (els.length) {
    live = document.createElement("p");
    live.className = "sg-open-now__live";
    live.setAttribute("aria-live", "polite");
    document.body.appendChild(live);
  }
  els.forEach(function (el, k) {
    get(el.getAttribute("data-open-now")).then(function (d) {
      function show() {
        var st = state(d, now());
        el.hidden = !st;
        if (!st) return;
        el.querySelector("[data-open-now-text]").textContent = st[0];
        el.setAttribute("data-state", st[1] == null ? "unknown" : st[1] ? "open" : "closed");
        el.setAttribute("data-next", st[2] == null ? "" : st[2]);
        // the first line is announced once, politely; the minute's updates are not
        if (!k && !live.textContent) live.textContent = el.textContent;
      }
      show();
      setInterval(show, 6e4);
    });
  });

  var box = document.querySelector("[data-open-now-filter]");
  if (!box) return;
  var bar = box.closest("[hidden]"), out = document.querySelector("[data-open-now-count]");
  var items = document.querySelectorAll("[data-open-now-any]");
  function filter() {
    var n = now(), open = 0, left = items.length;
    items.forEach(function (li) {
      var urls = li.getAttribute("data-open-now-any").split(" ").filter(Boolean);
      Promise.all(urls.map(get)).then(function (ds) {
        var on = ds.some(function (d) { var st = state(d, n); return st && st[1] === 1; });
        li.hidden = box.checked && !on;
        open += on;
        if (--left) return;
        out.textContent = out.getAttribute("data-open-now-count").replace("{count}", open);
        document.querySelectorAll("section").forEach(function (sec) {
          if (sec.querySelector("[data-open-now-any]"))
            sec.hidden = box.checked && !sec.querySelector("[data-open-now-any]:not([hidden])");
        });
      });
    });
  }
  if (bar) bar.hidden = false;
  box.addEventListener("change", filter);
  filter();
  setInterval(filter, 6e4);
})();
