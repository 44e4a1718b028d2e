// The rich text editor (Trix): headings are h3 inside the page, and files cannot be attached.
(function () {
  if (!window.Trix) return;
  Trix.config.blockAttributes.heading1.tagName = "h3";
  document.addEventListener("trix-file-accept", (event) => event.preventDefault());
})();
