from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from masthead.embed.actions import check_origin, do_delete_origin, do_save_origin
from masthead.embed.models import AllowedOrigin


class AllowedOriginForm(forms.ModelForm):
    class Meta:
        model = AllowedOrigin
        fields = ("origin", "note")

    def clean_origin(self) -> str:
        try:
            return check_origin(self.cleaned_data["origin"])
        except ValidationError as error:
            raise ValidationError(error.message_dict["origin"]) from None


@admin.register(AllowedOrigin)
class AllowedOriginAdmin(admin.ModelAdmin):
    """Sites whose pages may embed the discussion (in addition to the EMBED_ALLOWED_ORIGINS setting)."""

    list_display = ("origin", "note", "created_at")
    search_fields = ("origin", "note")
    form = AllowedOriginForm

    def save_model(self, request: HttpRequest, obj: AllowedOrigin, form: ModelForm, change: bool) -> None:
        do_save_origin(obj)

    def delete_model(self, request: HttpRequest, obj: AllowedOrigin) -> None:
        do_delete_origin(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[AllowedOrigin]) -> None:
        for allowed in queryset:
            do_delete_origin(allowed)
