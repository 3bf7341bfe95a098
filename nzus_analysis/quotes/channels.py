"""The channel a statement came through (codebook: `data/channels.md`), and the outlet it cites."""

from __future__ import annotations

import re

from nzus_analysis.text.actors import ActorIndex, Resolution

_SOCIAL = re.compile(r"social media|tweet|twitter|facebook|instagram|posted on|\bon X\b", re.I)


_STATEMENT = re.compile(r"statement|press release|news release|communiqu|written|parliament", re.I)


_INTERVIEW = re.compile(
    r"interview|press conference|\btold (?:reporters|journalists|the\s+[A-Z]|[A-Z])"
    r"|\bon (?:radio|TV|television|air)\b|\bspeaking (?:to|on)\b",
)


# Any of the three: most attributions name no channel and are cleared by this one search.
_NAMED_CHANNEL = re.compile(
    "|".join(f"(?{'i' if p.flags & re.I else ''}:{p.pattern})" for p in (_SOCIAL, _STATEMENT, _INTERVIEW))
)


_CITING = re.compile(r"according to|reported|reports|told")  # words that cite an outlet (`via_in`)


_PERSON_LIKE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\.?\s+[A-Z]|[Hh]e$|[Ss]he$)")


CHANNELS = ("unstated", "interview", "statement", "social_media", "second_hand", "unspecified")


def channel_of(attribution: str, resolution: Resolution, via: str) -> tuple[str, str]:
    actor = resolution.actor
    if via:
        return "second_hand", via
    if actor is not None and actor.kind == "news outlet":
        return "second_hand", actor.canonical
    named = _NAMED_CHANNEL.search(attribution) is not None
    if named and _SOCIAL.search(attribution):
        return "social_media", ""
    if named and _STATEMENT.search(attribution):
        return "statement", ""
    if actor is not None and actor.kind in ("government body", "organisation"):
        return "statement", ""  # a body speaks through statements (data/channels.md)
    if named and _INTERVIEW.search(attribution):
        return "interview", ""
    if actor is not None and actor.kind == "person":
        return "unstated", ""
    if actor is None and _PERSON_LIKE.match(resolution.mention):
        return "unstated", ""  # a person outside the actor table ("Mr Howard", "he" resolved)
    return "unspecified", ""


def names_channel(attribution: str) -> bool:
    return _NAMED_CHANNEL.search(attribution) is not None


def via_in(actors: ActorIndex, tail: str) -> str:
    """The outlet a tail clause cites (', according to the AP' / ', the Guardian reported')."""
    if not _CITING.search(tail):
        return ""
    for mention in actors.mentions(tail):
        if mention.actor.kind == "news outlet":
            return mention.actor.canonical
    return ""
