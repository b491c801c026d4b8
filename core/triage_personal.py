"""Personal data posted in public, for `core.triage`.

Buckinghamshire, "Personal information and confidentiality": if a customer puts their own
details in a public comment (a phone number, a benefits code...), politely advise them to
remove it and continue privately. Direct messages are already private: `core.triage` does not
ask. Found here: email addresses, UK phone numbers, National Insurance numbers, card numbers
(Luhn-checked, or laid out in four groups of four), an address (a house number before a
postcode, "I live at 4 Mill Road", or a house and street said of a person: "the kids at 14
Kenyon Close"), a vehicle registration said of a person, a date of birth, and account, claim,
passport or NHS numbers given as such.
"""

from __future__ import annotations

import re

# The part of an address after the @; the part before is checked by hand (see _has_email).
_EMAIL_DOMAIN = re.compile(r"@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_EMAIL_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._%+-")
# The council's own and other public bodies' addresses are not anyone's personal data.
_PUBLIC_DOMAIN = re.compile(r"\.(?:gov|police|nhs|sch|parliament)\.uk$")
# A run of at least six digits, maybe spaced: phone, card and NI numbers all have one.
_DIGIT_RUN = re.compile(r"\d[\d\s()-]{4,}\d")
# UK numbers: 0 or +44, then 9 or 10 digits starting 1, 2 (landlines) or 7 (mobiles). Numbers
# starting 03 are for organisations (Ofcom), never a person's own.
_PHONE = re.compile(r"(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)[127](?:[\s)-]{0,2}\d){8,9}(?!\d)")
# "the council's number 01273 ...", "the number for Customer First 01323 ...": a public number, not
# personal, when one of these words comes shortly before it...
_PUBLIC_PHONE_WORDS = ("council", "your", "helpline", "switchboard", "office", "number for", "centre", "library",
                       "school", "surgery", "station", "hall", "desk", "team", "department", "dept", "customer service",
                       "customer first", "customer contact", "enquiries", "reception", "hotline", "contact centre")
_PUBLIC_PHONE_REACH = 45
# ... or one of these right after it: "is 01323 410000 the right number for council tax?"
_PUBLIC_PHONE_AFTER = ("right number", "correct number", "number for", "the number to", "still the number",
                       "main number", "switchboard", "helpline")
_PUBLIC_PHONE_AFTER_REACH = 30
# National Insurance number: two prefix letters (D, F, I, Q, U, V never used), six digits, A-D.
_NI_NUMBER = re.compile(r"\b[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[a-d]\b")
_CARD_LIKE = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
_NOT_DIGIT = re.compile(r"\D")
# The inward half of a postcode ("2ab" of "bn7 2ab") is cheap to find; the rest is checked after.
_INWARD_CODE = re.compile(r"\d[a-z]{2}\b")
_POSTCODE = re.compile(r"\b[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}\b")
# A house number before a street name ("12 high street", "12a, mill lane", "flat 3").
_HOUSE_NUMBER = re.compile(r"\b(?:\d{1,4}[a-z]?,?\s+[a-z]|flat\s+\d)")
# After a postcode a house number must say so: "... BN21 4XY and I live at number 12".
_HOUSE_NUMBER_WORDS = re.compile(r"\b(?:number|no\.?|flat|house)\s+\d{1,4}[a-z]?\b|\blive\s+at\s+\d")
_ADDRESS_REACH = 80
"""How far before a postcode a house number may start and still read as one address."""
# One's own address said in words, without a postcode: "I live at 15 Southover Road".
_OWN_ADDRESS = re.compile(
    r"\b(?:i\s+live\s+at|my\s+address\s+is|my\s+address:|address\s*:|we\s+live\s+at|i(?:['’]?m|\s+am)"
    r"\s+at|come\s+to|deliver\s+(?:it\s+)?to|send\s+(?:it\s+)?to)\s+(?:flat\s+\d+\w?,?\s+)?\d{1,4}[a-z]?,?\s+"
    r"(?:[a-z]+\s+){1,3}(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|gardens"
    r"|terrace|place|court|grove|hill|rise|parade|square|row|walk|mews|park|view)\b")
# Someone else's address, said of a person: "the kids at 14 Kenyon Close", "Darren Pickering,
# 41 Marsh Lane", "josh from 33 Priory Crescent" (a pothole "at 12 High Street" is no one's: the
# message must also speak of a person, see _PERSON).
_HOUSE_AND_STREET = re.compile(
    r"\d{1,4}[a-z]?,?\s+(?:[a-z]+\s+){1,3}(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent"
    r"|gardens|terrace|place|court|grove|hill|rise|parade|square|row|walk|mews|view|cottages?|farm)\b")
