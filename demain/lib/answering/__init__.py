"""Answering a reader's question from the archive's passages: pure code (no Django).

- text.py: content words (stemmed, accent-free) and sentences of a passage;
- extractive.py: the passages' own best sentences for a question (IDF-weighted coverage);
- model.py: the prompt for a model, its JSON answer, and the grounding check of every sentence.

demain.site.archive.answer puts them together with retrieval and the database.
"""
