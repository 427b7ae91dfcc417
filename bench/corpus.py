"""A deterministic synthetic news corpus for the speed benchmark (no network, no shared data).

Articles of about 5,000 characters built from templates: direct quotes with straight and curly
marks, reported speech ("X said that ...", "According to X, ..."), people named in full, then by
surname, title and pronoun, and datelines.
"""
from __future__ import annotations

import random

FIRST = [("Claire", "she"), ("Marcus", "he"), ("Anita", "she"), ("David", "he"), ("Helen", "she"),
         ("Tom", "he"), ("Fatima", "she"), ("Jonas", "he"), ("Priya", "she"), ("Samuel", "he"),
         ("Elena", "she"), ("Kwame", "he"), ("Lucia", "she"), ("Omar", "he"), ("Ingrid", "she"),
         ("Victor", "he"), ("Mei", "she"), ("Rafael", "he"), ("Nadia", "she"), ("George", "he")]
LAST = ["Dubois", "Feld", "Rao", "Okafor", "Marsh", "Reyes", "Haddad", "Lindqvist", "Sharma", "Adeyemi",
        "Petrova", "Mensah", "Ferreira", "Nasser", "Holm", "Castillo", "Chen", "Moreno", "Karimi", "Walsh"]
ROLES = [("Finance Minister", "the minister"), ("Mayor", "the mayor"), ("Councillor", "the councillor"),
         ("Police Chief", "the chief"), ("Health Minister", "the minister"), ("Senator", "the senator"),
         ("Judge", "the judge"), ("Governor", "the governor")]
PLACES = ["OTTAWA", "LONDON", "NAIROBI", "LISBON", "MANILA", "DENVER", "OSLO", "LIMA", "DUBLIN", "PERTH"]
TOPICS = ["the budget", "the new rail line", "hospital waiting lists", "the housing plan", "the trade deal",
          "the tax reform", "the water shortage", "school funding", "the port expansion", "the climate bill"]
VERBS = ["said", "told reporters", "argued", "warned", "insisted", "added", "explained", "noted"]
CLAIMS = ["costs would rise by {n} percent next year", "the plan had been delayed for {n} months",
          "about {n} families would be affected", "the government had ignored the warnings",
          "the deal would create {n} jobs", "the figures were published too late",
          "nobody had consulted the residents", "the programme was working as intended"]
QUOTES = ["We cannot keep waiting for someone else to fix this", "This is the right decision for the country",
          "People deserve honest answers about {t}", "We will not accept a plan that leaves {n} families behind",
          "The numbers speak for themselves", "Nobody voted for this", "It is too little, too late",
          "We have been patient for {n} years", "I will not be rushed on {t}",
          "Our door remains open to anyone who wants to talk"]
FILLER = ["The debate over {t} has divided the council for months.",
          "Officials released new figures on Tuesday showing {n} applications in the last quarter.",
          "Several hundred people attended the meeting, which lasted more than three hours.",
          "The proposal will be debated again next week before a final vote.",
          "Critics have pointed to similar projects abroad that ran over budget.",
          "The office did not respond to a request for further comment."]


def article(i: int, target: int = 5000, seed: int = 0) -> dict:
    rng = random.Random(seed * 1_000_003 + i)
    topic = rng.choice(TOPICS)
    k = rng.randint(2, 4)  # distinct first names, surnames and roles: one person per surname
    people = [(first, last, role, pron) for (first, pron), last, role
              in zip(rng.sample(FIRST, k), rng.sample(LAST, k), rng.sample(ROLES, k))]
    fill = lambda s: s.format(t=topic, n=rng.randint(2, 900))  # noqa: E731
    paras = [f"{rng.choice(PLACES)} - " + fill(rng.choice(FILLER))]
    introduced = set()
    while sum(len(p) + 1 for p in paras) < target:
        first, last, (role, title), pron = person = rng.choice(people)
        known = person in introduced
        name = last if known else f"{role} {first} {last}"
        q, claim, verb = fill(rng.choice(QUOTES)), fill(rng.choice(CLAIMS)), rng.choice(VERBS)
        open_, close = rng.choice([('"', '"'), ("“", "”")])
        forms = [
            f"{open_}{q},{close} {name} {verb}. {pron.capitalize()} said that {claim}.",
            f"{name} said that {claim}. {open_}{q}.{close}",
            f"According to {name}, {claim}. {title.capitalize()} {verb} that {fill(rng.choice(CLAIMS))}.",
            f"{name} called the plan {open_}{fill(rng.choice(QUOTES)).lower()}{close} and said {claim}.",
        ]
        if known:  # pronoun-only attribution once the reader knows who "he" or "she" is
            forms.append(f"{open_}{q}. {fill(rng.choice(QUOTES))},{close} {pron} {verb}.")
        if rng.random() < 0.2:
            paras.append(fill(rng.choice(FILLER)) + " " + fill(rng.choice(FILLER)))
            continue
        paras.append(rng.choice(forms))
        introduced.add(person)
    return {"doc_id": f"synthetic-{i:05d}", "text": "\n".join(paras) + "\n",
            "title": f"Row over {topic} deepens"}


def corpus(n: int, seed: int = 0) -> list[dict]:
    return [article(i, seed=seed) for i in range(n)]
