"""Fakes for the outside world only (the LLM upstream, Stripe's API); they speak the real wire protocol."""
