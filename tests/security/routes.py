"""Every URL pattern of the project, found by walking the resolver (included urlconfs too)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    key: str  # "namespace:name", or the route text for an unnamed pattern
    route: str
    callback: object


def walk(resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            yield from walk(entry, prefix + str(entry.pattern),
                            f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            key = f"{namespace}{entry.name}" if entry.name else route
            yield Route(key=key, route=route, callback=entry.callback)


def all_routes() -> dict[str, Route]:
    routes: dict[str, Route] = {}
    for r in walk():
        routes.setdefault(r.key, r)
    return routes
