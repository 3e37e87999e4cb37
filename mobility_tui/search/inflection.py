"""Is one folded word an inflected form of another (Finnish, Swedish or English)?

Folded text has no diacritics (ä→a, ö→o, å→a), so the endings are listed folded. The rules are
deliberately small: case and number endings of the nouns that name occupations and degrees
("sairaanhoitajan", "sairaanhoitajaksi", "lääkäreitä", "kokin", "sjuksköterskor", "läraren",
"nurses"), never derivation. A word of fewer than four letters is only ever equal to itself.
"""

from __future__ import annotations

from functools import lru_cache

# Endings added to the whole word (singular cases, Swedish definite forms, plurals, genitives).
_WORD_ENDINGS = frozenset({
    # Finnish singular cases and clitics
    "n", "a", "ta", "ksi", "na", "ssa", "sta", "lla", "lta", "lle", "t", "kin", "ko", "han",
    "an", "en", "in", "on", "un", "yn", "hin", "seen", "tta", "ni", "si", "nsa", "mme", "nne",
    # Swedish
    "s", "ns", "ens", "et", "ets", "er", "ar", "or", "erna", "arna", "orna", "ernas",
    # English
    "es",
})
# Endings that replace the last vowel (Finnish plural stems, Swedish plurals of -a/-e words).
_STEM_ENDINGS = frozenset({
    # Finnish plural: hoitaja -> hoitajien, hoitajia; lääkäri -> lääkäreitä; kätilö -> kätilöitä
    "ia", "ien", "iin", "ina", "iksi", "issa", "ista", "illa", "ilta", "ille", "ihin", "ineen",
    "eita", "eiden", "eina", "eiksi", "eissa", "eista", "eilla", "eille", "eja", "ejen", "ea",
    "ita", "iden", "itten",
    # Swedish: sjuksköterska -> sjuksköterskor, lärare -> lärarna
    "or", "orna", "ors", "ornas", "na", "an", "ans", "ar", "arna",
})
_VOWELS = frozenset("aeiouy")
_DOUBLE = ("kk", "pp", "tt")


@lru_cache(maxsize=65536)
def inflected(word: str, base: str) -> bool:
    """True when `word` is `base` itself or one of its inflected forms."""
    if word == base:
        return True
    if len(base) < 4 or len(word) <= len(base) - 1:
        return False
    if word.startswith(base) and word[len(base):] in _WORD_ENDINGS:
        return True
    if base[-1] in _VOWELS:
        stem = base[:-1]
        if word.startswith(stem) and word[len(stem):] in _STEM_ENDINGS:
            return True
        # Consonant gradation: kokki -> kokin, seppä -> sepän (strong kk/pp/tt turns weak).
        if stem.endswith(_DOUBLE):
            weak = stem[:-1] + base[-1]
            if word.startswith(weak) and (word[len(weak):] in _WORD_ENDINGS
                                          or word[len(weak):] == ""):
                return True
    return False


@lru_cache(maxsize=65536)
def endings_removed(word: str) -> frozenset[str]:
    """The word and what is left of it without one known ending (for typo checks)."""
    found = {word}
    for size in range(1, 6):
        if len(word) - size >= 4 and word[-size:] in _WORD_ENDINGS:
            found.add(word[:-size])
    return frozenset(found)
