"""SECURITY.md, object injection: every field is text; client data is never deserialized into objects.

The only structured data a client hands back to us are signed values (mail links, the donor's portal link, the
session cookie if the publisher ever switches to cookie sessions). The tests below sign a pickle that would create a
file when loaded, with the site's real key and salt (the worst case: a leaked key), send it on every such path,
and check that nothing is created and the answer is a clear refusal. Text that looks like a serialized object is
stored and shown as text. A scan of the source keeps pickle, marshal, shelve and YAML out of the code, and XML
parsing to defusedxml (the rule for any future importer).
"""

from __future__ import annotations

import base64
import pickle
import re
import zlib
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import signing
from django.test import Client

import masthead
from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment
from masthead.funding.tasks import PORTAL_SALT
from masthead.testing.discussion import Guest, make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]


class _Opens:
    """Unpickling this opens (so creates) ``path``: proof that a payload was deserialized."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


class _PickleSerializer:
    def dumps(self, obj: object) -> bytes:
        return pickle.dumps(obj)

    def loads(self, data: bytes) -> object:  # what an unsafe reader would do; only the tests' control uses it
        return pickle.loads(data)  # noqa: S301


def _signed(marker: Path, salt: str, *, compress: bool = False) -> str:
    return signing.dumps(_Opens(marker), salt=salt, serializer=_PickleSerializer, compress=compress)


def test_the_control_payload_really_creates_its_file_when_unpickled(tmp_path):
    marker = tmp_path / "control"
    signing.loads(_signed(marker, "any"), salt="any", serializer=_PickleSerializer)
    assert marker.exists()


SIGNED_LINKS = [
    ("/notifications/confirm/{}", "masthead.notifications.confirm"),
    ("/notifications/unsubscribe/{}", "masthead.notifications.unsubscribe"),
    ("/support/manage/{}/", PORTAL_SALT),
]


def test_signed_pickles_in_mail_and_portal_links_are_refused_and_never_loaded(tmp_path):
    client = Client(raise_request_exception=False)
    for n, (url, salt) in enumerate(SIGNED_LINKS):
        marker = tmp_path / f"marker-{n}"
        token = _signed(marker, salt)
        for method in ("get", "post"):
            response = getattr(client, method)(url.format(token))
            assert response.status_code >= 400, (url, method, response.status_code)
        assert not marker.exists(), url


def test_signed_links_that_are_not_json_answer_400_not_500(tmp_path):
    client = Client(raise_request_exception=False)
    for n, (url, salt) in enumerate(SIGNED_LINKS):
        response = client.get(url.format(_signed(tmp_path / f"marker-{n}", salt)))
        assert response.status_code == 400, (url, response.status_code)


@pytest.mark.parametrize("engine", ["django.contrib.sessions.backends.db",
                                    "django.contrib.sessions.backends.signed_cookies",
                                    "masthead.core.shared_sessions"])
def test_a_signed_pickle_as_the_session_cookie_is_never_loaded(tmp_path, settings, engine):
    # Whichever session store a publisher picks, the session serializer is JSON.
    settings.SESSION_ENGINE = engine
    marker = tmp_path / "session"
    cookie = _signed(marker, "django.contrib.sessions.backends.signed_cookies", compress=True)
    client = Client()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = cookie
    response = client.get("/account/")
    assert response.status_code == 200
    assert not marker.exists()


def test_text_that_looks_like_a_serialized_object_is_stored_and_shown_as_text(tmp_path):
    marker = tmp_path / "comment"
    pickled = base64.b64encode(pickle.dumps(_Opens(marker))).decode()
    bodies = [
        pickled,
        base64.b64encode(zlib.compress(pickle.dumps(_Opens(marker)))).decode(),
        f"!!python/object/apply:builtins.open [{marker}, w]",
        '{"__class__": "os.system", "py/object": "builtins.open", "$type": "System.IO.File"}',
        'O:8:"stdClass":1:{s:4:"file";s:8:"/tmp/pwn";}',
    ]
    article = make_article()
    thread = thread_for_article(article)
    guest = Guest()
    guest.open(article.get_absolute_url())
    for body in bodies:
        response = guest.post_comment(thread, body, author_name=body[:60])
        assert response.status_code == 201, response.content
        stored = Comment.objects.get(pk=response.json()["id"])
        assert stored.body == body
        assert stored.author_name == body[:60].strip()
    page = guest.open(article.get_absolute_url()).content.decode()
    assert pickled in page
    assert not marker.exists()


def _source_files() -> list[Path]:
    root = Path(masthead.__file__).parent
    return [path for path in root.rglob("*.py") if "tests" not in path.parts]


UNSAFE_IMPORTS = re.compile(
    r"^\s*(import|from)\s+(pickle|cPickle|_pickle|marshal|shelve|yaml|jsonpickle|dill|cloudpickle|joblib)\b"
    r"|^\s*(import|from)\s+(xml\.(etree|dom|sax|parsers)|pyexpat|lxml|xmltodict)\b",
    re.MULTILINE,
)
# The standard library's element and error types carry no parser: the importers name them, and parse only through
# importing/xml_safety.py (tested by importing/tests/test_hostile_input.py and test_xml_grandchildren.py). That one
# module drives expat itself for speed, with defusedxml's refusals set on every parser it makes (a DTD, entity
# declarations, external references): it is the only module allowed a parser, and the test below checks it keeps
# the refusals.
XML_PARSING_MODULE = Path(masthead.__file__).parent / "importing" / "xml_safety.py"
REFUSING_HANDLERS = ("StartDoctypeDeclHandler", "EntityDeclHandler", "UnparsedEntityDeclHandler",
                     "ExternalEntityRefHandler")
XML_TYPES_ONLY = re.compile(
    r"^\s*from\s+xml\.etree\.ElementTree\s+import\s+(Element|ParseError)(,\s*(Element|ParseError))*\s*$"
)


def _unsafe(text: str) -> bool:
    return any(UNSAFE_IMPORTS.search(line) and not XML_TYPES_ONLY.match(line) for line in text.splitlines())


def test_no_module_imports_an_object_deserializer_or_an_unsafe_xml_parser():
    files = _source_files()
    assert len(files) > 100
    offenders = [str(path) for path in files if path != XML_PARSING_MODULE and _unsafe(path.read_text("utf-8"))]
    assert not offenders, offenders
    assert _unsafe("from xml.parsers import expat")
    # The one module allowed a parser sets the refusing handlers on each expat parser it creates.
    parsing = XML_PARSING_MODULE.read_text("utf-8")
    assert parsing.count("expat.ParserCreate(") == 1
    for handler in REFUSING_HANDLERS:
        assert re.search(rf"parser\.{handler} = _refuse_\w+", parsing), handler
    assert _unsafe("from xml.etree.ElementTree import Element, iterparse")  # a parser beside a type is still caught
    assert not _unsafe("from xml.etree.ElementTree import Element, ParseError")
    assert django_settings.SESSION_SERIALIZER == "django.contrib.sessions.serializers.JSONSerializer"
