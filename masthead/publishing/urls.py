from django.urls import path
from django.views.decorators.cache import cache_control

from masthead.publishing import feeds, sitemaps, views

# Feed readers poll; five minutes of caching (by them or a proxy) costs a reader nothing.
_feed = cache_control(public=True, max_age=300)

app_name = "publishing"
urlpatterns = [
    path("", views.home, name="home"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("articles/<slug:slug>/", views.article, name="article"),
    # Feeds: RSS 2.0 and Atom, site-wide, per topic and per article's comments.
    path("feed/", _feed(feeds.LatestArticlesFeed()), name="feed"),
    path("feed/atom/", _feed(feeds.LatestArticlesAtomFeed()), name="atom"),
    path("topics/<slug:slug>/feed/", _feed(feeds.TopicFeed()), name="feed-topic"),
    path("topics/<slug:slug>/feed/atom/", _feed(feeds.TopicAtomFeed()), name="atom-topic"),
    # One article's comments: discussion/feed_urls.py (the discussion app builds them, under the article's URL).
    # Sitemaps and robots.txt.
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemaps/pages.xml", sitemaps.sitemap_pages, name="sitemap-pages"),
    path("sitemaps/articles-<int:page>.xml", sitemaps.sitemap_articles, name="sitemap-articles"),
    path("news-sitemap.xml", sitemaps.sitemap_news, name="sitemap-news"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
