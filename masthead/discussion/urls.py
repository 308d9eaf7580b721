from django.urls import path

from masthead.discussion import views

app_name = "discussion"
urlpatterns = [
    path("threads/<int:thread_id>/comments", views.post_comment, name="post"),
    path("threads/<int:thread_id>/vote", views.vote, name="vote"),
    path("threads/<int:thread_id>/page", views.fragment, name="fragment"),
    path("threads/<int:thread_id>/events", views.events, name="events"),
    path("comments/<int:comment_id>/edit", views.edit, name="edit"),
    path("comments/<int:comment_id>/delete", views.delete, name="delete"),
]
