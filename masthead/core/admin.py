"""Admin building blocks shared by the apps."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written only by the domain's actions (decisions, revisions, audit rows): staff read them."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class SingletonSettingsMixin:
    """A publisher's settings row: created once (the page offers "add" only while none exists), never deleted."""

    model: type[Model]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not self.model._default_manager.exists()

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
