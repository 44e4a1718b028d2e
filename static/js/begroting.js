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

// A cell whose save failed is never left looking saved. The server answers a wrong amount (422),
// someone else's change (409) or a request without its version (400) with the cell and its
// message, which htmx puts in place. When the answer does not come (no network, a server error)
// the cell is marked here: "Not saved", the reason, the typed value kept, and a new attempt after
// 1, 2, 4, 8 and 16 seconds; after that, or for any other answer, a button to try again. The
// totals change only with the server's answer.
(() => {
  const RETRY_SECONDS = [1, 2, 4, 8, 16];
  const texts = () => JSON.parse(document.getElementById("budget-texts")?.textContent || "{}");
  const timers = new WeakMap();
  const attempts = new WeakMap();
  const inGrid = (el) => el instanceof HTMLInputElement && el.closest("[data-budget-grid]");

  function announce(message) {
    const status = document.getElementById("budget-status");
    if (status) status.textContent = message;
  }

  function save(input) {
    htmx.trigger(input, "change");
  }

  function markUnsaved(input, reason, offerRetry) {
    const t = texts();
    const cell = input.closest("td");
    const id = `err-${input.name}`;
    let box = document.getElementById(id);
    if (!box) {
      box = document.createElement("div");
      box.id = id;
      cell.append(box);
    }
    box.className = "invalid-feedback d-block budget-unsaved";
    box.replaceChildren();
    const strong = document.createElement("strong");
    strong.textContent = t.not_saved;
    const why = document.createElement("span");
    why.dataset.reason = "";
    why.textContent = reason;
    box.append(strong, " ", why);
    if (offerRetry) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-outline-danger btn-sm py-0 d-block mt-1";
      button.dataset.budgetRetry = "";
      button.textContent = t.retry;
      box.append(button);
    }
    cell.classList.add("has-error");
    input.classList.add("is-invalid");
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", id);
    announce(`${t.not_saved} ${reason}`);
  }

  function failed(input, status) {
    const t = texts();
    const transient = status === 0 || status >= 500;
    const done = attempts.get(input) || 0;
    if (transient && done < RETRY_SECONDS.length) {
      const seconds = RETRY_SECONDS[done];
      attempts.set(input, done + 1);
      const text = status === 0 ? t.network : t.server;
      markUnsaved(input, text.replace("%(seconds)s", seconds), false);
      timers.set(input, setTimeout(() => save(input), seconds * 1000));
      return;
    }
    let reason = t.gave_up;
    if (status === 403) reason = t.forbidden;
    else if (!transient) reason = t.other.replace("%(status)s", status);
    markUnsaved(input, reason, true);
  }

  document.addEventListener("htmx:beforeRequest", (event) => {
    const input = event.target;
    if (!inGrid(input)) return;
    clearTimeout(timers.get(input));
    input.closest("td")?.setAttribute("aria-busy", "true");
  });

  // The refusals that carry the cell with its message are shown like any answer.
  // The refusals that carry the cell with its message are shown like any answer. (This event
  // fires on the target, the cell's <td>.)
  document.addEventListener("htmx:beforeSwap", (event) => {
    if (!event.target.closest?.("[data-budget-grid]")) return;
    if ([400, 409, 422].includes(event.detail.xhr.status)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Only fires here while the input is still on the page: an answer that was put in place
  // replaced it. So this sees the requests that failed without an answer to show.
  document.addEventListener("htmx:afterRequest", (event) => {
    const input = event.target;
    if (!inGrid(input)) return;
    input.closest("td")?.removeAttribute("aria-busy");
    const status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (event.detail.successful || [400, 409, 422].includes(status)) return;
    failed(input, status);
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-budget-retry], [data-budget-take]");
    if (!button || !button.closest("[data-budget-grid]")) return;
    const input = button.closest("td").querySelector("input:not([type=hidden])");
    if ("budgetTake" in button.dataset) input.value = button.dataset.budgetTake;
    attempts.delete(input);
    input.focus();
    save(input);
  });

  // The choice after a conflict needs this script, so it is only shown when the script runs.
  const showChoices = (root) => {
    root.querySelectorAll("[data-budget-choice]").forEach((choice) => { choice.hidden = false; });
  };
  document.addEventListener("DOMContentLoaded", () => showChoices(document));
  document.addEventListener("htmx:load", (event) => showChoices(event.target));

  // Leaving the page with amounts that are not saved asks first.
  window.addEventListener("beforeunload", (event) => {
    if (document.querySelector("[data-budget-grid] .budget-unsaved")) event.preventDefault();
  });
})();
