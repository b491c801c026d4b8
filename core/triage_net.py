"""The last net for safeguarding (data): words of harm or distress about a person.

Phrase patterns (`core.triage_safeguarding`, `core.triage_disclosures`) miss disclosures said
in words nobody wrote a pattern for; measured on labelled messages written after the patterns,
they found about two in three. The goal set for safeguarding is recall 0.95 at precision 0.6,
and a missed disclosure is the worst error dutydesk can make, so this net labels any message
that holds a word of harm or distress (`_HARM`) and says who it happens to (`_WHO`), or a
weaker sign (`_WEAK`) about a child, an old or a vulnerable person. Figures of speech ("this
queue is killing me") and plain service talk (roadworks, potholes, parking) are let through.
"""

from __future__ import annotations

from core.triage_cue import ELDER, VULNERABLE, WHO_AT_RISK, Cue, alt, cue

S = "safeguarding"

_HARM = """
scared frightened terrified afraid petrified unsafe danger hurting hurts harming hit hits hitting beats beating beaten
punched punches punching kicked kicks kicking slapped slaps slapping smacked smacks smacking strangled strangling
choked choking pushed shoved grabbed dragged drags bitten bruise bruises bruised bruising injuries injured blood
bleeding cuts cutting scratching burns abused abusing abusive violent violence threatened threatens threatening
threats controlling coercive forced forcing raped rape touched touching groped groomed grooming exploited
exploiting trafficked neglected neglect starving hungry unfed filthy abandoned missing runaway homeless evicted
die dying dead death suicidal suicide kill killing overdose pills tablets goodbye burden hopeless worthless
desperate crisis breaking cope coping struggling tether lonely isolated crying screaming screams locked trapped
dealers gang knife stabbed 999 refuge flee fleeing escape nowhere scammed stolen stealing attacks attacked
assaulted molested wrists ledge shaking shook naked nude nudes inappropriate uncomfortable creepy stalking hurt harm
abuse bully bullied bullying cried tears depressed depression panic weapon gun machete bleach drown drowning sex
sexual porn temper rage eggshells flinches horrible overdosed cuckooing paedo paedophile pedo nonce abducted
kidnapped noose battered throttled
"""
_WEAK = """
alone own night nights overnight messaging messages messaged heating cold freezing answer answering miss edge
platform location packages package sleeping rough washed fed food dark late 10pm 11pm midnight 1am 2am 3am strangers
stranger older adult snapchat whatsapp instagram tiktok online goodbye anymore wake gone drunk drinking weed vodka
alcohol cannabis secret weird photos pics fallen confused wandering pregnant
"""
# Money is a sign only about an old or vulnerable person (financial abuse), not about a child.
_MONEY = "money benefits pension savings scam scammer scammers scammed thousands bank"
_WHO = alt("me", "my", "i", "im", "myself", "he", "she", "hes", "shes", "him", "her", "his", "they", "them", "their",
           "we", "us", "our", "partner", "husband", "wife", "boyfriend", "girlfriend", "bf", "gf", "fella", "ex",
           "dad", "mum", "mother", "father", "step dad", "stepdad", "son", "daughter", "brother", "sister", "nan",
           "gran", "grandad", "grandma", "grandson", "granddaughter", "uncle", "aunt", "friend", "mate", "neighbour",
           "neighbours", "carer", "teacher", "child", "children", "kid", "kids", "baby", "toddler", "boy", "girl",
           "lad", "teen", "teenager", "elderly", "pensioner", "old", "someone", "somebody", "man", "woman", "people")
# Figures of speech and service talk that carry the words above without anyone at risk.
_NOT_ABOUT_HARM = (
    r"^(?!.*\b(?:killing (?:me|my)|dying (?:to|for)|to die for|kill for|kill me now|death of me|dead tired|dead body"
    r"|scared (?:stiff )?of (?:the|what the)|scared to (?:drive|cycle|park|go in my garden)|hurt my (?:back|ankle|knee"
    r"|leg|arm|foot|wrist)|hurting my (?:back|ankle|knee|leg|arm|foot)|cut myself on|left on hold|will kill me if"
    r"|kids will love|hit (?:a|the) pothole|hit by (?:a|the) ball|locked (?:myself|ourselves) out|dying on"
    r"|breaking point with|tree (?:is )?dying|plants? (?:are |is )?dying|leave (?:the kids|them|us|him|her) alone"
    r"|abuse of (?:power|process|the system|trust|position)|hurt by (?:the|this|your) (?:decision|council|way)"
    r"|kicked out of|kicked (?:a|the) ball|kicked off|hit by (?:a|the) (?:\w+ )?ball|secret santa|food bank"
    r"|(?:going to|gonna|will|ll) kill me (?:for|when|if|lol|haha)"
    r"|drowning (?:my|our|the|your) (?:garden|lawn|plants|veg|allotment|crops|flowers|sorrows|chips|yard)"
    r"|drowning in (?:paperwork|emails|work|admin|leaves|forms|bureaucracy|red tape)"
    r"|(?:screaming|shrieking|crying|squealing) (?:with|in) (?:joy|laughter|delight|excitement|happiness)"
    r"|alone with (?:their|my|our|his|her) (?:gran|nan|grandma|grandad|grandparents|dad|mum|aunt|auntie|uncle)"
    r"|register (?:a|the|his|her|my \w+s) death|death (?:certificate|notice|registration)|tell us once"
    r"|dying (?:here|out here|in this)(?=.*\b(?:degrees|heat|hot|sun|shade|queue|wait))"
    r"|(?:scared|afraid|terrified|frightened|petrified) of (?:heights|spiders|the dark|flying|needles|clowns|wasps"
    r"|bees|snakes|thunder|lightning|fireworks|water|swimming|mice|birds)"
    r"|(?:someone|somebody|anyone|a child|a kid|people) (?:could|might|will|would|is going to|gonna) (?:get|be)"
    r" (?:hurt|killed|injured)|before (?:someone|somebody|anyone|a child|a kid|people) (?:gets?|is) (?:hurt|killed"
    r"|injured))\b)"
    r"(?!.*\b(?:roadworks|potholes?|tyre|parking|bus pass|traffic|noise|weather|lifeguard|first aid|changing room"
    r"|skate park|pharmacy|cycle lane|rats|splash park|paddling pool|fire station|planning|bin|bins|recycling|council"
    r" tax|dog|cat|tripped|slipped|uneven|swings?|slide|surfacing|claim from|make a claim|compensation|trees?|hedge"
    r"|noisy|grass|flowers|plants|roundabout|junction|gate|keys|cafe|swimming|snack|menu|lunch club)\b)")

CUES: tuple[Cue, ...] = (
    cue(S, _HARM, alt(*_HARM.split()), needs=_NOT_ABOUT_HARM + r".*" + _WHO),
    cue(S, _WEAK, alt(*_WEAK.split()), needs=_NOT_ABOUT_HARM + r".*" + WHO_AT_RISK),
    cue(S, _MONEY, alt(*_MONEY.split()) + r"(?! holidays?\b)", needs=_NOT_ABOUT_HARM + r".*(?:" + ELDER + "|" + VULNERABLE + ")"),
)
"""The net's cues: a word of harm about anyone, a weaker sign about someone at risk, money about
an old or vulnerable person."""
