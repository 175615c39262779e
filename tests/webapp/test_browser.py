"""The example web app (examples/webapp) in a real headless Chromium, against the sandbox.

Debian's ``chromium`` (``/usr/bin/chromium``) is driven by Playwright for Python through
``executable_path``: no browser is downloaded (never run ``playwright install``). CI
installs the browser with apt (see ``.ci/run``). Without it these tests FAIL, on purpose.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable

import pytest
from playwright.async_api import Browser, Page, expect

from tests.webapp.helpers import RunningApp, chromium, fresh_page, running_app
from tmdb_async.testing import Fault, Sandbox

#: The whole scenario (s); each browser wait has its own STEP_MS.
SCENARIO_S = 120.0
STAR_WARS = 11  # the sandbox catalogue's movie 11, the only title matching "Star Wars"


async def bounded(scenario: Awaitable[None]) -> None:
    """Run a scenario with an overall deadline (each step has its own, shorter one)."""
    await asyncio.wait_for(scenario, timeout=SCENARIO_S)


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    """Debian's headless Chromium; a clear failure (not a skip) when it is missing."""
    async with chromium() as launched:
        yield launched


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    """A fresh fake TMDB on a free loopback port."""
    async with Sandbox() as sb:
        yield sb


@pytest.fixture
async def webapp(sandbox: Sandbox) -> AsyncIterator[RunningApp]:
    """The example app on a free loopback port, its one client pointed at ``sandbox``."""
    async with running_app(sandbox) as running:
        yield running


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    """A page in a fresh browser context (own cookies), every wait bounded."""
    async with fresh_page(browser) as fresh:
        yield fresh


async def _app_cookie(page: Page) -> list[dict[str, object]]:
    return [dict(c) for c in await page.context.cookies() if c.get("name") == "webapp_session"]


async def test_sign_in_favourite_reload_sign_out(
    page: Page, webapp: RunningApp, sandbox: Sandbox
) -> None:
    async def scenario() -> None:
        await page.goto(webapp.url + "/")
        await page.click("#sign-in")

        # The sandbox's approval page (TMDB's website), with redirect_to back to the app.
        await page.wait_for_url(f"{sandbox.website_url}/authenticate/**")
        assert f"redirect_to={webapp.url}/callback" in page.url
        await page.get_by_role("button", name="Approve").click()

        # Back at the app, signed in as the sandbox's first user.
        await page.wait_for_url(webapp.url + "/")
        await expect(page.locator("#account-name")).to_have_text("Travis Bell")
        await expect(page.locator("#no-favourites")).to_be_visible()
        (session_id,) = sandbox.state.sessions  # the one TMDB session: never in the browser
        cookies = await _app_cookie(page)
        assert len(cookies) == 1
        assert cookies[0]["httpOnly"] is True
        assert cookies[0]["sameSite"] == "Lax"
        assert cookies[0]["value"] != session_id
        assert session_id not in await page.content()
        (stored,) = webapp.store.sessions()
        assert stored.key == cookies[0]["value"]
        assert stored.tmdb_session_id == session_id

        # Search, then favourite the hit.
        await page.fill("#search", "Star Wars")
        await page.click("#search-button")
        hit = page.locator(f"#results li[data-movie-id='{STAR_WARS}']")
        await expect(hit.locator(".title")).to_have_text("Star Wars (1977)")
        await hit.get_by_role("button", name="Favourite").click()

        favourite = page.locator(f"#favourites li[data-movie-id='{STAR_WARS}']")
        await expect(favourite.locator(".title")).to_have_text("Star Wars (1977)")
        await expect(favourite.get_by_role("button", name="Unfavourite")).to_be_visible()
        assert sandbox.state.accounts[548].favorite["movie"].keys() == {STAR_WARS}

        # The poster comes from the SDK's image URL builder (sandbox /configuration) and loads.
        poster = favourite.locator("img")
        src = await poster.get_attribute("src")
        assert src is not None
        assert src.startswith(f"{sandbox.image_base_url}w185/")
        await expect(poster).to_have_js_property("complete", True)
        width = await poster.evaluate("img => img.naturalWidth")
        assert width == 185

        # Rate it.
        await favourite.locator("input[name=value]").fill("8.5")
        await favourite.get_by_role("button", name="Rate").click()
        await expect(
            page.locator(f"#favourites li[data-movie-id='{STAR_WARS}'] .rating")
        ).to_have_text("Your rating: 8.5")
        assert sandbox.state.accounts[548].ratings.movies[STAR_WARS][0] == 8.5

        # Reload: still signed in, still a favourite.
        await page.reload()
        await expect(page.locator("#account-name")).to_have_text("Travis Bell")
        await expect(favourite.locator(".title")).to_have_text("Star Wars (1977)")

        # Sign out: the TMDB session is deleted and the cookie cleared.
        await page.click("#sign-out")
        await expect(page.locator("#sign-in")).to_be_visible()
        await expect(page.locator("#notice")).to_have_text("You are signed out.")
        assert await _app_cookie(page) == []
        assert sandbox.state.sessions == {}
        (deleted,) = sandbox.requests_to("/3/authentication/session", "DELETE")
        assert deleted.json == {"session_id": session_id}
        assert webapp.store.sessions() == []

        # And stays signed out.
        await page.reload()
        await expect(page.locator("#sign-in")).to_be_visible()
        assert await page.locator("#account-name").count() == 0

    await bounded(scenario())


