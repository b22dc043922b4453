"""Accounts: who the user is and how they prove it. One module per job:

- credentials: sign-up and sign-in by e-mail and password (sign-in throttled per e-mail and address)
- passwords: the bcrypt hash, its checks and changing the password
- tokens: the signed cookie value that carries a browser session's id
- sessions: browser sessions (opened on sign-in, resolved on every page, closed on sign-out)
- oidc: sign-in through an identity provider
- deletion: deleting an account and every Redis key that names it

The user's language is a preference (core.preferences); admin rights are set by an operator (core.admin).
None of these modules imports Streamlit; pages reach them through ui.session and ui.account_widgets.
"""

from __future__ import annotations
