"""The campaign form of the admin: interests as labelled checkboxes with their reader counts."""

from __future__ import annotations

from django import forms

from demain.audience.models.readers import Interest
from demain.delivery import campaigns
from demain.delivery.models import Campaign
from demain.issues.models import Issue


def interest_choices() -> list[tuple[str, str]]:
    counts = campaigns.interest_counts()
    return [(code, f"{label} ({campaigns.readers(counts[code])})") for code, label in Interest.choices]


class CampaignForm(forms.ModelForm):
    interests = forms.MultipleChoiceField(
        label="Centres d’intérêt", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Aucune case cochée : tous les abonnés confirmés. Entre parenthèses : les abonnés confirmés "
                  "qui ont choisi ce centre d’intérêt.",
    )

    class Meta:
        model = Campaign
        fields = ["issue", "interests", "send_at", "resend"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "interests" in self.fields:
            self.fields["interests"].choices = interest_choices()
        widgets = getattr(self.fields.get("send_at"), "widget", None)
        if widgets is not None and hasattr(widgets, "widgets"):  # the admin's date + time pair: name both
            widgets.widgets[0].attrs["aria-label"] = "Date d’envoi"
            widgets.widgets[1].attrs["aria-label"] = "Heure d’envoi"
        if "issue" in self.fields:
            self.fields["issue"].queryset = Issue.objects.filter(status=Issue.Status.PUBLISHED)
