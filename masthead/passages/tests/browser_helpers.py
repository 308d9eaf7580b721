"""Driving the passage UI in Chromium: a real mouse drag over a quote, and the passage form."""

from __future__ import annotations


def drag_select(page, quote: str) -> None:
    """Press the mouse at the quote's first letter and release it after its last."""
    box = page.evaluate("""(quote) => {
        const walker = document.createTreeWalker(document.getElementById('article-body'), NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
            const at = node.data.indexOf(quote);
            if (at < 0) continue;
            node.parentElement.scrollIntoView({block: 'center', behavior: 'instant'});
            const range = document.createRange();
            range.setStart(node, at); range.setEnd(node, at + 1);
            const first = range.getBoundingClientRect();
            range.setStart(node, at + quote.length - 1); range.setEnd(node, at + quote.length);
            const last = range.getBoundingClientRect();
            return {x1: first.left + 1, y1: first.top + first.height / 2, x2: last.left + last.width * 0.7,
                    y2: last.top + last.height / 2};
        }
        return null;
    }""", quote)
    assert box, quote
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=4)
    page.mouse.move(box["x2"], box["y2"], steps=4)
    page.mouse.up()


def post_form(page, body: str, name: str) -> None:
    page.fill(".passage-form textarea[name=body]", body)
    page.fill(".passage-form input[name=author_name]", name)
    page.click(".passage-submit")
    page.wait_for_selector(".passage-panel .passage-comments >> text=" + body)
