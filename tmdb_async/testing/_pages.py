"""What the sandbox's "website" serves: approval and message pages. No I/O here."""

from __future__ import annotations

import html
from collections.abc import Sequence

__all__ = ["approval_page", "message_page"]

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;color:#032541}"
    "button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.6rem;border-radius:.3rem;"
    "border:1px solid #032541;cursor:pointer}button.approve{background:#01b4e4;color:#fff}"
    "select{font-size:1rem;padding:.3rem}"
)


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} · tmdb_async sandbox</title><style>{_STYLE}</style>"
        f"</head><body><h1>{html.escape(title)}</h1>{body}"
        "<p><small>This is tmdb_async's local TMDB sandbox, not themoviedb.org.</small></p>"
        "</body></html>"
    )


def approval_page(
    *, action: str, usernames: Sequence[str], redirect_to: str | None, what: str
) -> str:
    """The page with Approve and Deny buttons; both POST to ``action``.

    Args:
        action: the form's target path (token included, already URL-safe).
        usernames: the seeded users to approve as (the first is selected).
        redirect_to: kept in a hidden field so the answer honours it.
        what: the kind of token, for the text ("request token", "v4 request token").
    """
    options = "".join(
        f"<option value='{html.escape(name, quote=True)}'>{html.escape(name)}</option>"
        for name in usernames
    )
    hidden = (
        f"<input type='hidden' name='redirect_to' value='{html.escape(redirect_to, quote=True)}'>"
        if redirect_to
        else ""
    )
    body = (
        f"<p>An application asks to use your TMDB account with a {html.escape(what)}.</p>"
        f"<form method='post' action='{html.escape(action, quote=True)}'>{hidden}"
        f"<p><label>Signed in as <select name='username'>{options}</select></label></p>"
        "<p><button class='approve' type='submit' name='decision' value='approve'>Approve"
        "</button><button type='submit' name='decision' value='deny'>Deny</button></p>"
        "</form>"
    )
    return _page("Approve access", body)


def message_page(title: str, text: str) -> str:
    """A small page that says what happened (approved, denied, expired)."""
    return _page(title, f"<p>{html.escape(text)}</p>")
