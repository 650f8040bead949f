"""/question/: a reader asks the archive; the answer cites its passages (works without JavaScript).

A plain form, posted with its CSRF token: the question stays out of the
address bar, the history and the request log. ``/question/?q=…`` answers
too, so that an answer can be linked to. Questions are limited per client IP
and per hour (``ASK_RATE_PER_IP``, the public forms' counter in Django's cache,
behind the trusted-proxy reading of the IP); past it, a 429 page in French.
Each question is stored with its time, whether it was answered and the
passages cited: never the IP. The page is never cached.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from demain.audience.abuse import allow
from demain.site.archive.answer import MAX_QUESTION_CHARS, AskError, ask
from demain.site.models import Question


class QuestionForm(forms.Form):
    q = forms.CharField(label="Votre question", max_length=MAX_QUESTION_CHARS, strip=True,
                        error_messages={"required": "Écrivez une question.",
                                        "max_length": "La question est trop longue (%(limit_value)d caractères au plus)."},
                        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "true",
                                                      "placeholder": "Par exemple : que consomme une requête à une IA ?"}))


def question(request: HttpRequest) -> HttpResponse:
    """The form; with a question, the answer (or the refusal and its suggestions) under it."""
    data = request.POST if request.method == "POST" else request.GET
    asked = "q" in data
    form = QuestionForm(data if asked else None)
    answer = None
    if asked:
        if not allow(request, "question", settings.ASK_RATE_PER_IP):
            response = render(request, "site/question_limited.html", status=429)
            response["Retry-After"] = "3600"
            return response
        if form.is_valid():
            try:
                answer = ask(form.cleaned_data["q"])
            except AskError as error:
                form.add_error("q", str(error))
            else:
                Question.objects.create(text=answer.question, answered=answer.answered, citations=answer.cited_urls)
    response = render(request, "site/question.html", {"form": form, "answer": answer})
    add_never_cache_headers(response)
    return response
