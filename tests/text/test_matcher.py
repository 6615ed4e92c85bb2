from marsad.doc import Doc
from marsad.text.matcher import PhraseMatcher


def test_longest_match_with_clitics_on_the_first_word():
    matcher = PhraseMatcher([("قوات النظام", "SYR"), ("قوات", "generic"), ("الميادين", "MAY"),
                             ("تنظيم الدولة الإسلامية", "IS")])
    doc = Doc("وقوات النظام تتقدم داخل الميادين، أحد آخر معاقل تنظيم الدولة الاسلامية وبالميادين")
    found = [(m.payload, doc.text[m.start:m.end]) for m in doc.match(matcher)]
    assert found == [("SYR", "قوات النظام"), ("MAY", "الميادين"), ("IS", "تنظيم الدولة الاسلامية"),
                     ("MAY", "الميادين")]


def test_matches_never_cross_sentences():
    matcher = PhraseMatcher([("دير الزور", "DEZ")])
    doc = Doc("وصلت التعزيزات إلى دير.\nالزور مدينة")
    assert list(doc.match(matcher)) == []


def test_offsets_skip_a_diacritised_proclitic():
    matcher = PhraseMatcher([("الميادين", "MAY")])
    doc = Doc("وَبِالميادين")
    (m,) = doc.match(matcher)
    assert doc.text[m.start:m.end] == "الميادين"


def _naive_match_at(matcher: PhraseMatcher, tokens, i: int, end: int):
    """The specification of match_at, by brute force: every phrase, longest wins, then the most
    literal form of the first token (surface first), then the first registered phrase."""
    best = None
    for rank, form in enumerate(tokens[i].forms):
        for tail, (payload, key) in matcher._tails.get(form, {}).items():
            n = len(tail)
            if i + 1 + n <= end and tuple(t.norm for t in tokens[i + 1:i + 1 + n]) == tail:
                if best is None or n > best[0]:
                    best = (n, rank, key, payload)
    return best


def test_doc_matching_equals_brute_force_on_corpus_sentences():
    """Every shipped cue matcher, run the fast way over real articles, finds exactly the longest,
    leftmost, non-overlapping phrases that trying every phrase at every token finds."""
    import json

    from marsad.lexicon.cues import load_cues

    from .test_corpus_slice import CORPUS, REFERENCE, slice_articles

    if not CORPUS.exists():
        import pytest

        pytest.skip("the shared corpus is missing")
    ids = sorted(json.loads(REFERENCE.read_text(encoding="utf-8"))["doc"])[:40]
    lex = load_cues()
    found = 0
    for text in slice_articles(set(ids)).values():
        doc = Doc(text)
        for matcher in (lex.cues, lex.blockers, lex.clause_breaks, lex.control):
            fast = [(m.token_start, m.token_end, m.key) for m in doc.match(matcher)]
            slow = []
            for s in doc.sentences:
                i = s.token_start
                while i < s.token_end:
                    hit = _naive_match_at(matcher, doc.tokens, i, s.token_end)
                    if hit is None:
                        i += 1
                        continue
                    slow.append((i, i + 1 + hit[0], hit[2]))
                    i += 1 + hit[0]
            assert fast == slow
            found += len(fast)
    assert found > 100, "the slice should hold many cue phrases"


def test_a_phrase_added_after_matching_is_found():
    """The matcher remembers per word what trying it needs; adding a phrase forgets that, so a longer
    phrase registered after a first match wins from then on."""
    matcher = PhraseMatcher([("دير", "monastery")])
    doc = Doc("اشتباكات في دير الزور")
    assert [m.key for m in doc.match(matcher)] == ["دير"]
    matcher.add("دير الزور", "DEZ")
    assert [(m.payload, doc.text[m.start:m.end]) for m in doc.match(matcher)] == [("DEZ", "دير الزور")]
    matcher.add("الزور", "ZOR")  # a one-word phrase: the word after دير is now a phrase of its own too
    assert [m.payload for m in doc.match(matcher)] == ["DEZ"]


def test_one_word_phrase_when_the_next_word_starts_no_longer_one():
    """A clitic form that is a phrase by itself is found when the next word continues no phrase, with its
    offset after the stripped proclitic (وبالرقة → الرقة)."""
    matcher = PhraseMatcher([("الرقة", "RAQ"), ("الرقة الشمالي", "RAQ-N")])
    doc = Doc("قصف وبالرقة الجنوبي")
    (m,) = doc.match(matcher)
    assert (m.payload, doc.text[m.start:m.end], m.token_end - m.token_start) == ("RAQ", "الرقة", 1)


def test_matches_compare_and_hash_by_their_fields():
    """The same phrase found twice in one text gives equal matches, one in a set (as a frozen match did)."""
    matcher = PhraseMatcher([("قوات النظام", "SYR")])
    doc = Doc("قصفت قوات النظام مدينة دوما")
    first, again = list(doc.match(matcher)), list(doc.match(matcher))
    assert first == again and len({*first, *again}) == 1
    assert (first[0].payload, doc.text[first[0].start:first[0].end]) == ("SYR", "قوات النظام")


