"""The model registry: which provider, model, cap and prices serve each task kind on each queue.

Modelled on simonw/llm's registry: models are named entries, routes map (queue, task kind) to a name.
Defaults come from the settings (DeepSeek for the paid queue, GLM for the free one, the offline engine when
no key is set); a JSON file named by MODEL_REGISTRY_FILE replaces them entirely, e.g.

    {"models": {"fake": {"base_url": "http://127.0.0.1:9000/v1", "model": "fake-model", "concurrency": 5},
                "offline": {"engine": "offline"}},
     "routes": {"paid": {"*": "fake"}, "free": {"*": "fake", "interview": "offline"}}}

The offline engine (core.offline: code over the document model, no LLM) is a model like any other here, so
routes, caps and job rows treat it the same; it is always available, whatever the file says, as the stand-in
when a provider fails for good.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from core.config import Settings, get_settings
from core.kinds import FORMER_KIND_NAMES

# How a provider accepts structured output: OpenAI's json_schema, llama.cpp's json_object + schema
# (grammar-constrained), or plain json_object (DeepSeek, GLM) with the schema described in the prompt.
StructuredMode = Literal["json_schema", "json_object_schema", "json_object"]
Engine = Literal["llm", "offline"]
OFFLINE = "offline"


@dataclass(frozen=True)
class ModelSpec:
    name: str
    base_url: str = ""
    model: str = ""
    api_key_env: str = ""
    concurrency: int = 2
    price_in_per_m: float = 0.0
    price_out_per_m: float = 0.0
    structured: StructuredMode = "json_object"
    is_demo: bool = False
    max_tokens: int = 4096
    engine: Engine = "llm"

    @property
    def is_offline(self) -> bool:
        return self.engine == OFFLINE

    @property
    def engine_label(self) -> str:
        """What a stored result names as its author: "offline" or the provider's model name."""
        return OFFLINE if self.is_offline else self.model

    def api_key(self) -> str:
        return os.environ.get(self.api_key_env, "") if self.api_key_env else "not-needed"

    def cost(self, tokens_in: int, tokens_out: int) -> float:
        return (tokens_in * self.price_in_per_m + tokens_out * self.price_out_per_m) / 1_000_000


@dataclass(frozen=True)
class Registry:
    models: dict[str, ModelSpec]
    routes: dict[str, dict[str, str]]

    def route(self, queue: str, task_kind: str) -> ModelSpec:
        table = self.routes.get(queue) or self.routes["paid"]
        name = table.get(task_kind) or table["*"]
        return self.models[name]

    def offline(self) -> ModelSpec:
        """The offline engine's spec: the file's own entry if it names one, else the default."""
        for spec in self.models.values():
            if spec.is_offline:
                return spec
        return offline_spec()

    def is_offline(self, task_kind: str) -> bool:
        """True when every queue routes this task kind to the offline engine (it is then free)."""
        return all(self.route(q, task_kind).is_offline for q in ("paid", "free"))

    @property
    def uses_offline_engine(self) -> bool:
        """True when some task runs on the offline engine by default (the pages say so)."""
        names = {name for table in self.routes.values() for name in table.values()}
        return any(self.models[name].is_offline for name in names if name in self.models)


def offline_spec(concurrency: int = 4) -> ModelSpec:
    """Code, not a model: its cap only bounds how many consumer threads compute offline results at once."""
    return ModelSpec(name=OFFLINE, model=OFFLINE, engine="offline", concurrency=concurrency)


def _default_registry(s: Settings) -> Registry:
    models: dict[str, ModelSpec] = {}
    if s.deepseek_api_key:
        models["deepseek"] = ModelSpec(
            name="deepseek",
            base_url=s.deepseek_base_url,
            model=s.deepseek_model,
            api_key_env="DEEPSEEK_API_KEY",
            concurrency=s.deepseek_concurrency,
            price_in_per_m=2.0,
            price_out_per_m=3.0,
            structured="json_object",
        )
    if s.glm_api_key:
        models["glm"] = ModelSpec(
            name="glm",
            base_url=s.glm_base_url,
            model=s.glm_model,
            api_key_env="GLM_API_KEY",
            concurrency=s.glm_concurrency,
            structured="json_object",
        )
    if not models:
        models[OFFLINE] = offline_spec()
        return Registry(models=models, routes={"paid": {"*": OFFLINE}, "free": {"*": OFFLINE}})
    paid = "deepseek" if "deepseek" in models else "glm"
    free = "glm" if "glm" in models else "deepseek"
    return Registry(models=models, routes={"paid": {"*": paid}, "free": {"*": free}})


def _file_registry(path: str) -> Registry:
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    models = {name: ModelSpec(name=name, **spec) for name, spec in raw["models"].items()}
    routes = {
        queue: {FORMER_KIND_NAMES.get(kind, kind): name for kind, name in table.items()}
        for queue, table in raw["routes"].items()
    }  # a file written before a kind was renamed still routes it
    return Registry(models=models, routes=routes)


@lru_cache(maxsize=1)
def get_registry() -> Registry:
    s = get_settings()
    if s.model_registry_file:
        return _file_registry(str(s.model_registry_file))
    return _default_registry(s)


def price_for(task_kind: str) -> int:
    """Coins for one job of this kind: the configured price, or 0 when the offline engine serves it everywhere.

    The offline engine costs nothing to run, so it is free (no debit; paid or free queue as the balance allows).
    A service's price ("match") covers job extraction too, so both must be offline for it to be free.
    """
    return 0 if runs_offline(task_kind) else get_settings().price_for(task_kind)


def runs_offline(task_kind: str) -> bool:
    """True when this kind of job runs on the offline engine whatever the queue ("match": with its extraction)."""
    registry = get_registry()
    kinds = ("extract", "match") if task_kind == "match" else (task_kind,)
    return all(registry.is_offline(kind) for kind in kinds)
