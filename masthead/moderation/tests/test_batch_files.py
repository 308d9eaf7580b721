"""The batch commands as a publisher meets them: files from elsewhere (a byte-order mark, CR LF, bytes that are not
UTF-8, a CSV with quotes and line breaks inside fields or a field over the csv module's 128 KiB limit, blank
lines), standard input, and a database that was never set up. Every row comes back in its place, with a decision
or an error that names what is wrong; nothing ends in a traceback or loses the rows after it."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from masthead.moderation.models import ModerationSettings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("separate_models")]

REPO = Path(__file__).resolve().parents[3]
THREAT = "I will find you and break your legs."
FINE = "Thanks for the careful reporting on the council budget."


def screen_file(path: Path, *args: str, unreadable: int = 0, **options: object) -> tuple[list[dict], str]:
    """The rows written and the summary; ``unreadable``: how many rows the command must report it could not read
    (it then ends with exit status 2, after writing every row)."""
    out, err = StringIO(), StringIO()
    if unreadable:
        rows = "row" if unreadable == 1 else "rows"
        with pytest.raises(CommandError, match=rf"^{unreadable} {rows} could not be read") as raised:
            call_command("moderation_screen", "--input", str(path), *args, stdout=out, stderr=err, **options)
        assert raised.value.returncode == 2
    else:
        call_command("moderation_screen", "--input", str(path), *args, stdout=out, stderr=err, **options)
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_every_hostile_json_line_gets_its_own_error_or_decision_in_order(tmp_path):
    source = tmp_path / "comments.jsonl"
    source.write_bytes(b"".join([
        json.dumps({"text": FINE}).encode() + b"\n",                      # 1
        b'{"text": "unterminated\n',                                         # 2
        b"[1, 2, 3]\n",                                                      # 3
        b'"just a string"\n',                                                # 4
        b'{"body": "no text field"}\n',                                      # 5
        b'{"text": 42}\n',                                                   # 6
        b'{"text": null}\n',                                                 # 7
        b'{"text": "   "}\n',                                                # 8
        b"\n",                                                               # 9: blank, skipped
        b'{"text": "bad bytes \xff\xfe here"}\n',                           # 10
        b'{"text": "half a character \\ud800"}\n',                          # 11
        b'{"text": "a raw NUL \x00 in a string"}\n',                        # 12
        b'{"text": "escaped NUL \\u0000 is text"}\n',                       # 13
        json.dumps({"text": THREAT, "tier": "Account", "id": "c-14"}).encode() + b"\r\n",  # 14
        b'{"text": "hello", "tier": "emperor"}\n',                          # 15
        b"[" * 100_000 + b"\n",                                              # 16: nested too deeply
        json.dumps({"text": FINE, "id": 17}).encode(),                       # 17: no final newline
    ]))
    rows, summary = screen_file(source, "--format", "jsonl", unreadable=12)
    by_line = {row["line"]: row for row in rows}
    assert [row["line"] for row in rows] == [n for n in range(1, 18) if n != 9]
    assert by_line[1]["decision"] == "publish"
    assert by_line[2]["error"].startswith("not JSON: Invalid control character at character ")
    assert by_line[3]["error"].startswith("not a JSON object but a list")
    assert by_line[4]["error"].startswith("not a JSON object but a string")
    assert by_line[5]["error"].startswith('no "text" field')
    assert by_line[6]["error"] == '"text" must be a string, not a number'
    assert by_line[7]["error"] == '"text" must be a string, not null'
    assert by_line[8]["error"] == "empty text: nothing to screen"
    assert by_line[10]["error"] == "not UTF-8 text (byte 0xFF at character 21)"
    assert "lone surrogate" in by_line[11]["error"]
    assert by_line[12]["error"].startswith("not JSON")
    assert by_line[13]["decision"] == "publish"
    assert (by_line[14]["id"], by_line[14]["decision"]) == ("c-14", "hold")  # CR LF, tier in capitals
    assert "unknown tier 'emperor'" in by_line[15]["error"]
    assert "nested too deeply" in by_line[16]["error"]
    assert (by_line[17]["id"], by_line[17]["decision"]) == (17, "publish")
    assert "id" not in by_line[1]
    assert summary.startswith("screened 4 rows: 3 publish, 1 hold, 0 reject; 12 could not be read")
    assert "scored by masthead-linear" in summary


def test_a_byte_order_mark_and_csv_output_of_every_row(tmp_path):
    source = tmp_path / "comments.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps({"text": FINE}).encode() + b"\n"
                       + b'{"text": "half \\udfff"}\n' + json.dumps({"text": THREAT}).encode() + b"\n")
    out = StringIO()
    with pytest.raises(CommandError, match=r"^1 row could not be read") as raised:
        call_command("moderation_screen", "--input", str(source), "--format", "csv", stdout=out, stderr=StringIO())
    assert raised.value.returncode == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(row["line"], row["decision"]) for row in rows] == [("1", "publish"), ("2", ""), ("3", "hold")]
    assert rows[0]["text"] == FINE
    assert "lone surrogate" in rows[1]["error"]
    assert rows[1]["text"] == ""


def test_a_spreadsheet_csv_with_quotes_line_breaks_a_huge_field_and_bad_bytes(tmp_path):
    source = tmp_path / "Export.CSV"
    huge = "The council met again. " * 9_000  # about 200,000 characters: over the csv module's default limit
    source.write_bytes(
        b"\xef\xbb\xbfId,Text,Tier\r\n"                                   # a spreadsheet's mark and capitals
        + b'1,"She said ""kill the bill"", and\r\nthen left.",account\r\n'   # row 2: quotes and a line break
        + f'2,"{huge}",\r\n'.encode()                                        # row 3
        + b",,\r\n"                                                          # row 4: blank, skipped
        + b'3,"bad \xff byte",\r\n'                                          # row 5
        + f'4,"{THREAT}",guest\r\n'.encode()                                  # row 6
        + b"5,,\r\n"                                                         # row 7: an id but no text
        + b"6\r\n"                                                           # row 8: a short row
        + f'7,"{FINE}",emperor\r\n'.encode()                                 # row 9
        + f'8,"{FINE}"'.encode()                                             # row 10: no final line break
    )
    rows, summary = screen_file(source, unreadable=4)
    assert [row["line"] for row in rows] == [2, 3, 5, 6, 7, 8, 9, 10]
    assert [row["id"] for row in rows] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert rows[0]["decision"] == "publish"
    assert rows[1]["decision"] in ("publish", "hold")  # the huge field is screened; the rows after it are not lost
    assert rows[2]["error"] == "not UTF-8 text (byte 0xFF at character 7)"
    assert rows[3]["decision"] == "hold"
    assert rows[4]["error"] == "empty text: nothing to screen"
    assert rows[5]["error"] == "no 'text' value in this row"
    assert "unknown tier" in rows[6]["error"]
    assert rows[7]["decision"] == "publish"
    assert summary.startswith("screened 4 rows: ")
    assert "; 4 could not be read" in summary


def test_a_csv_without_a_text_column_or_a_missing_file_is_a_clear_error(tmp_path):
    source = tmp_path / "comments.csv"
    source.write_text("body,author\nhello,ann\n")
    with pytest.raises(CommandError, match="needs a header row with a 'text' column \\(its first row has 'body', "
                                           "'author'\\)"):
        screen_file(source)
    with pytest.raises(CommandError, match=r"cannot read .*missing\.jsonl: No such file or directory"):
        screen_file(tmp_path / "missing.jsonl")
    named = tmp_path / "comments.txt"
    named.write_text("text\nhello\n")
    rows, _ = screen_file(named, "--input-format", "csv")
    assert [(row["line"], row["decision"]) for row in rows] == [(2, "publish")]


def test_standard_input_is_read_as_json_lines():
    stdin = io.BytesIO(json.dumps({"text": THREAT, "id": 1}).encode() + b"\n{oops\n")
    rows, _ = screen_file(Path("-"), stdin=stdin, unreadable=1)
    assert (rows[0]["decision"], rows[0]["id"]) == ("hold", 1)
    assert rows[1]["error"].startswith("not JSON: Expecting property name")


def past_decisions(count: int = 120) -> bytes:
    lines = []
    for i in range(count):
        spam = i % 2 == 0
        text = (f"Earn {i} dollars a day from home with crypto signals, message me" if spam else
                f"The council vote on {i} homes was closer than the article says")
        lines.append(json.dumps({"text": text, "decision": "Rejected" if spam else "published"}))
    return "\r\n".join(lines).encode()


def test_training_reads_a_file_with_a_byte_order_mark_crlf_and_past_tense_decisions(tmp_path):
    source = tmp_path / "past.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + past_decisions())
    out = StringIO()
    call_command("moderation_train", "--input", str(source), "--promote", "--name", "site-bom", stdout=out)
    assert "promoted site-bom" in out.getvalue()
    assert ModerationSettings.objects.get().active_model == "site-bom"
    rows, summary = screen_file(_write(tmp_path / "new.jsonl", {"text": "Earn 77 dollars a day from home with "
                                                                        "crypto signals, message me"}))
    assert rows[0]["decision"] == "hold"  # the score is the promoted site model's
    assert summary.endswith("scored by masthead-site site-bom\n")


def test_training_from_standard_input():
    out = StringIO()
    call_command("moderation_train", "--input", "-", "--dry-run", "--name", "site-stdin",
                 stdin=io.BytesIO(past_decisions()), stdout=out)
    assert out.getvalue().startswith("trained site-stdin on ")


@pytest.mark.parametrize(("content", "message"), [
    (b"", "No decisions to learn from"),
    (b'{"text": "fine", "decision": "publish"}\n' * 3, "there are 3 published and 0 held or rejected"),
    (b'{"text": "fine", "decision": "publish"}\n{"text": "bad \xff", "decision": "reject"}\n',
     "line 2: not UTF-8 text \\(byte 0xFF at character 15\\)"),
    (b'{"text": "half \\ud800", "decision": "reject"}\n', "line 1: the text holds a lone surrogate"),
    (b'{"text": "x", "decision": "maybe"}\n', "line 1: decision must be publish, hold or reject .* not 'maybe'"),
    (b'{"text": "x", "decision": "publish"\n', "line 1: not JSON \\(Expecting ',' delimiter at character "),
])
def test_a_training_file_that_cannot_train_says_why(tmp_path, content, message):
    source = tmp_path / "past.jsonl"
    source.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("moderation_train", "--input", str(source), "--promote", "--name", "site-bad")
    assert ModerationSettings.objects.filter(active_model="site-bad").count() == 0


def test_too_few_decisions_left_after_the_held_out_fifth_says_so(tmp_path):
    """Two decisions, one of each kind: the hash that holds a fifth out takes one of them (checked below), so the
    message must say that, not that the file lacks a kind."""
    from masthead.moderation import site_training

    lines = [{"text": "fine comment", "decision": "publish"},
             {"text": "you idiot", "decision": "reject"}]
    examples = site_training.file_examples(json.dumps(line) for line in lines)
    train, held = site_training.split(examples)
    assert (len(held), len(train)) == (1, 1)
    with pytest.raises(CommandError, match="after a fifth is set aside to measure the model, 0 published and 1 "
                                           "held or rejected are left"):
        call_command("moderation_train", "--input", str(_write(tmp_path / "two.jsonl", *lines)), "--dry-run")


@pytest.mark.parametrize("command", [["moderation_screen", "hello"],
                                     ["moderation_train", "--input", "past.jsonl", "--promote"]])
def test_a_database_never_set_up_asks_for_migrate_instead_of_a_traceback(tmp_path, command):
    (tmp_path / "past.jsonl").write_bytes(past_decisions(10))
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "MASTHEAD_EXPECT_DB", "DJANGO_SETTINGS_MODULE")}
    env.update(MASTHEAD_DATA_DIR=str(tmp_path / "fresh"), PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-m", "masthead", *command], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "set it up first with: masthead migrate" in done.stderr


def test_the_exit_status_tells_a_script_whether_every_row_was_screened(tmp_path):
    """From a shell (``set -e``, a cron job): 0 when every row was screened, 2 when some could not be read, with
    every row still written in order and the reason on standard error, never a traceback."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "MASTHEAD_EXPECT_DB", "DJANGO_SETTINGS_MODULE")}
    env.update(MASTHEAD_DATA_DIR=str(tmp_path / "site"), PYTHONPATH=str(REPO))

    def masthead(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "masthead", *arguments], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=300)

    assert masthead("migrate", "--verbosity", "0").returncode == 0
    clean = _write(tmp_path / "clean.jsonl", {"text": FINE}, {"text": THREAT})
    done = masthead("moderation_screen", "--input", str(clean))
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["decision"] for line in done.stdout.splitlines()] == ["publish", "hold"]

    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(json.dumps({"text": FINE}) + "\n{oops\n" + json.dumps({"text": THREAT}) + "\n")
    done = masthead("moderation_screen", "--input", str(mixed), "--format", "csv")
    assert done.returncode == 2
    written = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(row["line"], row["decision"]) for row in written] == [("1", "publish"), ("2", ""), ("3", "hold")]
    assert "screened 2 rows: 1 publish, 1 hold, 0 reject; 1 could not be read" in done.stderr
    assert "1 row could not be read (see their 'error'); the others were screened" in done.stderr
    assert "Traceback" not in done.stderr


def _write(path: Path, *rows: dict) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def test_output_piped_to_a_reader_that_stops_early_ends_quietly(tmp_path):
    """``masthead moderation_screen --input big.jsonl | head``: the reader goes away; no traceback follows, for
    any command (``masthead/cli.py``; shown with ``help``, which needs no database)."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "MASTHEAD_EXPECT_DB", "DJANGO_SETTINGS_MODULE")}
    env.update(MASTHEAD_DATA_DIR=str(tmp_path / "fresh"), PYTHONPATH=str(REPO))
    process = subprocess.Popen([sys.executable, "-m", "masthead", "help"], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.close()  # the reader is gone before the first write
    _, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert b"Traceback" not in err
    assert b"BrokenPipe" not in err
