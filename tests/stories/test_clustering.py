"""Clustering: lexical signals, French/English grouping on a small labelled set, the window."""

from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from demain.lib.clustering.cluster import Article, Clusterer, Weights, features
from demain.lib.clustering.embed import E5Embedder, EmbeddingCache, embedding_text
from demain.lib.clustering.evaluate import evaluate, load_pages, read_labels
from demain.lib.clustering.text import entities, figure_keys, title_words
from tests.conftest import ROOT

SAMPLE = ROOT / "demain" / "sources" / "sample"


def test_it_finds_the_same_names_in_french_and_english():
    fr = entities("La start-up Orlo Labs a dévoilé Orlo 4. Selon Ines Haverkamp, c'est un tournant.")
    en = entities("Orlo Labs released Orlo 4 on Wednesday. Chief executive Ines Haverkamp said so.")
    assert {"orlo labs", "orlo 4", "ines haverkamp"} <= fr & en
    assert "selon" not in fr and "chief" not in en and "wednesday" not in en


def test_it_leaves_out_the_author_and_the_outlet():
    found = entities("Par Claire Montagnac. Kestrel Compute ferme un site.", exclude=("Claire Montagnac", None))
    assert "claire montagnac" not in found and "kestrel compute" in found


def test_it_keys_figures_alike_across_languages():
    assert figure_keys("1 200 emplois supprimés", "fr") & figure_keys("1,200 jobs cut", "en")
    assert figure_keys("0,24 Wh par requête", "fr") == figure_keys("0.24 Wh per query", "en")
    assert not figure_keys("14,3 milliards de dollars", "fr") & figure_keys("$13.8 billion", "en")


def test_it_folds_title_words():
    assert title_words("Écho : l'Union des éditeurs") == {"echo", "union", "editeurs"}


SMALL_SET = {
    # two events about Orlo Labs in one week, each in French and English
    "harbor-wire--orlo-labs-releases-orlo-4.html": "orlo-4-release",
    "echo-tech--orlo-4-consommation-energie.html": "orlo-4-release",
    "observateur-machines--orlo-4-un-tiers-de-watt-heure.html": "orlo-4-release",
    "anf--editeurs-assignent-orlo-labs.html": "orlo-lawsuit",
    "circuit-ledger--french-publishers-sue-orlo.html": "orlo-lawsuit",
    # two events about Kestrel Compute in one week
    "northbridge--kestrel-aragon-data-centre-water.html": "kestrel-water",
    "gazette-algorithmes--kestrel-centre-donnees-eau-aragon.html": "kestrel-water",
    "daily-compute--kestrel-compute-cuts-1200-jobs.html": "kestrel-layoffs",
    "quotidien-numerique--kestrel-compute-supprime-postes.html": "kestrel-layoffs",
    # French and English with few words in common
    "northbridge--fake-audio-new-brunswick-vote.html": "deepfake-election",
    "observateur-machines--hypertrucage-election-acadie.html": "deepfake-election",
    "signal-noise--aarhus-mammography-ai-trial.html": "mammography-trial",
    "gazette-algorithmes--depistage-sein-essai-danois.html": "mammography-trial",
}


@pytest.fixture(scope="module")
def cache():
    return EmbeddingCache(E5Embedder())


def test_it_groups_french_and_english_articles_and_keeps_same_company_events_apart(tmp_path, cache):
    pages_dir = tmp_path / "pages"
    pages_dir.mkdir()
    for name in SMALL_SET:
        (pages_dir / name).write_bytes((SAMPLE / "pages" / name).read_bytes())
    report = evaluate(load_pages(pages_dir, SMALL_SET), SMALL_SET, cache)
    story_of = {name: story for story, names in report.stories.items() for name in names}
    for event in set(SMALL_SET.values()):
        members = {story_of[name] for name, label in SMALL_SET.items() if label == event}
        assert len(members) == 1, f"{event} split over {members}"
    assert len(report.stories) == len(set(SMALL_SET.values())), "two events merged"
    assert report.language_splits == []
    assert report.scores.f1 == 1.0


def test_it_embeds_each_text_once(cache):
    texts = ["Orlo Labs lance Orlo 4", "Orlo Labs releases Orlo 4"]
    before = cache.misses
    first = cache.embed(texts)
    second = cache.embed(texts + texts[:1])
    assert cache.misses - before == 2
    assert np.allclose(first, second[:2]) and np.allclose(second[0], second[2])
    assert float(first[0] @ first[1]) > 0.9  # one event, two languages


def test_it_keeps_the_cache_on_disk(tmp_path):
    class Counting:
        name = "counting"
        calls = 0

        def embed(self, texts):
            Counting.calls += len(texts)
            return np.ones((len(texts), 4), dtype=np.float32) / 2

    EmbeddingCache(Counting(), tmp_path / "e.sqlite3").embed(["a", "b"])
    again = EmbeddingCache(Counting(), tmp_path / "e.sqlite3").embed(["b", "a", "c"])
    assert Counting.calls == 3 and again.shape == (3, 4)


def article_features(title, text, when, vector):
    return features(Article(id=title, title=title, text=text, published=when), vector)


def test_it_starts_a_new_story_once_the_window_has_passed():
    vector = np.zeros(384, dtype=np.float32)
    vector[0] = 1.0
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    clusterer = Clusterer(Weights(), window=timedelta(days=3))
    text = "Orlo Labs released Orlo 4, said Ines Haverkamp, at 0.24 Wh per query."
    first = clusterer.add("a", article_features("Orlo 4 is out", text, start, vector))
    same_day = clusterer.add("b", article_features("Orlo 4 is out", text, start + timedelta(hours=5), vector))
    later = clusterer.add("c", article_features("Orlo 4 is out", text, start + timedelta(days=9), vector))
    assert first.created and not same_day.created and same_day.story_id == first.story_id
    assert later.created and later.story_id != first.story_id
    assert first.story_id not in clusterer.stories  # evicted: memory holds the window only
    assert set(same_day.parts) == {"embedding", "entities", "figures", "title", "time"}


def test_it_reads_labels_and_refuses_bad_ones(tmp_path):
    from demain.lib.clustering.evaluate import CorpusError

    good = tmp_path / "labels.csv"
    good.write_text("file,story\na.html,e1\nb.html,e1\n")
    assert read_labels(good) == {"a.html": "e1", "b.html": "e1"}
    bad = tmp_path / "bad.csv"
    bad.write_text("page,event\na.html,e1\n")
    with pytest.raises(CorpusError, match="header `file,story`"):
        read_labels(bad)
    twice = tmp_path / "twice.csv"
    twice.write_text("file,story\na.html,e1\na.html,e2\n")
    with pytest.raises(CorpusError, match="labelled twice"):
        read_labels(twice)
    with pytest.raises(CorpusError, match="cannot read"):
        read_labels(tmp_path / "missing.csv")


def test_it_loads_the_model_once_for_every_embedder_and_prefix():
    query, passage = E5Embedder("query"), E5Embedder("passage")
    text = ["Orlo Labs lance Orlo 4, un modèle ouvert"]
    q, p = query.embed(text), passage.embed(text)
    assert query._model is passage._model  # one set of weights in the process
    assert q.shape == p.shape == (1, 384)
    assert not np.allclose(q, p)  # the prefix still differs per call
    assert np.isclose(float(np.linalg.norm(q)), 1.0, atol=1e-3)
