"""Read articles from JSONL, plain text, HTML pages, folders or stdin.

Every problem (malformed line, missing text, undecodable file, page with no article) is yielded
as an ``InputProblem`` naming the file, line and article id; the rest of the batch goes on.
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import re
import sys
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence, Union

from . import (MAX_ARTICLE_CHARS, MAX_ID_CHARS, Article, InputProblem, check_published, clean_text,
               limit_text)

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


def read_jsonl(fh: Iterable[str | bytes], where: str, published_from: Sequence[str] = ()) -> Iterator[Item]:
    """One article per line, streamed; a bad line (not JSON, not UTF-8, too deep, no text, an id that
    is not text) is reported and skipped; a bad optional field is reported and dropped."""
    for lineno, line in enumerate(fh, 1):
        loc = f"{where}:{lineno}"
        unpaired = True  # whether a string of the record may hold a lone surrogate
        if isinstance(line, bytes):
            # decoded here, strictly: a lone surrogate can then come only from a "\\udXXX" escape of the JSON
            unpaired = b"\\u" in line and (b"\\ud" in line or b"\\uD" in line)  # most lines hold no escape
            try:
                line = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield InputProblem(loc, None, f"not UTF-8 (byte {exc.start} of the line); line skipped")
                continue
        if not line or line.isspace():  # (``not line.strip()`` without copying the line)
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(loc, None, f"malformed JSON ({exc.msg} at column {exc.colno}); line skipped")
            continue
        except RecursionError:
            yield InputProblem(loc, None, "JSON nested too deeply; line skipped")
            continue
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            yield InputProblem(loc, None, f"unreadable JSON ({exc}); line skipped")
            continue
        if not isinstance(rec, dict):
            yield InputProblem(loc, None, "line is not a JSON object; skipped")
            continue
        yield from article_from_record(rec, loc, published_from=published_from, surrogates=unpaired)


def article_from_record(rec: dict[str, Any], where: str, published: str | None = None,
                        source: str | None = None, published_from: Sequence[str] = (),
                        surrogates: bool = True) -> Iterator[Item]:
    """The Article of one JSON record, preceded by a warning for each field dropped or mended;
    or one skipping problem when the record has no usable text or id. ``published_from`` entries
    ``field:NAME`` date an undated record from the first YYYY-MM-DD in its field NAME. ``surrogates``
    False says that no string of the record holds a lone surrogate (its text is not searched for one)."""
    mend = clean_text if surrogates else _as_is
    raw_id = rec.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, type(None))):
        shown = json.dumps(raw_id, ensure_ascii=False, default=str)[:40]
        yield InputProblem(where, None, f"id {shown} is {type(raw_id).__name__}; an id must be text or a whole "
                                        "number; skipped")
        return
    art_id = mend(str(raw_id).strip())[0] if raw_id is not None else ""
    if len(art_id) > MAX_ID_CHARS:
        yield InputProblem(where, art_id[:40] + "…", f"id of {len(art_id)} characters (at most {MAX_ID_CHARS}); skipped")
        return
    text = rec.get("text")
    if not isinstance(text, str) or not text or text.isspace():
        yield InputProblem(where, art_id or None, "article has no text; skipped")
        return
    warnings: list[str] = []
    text, n_sur = mend(text)
    if n_sur:
        warnings.append(f"{n_sur} lone surrogate(s) in the text replaced by U+FFFD")
    if not art_id:
        art_id = "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    text, cut = limit_text(text)
    if cut:
        warnings.append(f"text longer than {MAX_ARTICLE_CHARS:,} characters; cut to {len(text):,}")
    fields: dict[str, str | None] = {}
    for name in ("source", "url", "title"):
        v = rec.get(name)
        if isinstance(v, (int, float)) and not isinstance(v, bool) and name != "url":
            v = str(v)
        if v is not None and not isinstance(v, str):
            warnings.append(f"'{name}' is {type(v).__name__}, not text; dropped")
            v = None
        if isinstance(v, str):
            v, n = mend(v.strip())
            if n:
                warnings.append(f"{n} lone surrogate(s) in '{name}' replaced by U+FFFD")
        fields[name] = v or None
    pub, why = check_published(rec.get("published"))
    if why:
        warnings.append(why)
    if pub is None:
        for how in published_from:
            if how.startswith("field:"):
                pub = date_in_text(rec.get(how[6:]))
                if pub:
                    rec = dict(rec, published=pub)
                    break
    for w in warnings:
        yield InputProblem(where, art_id, w, skipped=False)
    yield Article(id=art_id, text=text, published=pub if "published" in rec else published,
                  source=fields["source"] if "source" in rec else source, url=fields["url"], title=fields["title"],
                  where=where)


def _as_is(value: str) -> tuple[str, int]:
    """``clean_text`` of a string known to hold no lone surrogate."""
    return value, 0


def html_to_text(html: str) -> str | None:
    """Main article text of a news page, boilerplate removed (trafilatura)."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)