# What comes just before a house and street said of someone ("at", "from", "lives at flat 3", ",").
_BEFORE_THEIR_ADDRESS = re.compile(r"(?:\b(?:at|from|of)(?:\s+(?:flat\s+\d+\w?,?|number))?|,)\s+$")
_STREET_WORDS = frozenset(b"road rd street st lane ln avenue ave close drive dr way crescent gardens terrace place court"
                          b" grove hill rise parade square row walk mews view cottage cottages farm".split())
_PERSON = frozenset(
    b"he she his her him hes shes they them mum mam dad kids children lad lads bloke woman man lady mr mrs ms"
    b" miss lives living family neighbour neighbours tenant tenants girl boy son daughter husband wife partner"
    b" nan gran grandad fella guy couple bairn bairns lass driver owner belongs its thats".split())
"""Words that say a message speaks of a person (it is searched only with an address or a registration)."""
# A vehicle registration (current format) said of a person: "drives a white transit YK19 ABC".
_REGISTRATION = re.compile(r"\b[a-z]{2}\d{2}\s?[a-z]{3}\b")
# A National Insurance number named as such, whatever its letters ("my NI number is QQ 12 34 56 C":
# residents copy the form's example letters too), and a card number laid out as a card shows it.
_NAMED_NI_NUMBER = re.compile(r"\b(?:ni|nino|national\s+insurance)\s+(?:number|no)?\W*(?:is\s+)?\W*"
                              r"[a-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[a-d]\b")
_REFERENCE = re.compile(r"\b(?:ref|reference|order|invoice|booking|tracking|case)\b")
_CARD_LAYOUT = re.compile(r"(?<!\d)\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?!\d)")
# An email address spelled out, given as one: "email terry dot gould at examplemail dot com"
# (a shop "at vibesboutique dot com" is a website).
_SPOKEN_EMAIL = re.compile(r"\b(?:email|e mail|mail|on|is|address|contact|reach)\b(?: \w+){0,3}? [a-z0-9]+"
                           r"(?: dot [a-z0-9]+)* at [a-z0-9-]+(?: dot [a-z]{2,})*"
                           r" dot (?:com|co dot uk|org|net|uk|me)\b")
# A phone number said in words or spaced out ("oh seven seven double oh nine hundred...",
# "0 7 7 9 1 2 3 4 5 6 7"): the digits each word stands for, counted along a run of such words.
_DIGIT_WORDS = {"zero": 1, "oh": 1, "o": 1, "nought": 1, "one": 1, "two": 1, "three": 1, "four": 1, "five": 1,
                "six": 1, "seven": 1, "eight": 1, "nine": 1, "double": 1, "treble": 2, "triple": 2, "hundred": 2}
_SPOKEN_PHONE_DIGITS = 10
# Where such a number may start: a nought said as a word, or a spaced "0 7".
_SPOKEN_PHONE_START = re.compile(rb"(?:^|\s)(?:oh|zero|nought|0\s[1-9])\s")
# A date of birth, or an account, claim, NHS or similar number given as such.
_DOB = re.compile(r"\b(?:dob|d\.o\.b|date\s+of\s+birth|born\s+on)\b\W*(?:is\s+)?\W*\d|\bborn\s+(?:the\s+)?\d{1,2}(?:st|nd"
                  r"|rd|th)?[\s/.-]+(?:\d{1,2}\b|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_ACCOUNT_NUMBER = re.compile(
    r"\b(?:nhs|national\s+insurance|council\s+tax|account|acc|claim|tenancy|benefits?|passport"
    r"|licen[cs]e|sort\s+code|customer|payroll|bank|policy)\s+(?:(?:account\s+)?(?:number|no|num"
    r"|ref|reference|code|id)\b\.?(?:\s+(?!\d)\w+){0,6}\s*)?(?:is\s+)?[:#]?\s*\d[\d -]{5,}\d")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _has_email(low: str) -> bool:
    for m in _EMAIL_DOMAIN.finditer(low):
        if (m.start() > 0 and low[m.start() - 1] in _EMAIL_LOCAL_CHARS
                and not _PUBLIC_DOMAIN.search(m.group())):
            return True
    return False