async def test_deny_shows_a_message(page: Page, webapp: RunningApp, sandbox: Sandbox) -> None:
    async def scenario() -> None:
        await page.goto(webapp.url + "/")
        await page.click("#sign-in")
        await page.wait_for_url(f"{sandbox.website_url}/authenticate/**")
        await page.get_by_role("button", name="Deny").click()

        await page.wait_for_url(f"{webapp.url}/callback?**")
        assert "denied=true" in page.url
        await expect(page.locator("#message-title")).to_have_text("Sign-in cancelled")
        await expect(page.locator("#message")).to_have_text(
            "You did not allow this app to use your TMDB account, so you are not signed in."
        )
        content = await page.content()
        assert "Traceback" not in content
        assert await page.locator("#account-name").count() == 0
        # No session was asked for, none exists.
        assert sandbox.requests_to("/3/authentication/session/new") == []
        assert sandbox.state.sessions == {}

        # Back on the start page: still signed out, and a new sign-in can start.
        await page.click("text=Back to the start page")
        await expect(page.locator("#sign-in")).to_be_visible()

    await bounded(scenario())


async def test_sign_out_tmdb_did_not_confirm_then_try_again(
    page: Page, webapp: RunningApp, sandbox: Sandbox
) -> None:
    async def scenario() -> None:
        await page.goto(webapp.url + "/")
        await page.click("#sign-in")
        await page.wait_for_url(f"{sandbox.website_url}/authenticate/**")
        await page.get_by_role("button", name="Approve").click()
        await page.wait_for_url(webapp.url + "/")
        await expect(page.locator("#account-name")).to_have_text("Travis Bell")
        (session_id,) = sandbox.state.sessions

        # TMDB refuses the app's key on the DELETE (401 code 7): the user is told, and stays
        # signed in here and at TMDB.
        sandbox.add_fault(
            Fault(
                kind="error", path="/3/authentication/session", method="DELETE", status=401, code=7
            )
        )
        await page.click("#sign-out")
        await expect(page.locator("#message-title")).to_have_text("Not signed out")
        await expect(page.locator("#message")).to_contain_text(
            "TMDB did not end your session: TMDB answered HTTP 401 (code 7)."
        )
        await expect(page.locator("#account-name")).to_have_text("Travis Bell")
        assert list(sandbox.state.sessions) == [session_id]
        assert len(await _app_cookie(page)) == 1

        # TMDB is fine again: "Try again" signs out for real.
        sandbox.clear_faults()
        await page.click("#sign-out-again")
        await expect(page.locator("#notice")).to_have_text("You are signed out.")
        assert sandbox.state.sessions == {}
        assert await _app_cookie(page) == []
        assert webapp.store.sessions() == []

    await bounded(scenario())
