from django.urls import path

from masthead.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in", views.sign_in, name="sign_in"),
    path("verify", views.verify, name="verify"),
    path("link/<str:purpose>/<str:token>", views.use_link, name="link"),
    path("sign-out", views.sign_out, name="sign_out"),
    path("name", views.display_name, name="display_name"),
    path("badge", views.badge, name="badge"),
    path("password", views.password, name="password"),
    path("data.json", views.download, name="download"),
    path("erase", views.erase, name="erase"),
]
