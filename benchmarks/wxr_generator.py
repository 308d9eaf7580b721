"""A generated WordPress WXR export for measuring `masthead import` (time, peak memory): N posts, each with
C comments in reply trees (a third top-level, the rest answering an earlier comment of the post), wpDiscuz vote
meta on some. Written as it is generated, so the generator's own memory stays flat.

    python -m benchmarks.wxr_generator out.xml --posts 10000 --comments-per-post 100
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import TextIO

WORDS = ("council", "budget", "school", "river", "bridge", "market", "library", "housing", "transit", "harbour",
         "festival", "election", "court", "hospital", "weather", "ferry", "museum", "tram", "park", "clinic")


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def write_wxr(out: TextIO, posts: int, comments_per_post: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
              'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
              'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
              'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>'
              "<title>Bench</title><link>https://bench.example</link><wp:wxr_version>1.2</wp:wxr_version>"
              "<wp:base_blog_url>https://bench.example</wp:base_blog_url>"
              "<wp:author><wp:author_login>editor</wp:author_login><wp:author_display_name>Editor"
              "</wp:author_display_name></wp:author>\n")
    comment_id = 0
    for post in range(1, posts + 1):
        out.write(f"<item><title>{_sentence(rng, 6)}</title><link>https://bench.example/{post}/</link>"
                  "<dc:creator>editor</dc:creator><content:encoded><![CDATA["
                  + "".join(f"<p>{_sentence(rng, 30)}</p>" for _ in range(5))
                  + f"]]></content:encoded><wp:post_id>{post}</wp:post_id>"
                  "<wp:post_date_gmt>2020-01-01 00:00:00</wp:post_date_gmt><wp:post_name>"
                  f"post-{post}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>")
        first = comment_id + 1
        for n in range(comments_per_post):
            comment_id += 1
            parent = 0 if n % 3 == 0 or comment_id == first else rng.randrange(first, comment_id)
            meta = ("<wp:commentmeta><wp:meta_key>wpdiscuz_votes_seperate</wp:meta_key><wp:meta_value>"
                    f'<![CDATA[a:2:{{s:4:"like";i:{rng.randrange(9)};s:7:"dislike";i:{rng.randrange(3)};}}]]>'
                    "</wp:meta_value></wp:commentmeta>") if n % 4 == 0 else ""
            out.write(f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id><wp:comment_author>Reader {n}"
                      f"</wp:comment_author><wp:comment_author_email>r{n}@example.org</wp:comment_author_email>"
                      "<wp:comment_date_gmt>2020-01-02 03:04:05</wp:comment_date_gmt><wp:comment_content>"
                      f"{_sentence(rng, 20)}</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
                      f"<wp:comment_parent>{parent}</wp:comment_parent>{meta}</wp:comment>")
        out.write("</item>\n")
    out.write("</channel></rss>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--comments-per-post", type=int, default=100)
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as out:
        write_wxr(out, args.posts, args.comments_per_post)


if __name__ == "__main__":
    main()