def _has_phone(low: str) -> bool:
    for m in _PHONE.finditer(low):
        before = low[max(0, m.start() - _PUBLIC_PHONE_REACH):m.start()]
        after = low[m.end():m.end() + _PUBLIC_PHONE_AFTER_REACH]
        if not (any(word in before for word in _PUBLIC_PHONE_WORDS)
                or any(word in after for word in _PUBLIC_PHONE_AFTER)):
            return True

    return False


def _has_card_number(low: str) -> bool:
    # The Luhn check keeps reference numbers and long digit runs from reading as cards.
    return any(_luhn_ok(_NOT_DIGIT.sub("", m.group())) for m in _CARD_LIKE.finditer(low))


def _says_own_address(low: str) -> bool:
    # Substring tests first: each is a fast scan, the pattern a slow one.
    return (("live" in low or "address" in low or "m at " in low or "come to " in low or "deliver" in low
             or "send" in low) and _OWN_ADDRESS.search(low) is not None)


def _says_date_of_birth(low: str) -> bool:
    return ("dob" in low or "d.o.b" in low or "birth" in low or "born" in low) and _DOB.search(low) is not None


def _has_address(low: str) -> bool:
    if _says_own_address(low):
        return True
    if not _INWARD_CODE.search(low):
        return False
    for m in _POSTCODE.finditer(low):
        if (_HOUSE_NUMBER.search(low, max(0, m.start() - _ADDRESS_REACH), m.start())
                or _HOUSE_NUMBER_WORDS.search(low, m.end(), m.end() + _ADDRESS_REACH)):
            return True
    return False


_DIGITS = b"0123456789"


def has_personal_data(low: str, words: bytes) -> bool:
    """Whether lowercased `low` (`words` is `core.triage_pack.normalise` of it) holds someone's
    personal details."""
    if "@" in low and _has_email(low):
        return True
    if " dot " in low and _SPOKEN_EMAIL.search(low):
        return True
    if ((b"oh " in words or b"zero" in words or b"nought" in words or b" 0 " in words or words[:2] == b"0 ")
            and _SPOKEN_PHONE_START.search(words) and _spoken_phone(words)
            and not any(word in low for word in _PUBLIC_PHONE_WORDS)):
        return True
    if len(words.translate(None, _DIGITS)) == len(words):
        return False  # no digit at all: no number, no postcode, no date
    if _DIGIT_RUN.search(low) and (_has_phone(low) or _NI_NUMBER.search(low) or _NAMED_NI_NUMBER.search(low)
                                   or _has_card_number(low) or _has_card_layout(low)
                                   or _ACCOUNT_NUMBER.search(low)):
        return True
    return _says_date_of_birth(low) or _has_address(low) or _said_of_a_person(low, words)


def _has_card_layout(low: str) -> bool:
    """Four groups of four digits, unless called a reference ("Reference 1234 5678 9012 3456")."""
    return any(not _REFERENCE.search(low, max(0, m.start() - 25), m.start()) for m in _CARD_LAYOUT.finditer(low))


def _spoken_phone(words: bytes) -> bool:
    """A run of number words and digits long enough to be a phone number, that starts with a
    nought ("oh seven seven double oh...", "07700 nine zero zero...")."""
    run = said = 0  # digits so far; of them, said in words or one by one
    for word in words.decode("utf-8", "replace").split():
        count = len(word) if word.isdigit() else _DIGIT_WORDS.get(word, 0)
        if not count:
            run = said = 0
            continue
        if run == 0 and not (word[0] == "0" or word in ("oh", "zero", "o", "nought")):
            continue
        run += count
        said += count if count == 1 or not word.isdigit() else 0
        if run >= _SPOKEN_PHONE_DIGITS and said >= 3:
            return True
    return False


def _said_of_a_person(low: str, words: bytes) -> bool:
    """Someone's address or vehicle registration in a message that speaks of a person."""
    tokens = words.split()
    if _PERSON.isdisjoint(tokens):
        return False
    # Look-ups first: the patterns are only tried on a message that holds a street word or a
    # word that could start a registration.
    if not _STREET_WORDS.isdisjoint(tokens) and _their_address(low):
        return True
    return (any(len(t) >= 4 and t[2:4].isdigit() and t[:2].isalpha() for t in tokens)
            and _REGISTRATION.search(low) is not None)


def _their_address(low: str) -> bool:
    return any(_BEFORE_THEIR_ADDRESS.search(low, max(0, m.start() - 24), m.start())
               for m in _HOUSE_AND_STREET.finditer(low))


