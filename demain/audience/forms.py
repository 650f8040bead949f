"""The public forms. Each carries a honeypot and a signed start time."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from email_validator import EmailNotValidError, validate_email

from demain.audience import abuse, consent
from demain.audience.models import BlockedDomain, Inquiry, Subscriber, TrainingModule
from demain.audience.models.readers import Interest


def normalise_email(value: str) -> str:
    """Validate the syntax (no DNS lookup) and return the address in one canonical form."""
    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError:
        raise forms.ValidationError("Cette adresse e-mail n’est pas valide.", code="invalid") from None
    return result.normalized.lower()


class NormalisedEmailField(forms.EmailField):
    def clean(self, value):
        email = normalise_email(super().clean(value))
        if BlockedDomain.blocks(email):
            raise forms.ValidationError(
                "Les adresses de ce domaine ne sont pas acceptées. Merci d’en utiliser une autre.",
                code="blocked",
            )
        return email


def email_field(**kwargs) -> NormalisedEmailField:
    widget = forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"})
    return NormalisedEmailField(label="Adresse e-mail", max_length=254, widget=widget, **kwargs)


class GuardedForm(forms.Form):
    """Adds the two bot traps. The view reads `is_bot` and `too_fast` after is_valid()."""

    website = forms.CharField(
        label="Ne remplissez pas ce champ", required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = abuse.started_stamp()

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    @property
    def too_fast(self) -> bool:
        return abuse.filled_too_fast(self.data.get("started", ""))

    def restart_clock(self) -> None:
        """Give the re-rendered form a fresh start time."""
        self.data = self.data.copy()
        self.data["started"] = abuse.started_stamp()


class SignupForm(GuardedForm):
    email = email_field()
    interests = forms.MultipleChoiceField(
        label="Ce qui vous intéresse (facultatif)", choices=Interest.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
    )
    consent = forms.BooleanField(label=consent.TEXT, required=True, error_messages={
        "required": "Cochez cette case pour recevoir la lettre.",
    })


class ResourceRequestForm(GuardedForm):
    email = email_field()
    name = forms.CharField(label="Prénom (facultatif)", max_length=120, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    newsletter = forms.BooleanField(label=consent.TEXT, required=False)


PAUSES = [("", "Pas de pause"), ("30", "Un mois"), ("90", "Trois mois"), ("resume", "Reprendre dès maintenant")]


class PreferencesForm(forms.ModelForm):
    interests = forms.MultipleChoiceField(
        label="Vos centres d’intérêt", choices=Interest.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
    )
    pause = forms.ChoiceField(label="Faire une pause", choices=PAUSES, required=False)

    class Meta:
        model = Subscriber
        fields = ["interests", "frequency"]
        widgets = {"frequency": forms.RadioSelect}

    def save(self, commit: bool = True) -> Subscriber:
        pause = self.cleaned_data.get("pause")
        if pause == "resume":
            self.instance.paused_until = None
        elif pause:
            self.instance.paused_until = timezone.localdate() + timedelta(days=int(pause))
        return super().save(commit)


class InquiryForm(GuardedForm, forms.ModelForm):
    email = email_field()

    class Meta:
        model = Inquiry
        fields = ["name", "email", "organisation", "phone", "message"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "message": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].max_length = 5000
        self.fields["message"].widget.attrs["maxlength"] = 5000


class ContactForm(InquiryForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].required = True


class TalkRequestForm(InquiryForm):
    class Meta(InquiryForm.Meta):
        fields = ["name", "email", "organisation", "phone", "preferred_date", "audience_size", "message"]
        widgets = InquiryForm.Meta.widgets


class TrainingRequestForm(InquiryForm):
    modules = forms.ModelMultipleChoiceField(
        label="Modules à la carte", queryset=TrainingModule.objects.filter(introduction=False),
        widget=forms.CheckboxSelectMultiple, required=False,
    )

    class Meta(InquiryForm.Meta):
        fields = ["name", "email", "organisation", "phone", "modules", "message"]
        widgets = InquiryForm.Meta.widgets


FORMS = {
    "services": ContactForm,
    "contact": ContactForm,
    "talk": TalkRequestForm,
    "training": TrainingRequestForm,
}


def inquiry_fields(kind: str) -> list[str]:
    """The request's fields its form asks for, in the form's order."""
    return list(FORMS.get(kind, ContactForm)._meta.fields)


def inquiry_details(inquiry: Inquiry) -> list[tuple[str, str]]:
    """(label, value) of each field the requester filled in, for the editor."""
    details = []
    for name in inquiry_fields(inquiry.kind):
        field = Inquiry._meta.get_field(name)
        if name == "modules":
            value = ", ".join(str(module) for module in inquiry.modules.all())
        else:
            value = "" if getattr(inquiry, name) is None else str(getattr(inquiry, name))
        if value.strip():
            details.append((str(field.verbose_name).capitalize(), value.strip()))
    return details
