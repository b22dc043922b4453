"""Provider profiles for the fake upstream: how long a real model takes to start and how fast it writes.

A benchmark against an upstream that answers in 300 ms with instant tokens hides every wait a user feels
(issue 21). A profile draws, per request, a first-token delay (log-normal around the median) and a token rate
(normal around the median, clipped), so figures show the spread a provider's own latency has.

Defaults are approximate, from published figures we know (no browsing while writing this; re-check them):
- DeepSeek-V3 `deepseek-chat` on api.deepseek.com: time to first token about 1-3 s (median ~1.5 s, with long tails
  at busy hours), about 20-35 output tokens/s. Sources: DeepSeek API docs (the "rate limit" page says requests
  may wait under load), Artificial Analysis' DeepSeek-V3 provider page (TTFT and output-speed charts, 2025).
- GLM-4.5-Flash on open.bigmodel.cn (the free tier): first token about 0.6-1.2 s, about 40-60 tokens/s.
  Sources: Zhipu's GLM-4.5 release notes (speed claims for the Air/Flash tier), Artificial Analysis' GLM-4.5 page.
The fake's tokens are 4-character pieces, so a rate in tokens/s here is pieces/s.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class ModelProfile:
    """One model's timing: median first-token delay with a log-normal spread, median rate with a normal one."""

    name: str
    first_token_s: float
    first_token_sigma: float  # of log(delay): 0.35 puts p95 at ~1.8x the median
    tokens_per_s: float
    tokens_per_s_spread: float  # standard deviation as a share of the median
    source: str = ""

    def draw(self, rng: random.Random) -> tuple[float, float]:
        """(first-token delay in s, interval between tokens in s) for one request."""
        delay = self.first_token_s * math.exp(rng.gauss(0.0, self.first_token_sigma))
        rate = self.tokens_per_s * (1.0 + rng.gauss(0.0, self.tokens_per_s_spread))
        rate = min(max(rate, self.tokens_per_s * 0.5), self.tokens_per_s * 1.5)
        return delay, 1.0 / rate

    def first_token_p95(self) -> float:
        """The profile's own p95 of the first-token delay (what a figure is held against)."""
        return self.first_token_s * math.exp(1.645 * self.first_token_sigma)


DEEPSEEK_CHAT = ModelProfile(
    "deepseek-chat", 1.5, 0.35, 30.0, 0.15, "approximate: DeepSeek API docs; Artificial Analysis DeepSeek-V3 (2025)"
)
GLM_45_FLASH = ModelProfile(
    "glm-4.5-flash", 0.9, 0.3, 50.0, 0.15, "approximate: Zhipu GLM-4.5 release; Artificial Analysis GLM-4.5 (2025)"
)
# The issue's side-by-side with the peer: first token after 1.0 s, then 40 tokens/s, no spread.
ISSUE_LOOP = ModelProfile("issue-21-loop", 1.0, 0.0, 40.0, 0.0, "issue 21's measurement against Resume-Matcher")

# Profiles by name, each mapping the fake's model names (paid route, free route) to a model's timing.
PROFILES: dict[str, dict[str, ModelProfile]] = {
    "realistic": {"fake-paid": DEEPSEEK_CHAT, "fake-free": GLM_45_FLASH},
    "issue": {"fake-paid": ISSUE_LOOP, "fake-free": ISSUE_LOOP},
}


def profile(name: str) -> dict[str, ModelProfile]:
    """The named profile; KeyError names the ones that exist."""
    if name not in PROFILES:
        raise KeyError(f"no provider profile {name!r}; known: {sorted(PROFILES)}")
    return PROFILES[name]
