"""One article's comments as feeds, under the article's URL (mounted at the site root, before publishing's)."""

from django.urls import path
from django.views.decorators.cache import cache_control

from masthead.discussion import feeds

# Feed readers poll; five minutes of caching (by them or a proxy) costs a reader nothing.
_feed = cache_control(public=True, max_age=300)

app_name = "discussion_feeds"
urlpatterns = [
    path("articles/<slug:slug>/comments/feed/", _feed(feeds.ArticleCommentsFeed()), name="comments-feed"),
    path("articles/<slug:slug>/comments/feed/atom/", _feed(feeds.ArticleCommentsAtomFeed()), name="comments-atom"),
]
