from django.urls import path

from masthead.publishing import views

app_name = "publishing"
urlpatterns = [
    path("", views.home, name="home"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("articles/<slug:slug>/", views.article, name="article"),
]
