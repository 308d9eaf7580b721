from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from masthead.publishing.models import Article, Author, Topic


def home(request: HttpRequest) -> HttpResponse:
    articles = Article.objects.live()[:12]
    return render(request, "publishing/home.html", {"articles": articles})


def topic(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    return render(request, "publishing/home.html", {"articles": topic.articles.live()[:12], "topic": topic})


def author(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    return render(request, "publishing/home.html", {"articles": author.articles.live()[:12], "author": author})


def article(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.live(), slug=slug)
    return render(request, "publishing/article.html", {"article": article})
