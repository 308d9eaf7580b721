"""In Chromium: an editor marks a passage with the keyboard path and asks readers about it; a guest opens the
marked passage, reads the question and answers it."""

from __future__ import annotations

import pytest

from masthead.passages.models import PassageAnchor, PassageQuestion
from masthead.testing.passages import article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST_SENTENCE = "The council met on Tuesday to discuss the river path."


def test_an_editor_asks_about_a_passage_and_a_guest_answers(live_site, chromium,
                                                            django_user_model):
    target = article()
    url = f"{live_site.url}{target.get_absolute_url()}"
    django_user_model.objects.create_user("desk", "desk@example.org", "pw-desk-123", is_staff=True)
    editor_context, guest_context = chromium.new_context(), chromium.new_context()
    try:
        editor = editor_context.new_page()
        editor.set_default_timeout(10_000)
        editor.goto(f"{live_site.url}/admin/login/?next={target.get_absolute_url()}")
        editor.fill("#id_username", "desk")
        editor.fill("#id_password", "pw-desk-123")
        editor.click("input[type=submit]")
        editor.wait_for_selector(".passage-start")
        editor.focus(".passage-start")
        editor.keyboard.press("Enter")
        editor.keyboard.press("Enter")  # the first sentence, as it is
        editor.fill(".passage-form textarea[name=body]", "Were you at this meeting? Tell us what you saw.")
        editor.check(".passage-form input[name=as_question]")
        editor.click(".passage-submit")
        editor.wait_for_selector(".passage-panel >> text=The editors ask: Were you at this meeting?")
        question = PassageQuestion.objects.get()
        assert question.anchor.exact == FIRST_SENTENCE

        guest = guest_context.new_page()
        guest.set_default_timeout(10_000)
        guest.goto(url)
        mark = guest.locator(f"#passage-{question.anchor.pk}")
        assert "question from the editors" in mark.get_attribute("aria-label")
        assert guest.locator("mark.passage-mark--end").get_attribute("data-count") == "?"
        mark.focus()
        guest.keyboard.press("Enter")
        guest.wait_for_selector(".passage-panel >> text=The editors ask: Were you at this meeting?")
        guest.click(".passage-comment-this")
        guest.fill(".passage-form textarea[name=body]", "Yes, the hall was full and the vote was quick.")
        guest.fill(".passage-form input[name=author_name]", "Local Reader")
        guest.click(".passage-submit")
        guest.wait_for_selector(".passage-panel .passage-comments >> text=the hall was full")
        answer = PassageAnchor.objects.get(comment__isnull=False)
        assert answer.question == question
        assert guest.locator("mark.passage-mark--end").get_attribute("data-count") == "1"
    finally:
        editor_context.close()
        guest_context.close()
