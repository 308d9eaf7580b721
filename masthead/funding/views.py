from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def support(request: HttpRequest) -> HttpResponse:
    """The support page. The [funding] issue adds the campaign and the donation form."""
    return render(request, "funding/support.html")
