"""Read articles from JSONL, plain text, HTML pages, folders or stdin.

Every problem (malformed line, missing text, undecodable file, page with no article) is yielded
as an ``InputProblem`` naming the file, line and article id; the rest of the batch goes on.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from . import Article, InputProblem

Item = Union[Article, InputProblem]
MIN_ARTICLE_WORDS = 5  # fewer words than this from a page is navigation, not an article
ARTICLE_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json", ".txt", ".html", ".htm", ".warc", ".warc.gz", ".parquet")


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith((".html", ".htm")):
        return "html"
    if name.endswith((".warc", ".warc.gz", ".parquet")):  # ingest/warc.py, ingest/parquet.py
        return "warc" if ".warc" in name else "parquet"
    return "txt"


def read_jsonl(fh: Iterable[str | bytes], where: str) -> Iterator[Item]:
    """One article per line, streamed; a bad line (not JSON, not UTF-8, no text) is reported and skipped."""
    for lineno, line in enumerate(fh, 1):
        loc = f"{where}:{lineno}"
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield InputProblem(loc, None, f"not UTF-8 (byte {exc.start} of the line); line skipped")
                continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(loc, None, f"malformed JSON ({exc.msg} at column {exc.colno}); line skipped")
            continue
        if not isinstance(rec, dict):
            yield InputProblem(loc, None, "line is not a JSON object; skipped")
            continue
        art_id = rec.get("id")
        art_id = str(art_id) if art_id not in (None, "") else None
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            yield InputProblem(loc, art_id, "article has no text; skipped")
            continue
        if art_id is None:
            art_id = "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
        yield Article(
            id=art_id, text=text, published=_str_or_none(rec.get("published")),
            source=_str_or_none(rec.get("source")), url=_str_or_none(rec.get("url")),
            title=_str_or_none(rec.get("title")),
        )


def _str_or_none(v: object) -> str | None:
    return None if v in (None, "") else str(v)


def html_to_text(html: str) -> str | None:
    """Main article text of a news page, boilerplate removed (trafilatura)."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def read_path(path: Path, published: str | None = None, source: str | None = None) -> Iterator[Item]:
    """Articles in one file (any supported kind)."""
    where = str(path)
    kind = _kind(path)
    if kind == "jsonl":
        # streamed line by line (also through gzip): memory does not grow with the file
        try:
            opener = gzip.open if path.name.endswith(".gz") else open
            with opener(path, "rb") as fh:
                yield from read_jsonl(fh, where)
        except (OSError, EOFError) as exc:
            yield InputProblem(where, None, f"cannot read file: {getattr(exc, 'strerror', None) or exc}")
        return
    if kind in ("warc", "parquet"):
        from .warc import read_archive  # WARC and Parquet: streamed by their own readers
        yield from read_archive(path, kind)
        return
    try:
        raw = _read_bytes(path)
    except OSError as exc:
        yield InputProblem(where, None, f"cannot read file: {exc.strerror or exc}")
        return
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield InputProblem(where, None, f"not UTF-8 (byte {exc.start}); file skipped — convert it with iconv")
        return
    art_id = path.stem
    if kind == "html":
        text = html_to_text(content)
        if not text or len(text.split()) < MIN_ARTICLE_WORDS:
            yield InputProblem(where, art_id, "no article text found in the HTML page; skipped")
            return
    else:
        text = content.strip("\ufeff")
        if not text.strip():
            yield InputProblem(where, art_id, "file is empty; skipped")
            return
    yield Article(id=art_id, text=text, published=published, source=source)


def read_inputs(inputs: Iterable[str], published: str | None = None, source: str | None = None,
                stdin: IO[str] | None = None) -> Iterator[Item]:
    """Articles from files, folders (recursively, sorted) and ``-`` (stdin, JSONL or plain text).

    ``published`` and ``source`` apply to .txt/.html inputs, which carry no metadata.
    """
    for spec in inputs:
        if spec == "-":
            stream = stdin or sys.stdin
            content = stream.read()
            if content.lstrip().startswith("{"):
                yield from read_jsonl(io.StringIO(content), "<stdin>")
            elif content.strip():
                yield Article(id="stdin", text=content, published=published, source=source)
            else:
                yield InputProblem("<stdin>", None, "no input on stdin")
            continue
        path = Path(spec)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(ARTICLE_SUFFIXES))
            if not files:
                yield InputProblem(spec, None, "folder holds no .jsonl/.txt/.html files")
            for f in files:
                yield from read_path(f, published, source)
        elif path.exists():
            yield from read_path(path, published, source)
        else:
            yield InputProblem(spec, None, "no such file or folder")
