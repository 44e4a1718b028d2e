// The budget grid as a spreadsheet: Enter and the up and down arrows move to the cell above or
// below; Tab and Shift+Tab move along the row as in any form. Each cell is saved by htmx when
// it changes, so pressing Enter never submits the whole form.
document.addEventListener("keydown", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.closest("[data-budget-grid]")) return;
  const moves = { Enter: event.shiftKey ? -1 : 1, ArrowDown: 1, ArrowUp: -1 };
  if (!(event.key in moves)) return;
  event.preventDefault();
  const column = input.dataset.col || "note";
  const selector = column === "note" ? ".budget-note input" : `input[data-col="${column}"]`;
  const cells = [...input.closest("table").querySelectorAll(selector)];
  const next = cells[cells.indexOf(input) + moves[event.key]];
  if (next) {
    next.focus();
    next.select();
  } else if (event.key === "Enter") {
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
});

// Spreadsheet habit: entering a cell selects its content, so typing replaces it.
document.addEventListener("focusin", (event) => {
  const input = event.target;
  if (input instanceof HTMLInputElement && input.closest("[data-budget-grid]")) input.select();
});
