"""A burst of budget saves against a running server, with a submit from a second process.

    make run      # in one terminal: the web server and the PDF worker on SQLite
    make burst    # in another: prints JSON; "errors" must be 0

One process saves budget cells one after another over HTTP, as the grid does when someone types
fast (always with the version the previous answer gave). A second process meanwhile asks for PDF
exports, so that the worker writes to the database too, and submits the dossier halfway. If the
submit goes through, the second process reopens the dossier as a reviewer (start the review, ask
for changes), so the burst can be run again; saves refused while the dossier was submitted are
counted apart. A submit the checklist refuses is a proper answer too. Errors are everything else:
a server error, a lost connection, a conflict that should not be, an unexpected status.

Every cell saved is a pair, an amount under "other expenses" and the same under "other income",
so the budget stays in balance; at the end both lines get their first amounts back.

Options (or the environment variables BURST_URL, BURST_SAVES, BURST_EMAIL, BURST_PASSWORD,
BURST_REVIEWER, BURST_DOSSIER): see --help. Only the standard library is used.
"""

import argparse
import http.cookiejar
import json
import multiprocessing
import os
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal

EXPENSE, INCOME = "andere_uitgaven", "andere_inkomsten"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """A logged-in browser, as far as this burst needs one."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def csrf(self):
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def call(self, method, path, data=None, htmx=False):
        """(status, text); status 0 when no answer came."""
        body = urllib.parse.urlencode(data or {}, doseq=True).encode() if method == "POST" else None
        request = urllib.request.Request(self.base + path, data=body, method=method)
        if method == "POST":
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
            request.add_header("X-CSRFToken", self.csrf())
            request.add_header("Referer", self.base + path)
        if htmx:
            request.add_header("HX-Request", "true")
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")
        except (urllib.error.URLError, OSError) as error:
            return 0, str(error)

    def login(self, email, password):
        self.call("GET", "/account/login/")
        status, _text = self.call(
            "POST", "/account/login/",
            {"username": email, "password": password, "csrfmiddlewaretoken": self.csrf()},
        )
        if status != 302:
            raise SystemExit(f"Could not log in as {email} (status {status}).")


def find_dossier(session):
    """The first dossier the user can reach from the home page (or a network page)."""
    _status, text = session.call("GET", "/")
    found = re.search(r"/dossiers/(\d+)/", text)
    if not found:
        network = re.search(r'href="(/netwerken/\d+/)"', text)
        if network:
            found = re.search(r"/dossiers/(\d+)/", session.call("GET", network.group(1))[1])
    if not found:
        raise SystemExit("No dossier found on the home page; pass --dossier.")
    return int(found.group(1))


def read_grid(text):
    """({cell name: value shown}, {cell name: version}) from the grid page or a cell's answer."""
    values = dict(re.findall(r'name="(c-[\w-]+-\d{4})" id="[^"]*" value="([^"]*)"', text))
    versions = {f"c-{k}": v for k, v in re.findall(r'name="v-([\w-]+-\d{4})" value="(\d+)"', text)}
    return values, versions


def belgian(text):
    """'12.500,00' -> Decimal('12500.00'); '' -> 0."""
    text = text.replace(".", "").replace(",", ".").strip()
    return Decimal(text) if text else Decimal("0")


def saver(options, dossier, progress, window, done, results):
    session = Session(options.url)
    session.login(options.email, options.password)
    grid_url = f"/dossiers/{dossier}/begroting/"
    cell_url = grid_url + "cel/"
    values, versions = read_grid(session.call("GET", grid_url)[1])
    years = sorted({int(name[-4:]) for name in values if name.startswith(f"c-{EXPENSE}-")})
    if not years:
        raise SystemExit("This user cannot edit the budget of that dossier.")
    first = {name: value for name, value in values.items() if name.startswith((f"c-{EXPENSE}-", f"c-{INCOME}-"))}
    counts = {"ok": 0, "refused_while_submitted": 0, "errors": 0}
    samples, timings = [], []

    def save(name, amount, expect_submitted=False):
        data = {name: amount, "v-" + name[2:]: versions[name]}
        submitted_before = window.is_set()
        started = time.perf_counter()
        status, text = session.call("POST", cell_url, data, htmx=True)
        timings.append(time.perf_counter() - started)
        if status == 200:
            versions.update(read_grid(text)[1])
            counts["ok"] += 1
            return True
        if status == 403 and (submitted_before or window.is_set() or expect_submitted):
            counts["refused_while_submitted"] += 1
            return False
        counts["errors"] += 1
        if len(samples) < 10:
            samples.append({"cell": name, "status": status, "answer": text[:300]})
        if status in (400, 409, 422):  # start again from what is stored
            versions.update(read_grid(session.call("GET", grid_url)[1])[1])
        return False

    for i in range(options.saves):
        pair, line = divmod(i, 2)
        year = years[pair % len(years)]
        name = f"c-{EXPENSE if line == 0 else INCOME}-{year}"
        amount = belgian(first[name]) + 100 + pair
        save(name, f"{amount:.2f}".replace(".", ","))
        progress.value = i + 1

    done.wait(timeout=300)  # the second process has reopened the dossier if it was submitted
    for name, value in first.items():  # the first amounts back
        for _attempt in range(3):
            if save(name, value, expect_submitted=True):
                break
            time.sleep(1)
    results.put({
        "saves": options.saves,
        **counts,
        "error_samples": samples,
        "save_ms_p50": round(statistics.median(timings) * 1000, 1) if timings else None,
        "save_ms_p95": round(sorted(timings)[int(len(timings) * 0.95)] * 1000, 1) if timings else None,
        "save_ms_max": round(max(timings) * 1000, 1) if timings else None,
    })


