import functools
import inspect
import re
from collections.abc import Callable
from typing import Any, Literal, TypedDict

from fastapi import APIRouter as _APIRouter
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncSession

from polar.config import settings
from polar.kit.pagination import ListResource
from polar.openapi import APITag


class AutoCommitAPIRoute(APIRoute):
    """
    A subclass of `APIRoute` that automatically
    commits the session after the endpoint is called.

    It allows to directly return ORM objects from the endpoint
    without having to call `session.commit()` before returning.
    """

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        endpoint = self.wrap_endpoint(endpoint)
        super().__init__(path, endpoint, **kwargs)

    def wrap_endpoint(self, endpoint: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(endpoint)
        async def wrapped_endpoint(*args: Any, **kwargs: Any) -> Any:
            session: AsyncSession | None = None
            for arg in (args, *kwargs.values()):
                if isinstance(arg, AsyncSession):
                    session = arg
                    break

            response = await endpoint(*args, **kwargs)

            if session is not None:
                await session.commit()

            return response

        return wrapped_endpoint


class IncludedInSchemaAPIRoute(APIRoute):
    """
    A subclass of `APIRoute` that automatically sets the `include_in_schema` property
    depending on the tags.
    """

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        tags = self.tags
        if self.include_in_schema:
            if APITag.private in tags:
                self.include_in_schema = settings.is_development()
            elif APITag.public in tags:
                self.include_in_schema = True
            else:
                self.include_in_schema = False


class SpeakeasyNameOverrideAPIRoute(APIRoute):
    """
    A subclass of `APIRoute` that automatically adds `x-speakeasy-name-override` property
    following the route function name.
    """

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        endpoint_name = endpoint.__name__
        openapi_extra = self.openapi_extra or {}
        if "x-speakeasy-name-override" not in openapi_extra:
            self.openapi_extra = {
                **openapi_extra,
                "x-speakeasy-name-override": endpoint_name,
            }


class SpeakeasyIgnoreAPIRoute(APIRoute):
    """
    A subclass of `APIRoute` that automatically adds `x-speakeasy-ignore` property
    to the OpenAPI schema if `APITag.documented` is missing.
    """

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        tags = self.tags
        if APITag.public not in tags:
            openapi_extra = self.openapi_extra or {}
            self.openapi_extra = {**openapi_extra, "x-speakeasy-ignore": True}


class SpeakeasyGroupAPIRoute(APIRoute):
    """
    A subclass of `APIRoute` that automatically adds `x-speakeasy-group` property
    to the OpenAPI schema by combining all the non-generic tags.
    """

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        non_generic_tags = [str(tag) for tag in self.tags if tag not in APITag]
        if len(non_generic_tags) > 0:
            openapi_extra = self.openapi_extra or {}
            self.openapi_extra = {
                **openapi_extra,
                "x-speakeasy-group": ".".join(non_generic_tags),
            }


class SpeakeasyPaginationAPIRoute(APIRoute):
    """
    A subclass of `APIRoute` that automatically adds `x-speakeasy-pagination` property
    to the OpenAPI schema if the endpoint response model is a `ListResource`.
    """

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        response_model = self.response_model
        if (
            response_model is not None
            and inspect.isclass(response_model)
            and ListResource in response_model.mro()
        ):
            openapi_extra = self.openapi_extra or {}
            self.openapi_extra = {
                **openapi_extra,
                "x-speakeasy-pagination": {
                    "type": "offsetLimit",
                    "inputs": [
                        {
                            "name": "page",
                            "in": "parameters",
                            "type": "page",
                        },
                        {
                            "name": "limit",
                            "in": "parameters",
                            "type": "limit",
                        },
                    ],
                    "outputs": {
                        "results": "$.items",
                        "numPages": "$.pagination.max_page",
                    },
                },
            }


class PaginationExtension(TypedDict):
    type: Literal["page_limit"]
    item_schema: dict[str, Any]


class PaginationAPIRoute(APIRoute):
    """
    A subclass of `APIRoute` that automatically adds `x-polar-pagination` property
    to the OpenAPI schema if the endpoint response model is a `ListResource`.
    """

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        response_model = self.response_model
        if (
            response_model is not None
            and inspect.isclass(response_model)
            and ListResource in response_model.mro()
        ):
            openapi_extra = self.openapi_extra or {}
            item_schema_name_match = re.match(
                r"ListResource\[(.+)\]", response_model.__name__
            )
            if item_schema_name_match is None:
                return
            item_schema_name = item_schema_name_match.group(1)
            pagination: PaginationExtension = {
                "type": "page_limit",
                "item_schema": {"$ref": f"#/components/schemas/{item_schema_name}"},
            }
            self.openapi_extra = {**openapi_extra, "x-polar-pagination": pagination}


def generate_unique_id_function(route: APIRoute) -> str:
    parts = [str(tag) for tag in route.tags if tag not in APITag] + [route.name]
    return ":".join(parts)


def _inherit_signature_from[**P, T](
    _to: Callable[P, T],
) -> Callable[[Callable[..., T]], Callable[P, T]]:
    return lambda x: x  # pyright: ignore


def get_api_router_class(route_class: type[APIRoute]) -> type[_APIRouter]:
    """
    Returns a subclass of `APIRouter` that uses the given `route_class`.
    """

    class _CustomAPIRouter(_APIRouter):
        @_inherit_signature_from(_APIRouter.__init__)
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["route_class"] = route_class
            kwargs["generate_unique_id_function"] = generate_unique_id_function
            super().__init__(*args, **kwargs)

    return _CustomAPIRouter


__all__ = [
    "AutoCommitAPIRoute",
    "IncludedInSchemaAPIRoute",
    "PaginationAPIRoute",
    "SpeakeasyGroupAPIRoute",
    "SpeakeasyIgnoreAPIRoute",
    "SpeakeasyNameOverrideAPIRoute",
    "SpeakeasyPaginationAPIRoute",
    "get_api_router_class",
]
