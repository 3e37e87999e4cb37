"""A synthetic catalogue shaped like ours (Finnish and Swedish compounds, multi-word names) and
queries drawn from it as people type them: typos, missing diacritics, prefixes, case endings."""

from __future__ import annotations

import random

FI_STEMS = ["sähkö", "automaatio", "hoito", "rakennus", "kone", "tuotanto", "logistiikka", "metsä",
            "puu", "kiinteistö", "palvelu", "ravintola", "catering", "kasvatus", "ohjaus", "lähi",
            "terveys", "sosiaali", "ajoneuvo", "talo", "tekniikka", "laboratorio", "prosessi",
            "teollisuus", "hius", "kauneus", "liiketoiminta", "matkailu", "maatalous", "kala",
            "kaivos", "pinta", "käsittely", "elintarvike", "turvallisuus", "viestintä", "media",
            "tieto", "vene", "lentokone", "asennus", "huolto", "välinehuolto", "lääke", "hammas",
            "puutarha", "hevos", "talous", "luonto", "ympäristö", "musiikki", "tanssi", "sirkus"]
FI_ENDINGS = ["alan perustutkinto", "alan ammattitutkinto", "alan erikoisammattitutkinto",
              "asentaja", "hoitaja", "kuljettaja", "mekaanikko", "teknikko", "työntekijä",
              "ohjaaja", "neuvoja", "suunnittelija", "myyjä", "esimies"]
SV_STEMS = ["el", "energi", "vård", "omsorg", "bygg", "anläggning", "fordon", "transport",
            "handel", "hotell", "turism", "industri", "natur", "bruk", "restaurang", "livsmedel",
            "vvs", "fastighet", "barn", "fritid", "frisör", "hantverk", "skog", "lager", "maskin",
            "under", "sköterska", "process", "trä", "betong", "plåt", "svets", "kök", "data"]
SV_ENDINGS = ["programmet", "montör", "tekniker", "skötare", "förare", "arbetare", "mekaniker",
              "examen", "utbildning", "assistent", "handledare", "säljare", "operatör"]
ENDINGS_INFLECTED = ["n", "ssa", "lle", "a", "t", "ksi", "en", "na"]
PLAIN = str.maketrans("äöåÄÖÅ", "aoaAOA")


def make_labels(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    labels: set[str] = set()
    while len(labels) < count:
        if rng.random() < 0.6:
            words = [rng.choice(FI_STEMS) + rng.choice(FI_STEMS[:20] + [""])
                     for _ in range(rng.choice((1, 1, 2)))]
            label = (" ja ".join(words) if len(words) > 1 else words[0]) + rng.choice(
                ["", " "]) + rng.choice(FI_ENDINGS)
        else:
            label = rng.choice(SV_STEMS) + rng.choice(["-", " och ", ""]) + rng.choice(
                SV_STEMS) + rng.choice(SV_ENDINGS)
        if rng.random() < 0.3:
            label += f" {rng.randint(1, 999)}"  # variants, as a national list has them
        labels.add(label)
    return sorted(labels)


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    position = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "swap", "replace", "double"))
    if kind == "drop":
        return word[:position] + word[position + 1:]
    if kind == "swap":
        return word[:position - 1] + word[position] + word[position - 1] + word[position + 1:]
    if kind == "replace":
        return word[:position] + rng.choice("aeiklnorstu") + word[position + 1:]
    return word[:position] + word[position] + word[position:]


def make_queries(labels: list[str], count: int = 500, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        label = rng.choice(labels)
        words = label.split()
        query = " ".join(words[: rng.choice((1, 1, 2, len(words)))])
        for _typo_number in range(rng.choice((0, 0, 1, 2))):
            query = _typo(query, rng)
        if rng.random() < 0.5:
            query = query.translate(PLAIN)               # typed without ä, ö, å
        if rng.random() < 0.2 and len(query) > 6:
            query = query[: rng.randint(4, len(query) - 1)]  # still typing
        elif rng.random() < 0.2:
            query += rng.choice(ENDINGS_INFLECTED)       # a Finnish case ending
        queries.append(query)
    return queries