def submitter(options, dossier, progress, window, done, results):
    session = Session(options.url)
    session.login(options.email, options.password)
    outcome = {"pdf_exports_asked": 0, "errors": 0, "error_samples": [], "submit": None}

    def wait_for(share):
        while progress.value < options.saves * share:
            time.sleep(0.05)

    def check(what, status, text, expected):
        if status not in expected:
            outcome["errors"] += 1
            outcome["error_samples"].append({"what": what, "status": status, "answer": text[:300]})
        return status

    def ask_pdf():
        status, text = session.call("POST", f"/dossiers/{dossier}/pdf/")
        check("pdf export", status, text, {302})
        outcome["pdf_exports_asked"] += 1

    try:
        wait_for(0.1)
        ask_pdf()
        wait_for(0.3)
        ask_pdf()
        wait_for(0.5)
        window.set()
        for _attempt in range(5):  # refused when it lands between the two cells of a pair
            status, text = session.call("POST", f"/dossiers/{dossier}/stap/submit/", {"note": ""})
            if status != 400:
                break
            time.sleep(0.1)
        check("submit", status, text, {302, 400})
        if status == 302:
            reviewer = Session(options.url)
            reviewer.login(options.reviewer, options.password)
            steps = [("start_review", {}), ("request_changes", {"note": "Burst: reopened."})]
            for step, data in steps:
                status, text = reviewer.call("POST", f"/dossiers/{dossier}/stap/{step}/", data)
                check(step, status, text, {302})
            outcome["submit"] = "submitted, then reopened by the reviewer"
        elif status == 400:
            reason = re.search(r'class="alert alert-danger[^"]*"[^>]*>(.*?)</div>', text, re.S)
            why = re.sub(r"<[^>]+>|\s+", " ", reason.group(1)).strip() if reason else ""
            outcome["submit"] = f"refused: {why}"[:300]
        else:
            outcome["submit"] = f"failed with status {status}"
        window.clear()
        wait_for(0.7)
        ask_pdf()
    finally:
        window.clear()
        done.set()
        results.put(outcome)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    env = os.environ.get
    parser.add_argument("--url", default=env("BURST_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--saves", type=int, default=int(env("BURST_SAVES", "300")))
    parser.add_argument("--email", default=env("BURST_EMAIL", "coordinator@example.org"))
    parser.add_argument("--reviewer", default=env("BURST_REVIEWER", "reviewer@example.org"))
    parser.add_argument("--password", default=env("BURST_PASSWORD", "demo-wachtwoord"))
    parser.add_argument("--dossier", type=int, default=int(env("BURST_DOSSIER", "0")) or None)
    options = parser.parse_args(argv)

    probe = Session(options.url)
    if probe.call("GET", "/account/login/")[0] != 200:
        raise SystemExit(f"No server answers at {options.url}: start it with `make run` first.")
    probe.login(options.email, options.password)
    dossier = options.dossier or find_dossier(probe)

    context = multiprocessing.get_context("spawn")
    progress, window, done = context.Value("i", 0), context.Event(), context.Event()
    saves, other = context.Queue(), context.Queue()
    started = time.perf_counter()
    processes = [
        context.Process(target=saver, args=(options, dossier, progress, window, done, saves)),
        context.Process(target=submitter, args=(options, dossier, progress, window, done, other)),
    ]
    for process in processes:
        process.start()
    while any(p.is_alive() for p in processes):
        if any(p.exitcode for p in processes):  # one of them stopped with an error
            for process in processes:
                process.terminate()
            raise SystemExit("The burst stopped early; see the message above.")
        time.sleep(0.2)
    saved, second = saves.get(timeout=10), other.get(timeout=10)
    result = {
        "url": options.url,
        "dossier": dossier,
        "seconds": round(time.perf_counter() - started, 1),
        **{k: v for k, v in saved.items() if k not in ("errors", "error_samples")},
        "pdf_exports_asked": second["pdf_exports_asked"],
        "submit": second["submit"],
        "errors": saved["errors"] + second["errors"],
        "error_samples": saved["error_samples"] + second["error_samples"],
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
