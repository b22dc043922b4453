"""Test kit: what tests/ and bench/ share, and never the product.

Fakes of the outside world that speak the real protocols over loopback (the LLM upstream, Stripe's API),
helpers behind the shared fixtures (users with coins, ready assets, waiting for jobs, the web process and the
browser), and the builders of the corpora (fixture and hostile PDFs, the grounding corpus). Tests and
benchmarks import it; core, db, tasks, ui, pages, infra and Home.py never do (tests/unit/test_import_graph.py).
"""
