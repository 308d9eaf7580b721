"""The demo publication's newsroom and beats: a reader-funded newsroom in Aldine, a fictional river city.

Everything here is invented; any resemblance to a real person or place is accidental.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    bio: str


@dataclass(frozen=True)
class Beat:
    slug: str
    name: str
    description: str
    drawing: str  # a key of masthead.publishing.demo.images.DRAWINGS


@dataclass(frozen=True)
class Story:
    """One demo article. ``hours_ago`` places it in time relative to the moment the demo is seeded."""

    slug: str
    headline: str
    standfirst: str
    topics: list[str]
    authors: list[str]
    hours_ago: float
    body: str
    caption: str = ""
    drawing: str = ""  # defaults to the first topic's drawing
    draft: bool = False  # a negative hours_ago schedules the story instead
    discussion_open: bool = True
    extra: dict[str, object] = field(default_factory=dict)


AUTHORS = [
    Person("maya-okafor", "Maya Okafor",
           "Maya covers City Hall, the council and the budget. Before joining the newsroom she spent six years "
           "reading public contracts for a legal aid clinic, and she still reads every agenda packet."),
    Person("daniel-reyes-hart", "Daniel Reyes-Hart",
           "Daniel reports on housing, rents and development. He grew up in Eastbank, rents a flat in Ashgrove and "
           "keeps a spreadsheet of every eviction filing in the county."),
    Person("ingrid-solberg", "Ingrid Solberg",
           "Ingrid writes about the Wend River, the weather and the city's environment. She was a field "
           "hydrologist before she was a reporter, and she answers reader questions about water every Friday."),
    Person("theo-abernathy", "Theo Abernathy",
           "Theo covers schools, childcare and young people in Aldine. He taught middle-school science for "
           "eight years and sits in on more school board meetings than anyone should."),
    Person("nadia-farouk", "Nadia Farouk",
           "Nadia covers transport and the local economy: buses, bridges, bike lanes, small businesses and the "
           "people who keep them going. Send her your commute."),
    Person("june-castellanos", "June Castellanos",
           "June is the editor and writes about health and culture. She founded the newsroom with a folding "
           "table, two laptops and the first 300 readers who chipped in."),
]

TOPICS = [
    Beat("city-hall", "City Hall", "The mayor, the council, the budget and the people who run Aldine.", "civic"),
    Beat("housing", "Housing", "Rents, evictions, new building and who gets to live in the city.", "rooftops"),
    Beat("environment", "Environment", "The Wend River, floods, heat, trees and the air we breathe.", "river"),
    Beat("schools", "Schools", "Aldine Unified, childcare, libraries and the lives of young people.", "books"),
    Beat("transport", "Transport", "Buses, bridges, bike lanes, parking and getting around.", "transit"),
    Beat("culture", "Culture", "Stages, galleries, festivals, food and the people who make them.", "shapes"),
    Beat("health", "Health", "Clinics, hospitals, public health and care close to home.", "weave"),
    Beat("business", "Business", "Shops, jobs, the riverfront economy and the people behind the counter.",
         "storefronts"),
]