def html_metadata(html: str) -> dict[str, str | None]:
    """``{url, date, title}`` the page declares (canonical link, ``article:published_time`` …)."""
    try:
        from trafilatura import extract_metadata

        meta = extract_metadata(html)
    except Exception:  # metadata is a bonus: a page trafilatura cannot parse still gives its text
        return {}
    if meta is None:
        return {}
    return {"url": getattr(meta, "url", None), "date": getattr(meta, "date", None),
            "title": getattr(meta, "title", None)}


PUBLISHED_FROM = ("url", "html", "mtime", "field:NAME")
_ISO_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_text(value: Any) -> str | None:
    """The first real YYYY-MM-DD day written in ``value`` (e.g. a crawl record's
    ``"…/dataset/2015-07-21.zip"``), or None."""
    from .. import parse_published

    if not isinstance(value, str):
        return None
    for m in _ISO_DAY.finditer(value):
        if parse_published(m[0]) is not None:
            return m[0]
    return None
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_url(url: str | None) -> str | None:
    """The publication day many news sites write into their URLs (``/2017/10/12/``, ``-2017-10-12-``,
    ``/20171012/``), as YYYY-MM-DD; None when the URL holds no such date or it is not a real day."""
    from .. import parse_published

    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1]
    path = path[path.find("/"):] if "/" in path else ""  # not the host name
    for m in _URL_DATE.finditer(path):
        day = f"{m[1]}-{m[3]}-{m[4]}"
        if parse_published(day) is not None:
            return day
    return None


def _read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def read_path(path: Path, published: str | None = None, source: str | None = None,
              published_from: Sequence[str] = ()) -> Iterator[Item]:
    """Articles in one file (any supported kind)."""
    where = str(path)
    kind = _kind(path)
    if kind == "jsonl":
        # streamed line by line (also through gzip): memory does not grow with the file
        try:
            opener = gzip.open if path.name.endswith(".gz") else open
            with opener(path, "rb") as fh:
                yield from _dated(read_jsonl(fh, where, published_from), published_from, path)
        except (OSError, EOFError) as exc:
            yield InputProblem(where, None, f"cannot read file: {getattr(exc, 'strerror', None) or exc}")
        return
    if kind in ("warc", "parquet"):
        from .warc import read_archive  # WARC and Parquet: streamed by their own readers
        yield from read_archive(path, kind)
        return
    try:
        raw = _read_bytes(path)
    except (OSError, EOFError) as exc:
        yield InputProblem(where, None, f"cannot read file: {getattr(exc, 'strerror', None) or exc}")
        return
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield InputProblem(where, None, f"not UTF-8 (byte {exc.start}); file skipped — convert it with iconv")
        return
    rec: dict[str, Any] = {"id": path.stem, "published": published, "source": source}
    if kind == "html":
        text = html_to_text(content)
        if not text or len(text.split()) < MIN_ARTICLE_WORDS:
            yield InputProblem(where, path.stem, "no article text found in the HTML page; skipped")
            return
        meta = html_metadata(content)
        rec["url"] = meta.get("url")
        rec["title"] = meta.get("title")
        if not published and "html" in published_from and meta.get("date"):
            rec["published"] = meta["date"]
    else:
        text = content.strip("\ufeff")
        if not text.strip():
            yield InputProblem(where, path.stem, "file is empty; skipped")
            return
    rec["text"] = text
    yield from _dated(article_from_record(rec, where), published_from, path)


