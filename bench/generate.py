"""A synthetic corpus of wire-style diplomatic articles for benchmarks.

Actors, titles and issues are drawn from the knowledge base plus invented
officials the knowledge base does not know, so that entity resolution and
merging do real work. Deterministic for a given seed.

    python bench/generate.py N OUT_DIR [--seed 7]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIRST = ["Anna", "Marek", "Leila", "Tomas", "Ingrid", "Kofi", "Rahul", "Sofia", "Daniel", "Mei",
         "Omar", "Elena", "Jonas", "Aiko", "Pavel", "Nadia", "Lucas", "Amara", "Viktor", "Hana"]
LAST = ["Novak", "Haddad", "Lindqvist", "Mensah", "Kapoor", "Ferreira", "Okafor", "Tanaka", "Kowalski",
        "Petrov", "Castillo", "Brennan", "Aziz", "Moreau", "Sato", "Horvat", "Adeyemi", "Larsen"]
COUNTRIES = ["United States", "China", "Russia", "Ukraine", "Japan", "South Korea", "India", "France",
             "Germany", "Turkey", "Iran", "Israel", "Philippines", "Vietnam", "Brazil", "Poland",
             "Australia", "Indonesia", "Egypt", "Saudi Arabia", "Canada", "Mexico", "Kenya", "Qatar"]
DEMONYM = {"United States": "US", "China": "Chinese", "Russia": "Russian", "Ukraine": "Ukrainian",
           "Japan": "Japanese", "South Korea": "South Korean", "India": "Indian", "France": "French",
           "Germany": "German", "Turkey": "Turkish", "Iran": "Iranian", "Israel": "Israeli",
           "Philippines": "Philippine", "Vietnam": "Vietnamese", "Brazil": "Brazilian",
           "Poland": "Polish", "Australia": "Australian", "Indonesia": "Indonesian",
           "Egypt": "Egyptian", "Saudi Arabia": "Saudi", "Canada": "Canadian", "Mexico": "Mexican",
           "Kenya": "Kenyan", "Qatar": "Qatari"}
TITLES = ["Foreign Minister", "Defence Minister", "Prime Minister", "President", "Trade Minister",
          "Deputy Foreign Minister", "Ambassador", "National Security Adviser"]
ISSUES = ["the war in Ukraine", "the South China Sea", "human rights", "fentanyl trafficking",
          "climate change", "export controls on chips", "North Korea's missile launches",
          "the Gaza ceasefire", "the Black Sea grain deal", "energy security", "trade tariffs",
          "artificial intelligence", "arms control", "cybersecurity", "migration"]
TEMPLATES = [
    "{t1} {p1} met {t2} {p2} in {cap} on {day}.",
    "{p1} held talks with {p2} on {issue}.",
    "{p1} said {he1} raised concerns about {issue} with {p2}.",
    "{c1} urged {c2} to {verb} on {issue}, {p1} told reporters.",
    "Tensions between {c1} and {c2} have risen over {issue}.",
    "{p2} warned {c1} against any escalation.",
    "{c1} and {c2} agreed to deepen cooperation on {issue}.",
    "{p1} criticised {c2} for its stance on {issue}.",
    "{c1} does not support {c2}'s position on {issue}, the ministry said.",
    "{p1} travelled to {c2} for two days of meetings.",
    "{c1} imposed sanctions on {c2} over {issue}.",
    "{p1} may visit {c2} later this year, officials said.",
    "Officials said the meeting lasted nearly three hours and covered {issue}.",
    "Markets in {cap} were calm as the talks began.",
    "{p2} said {he2} hoped for progress but gave no details.",
    "{c2} has pledged support for {c1} in the dispute.",
]


def _person(rng: random.Random, known: list[dict]) -> tuple[str, str, str]:
    """(name, title, country) from the knowledge base or invented."""
    if rng.random() < 0.5:
        entry = rng.choice(known)
        return entry["name"], (entry.get("positions") or ["Minister"])[0], entry["country_name"]
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(TITLES), rng.choice(COUNTRIES)


def article(rng: random.Random, known: list[dict], capitals: dict[str, str]) -> str:
    n1, title1, c1 = _person(rng, known)
    n2, title2, c2 = _person(rng, known)
    if c1 == c2:
        c2 = rng.choice([c for c in COUNTRIES if c != c1])
    date = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(700))
    slots = {"t1": f"{DEMONYM.get(c1, '')} {title1}".strip(), "t2": f"{DEMONYM.get(c2, '')} {title2}".strip(),
             "p1": n1, "p2": n2, "c1": c1, "c2": c2, "cap": capitals.get(c2, c2),
             "day": rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
             "he1": rng.choice(["he", "she"]), "he2": rng.choice(["he", "she"]),
             "verb": rng.choice(["act", "do more", "show restraint", "engage"])}
    lines = [TEMPLATES[0].format(**slots)]
    for _ in range(rng.randint(9, 16)):
        slots["issue"] = rng.choice(ISSUES)
        sentence = rng.choice(TEMPLATES).format(**slots)
        short = {**slots, "p1": n1.split()[-1], "p2": n2.split()[-1]}
        lines.append(rng.choice([sentence, rng.choice(TEMPLATES).format(**short)]))
    return f" date {date.isoformat()} " + "\n".join(lines) + "\n"


def generate(n: int, out: Path, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    people = yaml.safe_load((ROOT / "ontology/kb/people.yaml").read_text())
    countries = yaml.safe_load((ROOT / "ontology/kb/countries.yaml").read_text())
    import pycountry

    names = {}
    for code, extra in countries.items():
        country = pycountry.countries.get(alpha_2=code)
        label = (extra or {}).get("label") or getattr(country, "common_name", None) or country.name
        names[code] = (label, ((extra or {}).get("capitals") or [label])[0])
    known = [{**p, "country_name": names[p["country"]][0]} for p in people
             if p.get("country") in names and names[p["country"]][0] in COUNTRIES]
    capitals = {label: capital for label, capital in names.values()}
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = out / f"article-{i:05d}.txt"
        path.write_text(article(rng, known, capitals), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.n, args.out, args.seed)
