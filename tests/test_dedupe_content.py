"""Exact and near duplicates (demain.lib.dedupe): pure tests, no database."""

import pytest

from demain.lib.dedupe import (
    THRESHOLD,
    EmptyText,
    NearDuplicateIndex,
    content_hash,
    dump_signature,
    load_signature,
    normalize_text,
    shingles,
    signature,
    similarity,
)

from .dedupe_samples import EN_A, EN_A_EDITED, EN_B, FR_A, FR_A_EDITED, FR_B, PAIRS, syndicated


def test_it_folds_case_accents_punctuation_and_spaces():
    assert normalize_text("  L’IA « CONSOMME »\u202f0,24\u00a0Wh… Été !\n") == "l ia consomme 0 24 wh ete"


def test_it_hashes_the_same_text_written_differently_alike():
    a = "L'IA consomme 0,24 Wh par requête, selon Google."
    b = "l’IA  consomme 0,24\u202fWh par requete — selon GOOGLE"
    assert content_hash(a) == content_hash(b)


def test_it_hashes_different_texts_differently():
    assert content_hash("L'IA consomme 0,24 Wh") != content_hash("L'IA consomme 0,25 Wh")
    assert content_hash("10 € par mois") != content_hash("10 $ par mois")


def test_it_hashes_a_whole_article_and_its_reflowed_copy_alike():
    assert content_hash(FR_A) == content_hash(" ".join(FR_A.split()))
    assert content_hash(FR_A) != content_hash(FR_A_EDITED)


@pytest.mark.parametrize("empty", ["", "   ", " … « » — !"])
def test_it_refuses_to_hash_a_text_without_words(empty):
    with pytest.raises(EmptyText):
        content_hash(empty)


def test_it_refuses_non_text():
    with pytest.raises(TypeError):
        normalize_text(b"bytes")


def test_it_shingles_words_in_threes():
    assert shingles("Un deux, trois quatre") == {"un deux trois", "deux trois quatre"}
    assert shingles("Court") == {"court"}
    assert shingles("") == set()


@pytest.mark.parametrize("label,a,b,duplicate", PAIRS, ids=[p[0] for p in PAIRS])
def test_it_scores_constructed_pairs_on_the_right_side_of_the_threshold(label, a, b, duplicate):
    assert (similarity(a, b) >= THRESHOLD) is duplicate


def test_it_names_earlier_near_duplicates_as_documents_arrive():
    index = NearDuplicateIndex()
    assert index.add("en-a", EN_A) == []
    assert index.add("fr-a", FR_A) == []
    assert index.add("en-b", EN_B) == []
    assert index.add("fr-b", FR_B) == []
    assert [m.key for m in index.add("en-a-wire", syndicated(EN_A, "en"))] == ["en-a"]
    found = index.add("en-a-edited", EN_A_EDITED)
    assert sorted(m.key for m in found) == ["en-a", "en-a-wire"]
    assert all(THRESHOLD <= m.similarity <= 1.0 for m in found)
    assert [m.key for m in index.add("fr-b-wire", syndicated(FR_B, "fr"))] == ["fr-b"]
    assert len(index) == 7 and "fr-b-wire" in index


def test_it_puts_a_document_without_looking_for_its_duplicates_and_refuses_a_key_twice():
    index = NearDuplicateIndex()
    index.put("a", FR_A)
    index.put("a-copy", FR_A)  # no answer, and no check: the caller already knows
    assert sorted(m.key for m in index.query(FR_A_EDITED)) == ["a", "a-copy"]
    with pytest.raises(ValueError, match="already"):
        index.put("a", FR_B)
    index.put("empty", "")  # no words: nothing indexed
    assert len(index) == 2 and "empty" not in index


def test_it_ranks_the_most_similar_first():
    index = NearDuplicateIndex()
    index.add("edited", EN_A_EDITED)
    index.add("same", EN_A)
    found = index.query(EN_A)
    assert [m.key for m in found] == ["same", "edited"]
    assert found[0].similarity == 1.0 > found[1].similarity


def test_it_queries_without_adding():
    index = NearDuplicateIndex()
    index.add("a", FR_A)
    assert [m.key for m in index.query(FR_A_EDITED)] == ["a"]
    assert len(index) == 1


def test_it_ignores_texts_without_words():
    index = NearDuplicateIndex()
    assert index.add("empty", "  — ") == []
    assert index.add("empty-too", "") == []
    assert "empty" not in index and len(index) == 0


def test_it_refuses_a_key_twice_and_forgets_removed_keys():
    index = NearDuplicateIndex()
    index.add("a", FR_A)
    with pytest.raises(ValueError, match="already"):
        index.add("a", FR_B)
    index.remove("a")
    assert index.query(FR_A) == []
    index.add("a", FR_A)  # a removed key can come back


@pytest.mark.parametrize("bad", [0, -0.1, 1.5])
def test_it_refuses_a_threshold_outside_zero_one(bad):
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicateIndex(threshold=bad)


def test_it_rebuilds_an_index_from_stored_signatures():
    stored = {key: dump_signature(signature(text)) for key, text in (("en-a", EN_A), ("fr-b", FR_B))}
    index = NearDuplicateIndex()
    for key, data in stored.items():
        index.add(key, load_signature(data))
    assert [m.key for m in index.add("wire", syndicated(FR_B, "fr"))] == ["fr-b"]
    assert [m.key for m in index.query(signature(EN_A_EDITED))] == ["en-a"]


@pytest.mark.parametrize("bad", [b"", b"not a signature", b"\x00" * 7])
def test_it_refuses_bytes_that_are_not_a_signature(bad):
    with pytest.raises(ValueError, match="signature"):
        load_signature(bad)
