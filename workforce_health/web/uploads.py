"""Refuse an upload that is too large before reading its body.

Django reads no more than a request's ``Content-Length``, so checking it first means a 1 GB
upload is never read, nor streamed to a temporary file (Django's FILE_UPLOAD_MAX_MEMORY_SIZE
only decides between memory and disk; DATA_UPLOAD_MAX_MEMORY_SIZE does not count files). CSRF
is checked after the size (``csrf_protect``), because the CSRF check reads the body; a refused
request changes nothing. Decorate the view with ``csrf_exempt`` outermost, so that the
middleware leaves the check to this decorator, and put ``requires`` between the two.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_protect

View = Callable[..., HttpResponse]
FORM_ALLOWANCE = 64 * 1024  # the request's other fields and multipart boundaries


def declared_length(request: HttpRequest) -> int:
    length = str(request.META.get("CONTENT_LENGTH") or "0")
    return int(length) if length.isdigit() else 0  # as Django reads it


def refuses_large_uploads(max_bytes: Callable[[], int], refusal: View) -> Callable[[View], View]:
    """Answer ``refusal(request, *args, **kwargs)`` (status 413) to a POST declaring more than
    ``max_bytes()`` of files plus ``FORM_ALLOWANCE``, without reading it (the refusal must not
    read ``request.POST`` or ``request.FILES`` either); otherwise run the view, CSRF checked."""

    def decorator(view: View) -> View:
        protected = csrf_protect(view)

        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST" and declared_length(request) > (
                max_bytes() + FORM_ALLOWANCE
            ):
                response = refusal(request, *args, **kwargs)
                response.status_code = 413
                return response
            return protected(request, *args, **kwargs)

        return wrapped

    return decorator
