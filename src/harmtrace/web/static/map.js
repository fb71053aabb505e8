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

  function load(url) {
    fetch(url).then(function (r) { return r.json(); }).then(function (data) {
      layer.clearLayers();
      var markers = data.features.map(marker);
      layer.addLayers(markers);
      el.dataset.markers = String(markers.length);
      if (markers.length) { map.fitBounds(layer.getBounds(), { maxZoom: 6, padding: [30, 30] }); }
    });
  }

  load(el.dataset.points);
  document.body.addEventListener("htmx:afterSwap", function () {
    var meta = document.getElementById("results-meta");
    if (meta && meta.dataset.points !== el.dataset.points) {
      el.dataset.points = meta.dataset.points;
      load(meta.dataset.points);
    }
  });
})();
