// Labels that never overlap, and a view that holds them: gmpgraph's map pages (issue 32).
//
// vis-network draws each label as text on the canvas, at a fixed size in the drawing's units, and leaves out
// those too small on screen (under the draw threshold). This takes the labels in order of weight (what the map
// is about, then areas, then the rest; the most compact first within one weight) and keeps each that is clear
// of those kept before, whole, or else cut short, or shorter still; the rest are dropped (the tooltip always has the full name). Boxes scale
// with the zoom, so whether two labels meet does not depend on it; which labels are drawn does. The first view
// is fitted to the nodes and the kept labels together, so none is cut off at the edge. Zooming in brings in
// the smaller labels where there is room.
//
//   var labels = gmpLabels.create(network, nodes, edges, ["area:asgm"], 22);  // data sets, focus, a short label
//   labels.fit();            // once laid out: the first view
//   labels.refresh();        // after a zoom: keep the labels the new scale draws, clear of each other
var gmpLabels = (function () {
  "use strict";
  var GAP = 3;       // screen pixels kept between two labels
  var MARGIN = 12;   // screen pixels kept between the drawing and the canvas's edge
  var MAX_SCALE = 1; // the first view never magnifies

  function cut(text, limit) {
    return text.length <= limit ? text : text.slice(0, limit - 1).replace(/\s+$/, "") + "\u2026";
  }

  function overlaps(a, b, gap) {
    return a[0] < b[2] + gap && b[0] < a[2] + gap && a[1] < b[3] + gap && b[1] < a[3] + gap;
  }

  function create(network, nodes, edges, focusIds, short) {
    var body = network.body;
    var measure = document.createElement("canvas").getContext("2d");
    var full = {};   // "n"/"e" + id -> the label as the data has it
    var shown = {};  // the same keys -> the label now set ("" when dropped)
    var weight = {};  // node id -> 2 for the focus, 1 for an area, else 0
    nodes.forEach(function (node) {
      if (node.label) { full["n" + node.id] = shown["n" + node.id] = node.label; }
      weight[node.id] = node.ntype === "Area" ? 1 : 0;
    });
    (focusIds || []).forEach(function (id) { weight[id] = 2; });
    edges.forEach(function (edge) {
      if (edge.label) { full["e" + edge.id] = shown["e" + edge.id] = edge.label; }
    });

    function width(module, text) {
      var font = module.fontOptions;
      measure.font = (font.mod ? font.mod + " " : "") + font.size + "px " + font.face;
      return measure.measureText(text).width;
    }

    function height(module) {
      return module.fontOptions.size;  // vis-network: one line of text is as high as its font size
    }

    // the box of a label with this text, in the drawing's units (as vis-network places it)
    function nodeBox(node, text) {
      var w = width(node.labelModule, text), size = node.labelModule.fontOptions.size;
      var top = node.y + node.options.size + size / 2 + 4;  // hung under the shape
      return [node.x - w / 2, top, node.x + w / 2, top + height(node.labelModule)];
    }

    function edgeBox(edge, text) {
      var w = width(edge.labelModule, text), h = height(edge.labelModule), p = edge.edgeType.getPoint(0.5);
      return [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
    }

    function drawnAt(module, scale) {
      return module.fontOptions.size * scale >= module.elementOptions.scaling.label.drawThreshold - 1;
    }

    // the labels the scale would draw, heaviest first
    function candidates(scale) {
      var list = [];
      body.nodeIndices.forEach(function (id) {
        var node = body.nodes[id];
        if (full["n" + id] && drawnAt(node.labelModule, scale)) {
          list.push({key: "n" + id, weight: weight[id] || 0, size: node.labelModule.fontOptions.size,
                     box: function (text) { return nodeBox(node, text); }});
        }
      });
      body.edgeIndices.forEach(function (id) {
        var edge = body.edges[id];
        if (full["e" + id] && edge.connected && drawnAt(edge.labelModule, scale)) {
          list.push({key: "e" + id, weight: -1, size: edge.labelModule.fontOptions.size,
                     box: function (text) { return edgeBox(edge, text); }});
        }
      });
      // the heaviest first; among labels of one weight the most compact (a short label in a small font takes
      // least room, so the most of them are kept), then the larger
      function room(label) { return label.size * Math.min(full[label.key].length, short); }
      list.sort(function (a, b) {
        return b.weight - a.weight || room(a) - room(b) || b.size - a.size || (a.key < b.key ? -1 : 1);
      });
      return list;
    }

    // key -> {text, box} of the labels kept at this scale
    function choose(scale) {
      var kept = {}, boxes = [], gap = GAP / scale;
      candidates(scale).forEach(function (label) {
        var text = full[label.key], tries = [text];
        [short, Math.floor(short / 2), 8].forEach(function (limit) {  // whole, cut short, shorter, shortest
          if (cut(text, limit) !== tries[tries.length - 1]) { tries.push(cut(text, limit)); }
        });
        for (var i = 0; i < tries.length; i++) {
          var box = label.box(tries[i]);
          if (!boxes.some(function (other) { return overlaps(box, other, gap); })) {
            kept[label.key] = {text: tries[i], box: box};
            boxes.push(box);
            return;
          }
        }
      });
      return kept;
    }

    // the scale and centre at which the nodes' shapes and these boxes fill the canvas, less a margin
    function framing(kept) {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      function grow(box) {
        x0 = Math.min(x0, box[0]); y0 = Math.min(y0, box[1]); x1 = Math.max(x1, box[2]); y1 = Math.max(y1, box[3]);
      }
      body.nodeIndices.forEach(function (id) {
        var node = body.nodes[id], r = node.options.size;
        grow([node.x - r, node.y - r, node.x + r, node.y + r]);
      });
      Object.keys(kept).forEach(function (key) { grow(kept[key].box); });
      var canvas = network.canvas.frame.canvas;
      var scale = Math.min((canvas.clientWidth - 2 * MARGIN) / Math.max(x1 - x0, 1),
                           (canvas.clientHeight - 2 * MARGIN) / Math.max(y1 - y0, 1), MAX_SCALE);
      return {scale: scale, position: {x: (x0 + x1) / 2, y: (y0 + y1) / 2}};
    }

    function apply(kept) {
      var nodeChanges = [], edgeChanges = [];
      Object.keys(full).forEach(function (key) {
        // vis-network drops a node's empty label, but keeps an edge's: a zero-width space is drawn as nothing
        var text = kept[key] ? kept[key].text : key[0] === "n" ? "" : "\u200b";
        if (shown[key] === text) { return; }
        shown[key] = text;
        (key[0] === "n" ? nodeChanges : edgeChanges).push({id: key.slice(1), label: text});
      });
      if (nodeChanges.length) { nodes.update(nodeChanges); }
      if (edgeChanges.length) { edges.update(edgeChanges); }
    }

    // the first view: the largest scale at which the labels it draws, kept clear of each other, fit with the
    // nodes (fewer labels are drawn as the scale falls, so the room they need shrinks with it)
    function fit() {
      network.redraw();  // edges find their curves when first drawn
      var scale = framing({}).scale, kept = choose(scale);
      for (var step = 0; step < 80 && framing(kept).scale < scale; step++) {
        scale *= 0.97;
        kept = choose(scale);
      }
      apply(kept);
      network.moveTo({position: framing(kept).position, scale: scale});
    }

    function refresh() {
      apply(choose(network.getScale()));
    }

    return {fit: fit, refresh: refresh, full: full};
  }

  return {create: create, cut: cut};
})();
