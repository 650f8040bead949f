"""Admin forms for issues: lint findings shown under the fields they concern, sources as text."""

from __future__ import annotations

import re
from collections import defaultdict

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.html import format_html, format_html_join

from demain.lib.houseformat import Finding, ParsedSource
from demain.lib.houseformat.sources import format_source_line, parse_source_line

from .models import AppReview, Article, ArticleSource, Issue

SEVERITY = {"error": "Erreur", "warning": "Attention"}
PARAGRAPH = re.compile(r", (paragraphe \d+)$")
SOURCE_LABEL_MAX = ArticleSource._meta.get_field("label").max_length


def findings_html(findings: list[Finding], with_location: bool = False):
    rows = ((f.severity, f"{SEVERITY[f.severity]} :", where(f, with_location), f.message) for f in findings)
    return format_html('<ul class="lint-findings">{}</ul>',
                       format_html_join("", '<li class="lint-{}"><strong>{}</strong> {}{}</li>', rows))


def where(finding: Finding, with_location: bool) -> str:
    """The full location, or « paragraphe 2 : » when a field has several paragraphs."""
    if with_location:
        return f"{finding.location} : "
    match = PARAGRAPH.search(finding.location)
    return f"{match.group(1)} : " if match else ""


class FindingsForm(forms.ModelForm):
    """A model form that shows the lint findings of its instance under the fields concerned."""

    lint_findings: list[Finding] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        by_field = defaultdict(list)
        for finding in self.findings_for_instance():
            by_field[finding.field].append(finding)
        for name, findings in by_field.items():
            if name in self.fields:
                field = self.fields[name]
                field.help_text = format_html("{}{}", field.help_text, findings_html(findings))

    def findings_for_instance(self) -> list[Finding]:
        return self.lint_findings


class IssueForm(FindingsForm):
    class Meta:
        model = Issue
        fields = ["number", "date", "title", "editorial", "editorial_punchline"]
        widgets = {"editorial": forms.Textarea(attrs={"rows": 12})}


class ArticleForm(FindingsForm):
    sources = forms.CharField(
        label="Sources", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Une source par ligne : « Libellé — https://… ». Sans URL, la source ne sera pas vérifiable.")
    lint_by_article: dict[int, list[Finding]] = {}

    class Meta:
        model = Article
        fields = ["position", "title", "facts", "turn", "analysis", "closing", "sources"]
        widgets = {name: forms.Textarea(attrs={"rows": rows})
                   for name, rows in [("facts", 6), ("turn", 4), ("analysis", 8), ("closing", 2)]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            lines = [format_source_line(ParsedSource(s.label, s.url)) for s in self.instance.sources.all()]
            self.initial["sources"] = "\n".join(lines)

    def findings_for_instance(self) -> list[Finding]:
        return self.lint_by_article.get(self.instance.pk, [])

    def clean_sources(self) -> list[ParsedSource]:
        sources = [parse_source_line(line) for line in self.cleaned_data["sources"].splitlines() if line.strip()]
        for source in sources:
            if "://" in source.label:
                raise ValidationError(f"URL invalide ou mal placée (elle doit finir la ligne) : « {source.label[:80]} »")
            if len(source.label) > SOURCE_LABEL_MAX:
                raise ValidationError(f"Libellé trop long (plus de {SOURCE_LABEL_MAX} caractères) : « {source.label[:40]}… »")
            if source.url:
                try:
                    URLValidator()(source.url)
                except ValidationError:
                    raise ValidationError(f"URL invalide : « {source.url} »") from None
        return sources


class AppReviewForm(FindingsForm):
    source_url = forms.URLField(label="URL de la source", required=False, assume_scheme="https",
                                max_length=AppReview._meta.get_field("source_url").max_length)

    class Meta:
        model = AppReview
        fields = ["name", "intro", "good", "bad", "verdict", "source_label", "source_url"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in ("intro", "good", "bad", "verdict")}
