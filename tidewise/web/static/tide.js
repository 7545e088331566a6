/* The tide page's charts: reads the JSON block the server wrote and draws with the
   plotly.js bundle served by this computer (never a CDN). No entry text is charted. */
(function () {
  "use strict";

  var source = document.getElementById("tide-data");
  if (!source || typeof window.Plotly === "undefined") { return; }
  var data = JSON.parse(source.textContent || "{}");
  /* The one palette (tidewise/reports/palette.py), shared with the pictures and the
     report: lightness steps, and a pattern or symbol per phase besides the colour. */
  var palette = data.palette || { phases: {}, patterns: {}, symbols: {}, precursors: {} };
  var style = window.getComputedStyle(document.body);
  var ink = style.color;
  var font = { family: style.fontFamily, size: 14, color: ink };
  /* No mode bar: fewer controls, a quieter page. Drag to zoom, double-click to reset. */
  var config = { displaylogo: false, displayModeBar: false, responsive: true };

  /* A phone-sized chart: smaller type, labels wrapped onto short lines, and margins that
     make room for them, so every label stays inside the chart's own box. */
  function narrow(id) {
    var element = document.getElementById(id);
    return !!element && element.clientWidth < 560;
  }

  function wrapWords(text, width) {
    var lines = [];
    text.split(" ").forEach(function (word) {
      var last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= width) {
        lines[last] += " " + word;
      } else {
        lines.push(word);
      }
    });
    return lines.join("<br>");
  }

  function layout(extra) {
    var base = {
      font: font,
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      margin: { l: 60, r: 20, t: 20, b: 50 },
      showlegend: false
    };
    Object.keys(extra).forEach(function (key) { base[key] = extra[key]; });
    return base;
  }

  function draw(id, traces, extra) {
    var element = document.getElementById(id);
    if (!element) { return null; }
    window.Plotly.newPlot(element, traces, layout(extra), config);
    return element;
  }

  var timeline = data.timeline || { series: [] };
  /* Colour and title are the tide's phase (each entry read with its neighbours); where
     the entry read on its own differs, the hover names that reading too. */
  var timelineTraces = timeline.series.map(function (series) {
    var alone = series.alone || [];
    return {
      type: "scatter",
      mode: "markers",
      name: series.title,
      x: series.x,
      y: series.y,
      customdata: series.id,
      text: alone.map(function (title) { return title ? "<br>this entry alone: " + title : ""; }),
      hovertext: (series.movement || []).map(function (words) { return words; }),
      marker: {
        color: palette.phases[series.phase],
        symbol: palette.symbols[series.phase],
        size: 8,
        line: { color: ink, width: 1 }
      },
      /* The entry's own movement, and how to open it: a hover box cannot hold a link that
         a pointer can reach, so selecting the point opens it (and the table links it). */
      hovertemplate: "%{x|%d %b %Y}<br>" + series.title + "%{text}<br>%{hovertext}" +
        "<br>Select the point to open this entry<extra></extra>"
    };
  });
  /* The legend sits above the plot: below it, it ran into the dates. */
  var timelineChart = draw("chart-timeline", timelineTraces, {
    showlegend: true,
    legend: { orientation: "h", x: 0, y: 1.02, xanchor: "left", yanchor: "bottom" },
    margin: { l: 10, r: 20, t: 10, b: 10 },
    yaxis: {
      range: [-1.1, 1.1],
      tickvals: [-1, 0, 1],
      ticktext: ["Away", "Between", "Toward"],
      zeroline: true,
      automargin: true,
      gridcolor: "rgba(128,128,128,0.2)"
    },
    xaxis: { type: "date", automargin: true, gridcolor: "rgba(128,128,128,0.2)" }
  });
  if (timelineChart) {
    timelineChart.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      if (point && point.customdata) { window.location.href = "/entries/" + point.customdata; }
    });
  }

  var wheel = data.wheel;
  if (wheel) {
    var small = narrow("chart-wheel");
    draw("chart-wheel", [{
      type: "barpolar",
      r: wheel.share.map(function (s) { return Math.round(s * 1000) / 10; }),
      theta: wheel.titles.map(function (title, i) {
        var label = title + " " + Math.round(wheel.share[i] * 100) + "%";
        return small ? wrapWords(label, 11) : label;
      }),
      marker: {
        color: wheel.phases.map(function (p) { return palette.phases[p]; }),
        pattern: {
          shape: wheel.phases.map(function (p) { return palette.patterns[p]; }),
          fgcolor: ink,
          fgopacity: 0.5,
          fillmode: "overlay",
          size: 7
        },
        line: {
          color: ink,
          width: wheel.phases.map(function (p) { return p === wheel.current ? 3 : 1; })
        }
      },
      hovertemplate: "%{theta} of the time<extra></extra>"
    }], {
      /* Polar charts do not grow their margins for long labels: room is made here. */
      margin: small ? { l: 78, r: 78, t: 50, b: 50 } : { l: 150, r: 150, t: 40, b: 40 },
      font: { family: font.family, size: small ? 12 : 14, color: ink },
      polar: {
        bgcolor: "rgba(0,0,0,0)",
        angularaxis: { direction: "clockwise", rotation: 90 },
        radialaxis: { showticklabels: false, ticks: "", gridcolor: "rgba(128,128,128,0.3)" }
      }
    });
  }

  var loops = data.loops;
  if (loops) {
    draw("chart-loops", [{
      type: "bar",
      x: loops.months,
      y: loops.counts,
      marker: { color: palette.loops, line: { color: ink, width: 1 } },
      hovertemplate: "%{x}: %{y} loops<extra></extra>"
    }], {
      yaxis: { rangemode: "tozero", dtick: 1, automargin: true, gridcolor: "rgba(128,128,128,0.2)" },
      xaxis: { type: "category", automargin: true }
    });
  }

  var precursors = data.precursors;
  if (precursors && precursors.turns > 0) {
    draw("chart-precursors", [{
      type: "bar",
      orientation: "h",
      x: precursors.share.map(function (s) { return Math.round(s * 100); }),
      y: precursors.titles,
      marker: {
        color: precursors.kinds.map(function (k) { return palette.precursors[k]; }),
        pattern: {
          shape: precursors.kinds.map(function (k) { return palette.precursor_patterns[k]; }),
          fgcolor: ink,
          fgopacity: 0.5,
          fillmode: "overlay",
          size: 7
        },
        line: { color: ink, width: 1 }
      },
      hovertemplate: "%{y}: %{x}% of turns<extra></extra>"
    }], {
      margin: { l: 10, r: 20, t: 10, b: 10 },
      xaxis: {
        range: [0, 100], ticksuffix: "%", automargin: true, gridcolor: "rgba(128,128,128,0.2)"
      },
      yaxis: { autorange: "reversed", automargin: true }
    });
  }

  /* The charts are drawn: fold the tables that start open for pages without JavaScript.
     Each stays one "Show as a table" away. */
  Array.prototype.forEach.call(document.querySelectorAll(".chart-table.open-without-js"),
    function (details) { details.open = false; });
}());
