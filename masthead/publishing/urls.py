from django.urls import path

from masthead.publishing import feeds, sitemaps, views

app_name = "publishing"
urlpatterns = [
    path("", views.home, name="home"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("articles/<slug:slug>/", views.article, name="article"),
    # Feeds: RSS 2.0 and Atom, site-wide and per topic.
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="atom"),
    path("topics/<slug:slug>/feed/", feeds.TopicFeed(), name="feed-topic"),
    path("topics/<slug:slug>/feed/atom/", feeds.TopicAtomFeed(), name="atom-topic"),
    # Sitemaps and robots.txt.
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemaps/pages.xml", sitemaps.sitemap_pages, name="sitemap-pages"),
    path("sitemaps/articles-<int:page>.xml", sitemaps.sitemap_articles, name="sitemap-articles"),
    path("news-sitemap.xml", sitemaps.sitemap_news, name="sitemap-news"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
