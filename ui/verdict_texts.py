"""A floor page's words for a step verdict: the page's template for the verdict's reason, filled
with its params. Shared by the loader, receiving and count pages (each keeps its own templates,
translated when asked so a language change shows at once). UI thread only."""

from __future__ import annotations


def filled(texts: dict[str, str], reason: str, params: dict) -> str:
    """The template for `reason` (the reason itself when there is none) filled from `params`;
    one the params do not fill shows as it is rather than failing in front of the operator."""
    template = texts.get(reason, reason)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
