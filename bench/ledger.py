"""Ledger benchmark (issue 3): debits per second on one hot wallet and spread over 100 wallets.

    python -m bench.ledger [--workers 8] [--attempts 600]

Each attempt is what a charging use case does to money: one transaction with `ledger.charge` (a
conditional UPDATE on the wallet row plus an append-only debit entry), committed. The hot wallet holds
fewer coins than there are attempts, so both outcomes are exercised: exactly `balance` attempts must be
paid and the rest routed to the free queue. Spread over 100 wallets the same holds per wallet.

Anomalies (must be 0): a wallet whose balance differs from the sum of its entries, a negative balance or
balance_after anywhere, or a paid-debit count that differs from min(attempts, starting balance) per wallet.
Runs in a throw-away embedded Postgres; no consumer, no LLM.
"""

from __future__ import annotations

import argparse
import random
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass

from bench.harness import BenchStack, emit, percentile, user_with_coins


@dataclass
class Race:
    seconds: float
    tries: Counter[uuid.UUID]
    paid: int
    p95_ms: float


def _race(wallets: list[uuid.UUID], workers: int, attempts: int, seed: int) -> Race:
    """`workers` threads each make `attempts` charges (1 coin) on random wallets of the list."""
    from core import ledger
    from db.session import unit_of_work

    tries: Counter[uuid.UUID] = Counter()
    paid = [0] * workers
    latencies: list[list[float]] = [[] for _ in range(workers)]
    lock = threading.Lock()
    barrier = threading.Barrier(workers + 1)

    def one(n: int) -> None:
        rng = random.Random(seed + n)
        barrier.wait()
        for _ in range(attempts):
            wallet = wallets[rng.randrange(len(wallets))]
            started = time.perf_counter()
            with unit_of_work() as session:
                charge = ledger.charge(session, wallet, 1, job_id=uuid.uuid4(), memo="bench")
            latencies[n].append(time.perf_counter() - started)
            if charge.queue == "paid":
                paid[n] += 1
            with lock:
                tries[wallet] += 1

    threads = [threading.Thread(target=one, args=(n,), daemon=True) for n in range(workers)]
    for t in threads:
        t.start()
    barrier.wait()
    started = time.perf_counter()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    flat = [x for per in latencies for x in per]
    return Race(seconds=seconds, tries=tries, paid=sum(paid), p95_ms=percentile(flat, 95) * 1000)


def _anomalies(wallets: dict[uuid.UUID, int], tries: Counter[uuid.UUID], paid_seen: int) -> int:
    """Count broken promises: reconciliation, negative balances, paid debits that do not add up."""
    from sqlalchemy import func, select

    from core import ledger
    from db.models import LedgerEntry, Wallet
    from db.session import unit_of_work

    bad = 0
    with unit_of_work() as session:
        bad += len(ledger.reconcile(session))
        bad += int(session.scalar(select(func.count()).select_from(Wallet).where(Wallet.balance < 0)) or 0)
        bad += int(
            session.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.balance_after < 0)) or 0
        )
        debits = dict(
            session.execute(
                select(LedgerEntry.user_id, func.count())
                .where(LedgerEntry.kind == "debit", LedgerEntry.user_id.in_(list(wallets)))
                .group_by(LedgerEntry.user_id)
            ).all()
        )
        for wallet, start in wallets.items():
            expected = min(tries[wallet], start)
            if int(debits.get(wallet, 0)) != expected:
                bad += 1
            if ledger.balance(session, wallet) != start - expected:
                bad += 1
    if paid_seen != sum(min(tries[w], s) for w, s in wallets.items()):
        bad += 1
    return bad


def run(workers: int, attempts: int) -> int:
    total_attempts = workers * attempts
    anomalies = 0
    with BenchStack(prefix="bench-ledger-"):
        warm = user_with_coins(50)
        _race([warm], 2, 20, seed=0)  # warm-up: connection pool, statement caches

        hot_balance = total_attempts * 5 // 6  # a sixth of the attempts must find the wallet empty
        hot = user_with_coins(hot_balance)
        r = _race([hot], workers, attempts, seed=1)
        emit("ledger_hot_wallet_workers", workers, "count")
        emit("ledger_hot_wallet_attempts_per_s", total_attempts / r.seconds, "ops/s")
        emit("ledger_hot_wallet_paid_debits_per_s", r.paid / r.seconds, "debits/s")
        emit("ledger_hot_wallet_charge_p95", r.p95_ms, "ms")
        emit("ledger_hot_wallet_paid", r.paid, "count")
        emit("ledger_hot_wallet_routed_free", total_attempts - r.paid, "count")
        hot_anomalies = _anomalies({hot: hot_balance}, r.tries, r.paid)

        per_wallet = 50
        spread = [user_with_coins(per_wallet) for _ in range(100)]
        r = _race(spread, workers, attempts, seed=2)
        emit("ledger_spread_100_wallets_attempts_per_s", total_attempts / r.seconds, "ops/s")
        emit("ledger_spread_100_wallets_paid_debits_per_s", r.paid / r.seconds, "debits/s")
        emit("ledger_spread_100_wallets_charge_p95", r.p95_ms, "ms")
        spread_anomalies = _anomalies(dict.fromkeys(spread, per_wallet), r.tries, r.paid)
        anomalies = hot_anomalies + spread_anomalies
        emit("ledger_anomalies", anomalies, "count")
    return 1 if anomalies else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--attempts", type=int, default=600, help="charges per worker and per scenario")
    args = parser.parse_args(argv)
    return run(args.workers, args.attempts)


if __name__ == "__main__":
    raise SystemExit(main())
