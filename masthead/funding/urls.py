from django.urls import path

from masthead.funding import views

app_name = "funding"
urlpatterns = [
    path("", views.support, name="support"),
]
