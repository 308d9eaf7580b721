"""Names that look like someone else's: Unicode confusable skeletons (UTS #39) against staff and reserved names.

The confusables data comes from the ``confusable-homoglyphs`` package, which ships Unicode's confusables table
inside the package as JSON (nothing is downloaded at run time). That JSON lists, for each prototype, its
look-alikes and, for each look-alike, its prototype; ``_prototypes`` turns it back into the one-way mapping a
skeleton needs. Our comparison key is stricter than the bare skeleton because it guards a deny-list: case is
folded (both before and after mapping, since ``I`` maps to ``l``), combining marks, spaces and separators are
dropped. Any script stays allowed; only a collision with a protected name is refused.
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache as django_cache
from django.db.models import Q

from masthead.accounts.models import ReaderIdentity
from masthead.core.staff_roles import ROLE_PERMISSIONS
from masthead.publishing.models import Author

# Role words no reader may take, besides the publication's name and staff members' names.
RESERVED_NAMES = ("admin", "administrator", "moderator", "moderators", "editor", "staff", "support", "system",
                  "webmaster", "root", "official")
STAFF_GROUPS = tuple(ROLE_PERMISSIONS)
_STAFF_NAMES_KEY = "accounts:protected-names:v1"
_LRM = "\u200e\u200f"  # the package wraps right-to-left samples in direction marks for display


@cache
def _prototypes() -> dict[str, str]:
    raw = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))
    table: dict[str, str] = {}
    for key, entries in raw.items():
        char = key.strip(_LRM)
        if len(char) != 1 or len(entries) != 1:
            continue  # prototypes list many look-alikes; a look-alike lists exactly its prototype
        target = entries[0]["c"].strip(_LRM)
        back = raw.get(target) or raw.get(f"\u200e{target}\u200e") or []
        if len(back) == 1 and len(target) == 1 and target > char:
            continue  # a one-to-one pair: map both to the smaller, so either side gives the same skeleton
        table[char] = target
    return table


def skeleton(text: str) -> str:
    """UTS #39 skeleton: NFD, map each character to its prototype, NFD again."""
    table = _prototypes()
    mapped = "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFD", mapped)


def _strip(text: str) -> str:
    # Marks, spaces, punctuation and symbols do not make a name distinct to the eye ("a.d-m i n" reads "admin").
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "MZPSC")


def _key(text: str) -> str:
    once = skeleton(unicodedata.normalize("NFKC", text))
    return _strip(skeleton(once.casefold()))


@lru_cache(maxsize=4096)  # the protected names are compared with every comment's name
def comparison_keys(name: str) -> frozenset[str]:
    """Every key the name collides on: as written, upper-cased and case-folded (so ADMIN, admin, AdmIn agree)."""
    return frozenset(k for k in (_key(name), _key(name.upper()), _key(name.casefold())) if k)


def names_confusable(a: str, b: str) -> bool:
    return bool(comparison_keys(a) & comparison_keys(b))


def protected_names() -> list[str]:
    """Names readers may not imitate: role words, the publication, staff members and bylines (cached briefly)."""
    names = django_cache.get(_STAFF_NAMES_KEY)
    if names is None:
        names = [*RESERVED_NAMES, settings.PUBLICATION_NAME, *getattr(settings, "ACCOUNTS_RESERVED_NAMES", ())]
        staff = get_user_model().objects.filter(
            Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name__in=STAFF_GROUPS)
        ).distinct()
        for username, first, last in staff.values_list("username", "first_name", "last_name"):
            names.append(username)
            if first or last:
                names.append(f"{first} {last}".strip())

        names.extend(
            ReaderIdentity.objects.filter(user__in=staff).exclude(display_name="").values_list("display_name",
                                                                                              flat=True)
        )

        names.extend(Author.objects.values_list("name", flat=True))
        django_cache.set(_STAFF_NAMES_KEY, names, timeout=300)
    return names


def forget_protected_names() -> None:
    django_cache.delete(_STAFF_NAMES_KEY)


def is_protected_name(name: str) -> bool:
    """True when ``name`` is confusable with a staff member's, an author's, the publication's or a role name."""
    keys = comparison_keys(name)
    return any(keys & comparison_keys(other) for other in protected_names())


def warm_up() -> None:
    """Load the confusables table (tens of ms) at server start rather than in the first post (core.warmup)."""
    comparison_keys("Warming up")
