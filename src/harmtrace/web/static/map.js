// The incidents map: bundled country outlines (or tiles when configured), markers sized by
// the reconciled toll, clustered when dense. Data come from data- attributes and a JSON
// endpoint (no inline script: the page's CSP forbids it); htmx swaps refresh the markers.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([30, 30], 3);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: "map tiles" }).addTo(map);
  } else {
    fetch(el.dataset.basemap).then(function (r) { return r.json(); }).then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, { interactive: false, style: { className: "basemap-country" } }).addTo(map);
    });
  }
  var layer = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  map.addLayer(layer);

  function radius(killed) { return Math.round(10 + 6 * Math.sqrt(killed || 0)); }

  function marker(feature) {
    var p = feature.properties, c = feature.geometry.coordinates, size = radius(p.killed);
    var icon = L.divIcon({ className: "marker-toll", iconSize: [size, size] });
    var m = L.marker([c[1], c[0]], { icon: icon, title: p.place + " " + p.date });
    var link = document.createElement("a");
    link.href = "/incidents/" + p.id;
    link.textContent = p.place + ", " + (p.date || "undated") + ": " + p.killed + " killed";
    m.bindPopup(link);
    return m;
  }

  // A crowded map holds only the heaviest tolls (the server says `truncated`); once the
  // user pans or zooms, the markers of the view itself are asked for, so none stay hidden.
  var note = L.control({ position: "bottomleft" });
  note.onAdd = function () {
    var div = L.DomUtil.create("div", "map-note");
    div.id = "map-note";
    return div;
  };
  note.addTo(map);
  var whole = { truncated: false }, fitting = false, pending = null;

  function clamp(value, low, high) { return Math.min(Math.max(value, low), high); }

  function viewBox() {
    var b = map.getBounds();
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
            clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
      .map(function (v) { return v.toFixed(4); }).join(",");
  }

  function show(data, fit) {
    layer.clearLayers();
    var markers = data.features.map(marker);
    layer.addLayers(markers);
    el.dataset.markers = String(markers.length);
    el.dataset.truncated = String(data.truncated);
    document.getElementById("map-note").textContent = data.truncated
      ? "Showing the " + markers.length + " heaviest tolls here; zoom in for the rest." : "";
    if (fit && markers.length) {
      fitting = true;
      map.fitBounds(layer.getBounds(), { maxZoom: 6, padding: [30, 30] });
    }
  }

  function load(url) {
    fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      whole = data;
      show(data, true);
    });
  }

  map.on("moveend", function () {
    if (fitting) { fitting = false; return; }
    if (!whole.truncated) { return; }
    clearTimeout(pending);
    pending = setTimeout(function () {
      var sep = el.dataset.points.indexOf("?") < 0 ? "?" : "&";
      fetch(el.dataset.points + sep + "bbox=" + viewBox())
        .then(function (r) { return r.json(); })
        .then(function (data) { show(data, false); });
    }, 250);
  });

  load(el.dataset.points);
  document.body.addEventListener("htmx:afterSwap", function () {
    var meta = document.getElementById("results-meta");
    if (meta && meta.dataset.points !== el.dataset.points) {
      el.dataset.points = meta.dataset.points;
      load(meta.dataset.points);
    }
  });
})();
