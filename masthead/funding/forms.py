"""Forms for the support page and the staff pages; the actions do the real validation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone

from masthead.funding import money
from masthead.funding.models import Campaign, Donation

NOT_LISTED, LISTED_BY_NAME, LISTED_ANONYMOUSLY = "none", "name", "anonymous"


class DonateForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    frequency = forms.ChoiceField(choices=[("one_off", "One-off"), ("monthly", "Monthly")], initial="one_off",
                                  widget=forms.RadioSelect)
    preset = forms.CharField(max_length=20, required=False)  # a suggested amount (radio); a typed amount wins
    amount = forms.CharField(max_length=20, required=False, label="Amount")
    name = forms.CharField(max_length=200, required=False, label="Name for the donor wall")
    email = forms.EmailField(required=False, label="Email for your receipt")
    message = forms.CharField(max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2}),
                              label="Public message (optional)")
    # One choice, so "on the wall" and "anonymous" cannot contradict each other. Not listed unless chosen.
    listing = forms.ChoiceField(
        choices=[(NOT_LISTED, "Don't list me"), (LISTED_BY_NAME, "Show my name on the donor wall"),
                 (LISTED_ANONYMOUSLY, "Count me on the wall as “Anonymous”")],
        initial=NOT_LISTED, required=False, widget=forms.RadioSelect, label="Donor wall",
    )

    def clean_listing(self) -> str:
        return self.cleaned_data.get("listing") or NOT_LISTED

    def amount_text(self) -> str:
        """The typed amount if there is one, else the suggested amount chosen."""
        return self.cleaned_data["amount"].strip() or self.cleaned_data["preset"]

    def on_wall(self) -> bool:
        return self.cleaned_data["listing"] != NOT_LISTED

    def anonymous(self) -> bool:
        return self.cleaned_data["listing"] == LISTED_ANONYMOUSLY
    article = forms.IntegerField(required=False, widget=forms.HiddenInput)
    token = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)


class ManualDonationForm(forms.Form):
    campaign = forms.ModelChoiceField(queryset=Campaign.objects.all())
    method = forms.ChoiceField(choices=[c for c in Donation.Method.choices if c[0] != Donation.Method.STRIPE])
    amount = forms.CharField(max_length=32)
    received_on = forms.DateField(initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"}))
    donor_name = forms.CharField(max_length=200, required=False)
    donor_email = forms.EmailField(required=False, help_text="A receipt is emailed when given.")
    is_anonymous = forms.BooleanField(required=False)
    show_on_wall = forms.BooleanField(required=False)
    public_message = forms.CharField(max_length=300, required=False)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}),
                           help_text="Required: the source of the money and how it was checked.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Written the publication's way ("25,50" in German); ambiguous input is refused, never guessed.
        self.fields["amount"].help_text = (
            f"In the campaign's currency, for example {money.example('usd')}; at most "
            f"{settings.FUNDING_MAX_DONATION:,} in one entry."
        )