def test_a_documents_new_words_are_entered_at_once_as_one_by_one():
    """``fill`` enters a document's unseen words in bulk; each entry is what asking for the word alone
    gives (its plan when one of its clitic forms starts a phrase, else None)."""
    from marsad.text.matcher import _StartsCache

    matcher = PhraseMatcher([("قوات النظام", "SYR"), ("الميادين", "MAY"), ("تنظيم الدولة", "IS")])
    doc = Doc("وقوات النظام تقصف بالميادين مواقع تنظيم الدولة قرب الميادين")
    bulk = matcher._starts_cache()
    bulk.fill(doc.token_vocabulary())
    alone = _StartsCache(matcher._first_words, matcher._plan)
    assert set(bulk) == set(doc.token_norms())
    assert {w: bulk[w] for w in bulk} == {w: alone[w] for w in bulk}
    assert bulk["وقوات"] is not None and bulk["بالميادين"] is not None and bulk["تقصف"] is None


def test_lazy_first_words_are_tested_in_bulk_as_one_by_one():
    """The place matcher's first words (``LazyTails``): a form starts a name when a gazetteer name or
    a name registered by hand begins with it, in bulk (``starting``) as word by word (``starts_any``)."""
    from marsad.text.matcher import LazyTails

    tails = LazyTails({"دير": ["دير الزور", "دير حافر"], "الرقه": ["الرقه"]}, {})
    forms = ["دير", "الرقه", "رقه", "حلب", "الزور"]
    assert tails.starting(forms) == {f for f in forms if tails.starts_any([f])} == {"دير", "الرقه"}
    tails["حلب"] = {(): ("حلب", "حلب")}  # registered by hand
    assert tails.starting(forms) == {f for f in forms if tails.starts_any([f])} == {"دير", "الرقه", "حلب"}


def test_words_sharing_a_form_share_its_second_words_until_a_phrase_is_added():
    """القرية، والقرية، بالقرية have the form قريه in common: its phrases' second words are read once, and
    read again after a phrase is added (a longer phrase then starts there)."""
    matcher = PhraseMatcher([("القرية الشرقية", "E"), ("قرية الحمام", "H")])
    doc = Doc("دخلوا القرية الحمام ثم بالقرية الغربية والقرية الشرقية")
    assert [m.payload for m in doc.match(matcher)] == ["H", "E"]  # قرية الحمام after the article stripped
    plans = matcher._plans
    assert plans.seconds["قريه"] == {"الحمام"} and plans.seconds["القريه"] == {"الشرقيه"}
    assert matcher._plan(("بالقريه", "القريه", "قريه"))[1] == {"الحمام", "الشرقيه"}
    matcher.add("قرية الغربية", "W")
    assert "قريه" not in plans.seconds
    assert [m.payload for m in doc.match(matcher)] == ["H", "W", "E"]


def test_a_group_of_matchers_finds_what_each_finds_alone():
    """``MatcherGroup`` (one per-word cache for several matchers) gives, matcher by matcher, what each
    matcher's own ``finditer_doc`` gives, on the shipped cue matchers over corpus articles, and still does
    after a phrase is added to one of them (its cached plans are forgotten)."""
    import json

    from marsad.lexicon.cues import load_cues
    from marsad.text.matcher import MatcherGroup

    from .test_corpus_slice import CORPUS, REFERENCE, slice_articles

    if not CORPUS.exists():
        import pytest

        pytest.skip("the shared corpus is missing")
    ids = sorted(json.loads(REFERENCE.read_text(encoding="utf-8"))["doc"])[:40]
    lex = load_cues()
    matchers = [lex.cues, lex.blockers, lex.clause_breaks, lex.control, lex.sentence_phrases]
    group = MatcherGroup(matchers)
    found = 0
    for text in slice_articles(set(ids)).values():
        doc = Doc(text)
        together = [list(it) for it in group.finditer_doc(doc)]
        assert together == [list(doc.match(m)) for m in matchers]
        found += sum(map(len, together))
    assert found > 100

    a = PhraseMatcher([("دير", "monastery")])
    b = PhraseMatcher([("قوات النظام", "SYR")])
    pair = MatcherGroup([a, b])
    doc = Doc("قصفت قوات النظام اشتباكات في دير الزور")
    assert [[m.key for m in it] for it in pair.finditer_doc(doc)] == [["دير"], ["قوات النظام"]]
    a.add("دير الزور", "DEZ")
    b.add("قصفت", "shelled")
    assert [[m.key for m in it] for it in pair.finditer_doc(doc)] == [["دير الزور"], ["قصفت", "قوات النظام"]]
    assert [[m.key for m in it] for it in pair.finditer_doc(Doc(""))] == [[], []]
