"""The demo model gets bounded strings and lists, so grammar-constrained replies always close in time."""

from __future__ import annotations

from pydantic import BaseModel, Field

from core.llm.client import bounded_schema, response_format
from core.llm.registry import ModelSpec


class Item(BaseModel):
    name: str
    level: str = Field("low", json_schema_extra={"enum": ["low", "high"]})


class Reply(BaseModel):
    headline: str = Field("", max_length=50)
    items: list[Item] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)


def test_open_strings_and_lists_get_bounds_and_explicit_bounds_are_kept() -> None:
    schema = bounded_schema(Reply.model_json_schema(), max_chars=100, max_items=3)
    props = schema["properties"]
    assert props["headline"]["maxLength"] == 50
    assert props["items"]["maxItems"] == 3 and props["tags"]["maxItems"] == 3
    assert props["tags"]["items"]["maxLength"] == 100
    item = schema["$defs"]["Item"]["properties"]
    assert item["name"]["maxLength"] == 100
    assert "maxLength" not in item["level"]


def test_only_the_demo_model_gets_the_bounded_schema() -> None:
    schema = Reply.model_json_schema()
    demo = ModelSpec(name="local", base_url="http://x", model="m", structured="json_object_schema", is_demo=True)
    real = ModelSpec(name="real", base_url="http://x", model="m", structured="json_object_schema")
    assert response_format(demo, schema)["schema"]["properties"]["tags"]["maxItems"] == 4  # type: ignore[index]
    assert response_format(real, schema) == {"type": "json_object", "schema": schema}
