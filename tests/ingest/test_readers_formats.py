"""Each supported format becomes articles with the right text and metadata."""

from __future__ import annotations

import hashlib
import json

from extractor.ingest import Article


def test_txt_text_is_file_content_without_title_or_date(write, ingest_article):
    path = write("ballerina.txt", "Ballerina | Everything We Know\n\nAna de Armas stars.\n")

    article = ingest_article(path)

    assert article.text == "Ballerina | Everything We Know\n\nAna de Armas stars.\n"
    assert article.title is None
    assert article.published is None
    assert article.url is None
    assert article.emphasis == ()
    assert article.source == str(path)


def test_text_sha256_is_digest_of_utf8_text(write, ingest_article):
    article = ingest_article(write("a.txt", "Zoë Saldaña’s film"))

    assert article.text_sha256 == hashlib.sha256("Zoë Saldaña’s film".encode()).hexdigest()


def test_markdown_front_matter_gives_metadata_and_body_is_text(write, ingest_article):
    path = write(
        "notes/dune.md",
        "---\n"
        "id: dune-part-three\n"
        "title: 'Dune: Part Three dated'\n"
        "published: 2025-01-14\n"
        "url: https://example.com/dune\n"
        "---\n"
        "\n"
        "Legendary has dated *Dune: Part Three*.\n",
    )

    article = ingest_article(path)

    assert article.id == "dune-part-three"
    assert article.title == "Dune: Part Three dated"
    assert article.published == "2025-01-14"
    assert article.url == "https://example.com/dune"
    assert article.text == "Legendary has dated *Dune: Part Three*.\n"


def test_markdown_without_front_matter_is_all_text(write, ingest_article):
    article = ingest_article(write("plain.md", "# Heading\n\nBody text.\n"))

    assert article.text == "# Heading\n\nBody text.\n"
    assert article.id == "plain"
    assert article.title is None


def test_markdown_leading_rule_with_prose_is_not_front_matter(write, ingest_article):
    text = "---\nJust a line of prose between rules.\n---\nMore prose.\n"

    article = ingest_article(write("rules.md", text))

    assert article.text == text


def test_markdown_invalid_yaml_front_matter_is_a_failure(write, ingest_failure):
    failure = ingest_failure(write("bad.md", "---\ntitle: [unclosed\n---\nBody.\n"))

    assert "front matter is not valid YAML" in failure.reason


def test_markdown_unquoted_colon_failure_says_where_and_how_to_fix(write, ingest_failure):
    path = write("colon.md", "---\nid: x\ntitle: Oscars 2025: Anora wins\n---\nBody.\n")

    failure = ingest_failure(path)

    assert failure.reason == (
        "the front matter is not valid YAML (mapping values are not allowed here on line 3 "
        "of the file); quote values that contain ': '"
    )


def test_markdown_with_only_front_matter_is_a_failure(write, ingest_failure):
    failure = ingest_failure(write("empty.md", "---\ntitle: Nothing\n---\n\n"))

    assert failure.reason == "the file has no text after its front matter"


def test_markdown_published_datetime_is_reduced_to_date(write, ingest_article):
    path = write("t.md", "---\npublished: 2023-04-05T23:30:00-05:00\n---\nText.\n")

    assert ingest_article(path).published == "2023-04-05"


def test_markdown_unparsable_date_keeps_article_without_date(write, ingest_article, caplog):
    path = write("t.md", "---\npublished: some time in spring\n---\nText.\n")

    article = ingest_article(path)

    assert article.published is None
    assert "some time in spring" in caplog.text


def test_json_single_object(write, ingest_article):
    record = {
        "id": "a1",
        "text": "Greta Gerwig directed Barbie.",
        "title": "Barbie",
        "published": "2023-07-21T08:00:00Z",
        "url": "https://example.com/barbie",
        "category": "film",
    }
    path = write("one.json", json.dumps(record))

    article = ingest_article(path)

    assert article == Article(
        id="a1",
        text="Greta Gerwig directed Barbie.",
        title="Barbie",
        published="2023-07-21",
        url="https://example.com/barbie",
        source=str(path),
    )


def test_json_list_items_have_index_sources(write, ingest):
    path = write(
        "many.json",
        json.dumps([{"id": "x", "text": "First."}, {"id": "y", "text": "Second."}]),
    )

    results = ingest(path)

    assert [(r.id, r.text, r.source) for r in results] == [
        ("x", "First.", f"{path}#0"),
        ("y", "Second.", f"{path}#1"),
    ]