def _dated(items: Iterable[Item], published_from: Sequence[str], path: Path | None) -> Iterator[Item]:
    """Fill an undated article's ``published`` from the first of ``published_from`` that gives one:
    ``url`` (a date in the article's URL), ``mtime`` (the file's modification day: when it was crawled)."""
    if not published_from:
        yield from items
        return
    mtime = None
    for item in items:
        if isinstance(item, Article) and not item.published:
            for how in published_from:
                day = None
                if how == "url":
                    day = date_from_url(item.url)
                elif how == "mtime" and path is not None:
                    if mtime is None:
                        try:
                            mtime = dt.datetime.fromtimestamp(path.stat().st_mtime).date().isoformat()
                        except OSError:
                            mtime = ""
                    day = mtime or None
                if day:
                    item.published = day
                    break
        yield item


def _read_stdin(stream: IO[str] | IO[bytes] | None, published_from: Sequence[str] = ()) -> Iterator[Item]:
    """JSONL or one plain-text article from stdin; bytes are decoded here, so a non-UTF-8 line is a
    reported problem instead of a crash of the whole run."""
    if stream is None:
        stream = getattr(sys.stdin, "buffer", sys.stdin)
    content = stream.read()
    if isinstance(content, bytes):
        head = content.lstrip()[:1]
        if head == b"{":
            yield from read_jsonl(content.splitlines(), "<stdin>", published_from)
            return
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield InputProblem("<stdin>", None, f"not UTF-8 (byte {exc.start}); input skipped — convert it with iconv")
            return
    if content.lstrip().startswith("{"):
        yield from read_jsonl(io.StringIO(content), "<stdin>", published_from)
    elif content.strip():
        yield from article_from_record({"id": "stdin", "text": content}, "<stdin>")
    else:
        yield InputProblem("<stdin>", None, "no input on stdin")


def read_inputs(inputs: Iterable[str], published: str | None = None, source: str | None = None,
                stdin: IO[str] | IO[bytes] | None = None, published_from: Sequence[str] = ()) -> Iterator[Item]:
    """Articles from files, folders (recursively, sorted) and ``-`` (stdin, JSONL or plain text).

    ``published`` and ``source`` apply to .txt/.html inputs and plain text on stdin, which carry no
    metadata. ``published_from`` (any of ``PUBLISHED_FROM``, in order of trust) dates the articles
    that have no ``published``: from their URL, their HTML page's metadata or the file's time.
    """
    for how in published_from:
        if how not in PUBLISHED_FROM and not (how.startswith("field:") and len(how) > 6):
            raise ValueError(f"published_from: {how!r} is not one of {', '.join(PUBLISHED_FROM)}")
    for spec in inputs:
        if spec == "-":
            items = _read_stdin(stdin, published_from)
            if published or source:
                items = (_defaults(i, published, source) for i in items)
            yield from _dated(items, published_from, None)
            continue
        path = Path(spec)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(ARTICLE_SUFFIXES))
            if not files:
                yield InputProblem(spec, None, "folder holds no .jsonl/.txt/.html files")
            for f in files:
                yield from read_path(f, published, source, published_from)
        elif path.exists():
            yield from read_path(path, published, source, published_from)
        else:
            yield InputProblem(spec, None, "no such file or folder")


def _defaults(item: Item, published: str | None, source: str | None) -> Item:
    """Plain text on stdin takes ``--published``/``--source`` (JSONL records keep their own)."""
    if isinstance(item, Article) and item.id == "stdin" and item.where == "<stdin>":
        if published and not item.published:
            item.published = check_published(published)[0]
        if source and not item.source:
            item.source = source
    return item
