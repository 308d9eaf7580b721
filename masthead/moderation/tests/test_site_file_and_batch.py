"""A publisher moving in trains the site model from a file of past decisions, and screens files in batch; the
hold threshold is the publisher's share of benign comments held, not a raw probability."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from masthead.moderation.backends import get_classifier
from masthead.moderation.models import ModerationSettings
from masthead.moderation.pipeline import hold_threshold, screen
from masthead.testing.moderation import regular

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("separate_models")]

SPAM = ["Earn {n} dollars a day from home with crypto signals, message me", "Cheap {n} followers, fast delivery, dm me",
        "My aunt made {n} a week with this crypto trick, join my channel", "Crypto giveaway: send {n} and get double"]
FINE = ["The council vote on {n} homes was closer than the article says", "I went to the {n} meeting and agree",
        "Good reporting on the bus routes; route {n} is always late", "The library had {n} visitors, great news"]


def past_decisions(path, count: int = 240) -> None:
    rng = random.Random(11)
    with path.open("w") as handle:
        for i in range(count):
            spam = i % 2 == 0
            text = rng.choice(SPAM if spam else FINE).format(n=rng.randint(2, 900))
            handle.write(json.dumps({"text": text, "decision": "reject" if spam else "publish"}) + "\n")


def test_train_from_a_file_of_past_decisions_and_promote(tmp_path):
    source = tmp_path / "past.jsonl"
    past_decisions(source)
    spam = "Earn 450 dollars a day from home with crypto signals, message me"
    assert screen(spam, regular()).action == "publish"  # the base model does not know this site's spam
    out = StringIO()
    call_command("moderation_train", "--input", str(source), "--promote", "--name", "site-import", stdout=out)
    assert "promoted site-import" in out.getvalue()
    assert ModerationSettings.objects.get().active_model == "site-import"
    decision = screen(spam, regular())
    assert (decision.action, decision.model_version) == ("hold", "site-import")
    assert screen("The council vote on 120 homes was closer than the article says", regular()).action == "publish"


def test_a_bad_line_in_the_file_stops_training_and_changes_nothing(tmp_path):
    source = tmp_path / "past.jsonl"
    source.write_text('{"text": "fine", "decision": "publish"}\n{"text": "x", "decision": "maybe"}\n')
    with pytest.raises(CommandError, match="line 2: decision must be publish, hold or reject"):
        call_command("moderation_train", "--input", str(source), "--promote", "--name", "site-bad")
    assert not ModerationSettings.objects.filter(active_model="site-bad").exists()
    assert not (tmp_path / "moderation" / "models" / "site-bad.json.gz").exists()
    with pytest.raises(CommandError, match="cannot read"):
        call_command("moderation_train", "--input", str(tmp_path / "missing.jsonl"))


def test_batch_screening_writes_one_json_line_per_input_line_in_order(tmp_path):
    source = tmp_path / "comments.jsonl"
    source.write_text("\n".join([
        json.dumps({"text": "Thanks for the careful reporting on the council budget."}),
        "not json",
        json.dumps({"text": "I will find you and break your legs.", "tier": "account"}),
        json.dumps({"text": "hello", "tier": "emperor"}),
    ]) + "\n")
    out = StringIO()
    with pytest.raises(CommandError, match=r"^2 rows could not be read"):  # written first, then exit status 2
        call_command("moderation_screen", "--input", str(source), "--format", "jsonl", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [row["line"] for row in rows] == [1, 2, 3, 4]
    assert (rows[0]["decision"], rows[0]["reasons"]) == ("publish", [])
    assert 0 <= rows[0]["score"] < 0.5
    assert rows[1]["error"].startswith("not JSON")
    assert rows[2]["decision"] == "hold"
    assert any("threat" in reason for reason in rows[2]["reasons"])
    assert "unknown tier" in rows[3]["error"]


def test_batch_screening_as_csv_for_spreadsheets(tmp_path):
    source = tmp_path / "comments.csv"
    source.write_text('text,tier\n"Lovely photos, thank you.",account\n"You are trash.",guest\n')
    out = StringIO()
    call_command("moderation_screen", "--input", str(source), "--format", "csv", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "line,id,text,decision,score,reasons,error"
    assert lines[1].startswith('2,,"Lovely photos, thank you.",publish,')
    assert lines[2].startswith("3,,You are trash.,hold,")


def test_csv_output_carries_each_rows_id_so_a_spreadsheet_can_join_it_back(tmp_path):
    source = tmp_path / "comments.jsonl"
    source.write_text('{"text": "Lovely photos.", "id": "c-17"}\n{"text": "You are trash.", "id": 42}\n'
                      '{"text": "No id here."}\n{"id": "c-19"}\n{"text": "Nice.", "id": {"post": 7}}\n')
    out = StringIO()
    with pytest.raises(CommandError, match=r"^1 row could not be read"):
        call_command("moderation_screen", "--input", str(source), "--format", "csv", stdout=out, stderr=StringIO())
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(row["id"], row["decision"]) for row in rows] == [("c-17", "publish"), ("42", "hold"), ("", "publish"),
                                                              ("c-19", ""), ('{"post": 7}', "publish")]
    assert "text" in rows[3]["error"]


def test_the_publisher_sets_the_share_of_benign_comments_held():
    classifier = get_classifier()
    config = ModerationSettings.objects.create()
    default = hold_threshold(classifier, config)
    assert config.benign_hold_share == 0.03
    config.benign_hold_share = 0.3
    assert hold_threshold(classifier, config) < default  # accepting more benign holds lowers the bar
    text = "We should kill this bill before it passes."
    score = classifier.score_one(text.lower()).probability
    assert hold_threshold(classifier, config) <= score < default
    assert screen(text, regular()).action == "publish"
    config.save()
    assert screen(text, regular()).action == "hold"


def test_the_base_model_is_calibrated_json_scored_without_numpy_sklearn_or_torch():
    import gzip

    from masthead.moderation.backends.linear import BUILTIN

    with gzip.open(BUILTIN, "rt") as handle:
        data = json.load(handle)
    assert data["format"] == "masthead-linear-2"
    assert len(data["calibration"]) > 500
    script = ("import sys; from masthead.moderation.linear import LinearModel; "
              "from masthead.moderation.backends.linear import BUILTIN; "
              "p = LinearModel.load(BUILTIN).probability('you are an idiot'); "
              "assert p > 0.5, p; "
              "assert not {'numpy', 'sklearn', 'scipy', 'torch'} & set(sys.modules), sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", script], check=True, cwd=str(BUILTIN.parents[3]))
