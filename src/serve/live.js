(function () {
  // Served pages only: reloads after a good rebuild, swaps stylesheets after a CSS-only change,
  // and shows what is wrong when a rebuild fails. `prongsai build` output never contains this.
  var overlay = null;
  function show(e) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.setAttribute('role', 'alert');
      overlay.id = 'prongsai-error';
      overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.92);color:#fff;' +
        'font:16px/1.6 Sarabun,"Noto Sans Thai",Tahoma,sans-serif;padding:2rem;overflow:auto;white-space:pre-wrap';
      document.body.appendChild(overlay);
    }
    overlay.textContent = 'สร้างเว็บไซต์ไม่สำเร็จ (ยังแสดงฉบับล่าสุดที่สร้างได้)\nThe last change could not be built; this is the last good version.\n\n' + e.message;
  }
  function hide() { if (overlay) { overlay.remove(); overlay = null; } }
  var source = new EventSource(window.__prongsai_events);
  var seen = null;
  source.addEventListener('state', function (ev) {
    var s = JSON.parse(ev.data);
    if (s.error) { show(s.error); seen = s.generation; return; }
    if (seen === null) { seen = s.generation; hide(); return; }
    if (s.generation === seen) { return; }
    seen = s.generation;
    if (s.silent) { return; }
    if (s.css_only && !overlay) {
      document.querySelectorAll('link[rel="stylesheet"]').forEach(function (l) {
        var u = new URL(l.href); u.searchParams.set('v', s.generation); l.href = u.toString();
      });
    } else {
      location.reload();
    }
  });
})();
