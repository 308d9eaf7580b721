from django.urls import path

from masthead.desk import history, publish, uploads, views

app_name = "desk"
urlpatterns = [
    path("", views.home, name="home"),
    path("new", views.new, name="new"),
    path("articles/<int:pk>/", views.edit, name="edit"),
    path("articles/<int:pk>/autosave", views.autosave, name="autosave"),
    path("articles/<int:pk>/preview", views.preview, name="preview"),
    path("articles/<int:pk>/publish", publish.publish, name="publish"),
    path("articles/<int:pk>/corrections", publish.add_correction, name="correction"),
    path("articles/<int:pk>/revisions/", history.revisions, name="revisions"),
    path("articles/<int:pk>/revisions/<int:number>/restore", history.restore, name="restore"),
    path("articles/<int:pk>/images", uploads.upload, name="upload"),
    path("images/<int:pk>", uploads.update, name="image"),
    path("shared/<str:token>/", publish.shared_preview, name="shared-preview"),
]
