/* The reader's light or dark choice (the header's toggle; Material keeps it under "__palette"),
 * put on the page before it is drawn. Loaded by a plain <script> in the header, where Material
 * would write the same steps inline on every page. */
(function () {
  "use strict";
  var palette = __md_get("__palette");
  if (palette && palette.color) {
    Object.keys(palette.color).forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, palette.color[key]);
    });
  }
})();
