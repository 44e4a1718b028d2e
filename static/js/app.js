// Small behaviours that need no framework.
document.addEventListener("DOMContentLoaded", () => {
  // Bring an error summary into view and focus, so screen readers announce it.
  const summary = document.getElementById("foutmelding");
  if (summary) summary.focus();
});