def test_jsonl_records_have_line_sources(write, ingest):
    path = write(
        "feed.jsonl",
        '{"id": "a", "text": "Alpha."}\n\n{"id": "b", "text": "Beta.", "title": "B"}\n',
    )

    results = ingest(path)

    assert [(r.id, r.text, r.title, r.source) for r in results] == [
        ("a", "Alpha.", None, f"{path}:1"),
        ("b", "Beta.", "B", f"{path}:3"),
    ]


def test_html_page_gives_main_text_and_metadata(write, ingest_article):
    path = write(
        "page.html",
        "<html><head><title>Site | Oppenheimer review</title>"
        '<meta property="article:published_time" content="2023-07-20T10:00:00+01:00">'
        "</head><body><nav><a href='/'>Home</a> <a href='/film'>Film</a></nav>"
        "<article><h1>Oppenheimer review</h1>"
        "<p>Christopher Nolan directs Cillian Murphy in a three-hour biopic.</p>"
        "<p>Universal Pictures releases the film worldwide this week.</p></article>"
        "<footer>Copyright Example Media</footer></body></html>",
    )

    article = ingest_article(path)

    assert article.text == (
        "Oppenheimer review\n"
        "Christopher Nolan directs Cillian Murphy in a three-hour biopic.\n"
        "Universal Pictures releases the film worldwide this week."
    )
    assert article.title == "Oppenheimer review"
    assert article.published == "2023-07-20"
    assert article.id == "page"


def test_htm_extension_is_read_as_html(write, ingest_article):
    path = write(
        "old.htm",
        "<html><body><article><p>Martin Scorsese directed Killers of the Flower Moon "
        "for Apple Original Films.</p></article></body></html>",
    )

    article = ingest_article(path)

    assert article.text == (
        "Martin Scorsese directed Killers of the Flower Moon for Apple Original Films."
    )


def test_uppercase_extension_is_supported(write, ingest_article):
    assert ingest_article(write("LOUD.TXT", "Shouted text.")).text == "Shouted text."


def test_folder_ignores_unsupported_and_hidden_files(write, ingest, tmp_path):
    write("corpus/keep.txt", "Kept.")
    write("corpus/image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write("corpus/notes.docx", "not read")
    write("corpus/.hidden.txt", "Hidden file.")
    write("corpus/.drafts/draft.txt", "Hidden folder.")

    results = ingest(tmp_path / "corpus")

    assert [(r.id, r.text) for r in results] == [("keep", "Kept.")]


def test_explicit_unsupported_file_is_a_failure(write, ingest_failure):
    path = write("scan.pdf", b"%PDF-1.4")

    failure = ingest_failure(path)

    assert failure.source == str(path)
    assert "unsupported file type '.pdf'" in failure.reason


def test_folder_order_is_sorted_and_repeatable(write, ingest, tmp_path):
    for name in ["b.txt", "a/z.txt", "a.txt", "c/a.md", "A.txt"]:
        write(f"corpus/{name}", f"Text of {name}.")

    first = [r.source for r in ingest(tmp_path / "corpus")]
    second = [r.source for r in ingest(tmp_path / "corpus")]

    corpus = str(tmp_path / "corpus")
    assert first == [
        f"{corpus}/A.txt",
        f"{corpus}/a/z.txt",
        f"{corpus}/a.txt",
        f"{corpus}/b.txt",
        f"{corpus}/c/a.md",
    ]
    assert second == first


def test_source_keeps_the_path_as_given(write, ingest, tmp_path, monkeypatch):
    write("corpus/sub/x.txt", "Some text.")
    monkeypatch.chdir(tmp_path)

    results = ingest("corpus/")

    assert [r.source for r in results] == ["corpus/sub/x.txt"]


def test_inputs_are_read_in_the_order_given(write, ingest):
    second = write("b.txt", "Second.")
    first = write("a.txt", "First.")

    results = ingest(second, first)

    assert [r.id for r in results] == ["b", "a"]
    assert all(isinstance(r, Article) for r in results)


def test_a_lone_path_is_one_input(write):
    from extractor.ingest import iter_articles

    path = write("solo.txt", "Alone.")

    assert [r.id for r in iter_articles(str(path))] == ["solo"]
    assert [r.id for r in iter_articles(path)] == ["solo"]
