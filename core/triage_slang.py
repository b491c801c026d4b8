"""How residents spell, mapped to the words triage's patterns are written in (data).

"u", "ur", "n", "rn", "m8", "lil", "sed", "bout" and the dropped g ("killin", "screamin") are
common in the messages that matter most. A message's words are mapped before its patterns
are tried; the mapping is only made when a cue word (or a slang word standing for one) is
there, so a plain message costs nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.triage_cues import CUES

_WORDS = """
u=you ya=you yu=you ur=your n=and r=are rn=right_now atm=at_the_moment rite=right
bout=about abt=about m8=mate m8s=mates mte=mate sed=said sez=says lil=little cos=because coz=because
cuz=because bc=because bcos=because becuz=because beacuse=because pls=please plz=please
ppl=people wiv=with wen=when wot=what wat=what tho=though thru=through mam=mum mom=mum mummy=mum
bruv=brother sis=sister gna=gonna gunna=gonna gona=gonna wana=wanna dunno=dont_know cnt=cant
dnt=dont av=have ave=have goin=going b4=before 2nite=tonight tonite=tonight 2day=today
2moro=tomorrow tmrw=tomorrow msg=message msgs=messages txt=text txts=texts txting=texting
pix=pics idk=i_dont_know alot=a_lot ive=ive im=im nite=night nuffin=nothing nothin=nothing
summat=something sumthin=something sumone=someone some1=someone any1=anyone no1=no_one every1=everyone
hav=have gud=good wud=would cud=could shud=should aint=isnt innit=isnt_it yeh=yeah ye=you
fella=fella bloke=bloke hubby=husband stepdad=step_dad stepmum=step_mum
"""

#: -ing words whose dropped-g spelling ("killin") is mapped back, beside every cue word in -ing.
_ING = ("thinking killing hitting screaming shouting messaging cutting hurting taking going coming saying telling "
        "asking beating kicking punching crying looking living dying trying sleeping staying drinking smoking dealing "
        "selling nothing something anything everything morning evening being doing getting having making leaving "
        "running sending texting following stalking harming starving burning bleeding breathing fighting banging")

SLANG: dict[bytes, bytes] = {
    key.encode(): value.replace("_", " ").encode()
    for key, value in (pair.split("=") for pair in _WORDS.split()) if key != value
}


def with_dropped_g(words: Iterable[bytes]) -> dict[bytes, bytes]:
    """`SLANG` plus the dropped-g spelling of every -ing word of `words` and of `_ING`."""
    out = dict(SLANG)
    for word in (*words, *(w.encode() for w in _ING.split())):
        if word.endswith(b"ing") and len(word) > 4:
            out.setdefault(word[:-1], word)
    return out


SPOKEN: dict[bytes, bytes] = with_dropped_g(word for cue in CUES for word in cue.words)
"""What triage maps each word to before its patterns read a message (`SLANG` and dropped g)."""
