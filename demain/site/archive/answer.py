"""Ask the archive: a reader's question, answered in French from published passages, each sentence cited.

    from demain.site.archive.answer import ask
    answer = ask("Combien d'énergie consomme une requête ?")        # ASK_BACKEND, default extractive
    answer = ask(question, backend="openai")                         # or a backend object
    answer.refused, answer.text, answer.sentences[0].citations[0].url, answer.suggestions

1. Retrieval (demain.site.archive.retrieve: full text and embeddings, per passage).
2. The gate: does the archive speak of it? The best cosine of the retrieved
   passages (meaning, across French and English), plus a little of the best
   share of the question's words a passage holds (each weighted by its rarity
   in the archive, IDF), against a threshold per language of the question.
   The thresholds are calibrated by ``demain eval archive --calibrate`` on
   questions no archive can answer (:mod:`demain.site.archive.calibration`),
   never on the shipped question set. Below them: « Les archives n'en parlent
   pas. » and the closest articles as suggestions.
3. ``extractive``: the passages' own best sentences (demain.lib.answering.extractive),
   each citing its passage. ``openai`` / ``local``: the model writes the answer
   citing numbered passages; the grounding checker removes every sentence
   whose figures, quotations or names its cited passages do not support, and
   the answer is refused when none is left. Each model call is recorded in
   the footprint ledger (purpose « question »).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Max

from demain.lib.answering import extractive, model
from demain.lib.answering.text import names, terms
from demain.lib.textsearch import stem
from demain.lib.drafting import DraftingError, TokenBudget, make_backend
from demain.site.links import absolute
from demain.site.models import Passage

REFUSAL = "Les archives n'en parlent pas."
UNSUPPORTED = "Les archives n'en parlent pas. (La réponse rédigée n’a pas pu être vérifiée dans les passages cités.)"
BACKENDS = ("extractive", "openai", "local")
RETRIEVED = 8
SUGGESTIONS = 3
MODEL_PASSAGES = 5
MAX_QUESTION_CHARS = 500
# The refusal gate (see gate()), calibrated by `demain eval archive --calibrate` on questions no
# archive answers (demain/site/archive/calibration.py), never on the shipped question set.
COVERAGE_WEIGHT = 0.05
THRESHOLDS = {"fr": 0.886, "en": 0.833}
COVERAGE_ONLY_MIN = 0.65  # without embeddings


@dataclass
class Citation:
    issue: int
    article: str  # the article's title, or « Éditorial »
    anchor: str
    passage: int  # the Passage's id
    text: str  # the passage's text
    path: str  # /numeros/N/#anchor

    @property
    def url(self) -> str:
        return absolute(self.path)

    def to_dict(self) -> dict:
        return {"issue": self.issue, "article": self.article, "anchor": self.anchor,
                "passage": {"id": self.passage, "text": self.text}, "url": self.url, "path": self.path}


@dataclass
class Sentence:
    text: str
    citations: list[Citation]

    def to_dict(self) -> dict:
        return {"text": self.text, "citations": [c.to_dict() for c in self.citations]}


@dataclass
class Suggestion:
    issue: int
    issue_title: str
    article: str
    path: str

    @property
    def url(self) -> str:
        return absolute(self.path)

    def to_dict(self) -> dict:
        return {"issue": self.issue, "issue_title": self.issue_title, "article": self.article, "url": self.url,
                "path": self.path}


@dataclass
class Answer:
    question: str
    backend: str
    sentences: list[Sentence] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    refused: bool = False
    reason: str = ""  # when refused: no_match, unsupported, empty
    notes: list[str] = field(default_factory=list)  # in French
    removed: list[dict] = field(default_factory=list)  # model sentences the checker removed: {text, reason}
    generations: list = field(default_factory=list)
    prompt_version: str = ""
    evidence: dict = field(default_factory=dict)  # the gate's figures: coverage, cosine

    @property
    def answered(self) -> bool:
        return not self.refused

    @property
    def text(self) -> str:
        if self.refused:
            return UNSUPPORTED if self.reason == "unsupported" else REFUSAL
        return " ".join(s.text for s in self.sentences)

    @property
    def cited_urls(self) -> list[str]:
        return list(dict.fromkeys(c.path for s in self.sentences for c in s.citations))

    def to_dict(self) -> dict:
        return {"question": self.question, "backend": self.backend, "answered": self.answered,
                "answer": self.text, "sentences": [s.to_dict() for s in self.sentences],
                "suggestions": [s.to_dict() for s in self.suggestions], "reason": self.reason,
                "notes": self.notes, "removed": self.removed, "prompt_version": self.prompt_version,
                "evidence": self.evidence}


class AskError(ValueError):
    """A question that cannot be asked (empty, too long), or an unknown backend; message in French."""


# --- The archive's term statistics, computed once per state of the Passage table ----------------

_idf_lock = threading.Lock()
_idf_cache: dict[str, Any] = {"key": None, "idf": None}


def archive_idf() -> extractive.Idf:
    state = Passage.objects.aggregate(last=Max("pk"), when=Max("indexed_at"))
    key = (Passage.objects.count(), state["last"], state["when"])
    with _idf_lock:
        if _idf_cache["key"] != key:
            _idf_cache["idf"] = extractive.Idf.from_texts(Passage.objects.values_list("text", flat=True).iterator())
            _idf_cache["key"] = key
        return _idf_cache["idf"]


# --- Retrieval, through the search package ----------------------------------------------------------

def retrieve(question: str, k: int = RETRIEVED) -> list:
    from demain.site.archive import retrieve as hybrid

    return list(hybrid(question, k=k))


def citation(passage: Passage) -> Citation:
    issue = passage.issue
    article = passage.article.title if passage.article_id and passage.article.title else (
        passage.title or ("Éditorial" if passage.article_id is None else "Article"))
    return Citation(issue.number, article, passage.anchor, passage.pk, passage.text,
                    f"/numeros/{issue.number}/#{passage.anchor}")


def suggestions(passages: list[Passage], limit: int = SUGGESTIONS) -> list[Suggestion]:
    seen, found = set(), []
    for passage in passages:
        key = (passage.issue_id, passage.anchor)
        if key in seen:
            continue
        seen.add(key)
        cited = citation(passage)
        found.append(Suggestion(cited.issue, passage.issue.title, cited.article, cited.path))
        if len(found) == limit:
            break
    return found


def language(question: str) -> str:
    """« fr » or « en »: a question in English is compared across languages, where cosines run lower."""
    import py3langid

    code, _ = py3langid.classify(question)
    return "en" if code == "en" else "fr"


def gate(question: str, hits: list, idf: extractive.Idf) -> dict:
    """The figures the refusal rests on, and the verdict: does the archive speak of it?

    ``coverage``: the best share of the question's weight (IDF) one retrieved passage holds;
    ``cosine``: the best similarity in meaning among the retrieved passages;
    ``score`` = cosine + COVERAGE_WEIGHT × coverage, compared with the threshold of the
    question's language. Without embeddings (none computed yet), coverage alone decides.
    ``unknown``: the names the question asks about (« Quibble-9 », « Ombrelune ») that no passage of
    the archive contains: the archive does not speak of what it never names, whatever the scores.
    """
    wanted = set(terms(question))
    unknown = [name for name in names(question) if not idf.frequencies.get(stem(name))]
    coverage = max((extractive.coverage(wanted, set(terms(f"{h.passage.title} {h.passage.text}")), idf)
                    for h in hits), default=0.0)
    cosines = [h.cosine for h in hits if h.cosine is not None]
    lang = language(question)
    if cosines:
        cosine = max(cosines)
        score = cosine + COVERAGE_WEIGHT * coverage
        speaks = score >= THRESHOLDS[lang]
    else:
        cosine = score = None
        speaks = coverage >= COVERAGE_ONLY_MIN
    return {"coverage": round(coverage, 3), "cosine": None if cosine is None else round(cosine, 3),
            "score": None if score is None else round(score, 3), "language": lang, "unknown": unknown,
            "speaks": speaks and not unknown}


# --- Answering ----------------------------------------------------------------------------------

def clean_question(question: str) -> str:
    question = " ".join(str(question or "").split())
    if not question:
        raise AskError("La question est vide.")
    if len(question) > MAX_QUESTION_CHARS:
        raise AskError(f"La question est trop longue ({len(question)} caractères, {MAX_QUESTION_CHARS} au plus).")
    return question


def backend_name(backend) -> str:
    if backend is None:
        return settings.ASK_BACKEND
    if isinstance(backend, str):
        if backend not in BACKENDS:
            raise AskError(f"Moteur inconnu : « {backend} » ({', '.join(BACKENDS)}).")
        return backend
    return getattr(backend, "name", "model")


def ask(question: str, backend: str | object | None = None) -> Answer:
    """Answer ``question`` from the published archive. ``backend``: a name, a model backend object
    (with ``complete(messages, schema, max_tokens)``), or None for ``ASK_BACKEND``."""
    question = clean_question(question)
    name = backend_name(backend)
    hits = retrieve(question)
    passages = [hit.passage for hit in hits]
    evidence = gate(question, hits, archive_idf())
    answer = Answer(question, name, suggestions=suggestions(passages), evidence=evidence)
    if not evidence["speaks"]:
        answer.refused, answer.reason = True, "no_match"
        return answer
    if name == "extractive":
        return answer_extractively(answer, question, passages)
    return answer_with_model(answer, question, passages, backend)


def answer_extractively(answer: Answer, question: str, passages: list[Passage]) -> Answer:
    by_id = {p.pk: p for p in passages}
    candidates = [extractive.Candidate(p.pk, p.text, rank) for rank, p in enumerate(passages)]
    picked = extractive.pick(question, candidates, archive_idf())
    if not picked:  # the question shares no word with the passages (another language): their lead
        picked = extractive.lead(candidates[0])
    answer.sentences = [Sentence(item.text, [citation(by_id[item.key])]) for item in picked]
    if not answer.sentences:
        answer.refused, answer.reason = True, "no_match"
    return answer


def answer_with_model(answer: Answer, question: str, passages: list[Passage], backend) -> Answer:
    from demain.drafts import ledger
    from demain.drafts.models import Generation

    numbered = [model.Numbered(number, label(passage), passage.text)
                for number, passage in enumerate(passages[:MODEL_PASSAGES], start=1)]
    by_number = {n.number: passages[n.number - 1] for n in numbered}
    owned = isinstance(backend, str)
    chosen = make_backend(backend, settings.ENV) if owned else backend
    answer.prompt_version = model.PROMPT_VERSION
    try:
        messages = model.messages(question, numbered)
        max_tokens = settings.ENV["LLM_MAX_OUTPUT_TOKENS"]
        TokenBudget(settings.ENV["LLM_TOKEN_BUDGET"]).check(messages, max_tokens)
        completion = chosen.complete(messages, model.SCHEMA, max_tokens)
        answer.generations.append(completion.generation)
        written = model.parse(completion.text)
    except (DraftingError, model.InvalidAnswer) as error:
        reason = error.french if isinstance(error, DraftingError) else f"réponse hors du format attendu ({error})"
        answer.notes.append(f"Le modèle n’a pas pu répondre : {reason} Réponse extraite des passages.")
        answer.backend = "extractive"
        return answer_extractively(answer, question, passages)
    finally:
        if owned and hasattr(chosen, "close"):
            chosen.close()
        if answer.generations:
            ledger.record(answer.generations, purpose=Generation.Purpose.QUESTION)
    checked = model.ground(written, numbered)
    answer.removed = [{"text": s.text, "reason": why} for s, why in checked.removed]
    answer.sentences = [Sentence(s.text, [citation(by_number[n]) for n in s.citations]) for s in checked.kept]
    if checked.removed:
        answer.notes.append(f"{len(checked.removed)} phrase(s) retirée(s) : non étayée(s) par les passages cités.")
    if not answer.sentences:
        answer.refused, answer.reason = True, ("unsupported" if written else "no_match")
    return answer


def label(passage: Passage) -> str:
    cited = citation(passage)
    return f"N° {cited.issue}, « {cited.article} »"


def sentence_supported(sentence: Sentence) -> bool:
    """Every figure, quotation and name of the sentence found in its cited passages (the eval's measure)."""
    return model.supported(sentence.text, [(f"{c.issue}#{c.anchor}#{c.passage}", c.text) for c in sentence.citations])
