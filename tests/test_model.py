"""The Article record and its JSON schema agree."""
import json
from importlib import resources

from dateline.model import Article, BodyBlock, Dropped, RelatedLink


def schema() -> dict:
    return json.loads(resources.files("dateline.resources").joinpath("article.schema.json")
                      .read_text("utf-8"))


def test_to_dict_has_text_and_every_schema_field():
    article = Article(title="T", body=[BodyBlock("paragraph", "One."), BodyBlock("subheading", "Two")],
                      related=[RelatedLink("R", "G")], dropped=[Dropped(3, "x", "teaser")])
    data = article.to_dict()
    assert data["text"] == "One.\n\nTwo"
    assert set(schema()["properties"]) == set(data)
    for name in schema()["required"]:
        assert name in data


def test_schema_validates_an_article():
    jsonschema = __import__("pytest").importorskip("jsonschema")
    article = Article(title="T", published="2024-02-26", body=[BodyBlock("quote", "Q")])
    jsonschema.validate(article.to_dict(), schema())
