"""Reading articles: dates, encodings, markup, junk and duplicates. No model needed."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.errors import InputError
from kg.ingest import clean_text, read_article, read_articles


def test_ingest_date_line_gives_the_date_and_is_not_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2024-04-26 Blinken met Xi in Beijing.\nMore text.", encoding="utf-8")
    article = read_article(path)
    assert article.date == dt.date(2024, 4, 26)
    assert article.text.startswith("Blinken met Xi")
    assert article.doc_id == "a.txt"


@pytest.mark.parametrize("line", [" date 2024-13-45 Text.", " date yesterday Text.", " date 26/04/2024 Text."])
def test_ingest_malformed_date_warns_and_gives_no_date(tmp_path, caplog, line):
    path = tmp_path / "a.txt"
    path.write_text(line, encoding="utf-8")
    article = read_article(path)
    assert article.date is None
    assert article.text.strip() == "Text."
    assert "not YYYY-MM-DD" in caplog.text


def test_ingest_windows_1252_is_read_with_a_warning(tmp_path, caplog):
    path = tmp_path / "a.txt"
    path.write_bytes("Lavrov\u2019s visit to Ankara \u2013 caf\u00e9 talks.".encode("cp1252"))
    assert read_article(path).text == "Lavrov\u2019s visit to Ankara \u2013 caf\u00e9 talks."
    assert "Windows-1252" in caplog.text


def test_ingest_bom_and_crlf_are_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffFirst line.\r\nSecond line.\r\n".encode("utf-8"))
    assert read_article(path).text == "First line.\nSecond line.\n"


def test_ingest_html_gives_its_text_not_its_tags(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("<html><head><script>var x=1;</script></head><body><p>Xi met&nbsp;Biden.</p></body></html>")
    text = read_article(path).text
    assert "Xi met\u00a0Biden." in text and "<p>" not in text and "var x" not in text


@pytest.mark.parametrize("content, reason", [(b"", "empty"), (b"  \n\t ", "empty"), (b"\x00\x01PK\x03", "binary")])
def test_ingest_unusable_files_are_skipped_with_a_reason(tmp_path, content, reason):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("Modi met Putin.")
    corpus = read_articles([tmp_path])
    assert [a.doc_id for a in corpus.articles] == ["good.txt"]
    assert len(corpus.skipped) == 1 and reason in corpus.skipped[0].reason


def test_ingest_identical_texts_are_one_document_with_both_names(tmp_path):
    (tmp_path / "a.txt").write_text("Modi met Putin.")
    (tmp_path / "b.txt").write_text("Modi met Putin.")
    corpus = read_articles([tmp_path])
    assert [(a.doc_id, a.also_named) for a in corpus.articles] == [("a.txt", ("b.txt",))]


def test_ingest_folder_reads_only_txt_unless_named(tmp_path):
    (tmp_path / "a.txt").write_text("Modi met Putin.")
    (tmp_path / "notes.md").write_text("Xi met Biden.")
    assert [a.doc_id for a in read_articles([tmp_path]).articles] == ["a.txt"]
    named = read_articles([tmp_path / "notes.md"])
    assert [a.doc_id for a in named.articles] == ["notes.md"]


def test_ingest_missing_path_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        read_articles([tmp_path / "nope"])


def test_ingest_empty_folder_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no .txt articles"):
        read_articles([tmp_path])


def test_ingest_order_of_inputs_does_not_matter(tmp_path):
    for name in ("b.txt", "a.txt", "c.txt"):
        (tmp_path / name).write_text(f"Text of {name}.")
    forward = read_articles([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"])
    backward = read_articles([tmp_path / "c.txt", tmp_path / "b.txt", tmp_path / "a.txt"])
    assert forward == backward


@pytest.mark.parametrize("raw", ['about China."We have', "to improveU.S. Secretary", "TensionsAmerica's top"])
def test_ingest_keeps_glued_words_as_written(raw):
    """The text is the evidence: glued words are split by the pipeline, not here."""
    assert clean_text(raw) == raw


@pytest.mark.parametrize("raw, tokens, sentences", [
    ('It is about China."We have no illusions," he said.', ["China", ".", '"', "We"], 2),
    ("They met to improveU.S. ties.", ["improve", "U.S.", "ties"], 1),
    ("Geopolitical TensionsAmerica's top diplomat arrived.", ["Tensions", "America", "'s"], 1),
    ("McDonald and DeSantis spoke.", ["McDonald", "and", "DeSantis"], 1),
])
def test_pipeline_splits_glued_words_without_changing_the_text(extractor, raw, tokens, sentences):
    doc = extractor.nlp(raw)
    words = [t.text for t in doc]
    assert doc.text == raw
    assert any(words[i:i + len(tokens)] == tokens for i in range(len(words)))
    assert len(list(doc.sents)) == sentences


def test_kb_norway_keeps_its_extras():
    # regression: an unquoted NO key in countries.yaml was read as false and Norway lost its capital
    from kg.kb import load_kb

    kb = load_kb()
    assert kb.entries["country/norway"].capitals == ("Oslo",)
    assert kb.entries["country/norway"].entity.wikidata == "Q20"


def _jsonl(path, *lines: str):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_jsonl_lines_are_articles_with_date_url_and_title(tmp_path):
    _jsonl(tmp_path / "crawl.jsonl",
           '{"id": "a1", "text": "Blinken met Xi in Beijing.", "date": "2024-04-26T08:00:00Z",'
           ' "url": "https://news.example/a1", "title": "Talks in Beijing"}',
           '{"id": 7, "text": "Lavrov met Fidan."}')
    corpus = read_articles([tmp_path / "crawl.jsonl"])
    first, second = corpus.articles
    assert (first.doc_id, first.date, first.url) == ("7", None, None)
    assert second.doc_id == "a1" and second.date == dt.date(2024, 4, 26)
    assert second.url == "https://news.example/a1"
    assert second.text == "Talks in Beijing\nBlinken met Xi in Beijing."
    assert corpus.skipped == ()


def test_ingest_jsonl_bad_lines_are_skipped_with_their_line_number(tmp_path):
    path = _jsonl(tmp_path / "crawl.jsonl",
                  '{"id": "ok", "text": "Modi met Putin."}',
                  '{"id": "cut", "text": "Modi met',
                  '["not", "an", "object"]',
                  '{"id": "no-text"}',
                  '{"text": "no id"}')
    corpus = read_articles([path])
    assert [a.doc_id for a in corpus.articles] == ["ok"]
    assert [(s.path, s.reason.split(" (")[0]) for s in corpus.skipped] == [
        (f"{path}:2", "not JSON"), (f"{path}:3", "expected an object with id and text"),
        (f"{path}:4", "no text"), (f"{path}:5", "no id")]


def test_ingest_jsonl_in_a_folder_and_a_file_url(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Modi met Putin in Moscow.", encoding="utf-8")
    _jsonl(tmp_path / "in" / "crawl.jsonl", '{"id": "b", "text": "Lavrov met Fidan."}')
    assert [a.doc_id for a in read_articles([tmp_path / "in"]).articles] == ["a.txt", "b"]
    by_url = read_articles([(tmp_path / "in" / "crawl.jsonl").as_uri(), (tmp_path / "in" / "a.txt").as_uri()])
    assert [(a.doc_id, a.text) for a in by_url.articles] == [("a.txt", "Modi met Putin in Moscow."),
                                                             ("b", "Lavrov met Fidan.")]


def test_ingest_missing_file_url_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_articles([(tmp_path / "nope.jsonl").as_uri()])
