"""Browser tests: Debian's Chromium driven by Playwright against the live server.

Every page a test visits must pass an axe-core check: the `page` fixture records each page it
lands on, `axe_check(page)` checks the page shown, and the test fails at teardown if a visited
page was never checked.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import ensure_gemeenten

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_axe = Axe()


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-BE", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def page(page, live_server):
    ensure_gemeenten()
    page.set_default_timeout(10_000)
    page.visited = []
    page.checked = set()

    def remember(frame):
        if frame == page.main_frame:
            page.visited.append(frame.url.split("#")[0])

    page.on("framenavigated", remember)
    yield page
    unchecked = [url for url in dict.fromkeys(page.visited) if url not in page.checked]
    assert not unchecked, f"pages visited without an axe check: {unchecked}"


def axe_check(page):
    """Fail on any axe-core violation on the page now shown."""
    page.wait_for_load_state("load")
    results = _axe.run(page)
    page.checked.add(page.url.split("#")[0])
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture
def login(page, live_server):
    def do(email, password="geheim-wachtwoord"):
        page.goto(f"{live_server.url}/account/login/")
        axe_check(page)
        page.get_by_label("E-mailadres").fill(email)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Aanmelden").click()
        page.wait_for_url(f"{live_server.url}/**")
        axe_check(page)

    return do
