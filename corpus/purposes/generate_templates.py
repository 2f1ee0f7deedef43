"""Compose the templated share of the purpose training passages.

Run once to (re)create the ``source: "template"`` rows of ``passages.jsonl``:

    .venv/bin/python corpus/purposes/generate_templates.py > /tmp/templates.jsonl

Templates only ever go to the *train* split: the test split is hand-written in
different wording, so that held-out figures do not reward memorised templates.
The output is deterministic for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import json
import random

HOMES = ["Kassel", "Jena", "Rostock", "Ulm", "Trier", "Hagen", "Gotha", "Siegen", "Celle",
         "Weimar", "Passau", "Kempten", "Bautzen", "Minden", "Landshut", "Wetzlar"]
PARTNERS_EU = ["Besançon", "Toruń", "Pilsen", "Szeged", "Arezzo", "Turku", "Limoges",
               "Opava", "Elbląg", "Clermont-Ferrand", "Mödling", "Kalmar", "Haarlem"]
PARTNERS_SOUTH = ["Gulu", "Tamale", "Quetzaltenango", "Ziguinchor", "Masaya", "Mwanza",
                  "Bobo-Dioulasso", "Cuenca", "Kumasi", "Nampula"]
NATIONS = ["Franzosen", "Polen", "Tschechen", "Niederländern", "Briten", "Israelis"]

SUBJECTS = [
    "Die Partnerschaft mit {p}", "Die Städtepartnerschaft zwischen {h} und {p}",
    "Die Verbindung von {h} nach {p}", "Die Kooperation mit der Partnerstadt {p}",
    "Der Partnerschaftsvertrag mit {p}", "Die Freundschaft zwischen {h} und {p}",
]
PREDICATES_DAT = ["dient vor allem {g}", "widmet sich in erster Linie {g}",
                  "steht im Zeichen {gen}", "ist ausgerichtet auf {acc}"]
GOALS = {
    "reconciliation": [
        ("der Aussöhnung zwischen Deutschen und {n}", "der Aussöhnung", "die Aussöhnung zwischen Deutschen und {n}"),
        ("der Völkerverständigung", "der Völkerverständigung", "die Völkerverständigung"),
        ("dem Frieden in Europa", "des Friedens", "den Frieden in Europa"),
        ("der Überwindung alter Feindbilder", "der Versöhnung", "die Überwindung alter Feindbilder"),
        ("der Verständigung zwischen Ost und West", "der deutsch-deutschen Annäherung", "die Annäherung zwischen Ost und West"),
    ],
    "economic": [
        ("der wirtschaftlichen Zusammenarbeit", "der Wirtschaft", "die wirtschaftliche Zusammenarbeit"),
        ("der Förderung von Handel und Investitionen", "des Handels", "Handel und Investitionen"),
        ("dem Aufbau von Unternehmenskontakten", "der Wirtschaftsförderung", "Kontakte zwischen Unternehmen"),
        ("der Erschließung neuer Märkte", "neuer Absatzmärkte", "neue Märkte für Betriebe der Region"),
    ],
    "development_cooperation": [
        ("der kommunalen Entwicklungszusammenarbeit", "der Entwicklungszusammenarbeit", "die kommunale Entwicklungszusammenarbeit"),
        ("der nachhaltigen Entwicklung in {s}", "der Nord-Süd-Zusammenarbeit", "Projekte für Wasser und Bildung in {s}"),
        ("der Verbesserung der Trinkwasserversorgung in {s}", "der Einen Welt", "die Wasserversorgung in {s}"),
        ("dem Bau von Schulen und Gesundheitsstationen in {s}", "globaler Gerechtigkeit", "Hilfe beim Aufbau der Verwaltung in {s}"),
    ],
    "youth_exchange": [
        ("dem Jugendaustausch", "des Jugendaustauschs", "den Austausch junger Menschen"),
        ("der Begegnung junger Menschen", "der Jugendbegegnung", "Begegnungen von Jugendlichen"),
        ("dem Schüleraustausch", "des Schüleraustauschs", "den Schüleraustausch"),
        ("den Schulpartnerschaften", "der Schulpartnerschaften", "Schulpartnerschaften und Ferienfahrten"),
    ],
}
BULLETS = {
    "reconciliation": ["Versöhnung nach dem Krieg", "Völkerverständigung", "Friedensarbeit in Europa"],
    "economic": ["Wirtschaftsbeziehungen", "Unternehmerreisen", "Handel und Investitionen"],
    "development_cooperation": ["Entwicklungszusammenarbeit", "Nord-Süd-Projekte", "Globales Lernen und Wasserprojekte"],
    "youth_exchange": ["Jugendaustausch", "Schülerbegegnungen", "Jugendcamps"],
}
NEGATIVES = [
    "{h} ist ein wichtiger Wirtschaftsstandort in der Region.",
    "{p} ist bekannt für seine Altstadt und seine Universität.",
    "Die Partnerschaft mit {p} besteht seit {y}.",
    "Im Mai besuchte eine Delegation aus {p} das Rathaus in {h}.",
    "Die Partnerschaft mit {p} ist nicht in erster Linie wirtschaftlich ausgerichtet.",
    "Ein Schüleraustausch mit {p} findet derzeit nicht statt.",
    "Der Stadtrat von {h} berät am Donnerstag über den Haushalt.",
    "Die Wirtschaft in {h} wuchs im vergangenen Jahr um zwei Prozent.",
    "Der Friedhof in {h} wird um ein Urnenfeld erweitert.",
    "Der Partnerschaftsverein {h}–{p} lädt zur Mitgliederversammlung ein.",
    "Die Feuerwehren aus {h} und {p} trafen sich zu einer gemeinsamen Übung.",
    "Mit Entwicklungshilfe hat die Verbindung zwischen {h} und {p} nichts zu tun.",
]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(h=rng.choice(HOMES), p=rng.choice(PARTNERS_EU),
                           s=rng.choice(PARTNERS_SOUTH), n=rng.choice(NATIONS),
                           y=rng.randint(1955, 2019))


def _sentence(label: str, rng: random.Random) -> str:
    dat, gen, acc = rng.choice(GOALS[label])
    subject = rng.choice(SUBJECTS)
    if label == "development_cooperation":
        subject = subject.replace("{p}", "{s}")
    predicate = rng.choice(PREDICATES_DAT).format(g=dat, gen=gen, acc=acc)
    return _fill(f"{subject} {predicate}.", rng)


def generate(seed: int = 0) -> list[dict]:
    """Return the templated passages as records in the ``passages.jsonl`` format."""
    rng = random.Random(seed)
    rows: list[tuple[str, list[str]]] = []
    labels = list(GOALS)
    for label in labels:
        for _ in range(20):
            rows.append((_sentence(label, rng), [label]))
        for bullet in BULLETS[label]:
            rows.append((f"- {bullet}", [label]))
    for _ in range(20):
        pair = sorted(rng.sample(labels, 2), key=labels.index)
        a = rng.choice(GOALS[pair[0]])[0]
        b = rng.choice(GOALS[pair[1]])[0]
        subject = rng.choice(SUBJECTS)
        rows.append((_fill(f"{subject} dient {a} und {b}.", rng), pair))
    for template in NEGATIVES:
        for _ in range(3):
            rows.append((_fill(template, rng), []))
    seen: set[str] = set()
    records = []
    for text, labs in rows:
        if text in seen:
            continue
        seen.add(text)
        records.append({"id": f"tpl-{len(records) + 1:03d}", "text": text, "labels": labs,
                        "split": "train", "source": "template", "note": ""})
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for record in generate(args.seed):
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
