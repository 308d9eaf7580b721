"""An imported archive's approved/spam/trash states are its moderators' decisions: the import offers them to the
site's moderation model (``importing/decisions.py``), as the training lines ``moderation_train --input`` reads,
and ``--train-moderation`` trains a candidate from them that is not made active."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from masthead.importing.tests.conftest import run_import
from masthead.importing.tests.wxr import WxrComment, WxrPost, wxr
from masthead.moderation.backends.linear import model_path
from masthead.moderation.config import moderation_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("separate_models")]

FINE = ["The council vote on the {n} new homes was closer than the article says.",
        "I went to meeting number {n} and I agree with the residents quoted here.",
        "Good reporting on the bus routes; route {n} is always late in the morning."]
SPAM = ["Earn {n} dollars a day from home with crypto signals, message me now",
        "Cheap followers, {n} for a dollar, fast delivery, dm me"]
KEY = "wordpress:https://news.example"


def archive(path: Path) -> Path:
    """12 approved comments, 6 spam and 4 trashed (the moderators' decisions), 2 pending (nobody's yet)."""
    comments = [WxrComment(f"{n}", content=FINE[n % 3].format(n=n)) for n in range(1, 13)]
    comments += [WxrComment(f"{n}", content=SPAM[n % 2].format(n=n), approved="spam") for n in range(13, 19)]
    comments += [WxrComment(f"{n}", content=SPAM[n % 2].format(n=n), approved="trash") for n in range(19, 23)]
    comments += [WxrComment(f"{n}", content=f"Is this still open, {n}?", approved="0") for n in range(23, 25)]
    path.write_text(wxr([WxrPost("50", "Budget passes", comments=comments)]), encoding="utf-8")
    return path


def test_the_summary_tells_the_publisher_what_the_archive_can_teach(tmp_path: Path) -> None:
    output = run_import("wordpress", str(archive(tmp_path / "site.xml")))
    assert "this archive holds 22 decisions of your moderators (12 approved, 10 spam or trash; 2 pending" in output
    assert f"masthead import_decisions {KEY} decisions.jsonl" in output  # (quoted where the shell needs it)
    assert "masthead moderation_train --input decisions.jsonl" in output
    # A second run imports nothing new: no advice again.
    assert "decisions of your moderators" not in run_import("wordpress", str(tmp_path / "site.xml"))


def test_the_decisions_file_holds_each_decided_comment_once(tmp_path: Path) -> None:
    run_import("wordpress", str(archive(tmp_path / "site.xml")))
    out = io.StringIO()
    call_command("import_decisions", KEY, str(tmp_path / "decisions.jsonl"), stdout=out)
    lines = [json.loads(line) for line in (tmp_path / "decisions.jsonl").read_text(encoding="utf-8").splitlines()]
    decided = {line["text"]: line["decision"] for line in lines}
    assert len(lines) == len(decided) == 22
    assert decided[FINE[1].format(n=1)] == "publish"
    assert decided[SPAM[1].format(n=13)] == "reject"  # spam
    assert decided[SPAM[1].format(n=19)] == "reject"  # trash
    assert [line["decision"] for line in lines].count("publish") == 12
    assert not any(text.startswith("Is this still open") for text in decided)  # pending: nobody decided
    assert "wrote 22 decisions (12 publish, 10 reject)" in out.getvalue()


def test_train_moderation_trains_a_candidate_that_is_not_made_active(tmp_path: Path) -> None:
    active = moderation_settings().active_model
    output = run_import("wordpress", str(archive(tmp_path / "site.xml")), "--train-moderation",
                        "--decisions", str(tmp_path / "kept.jsonl"))
    assert "22 decisions of the archive's moderators (12 publish, 10 reject) written to" in output
    assert "trained site-" in output
    assert "The new model is a candidate, not active" in output
    name = output.split("trained ", 1)[1].split(" ", 1)[0]
    assert model_path(name).exists()
    assert moderation_settings().active_model == active
    assert len((tmp_path / "kept.jsonl").read_text(encoding="utf-8").splitlines()) == 22


def test_an_unknown_source_is_named(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="nothing was imported from 'ghost:nope'"):
        call_command("import_decisions", "ghost:nope", str(tmp_path / "x.jsonl"))
