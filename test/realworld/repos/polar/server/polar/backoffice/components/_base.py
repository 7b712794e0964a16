import contextlib
from collections.abc import Generator, Sequence

from fastapi import Request
from tagflow import tag, text

from polar.config import settings

from ..static_urls import static_url


def _environment_banner() -> None:
    if settings.is_production():
        return
    label = "LOCAL" if settings.is_development() else settings.ENV.value.upper()
    color_classes = (
        "bg-warning text-warning-content"
        if settings.is_sandbox()
        else "bg-info text-info-content"
    )
    with tag.div(
        classes=f"w-full text-center text-xs font-semibold uppercase tracking-widest py-1 {color_classes}"
    ):
        text(label)


@contextlib.contextmanager
def title(title_parts: Sequence[str]) -> Generator[None]:
    with tag.title(id="page_title", hx_swap_oob="true"):
        text(
            " · ".join((*title_parts, "Polar Backoffice")),
        )
    yield


@contextlib.contextmanager
def base(request: Request, title_parts: Sequence[str]) -> Generator[None]:
    with tag.html(lang="en"):
        with tag.head():
            with tag.meta(charset="utf-8"):
                pass
            with tag.meta(
                name="viewport", content="width=device-width, initial-scale=1.0"
            ):
                pass
            with tag.link(
                href=static_url(request, "favicon-backoffice-dark.png"),
                rel="icon",
                type="image/png",
                media="(prefers-color-scheme: dark)",
            ):
                pass
            with tag.link(
                href=static_url(request, "favicon-backoffice-light.png"),
                rel="icon",
                type="image/png",
                media="(prefers-color-scheme: light)",
            ):
                pass
            with tag.link(
                href=static_url(request, "styles.css"),
                rel="stylesheet",
                type="text/css",
            ):
                pass
            with tag.script(src=static_url(request, "scripts.js")):
                pass
            with title(title_parts):
                pass

            with tag.script(type="text/hyperscript"):
                text("""
                on every htmx:beforeSend from <form />
                    for submitButton in <button[type='submit'] /> in it
                    toggle @disabled on submitButton until htmx:afterOnLoad
                    end
                end

                behavior CopyToClipboard(text)
                    on click call navigator.clipboard.writeText(text)
                    then add @disabled to me
                    then toggle .hidden on <div /> in me
                    then wait 5s
                    then toggle .hidden on <div /> in me
                    then remove @disabled from me
                end
                """)

        with tag.body():
            _environment_banner()
            yield

            with tag.div(id="modal"):
                pass

            with tag.div(
                classes="absolute z-40 bottom-1 right-1 hidden",
                _="""
                on htmx:beforeSend from document
                  remove .hidden
                end
                on htmx:historyRestore from document
                  add .hidden
                end
                on htmx:afterOnLoad from document
                  add .hidden
                end
              """,
            ):
                with tag.span(classes="loading loading-spinner loading-sm"):
                    pass


__all__ = ["base", "title"]
