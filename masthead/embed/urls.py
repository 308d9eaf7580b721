from django.urls import path

from masthead.embed import views

app_name = "embed"
urlpatterns = [
    path("check", views.check, name="check"),
    path("counts", views.counts, name="counts"),
    path("frame/", views.frame, name="frame"),
    path("thread/", views.thread_by_url, name="thread_by_url"),
    path("thread/<int:article_id>/", views.thread, name="thread"),
    path("signin/", views.signin, name="signin"),
]
