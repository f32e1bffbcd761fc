/* Charts from a JSON option printed by the page (no inline script: the CSP forbids it).
   <div class="chart" data-chart="ID"></div> + {{ option|json_script:"ID" }}.
   An option may carry "links": {"<series data name>": "/url/"} — clicking that bar or slice opens
   the list behind the number (drill-down). */
(function () {
  function draw(root) {
    if (!window.echarts) return;
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      var source = document.getElementById(el.dataset.chart);
      if (!source || el.dataset.drawn) return;
      var option = JSON.parse(source.textContent);
      var links = option.links || {};
      delete option.links;
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption(option);
      chart.on("click", function (params) {
        var url = links[params.name];
        if (url) window.location.href = url;
      });
      el.dataset.drawn = "1";
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSwap", function (e) { draw(e.target); });
})();
