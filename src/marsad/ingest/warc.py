"""Read news pages from WARC archives (Common Crawl's CC-NEWS and any crawler's ``.warc(.gz)``).

Each HTTP ``response`` record holding an HTML page becomes an Article: the main text extracted with
trafilatura, kept only when the text is Arabic (identified on the text itself: most of its letters
are Arabic script, whatever the page's declared language), dated from the page's own metadata
(``article:published_time``, JSON-LD, …, via trafilatura/htmldate) or else the crawl date
(``WARC-Date``). The article id derives from the URL, so the same page crawled twice is one article.
Records that are not pages (requests, metadata, images, redirects) and pages that are not Arabic
articles are passed over silently; a record that cannot be read or a page the extractor fails on is
reported as an ``InputProblem`` naming the file, the record's offset and the URL.

Needs ``warcio`` (``pip install warcio``, in the ``spark`` extra).
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import IO, Iterator, Union
from urllib.parse import urlsplit

from . import Article, InputProblem

Item = Union[Article, InputProblem]
MIN_WORDS = 30  # shorter main text is a teaser, a gallery or a navigation page, not an article
MIN_ARABIC_SHARE = 0.6  # of the text's letters
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def arabic_share(text: str) -> float:
    """The share of the letters of ``text`` that are Arabic script (0..1)."""
    letters = arabic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff":
                arabic += 1
    return arabic / letters if letters else 0.0


def is_arabic(text: str) -> bool:
    """Is ``text`` Arabic (language identification by script, which is exact for Arabic vs the
    Latin-script languages CC-NEWS mostly holds; Persian and Urdu pages pass and extract nothing)."""
    return arabic_share(text) >= MIN_ARABIC_SHARE


def article_id(url: str) -> str:
    """A stable article id from the page URL (scheme and fragment ignored)."""
    parts = urlsplit(url.strip())
    key = f"{parts.netloc.lower()}{parts.path}{'?' + parts.query if parts.query else ''}"
    return "warc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def outlet(url: str) -> str | None:
    """The publishing site of a page: its host name without ``www.``."""
    host = urlsplit(url).netloc.lower().split(":")[0]
    return (host[4:] if host.startswith("www.") else host) or None


def decode(payload: bytes, content_type: str | None) -> str:
    """The page as text, in the charset its HTTP header declares (UTF-8 when none; Arabic sites also
    use windows-1256), undecodable bytes replaced."""
    m = re.search(r"charset=[\"']?([\w-]+)", content_type or "", re.I)
    try:
        return payload.decode(m.group(1) if m else "utf-8", errors="replace")
    except LookupError:  # an unknown charset name
        return payload.decode("utf-8", errors="replace")


def may_be_arabic(html: str) -> bool:
    """A cheap test before the costly main-text extraction: does the page hold enough Arabic letters
    to carry an Arabic article at all? (Most of a news crawl does not, and is skipped here.)"""
    return sum(1 for _ in zip(range(3 * MIN_WORDS), _ARABIC_LETTER.finditer(html))) >= 3 * MIN_WORDS


def page_article(html: bytes | str, url: str, warc_date: str | None) -> tuple[Article | None, str | None]:
    """The Article in one HTML page, or ``(None, why not)``: the reason is None for pages that are
    simply not Arabic articles (other languages, teasers, index pages), which a news crawl is mostly
    made of and which are passed over without a report."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, include_tables=False,
                                      favor_precision=True, with_metadata=True)
    if doc is None:
        return None, None
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = (get("text") or "").strip()
    if len(text.split()) < MIN_WORDS:
        return None, None
    if not is_arabic(text):
        return None, None
    published = get("date") or (warc_date[:10] if warc_date else None)
    title = get("title") or None
    return Article(id=article_id(url), text=text, published=published, source=outlet(url), url=url,
                   title=title), None


def read_warc(stream: IO[bytes], where: str) -> Iterator[Item]:
    """Articles of the HTML response records of one WARC stream (gzip or not)."""
    for _, item in iter_warc(stream, where):
        yield item


def iter_warc(stream: IO[bytes], where: str, stripe: tuple[int, int] = (0, 1)) -> Iterator[tuple[int, Item]]:
    """``(response record index, article or problem)`` of one WARC stream.

    ``stripe=(i, n)`` keeps only the response records whose index is ``i`` modulo ``n``, so that ``n``
    tasks can share one large archive without extracting any page twice.
    """
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(stream)
    index = -1
    try:
        for record in it:
            if record.rec_type != "response":
                continue
            index += 1
            if index % stripe[1] != stripe[0]:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            http = record.http_headers
            if http is None or not http.get_statuscode() or not http.get_statuscode().startswith("2"):
                continue
            ctype = (http.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            try:
                payload = record.content_stream().read()
            except Exception as exc:  # truncated or corrupt record: report, go on
                yield index, InputProblem(f"{where}@{it.get_record_offset()}", url or None, f"cannot read the record: {exc}")
                continue
            html = decode(payload, ctype)
            if not may_be_arabic(html):
                continue
            try:
                art, why = page_article(html, url, record.rec_headers.get_header("WARC-Date"))
            except Exception as exc:  # a page trafilatura chokes on must not stop the file
                art, why = None, f"page extraction failed: {type(exc).__name__}: {exc}"
            if art is None and why is not None:
                # (the record's offset is known once its payload is read)
                yield index, InputProblem(f"{where}@{it.get_record_offset()}", article_id(url) if url else None, f"{url}: {why}; skipped")
            elif art is not None:
                yield index, art
    except Exception as exc:  # a corrupt archive: keep what was read, report where it stopped
        yield index + 1, InputProblem(where, None, f"cannot read the WARC file further: {type(exc).__name__}: {exc}")


def read_archive(path: Path, kind: str) -> Iterator[Item]:
    """Articles of a local WARC (``kind="warc"``) or Parquet (``"parquet"``) file, streamed."""
    try:
        with open(path, "rb") as fh:
            if kind == "warc":
                yield from read_warc(fh, str(path))
            else:
                from .parquet import read_parquet
                yield from read_parquet(fh, str(path))
    except OSError as exc:
        yield InputProblem(str(path), None, f"cannot read file: {exc.strerror or exc}")
