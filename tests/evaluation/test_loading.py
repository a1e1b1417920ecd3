"""Reading article-annotations/1 files, folders and articles files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.errors import FormatError, InputPathError
from extractor.evaluation.loading import document_to_json, load_corpus, with_texts
from extractor.evaluation.model import text_sha256
from extractor.evaluation.reading import load_articles

from .helpers import article, ent, rel, write_jsonl

ONE = article([ent("e1", "PERSON", "Len Wiseman")], article_id="one")
TWO = article([ent("e1", "FILM", "Ballerina")], article_id="two")


def test_load_json_object_list_jsonl_and_folder(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps(ONE), encoding="utf-8")
    (tmp_path / "list.json").write_text(json.dumps([ONE, TWO]), encoding="utf-8")
    write_jsonl(tmp_path / "both.jsonl", [ONE, TWO])
    assert [d.id for d in load_corpus(tmp_path / "one.json").documents] == ["one"]
    assert [d.id for d in load_corpus(tmp_path / "list.json").documents] == ["one", "two"]
    loaded = load_corpus(tmp_path / "both.jsonl")
    assert [d.id for d in loaded.documents] == ["one", "two"]
    assert [str(d.source) for d in loaded.documents] == [
        f"{tmp_path / 'both.jsonl'}:1",
        f"{tmp_path / 'both.jsonl'}:2",
    ]

    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "b.json").write_text(json.dumps(TWO), encoding="utf-8")
    write_jsonl(folder / "a.jsonl", [ONE])
    # The pipeline's texts live beside its annotations; they are not annotations.
    write_jsonl(folder / "articles.jsonl", [{"id": "one", "text": "Len Wiseman."}])
    assert [d.id for d in load_corpus(folder).documents] == ["two", "one"]


def test_round_trip_through_json(tmp_path: Path) -> None:
    obj = article(
        [
            ent("e1", "FILM", "Ballerina", mentions=[{"start": 0, "end": 9, "text": "Ballerina"}]),
            ent("d1", "DATE", "2024", value="2024"),
        ],
        [rel("release_date", "e1", "d1", evidence=[{"start": 0, "end": 20}])],
        text="Ballerina opens 2024",
    )
    (document,) = load_corpus(write_jsonl(tmp_path / "a.jsonl", [obj])).documents
    assert document_to_json(document) == obj


def test_missing_path_is_an_input_path_error(tmp_path: Path) -> None:
    with pytest.raises(InputPathError, match="does not exist"):
        load_corpus(tmp_path / "nope.jsonl")


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(ONE) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(FormatError, match=rf"{path}:2: invalid JSON"):
        load_corpus(path)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda o: o.pop("entities"), "entities: required field is missing"),
        (lambda o: o.update(entities={}), "entities: expected a list"),
        (lambda o: o.update(format="article-annotations/2"), "format: expected"),
        (lambda o: o["entities"][0].pop("type"), r"entities\[0\]\.type: required field is missing"),
        (
            lambda o: o["entities"][0].update(mentions=[{"start": "0", "end": 3}]),
            r"entities\[0\]\.mentions\[0\]\.start: expected an integer",
        ),
        (
            lambda o: o["relations"].append({"type": "director", "head": "e1"}),
            r"relations\[0\]\.tail: required field is missing",
        ),
        (
            lambda o: o["entities"].append(ent("e1", "FILM", "Again")),
            r"entities\[1\]\.id: duplicate entity id",
        ),
    ],
)
def test_malformed_article_names_file_line_article_and_field(
    tmp_path: Path, change, field: str
) -> None:
    obj = json.loads(json.dumps(ONE))
    change(obj)
    path = write_jsonl(tmp_path / "pred.jsonl", [TWO, obj])
    with pytest.raises(FormatError, match=rf"{path}:2: article one: {field}"):
        load_corpus(path)


def test_repeated_article_id_is_a_format_error(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "pred.jsonl", [ONE, ONE])
    with pytest.raises(FormatError, match=r"pred.jsonl:2: article one: id: already used at .*:1"):
        load_corpus(path)


def test_texts_are_attached_unless_the_hash_names_another_text(tmp_path: Path) -> None:
    text = "Len Wiseman directs."
    same = dict(ONE, id="same", text_sha256=text_sha256(text))
    other = dict(ONE, id="other", text_sha256="0" * 64)
    plain = dict(ONE, id="plain")
    own = dict(ONE, id="own", text="Its own text.")
    loaded = load_corpus(write_jsonl(tmp_path / "a.jsonl", [same, other, plain, own]))
    texts = {key: text for key in ("same", "other", "plain", "own")}
    attached = {d.id: d.text for d in with_texts(loaded, texts).documents}
    assert attached == {"same": text, "other": None, "plain": text, "own": "Its own text."}


def test_articles_file_must_have_id_and_text(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "articles.jsonl", [{"id": "a", "text": "x"}, {"id": "b"}])
    with pytest.raises(FormatError, match=r"articles.jsonl:2: text: expected a string"):
        load_articles(path)
