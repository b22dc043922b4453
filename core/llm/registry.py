"""The model registry: which provider, model, cap and prices serve each task kind on each queue.

Modelled on simonw/llm's registry: models are named entries, routes map (queue, task kind) to a name.
Defaults come from the settings (DeepSeek for the paid queue, GLM for the free one, the embedded local model
when no key is set); a JSON file named by MODEL_REGISTRY_FILE replaces them entirely, e.g.

    {"models": {"fake": {"base_url": "http://127.0.0.1:9000/v1", "model": "fake-model", "concurrency": 5}},
     "routes": {"paid": {"*": "fake"}, "free": {"*": "fake"}}}
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from core.config import Settings, get_settings

# How a provider accepts structured output: OpenAI's json_schema, llama.cpp's json_object + schema
# (grammar-constrained), or plain json_object (DeepSeek, GLM) with the schema described in the prompt.
StructuredMode = Literal["json_schema", "json_object_schema", "json_object"]


@dataclass(frozen=True)
class ModelSpec:
    name: str
    base_url: str
    model: str
    api_key_env: str = ""
    concurrency: int = 2
    price_in_per_m: float = 0.0
    price_out_per_m: float = 0.0
    structured: StructuredMode = "json_object"
    is_demo: bool = False
    max_tokens: int = 4096

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

    @property
    def uses_demo_model(self) -> bool:
        return any(self.route(q, "*").is_demo for q in ("paid", "free"))


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
        models["local"] = ModelSpec(
            name="local",
            base_url=s.local_llm_url or f"http://127.0.0.1:{s.local_llm_port}/v1",
            model="smollm2-135m",
            concurrency=s.local_llm_concurrency,
            structured="json_object_schema",
            is_demo=True,
            max_tokens=1024,
        )
        return Registry(models=models, routes={"paid": {"*": "local"}, "free": {"*": "local"}})
    paid = "deepseek" if "deepseek" in models else "glm"
    free = "glm" if "glm" in models else "deepseek"
    return Registry(models=models, routes={"paid": {"*": paid}, "free": {"*": free}})


def _file_registry(path: str) -> Registry:
    with open(path, encoding="utf-8") as fh:
        raw = json.load(fh)
    models = {name: ModelSpec(name=name, **spec) for name, spec in raw["models"].items()}
    return Registry(models=models, routes=raw["routes"])


@lru_cache(maxsize=1)
def get_registry() -> Registry:
    s = get_settings()
    if s.model_registry_file:
        return _file_registry(str(s.model_registry_file))
    return _default_registry(s)
