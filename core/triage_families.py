"""Safeguarding and urgent-danger cues by family of disclosure (data: phrase patterns).

Each family is a shape residents use without any of the policy's words: a subject at risk (a
child or a minor's age, an old or vulnerable person, a partner) with a predicate of harm,
deprivation or control somewhere in the message; or a sign that someone means to die ("ending
things", "giving her stuff away", "can't do another day"). Lincolnshire, "Engaging with young
and vulnerable people" (grooming, neglect, exploitation); Lewes 5.2; Leighton-Linslade 10.4
(see `core.triage_safeguarding`).
"""

from __future__ import annotations

from core.triage_cue import CHILD, ELDER, MINOR_AGE, URGENT, VULNERABLE, Cue, cue

S = "safeguarding"

_AT_RISK_ADULT = f"(?:{ELDER}|{VULNERABLE})"
_YOUNG = f"(?:{CHILD}|{MINOR_AGE})"
# Service talk: a message about the service carries the same words with no one at risk.
_SERVICE = (r"(?!.*\b(?:roadworks|noise|traffic|parking|potholes?|bins?|queues?|drilling|building work|rain|weather"
            r"|council tax|planning|heat|heatwave|hot|weather)\b)")
_PARTNER = (r"\b(?:he|she|hes|shes|him|husband|hubby|wife|partner|boyfriend|girlfriend|bf|gf|fella|ex|other half"
            r"|missus)\b")
_FAMILY_ADULT = (r"\b(?:step ?(?:dad|mum|father|mother)|mums (?:boyfriend|partner|fella)|dads (?:girlfriend|partner)"
                 r"|my (?:mum|dad|parents|husband|partner|boyfriend|wife|carer|foster \w+)|carers?|parents?)\b")

_ENDING: tuple[Cue, ...] = (
    # meaning to die, said without the words: "do something stupid tonight", "ending things"
    cue(S, "stupid silly daft drastic", r"\b(?:going to|gonna|might|will|ll|about to|i|ill|she|he|shell|hell|could"
                                        r"|tempted to|want to|wanna|feel like|worried|scared|afraid) (?:do|doing)"
                                        r" (?:something|smth|sumthin|summat) (?:stupid|silly|daft|drastic)\b"),
    cue(S, "another more tomorrow face", "^" + _SERVICE + r".*\b(?:(?:cant|cannot|can not|dont think i can|not sure i can"
                                         r"|couldnt|cant bear to) (?:do|face|take|manage|survive|get through|go through"
                                         r"|handle|cope with) (?:another|one more) (?:day|night|week|morning)|cant face"
                                         r" (?:tomorrow|waking up|another|life|living|going on|anyone|it any ?more))\b"),
    cue(S, "ending end", r"\b(?:talk\w*|talked|think\w*|thought|spoke|speaking|going on|on|posting|posted|writing"
                         r"|wrote|joking|jokes|like|about) (?:about )?(?:ending|end) (?:it|things|everything|it all"
                         r"|her life|his life|my life|their life)\b(?! (?:with|between|early|there|on|at|for)\b)"),
    cue(S, "think thinking thought", r"\b(?:think|thinking|thought) about (?:it|it all|jumping|doing it|falling"
                                     r"|letting go|stepping off|stepping out)\b",
        needs=r"\b(?:edge|platform|bridge|cliff|tracks|railway|roof|ledge|balcony|train|trains|river|canal|motorway"
              r"|car park|multi ?storey)\b(?!.*\b(?:repair\w*|fix\w*|uneven|slippery|closed)\b)"),
    cue(S, "drive driving crash crashing walk walking step stepping throw throwing swerve swerving jump jumping",
        r"\b(?:want|wanna|tempted|urge|feel like|felt like|thought about|think about|thinking about|thinking of"
        r"|wonder about|imagine) (?:to )?(?:just )?(?:driv(?:e|ing)|crash(?:ing)?|walk(?:ing)?|step(?:ping)?"
        r"|throw(?:ing)? (?:my|him|her)self|jump(?:ing)?|swerv(?:e|ing)) (?:\w+ )?(?:into|in front of|off|under)"
        r" (?:a|the|that|an|oncoming) (?:\w+ )?(?:wall|tree|traffic|lorry|river|sea|canal|bus|train|trains|car|cars"
        r"|bridge|cliff|roof|building|car park|motorway)\b"),
    cue(S, "born", r"\bwish(?:es|ed)? (?:i|id|she|shed|he|hed|they|theyd|you|youd) (?:had |was |were |had never |d )?"
                   r"(?:never been|was never|were never|wasnt|werent|hadnt been|not been|never) born\b"
                   r"|\b(?:should|shouldnt) (?:never )?(?:have )?been born\b"),
    cue(S, "stuff things belongings possessions clothes jewellery games away",
        r"\b(?:giving|given|gave|give|gives) (?:away )?(?:all )?(?:of )?(?:her|his|my|their) (?:\w+ )?(?:stuff|things"
        r"|belongings|possessions|clothes|jewellery|games|prized \w+)(?: away)?\b",
        needs=r"^(?!.*\b(?:charity|free|freecycle|collection|sale|donat\w*|tip|old|spare|unwanted|outgrown|tidy|clear"
              r"|moving)\b)(?=.*\b(?:goodbye|sorry|keeps? saying|been|worried|worrying|quiet|withdrawn|not eating"
              r"|stopped|depressed|low|down|said|saying|strange|weird|odd|since|everything|away)\b)"),
    cue(S, "everything enough", r"\b(?:saying|said|says|keeps saying|texted|messaged) sorry for everything\b"
                                r"|\bhad enough (?:of|with) (?:life|living|everything|it all|being alive)\b"),
    cue(S, "anymore more longer", "^" + _SERVICE + r".*\bcant (?:do it|do this|go on|keep going|carry on|take it"
                                  r"|take this|handle it|handle this|cope) (?:\w+ )?(?:any ?more|any longer|no more)\b"),
    cue(S, "without", r"\b(?:better|happier|easier|fine|best) (?:off )?without me\b"),
    cue(S, "night day", r"\b(?:tonights|tonight is|todays|today is) the (?:night|day)\b",
        needs=r"\b(?:sorry|goodbye|bye|love you|decided|forgive|done|end|over|it all)\b"),
    cue(S, "myself", r"\b(?:cant|dont|cannot|do not) see myself (?:being |still )?(?:here|around|alive|making it|getting"
                     r" through|living) (?:at|for|by|next|much|to|past|in|this|after)\b"),
    cue(S, "everything", r"\bthanks? (?:you )?for everything\b",
        needs=r"\b(?:sorry|goodbye|bye|love you|forgive|miss (?:you|me))\b"),
    cue(S, "worth", r"\blife (?:isnt|is not|aint|not|is no longer) worth (?:it|living)\b|\bnot worth (?:it|living)"
                    r" any ?more\b"),
    cue(S, "last", r"\blast time (?:you|i|anyone|we|they|youll|ill)(?: ll| will| would| d)? (?:ever )?(?:hear|see|speak"
                   r"|talk)(?: (?:from|to))? (?:me|her|him)\b"),
    cue(S, "way tired", r"\bno way out\b(?! of)|\btired of (?:fighting|trying|struggling|being (?:me|alive|here))\b"
                        r"(?! (?:the|with|for|to get|to sort)\b)"),
    cue(S, "point", r"\b(?:not seeing|doesnt see|cant see|dont see|cannot see|cant find) (?:the|any) point\b(?! (?:of|in)"
                    r" (?:the|this|these|that|paying|having|calling|ringing|reporting|complaining|asking|writing)\b)"),
    cue(S, "sick purging bulimia bulimic anorexia anorexic disorder", r"\bmak(?:es|ing|e) (?:herself|himself|myself"
                                                                       r"|themselves) sick\b|\b(?:purging|bulimi\w*"
                                                                       r"|anorexi\w*|eating disorder)\b"),
    cue(S, "forever ever", r"\b(?:sleep|go to sleep|fall asleep|close my eyes) (?:for ?ever|for good)\b"),
    cue(S, "wont", r"\bwont be (?:a (?:problem|burden|bother|nuisance)|anyones problem|your problem|around|here|alive)"
                   r" (?:for (?:much |very )?long(?:er)?|much longer|to see|by|soon|after)\b"),
    cue(S, "looking looked googling googled searching searched researching researched reading look",
        r"\b(?:looking up|looked up|googling|googled|searching|searched|researching|researched|reading about|look up)"
        r" (?:\w+ ){0,2}(?:ways to (?:die|end it|kill)|how (?:to (?:die|kill (?:my|him|her)self|end it|tie a noose"
        r"|overdose)|many \w+ (?:it takes|to take|would|kills?)|much \w+ (?:it takes|would|kills?)))"),
    cue(S, "gone dead", r"\b(?:better off|happier|easier) (?:\w+ ){0,2}if (?:i|she|he|id) (?:was|were|wasnt|werent|d)"
                       r" (?:gone|dead|not here|not around)\b"),
    cue(S, "eating eaten eat bed room", r"\b(?:stopped eating|not eating|hasnt eaten|havent eaten|wont eat|barely eating"
                                       r"|wont get out of bed|not getting out of bed|hasnt left (?:her|his|their|my)"
                                       r" (?:room|bed|flat|house))\b",
        needs=r"\b(?:no point|died|passed|lost|depress\w*|grie\w*|ending|suicid\w*|withdrawn|low|cry\w*|talking"
              r" about|hopeless|anymore|any more|giving|goodbye)\b"),
)

# An adult's age as a word of its own ("22", "22yo", "22yr"): the cue words of the age-gap cue.
_ADULT_AGE_WORDS = " ".join(f"{n}{unit}" for n in range(18, 70) for unit in ("", "yo", "yr", "yrs", "year", "years"))

_GROOMING: tuple[Cue, ...] = (
    # an adult close to a child: an age gap, secrecy, gifts and lifts, messages at night
    cue(S, _ADULT_AGE_WORDS,
        r"\b(?:is|hes|he is|shes|she is|aged|age|whos|who is) (?:1[89]|[2-6]\d)\b(?! (?:min|mins|minutes|hours|hrs"
        r"|days|weeks|months|pounds|quid|p|pence|times|miles|percent|am|pm|oclock|th|st|nd|rd|year old"
        r" (?:daughter|son|kid|child|girl|boy)))|\b(?:1[89]|[2-6]\d) ?(?:year old|yr old|yo|years old|yrs old)\b"
        r"(?! (?:daughter|son|kid|child|girl|boy))",
        needs=r"(?=.*" + MINOR_AGE + r")(?=.*\b(?:boyfriend|girlfriend|bf|gf|partner|man|mans|men|bloke|guy|older"
              r"|adult|seeing|dating|going out|sleeping|living|staying|hanging|round|flat|car|picks|picked|collects"
              r"|collected|lifts?|buys|bought|gifts|presents|vapes|drink|alcohol|messag\w*|snapchat|instagram|meet\w*"
              r"|met)\b)"),
    cue(S, "20s 30s 40s 50s twenties thirties forties fifties older",
        r"\bin (?:his|their|her) (?:20s|30s|40s|50s|twenties|thirties|forties|fifties)\b|\b(?:much |a lot |way |loads )?"
        r"older (?:boyfriend|bf|fella|friends?|girlfriend|gf|lads?|men|man|guys?|blokes?)\b",
        needs=_YOUNG + r"|\bschool\b"),
    cue(S, "secret secrets tell",
        r"\b(?:keep (?:it|this|them|things|their \w+|the \w+|our \w+) (?:a )?secrets?|(?:our|their|a|little|special)"
        r" (?:little )?secret|(?:not|never|dont) (?:to )?tell (?:anyone|anybody|her mum|his mum|her parents|his parents"
        r"|your parents|my parents|us|mum|dad|my mum|my dad|her dad|his dad|no one|nobody)|told (?:her|him|them|me)"
        r" not to tell)\b",
        needs=r"^(?!.*\b(?:surprise|santa|party|birthday|recipe|spoiler)\b)(?=.*\b(?:coach|teacher|tutor|leader|instructor"
              r"|man|men|adult|older|stranger|someone|guy|bloke|boyfriend|uncle|step ?dad|neighbour|priest|online"
              r"|snapchat|instagram|roblox|fortnite|tiktok|discord|whatsapp|game|gaming)\b)(?=.*\b(?:messag\w*|texts?"
              r"|texting|night|gifts?|presents?|pics|photos|touch\w*|meet|met|car|lifts?|money|sweets|vapes|chats?"
              r"|dms?|calls?|snaps?|weird|creepy)\b)"),
    cue(S, "messages messaged messaging texts texted texting snapchats dms dmd send sends sent sending calls rings",
        r"\b(?:coach|teacher|tutor|youth (?:leader|worker)|instructor|leader|priest|vicar|uncle|neighbour|man|bloke"
        r"|guy|adult|stranger|older \w+)s?(?: \S+){0,4} (?:messages|messaged|messaging|texts|texted|texting|snapchats"
        r"|dms|dmd|sends?|sent|sending|calls|rings) (?:me|her|him|them|my \w+|the (?:kids|girls|boys))\b",
        needs=r"\b(?:night|late|weird|strange|creepy|secret|pics|photos|uncomfortable|tell|gifts|snapchat|instagram"
              r"|private|meet|alone|1am|2am|midnight)\b"),
    cue(S, "house flat place home car van room", r"\b(?:asking|asked|asks|inviting|invited|invites|getting|trying to get"
                                                r"|offering|offered) (?:\w+ ){0,4}(?:to come|to go|back|round|over)"
                                                r" (?:\w+ ){0,2}(?:to )?(?:his|their|a|my) (?:house|flat|place|home|car"
                                                r"|van|room)\b",
        needs=r"(?=.*" + _YOUNG + r")(?=.*\b(?:man|men|bloke|guy|stranger|adult|older|someone)\b)"),
    cue(S, "room bed bedroom bathroom shower", r"\b(?:comes?|coming|came|walks?|walking|walked|barges?|barging) (?:in|into)"
                                              r" (?:my|her|his|the) (?:room|bed|bedroom|bathroom|shower)\b(?=.*\b(?:when"
                                              r" (?:im|i m|i am|shes|she is|hes)|while (?:im|i|she|he)|at night|keeps"
                                              r"|always|every)\b)", needs=_YOUNG + r"|" + _FAMILY_ADULT),
    cue(S, "weird creepy strange odd inappropriate flirty",
        r"\b(?:weird|creepy|strange|odd|inappropriate|flirty) (?:messages|texts|snaps|dms|pics|photos|comments|videos"
        r"|requests)\b", needs=_YOUNG + r"|\b(?:coach|teacher|tutor|leader|older|adult|grown)\b"),
    cue(S, "lift lifts ride rides vapes alcohol vodka drink drinks cigarettes fags weed phones presents gifts trainers",
        r"\b(?:offer\w*|giv\w*|gave|buy\w*|bought|bring\w*|brings|plying|plied) (?:\w+ ){0,5}(?:lifts?|rides?|vapes"
        r"|alcohol|vodka|drink|drinks|cigarettes|fags|weed|phones?|presents|gifts|trainers)\b",
        needs=r"(?=.*" + _YOUNG + r")(?=.*\b(?:man|men|older|lads|adult|bloke|blokes|guys|stranger|strangers|car|cars"
              r"|van)\b)"),
)

_ELDERS: tuple[Cue, ...] = (
    # an old or vulnerable person robbed by someone close, or left by those paid to care
    cue(S, "sign signing signed signs",
        r"\b(?:sign|signing|signed|signs) (?:\w+ ){0,2}(?:cheques?|checks|over|(?:a |the )?power of attorney"
        r"|(?:a |the |her |his |their )?(?:will|house|deeds|papers|documents|loan|contract|savings)|away)\b",
        needs=r"^(?=.*" + _AT_RISK_ADULT + r")(?=.*\b(?:getting|got|get|gets|made|make|makes|making|forced|forcing"
              r"|pressur\w*|persuad\w*|convinc\w*|tricked|talked)\b)(?!.*\b(?:petition|blue badge|application|apply"
              r"|register)\b)"),
    cue(S, "name", r"\b(?:loans?|credit cards?|debts?|accounts?|contracts?|phones?|catalogues?|finance|cards?)"
                   r" (?:\w+ ){0,2}in (?:her|his|their|my \w+s|my \w+ \w+s) name\b",
        needs=_AT_RISK_ADULT + r"|\bwithout (?:her|his|their) (?:knowing|knowledge|permission|consent)\b"),
    cue(S, "card pin pension savings benefits passbook chequebook cheque",
        r"\b(?:has|got|took|taken|taking|using|uses|kept|keeps|holds) (?:\w+ ){0,2}(?:his|her|their|my \w+s)"
        r" (?:bank ?card|card and pin|pin|pension|savings|benefits|bank details|passbook|cheque ?book)\b",
        needs=_AT_RISK_ADULT),
    cue(S, "left leaving leaves",
        r"\b(?:left|leaving|leaves) (?:\w+ ){0,2}(?:in (?:bed|the bed|(?:her|his|their) (?:bed|chair|pads|nappy|own \w+"
        r"|wet \w+|soiled \w+|dirty \w+)|the (?:chair|dark|cold)|wet|soiled|dirty|the same \w+)|sitting in|on the commode"
        r"|unwashed|undressed|without (?:food|water|a drink|meds|medication|care|help|heating|a wash))\b",
        needs=r"(?:" + _AT_RISK_ADULT + r"|\b(?:care (?:agency|home|workers?|staff)|agency|carers)\b)"),
    cue(S, "checked checks checking looked looks looking", r"\b(?:nobody|no one|noone)(?:s| has| have)? (?:been )?(?:checked"
                                                          r"|checking|checks|looked|looks|looking) (?:on|in on|after|out for)"
                                                          r" (?:her|him|them|the \w+(?: \w+)?|my \w+|our \w+)\b",
        needs=_AT_RISK_ADULT + r"|\blives (?:alone|on (?:her|his) own)\b|neighbour|downstairs|upstairs|next door"),
    cue(S, "nobody one noone carer carers agency workers staff",
        r"\b(?:nobody|no one|noone|carers?|agency|care workers?|staff) (?:\w+ ){0,2}(?:turns? up|turned up"
        r"|shows? up|showed up|comes?|came|visits?|visited|been) (?:half the time|once|twice|some days|late|at all"
        r"|for (?:\d+|two|three|four|five|a few|several) days)\b|\b(?:nobody|no one|noone) (?:\w+ ){0,3}(?:has|have)"
        r" (?:been|come|visited) (?:\w+ ){0,3}(?:for|in) (?:\d+|a few|several|two|three|four|five) (?:days|weeks)\b",
        needs=r"(?:" + _AT_RISK_ADULT + r"|\b(?:care (?:agency|home|package|workers?)|agency|carers)\b)"),
    cue(S, "meds medication tablets insulin pills", r"\b(?:not|isnt|arent|havent|hasnt|never|dont|doesnt|stopped)"
                                                    r" (?:been )?(?:giving|given|give|gets?|getting) (?:\w+ ){0,2}"
                                                    r"(?:her|his|their) (?:meds|medication|tablets|insulin|pills)\b",
        needs=r"(?:" + _AT_RISK_ADULT + r"|\bcare (?:home|agency)\b)"),
    cue(S, "smell smells stench flies", r"\b(?:smell|smells|stench|flies)\b",
        needs=r"^(?=.*(?:" + _AT_RISK_ADULT + r"|\blives (?:alone|on (?:her|his) own)\b|neighbour))(?=.*\b(?:days|a week"
              r"|weeks|hasnt|havent|not seen|no answer|not answering|nobody|no one|curtains|post|milk|worried)\b)"
              r"(?!.*\b(?:bins?|drains?|sewage|food waste|fly ?tip\w*|takeaway|cannabis|weed)\b)"),
    cue(S, "opened answered curtains hasnt havent nobody noone", r"\b(?:hasnt|havent|nobody has|noone has)"
                                                r" (?:opened|answered|come to|collected|taken in|picked up) (?:her|his|their|the)"
                                                r" (?:door|curtains|post|milk|papers|parcels|newspapers)\b|\bcurtains"
                                                r" (?:havent|hasnt|not) (?:moved|opened|been opened)\b|\b(?:hasnt|havent)"
                                                r" been (?:out|outside)\b",
        needs=r"(?=.*(?:" + _AT_RISK_ADULT + r"|\blives (?:alone|on (?:her|his) own)\b|neighbour))(?=.*\b(?:days|a week"
              r"|weeks|since)\b)"),
)

_CUCKOOED = (
    cue(S, "conning conned cons tricking tricked ripping ripped fleecing fleeced swindled swindling advantage exploiting "
           "preying fraud",
        r"\b(?:conning|conned|cons|tricking|tricked|ripping off|ripped off|fleecing|fleeced|swindl\w*|taking advantage"
        r" of|took advantage of|taken advantage of|exploiting|preying on|fraud)\b",
        needs=r"^(?=.*" + _AT_RISK_ADULT + r")(?!.*\b(?:council|parking|tax|charges|prices|fares|supermarket)\b)"),
    cue(S, "moved move moving living staying stopping taken took", r"\b(?:lads|men|people|blokes|strangers|youths|gang"
                                                                  r"|dealers|some \w+) (?:\w+ ){0,3}(?:moved in|move in"
                                                                  r"|moving in|living in|staying in|stopping at|taken over"
                                                                  r"|took over)\b", needs=_AT_RISK_ADULT),
)

_CONTROL: tuple[Cue, ...] = (
    # a partner who keeps the money, the friends, the choices
    cue(S, "money cash penny anything permission food everything",
        r"\b(?:wont|doesnt|dont|never|refuses to|will not|does not) (?:give|let) (?:me|her|us) (?:any |have any |have"
        r" |my own )?(?:money|cash|access to (?:\w+ )?money|a penny|anything)\b|\b(?:have|has|got) to (?:ask|beg)"
        r" (?:him|her|them|my (?:husband|partner|wife|boyfriend)) (?:for|before) (?:money|everything|anything|food"
        r"|permission)\b", needs=r"^(?!.*\b(?:landlord|council|bank|refund|deposit|insurance)\b)(?=.*" + _PARTNER + r")"),
    cue(S, "receipt receipts penny allowance", r"\b(?:show|explain|account for|justify) (?:him|her|them) (?:every|all"
                                               r" (?:the|my)) (?:receipts?|penny|pound|purchase)\b|\bevery (?:receipt"
                                               r"|penny)\b(?=.* (?:he|she|him|her|husband|partner|boyfriend)\b)"
                                               r"|\bgives? (?:me|her) (?:an allowance|pocket money)\b"),
    cue(S, "decides decide chooses choose controls tells picks says", r"\b(?:decides|chooses|tells (?:me|her)|controls"
                                                                       r"|picks|says) (?:what to (?:wear|eat|say|spend|do|think)|what (?:i|she) (?:can )?"
                                                                       r"(?:wear|eat|spend|do)|who (?:i|she) (?:can )?"
                                                                       r"(?:talk|see|speak|text)|where (?:i|she) (?:can )?go"
                                                                       r"|when (?:i|she) can)\b", needs=_PARTNER),
    cue(S, "checks check checking monitors tracks through", r"\b(?:checks?|checking|goes through|monitors?|tracks?)"
                                                           r" (?:all )?(?:my|her) (?:bank (?:statements|account|app)"
                                                           r"|receipts|spending|emails|browsing|mileage|bag|handbag|purse|pockets)\b|\b(?:wont|doesnt"
                                                           r"|dont|will not|never) (?:let|allow) (?:me|her) (?:\w+ )?(?:buy"
                                                           r"|spend|drive|dress|have friends|see anyone|go anywhere|use the"
                                                           r" car|have a key)\b", needs=_PARTNER),
    cue(S, "takes took taken taking smashed smashes broke hides hid", r"\b(?:takes|took|taken|taking|smashed|smashes"
                                                                     r"|broke|hides|hid) (?:my|her) (?:phone|keys|car keys"
                                                                     r"|bank card|purse|money|passport)\b",
        needs=r"(?=.*" + _PARTNER + r")(?=.*\b(?:angry|temper|mad|kicks off|goes off|if (?:i|she)|so (?:i|she) cant"
              r"|controll?\w*|jealous|scared|every time|whenever|punish\w*|off (?:me|her))\b)"),
    cue(S, "feel think", r"\bmakes? (?:me|her) (?:feel|think) (?:like )?(?:im|i am|i m|shes|she is) (?:going )?(?:mad"
                         r"|crazy|insane|mental|losing it|stupid|worthless)\b", needs=_PARTNER + r"|" + _FAMILY_ADULT),
    cue(S, "angry mad nasty violent jealous", r"\b(?:gets|goes|get|is) (?:really |so |very )?(?:angry|mad|nasty|violent"
                                             r"|jealous) (?:if|when|whenever) (?:i|im|she|shes)\b", needs=_PARTNER),
    cue(S, "leave leaves left tell tells told", r"\bif (?:i|she|he) (?:ever )?(?:leave|leaves|left|go|goes|tell|tells"
                                                r"|told) (?:him|her|them|anyone)?\b(?: \S+){0,6} (?:never see|kill|hurt"
                                                r"|take (?:the|my|her) (?:kids|children|baby)|make (?:me|her) pay|ruin"
                                                r"|regret|find (?:me|her))\b"),
)

_CHILD_NEGLECT: tuple[Cue, ...] = (
    # a child without what a child needs, or kept from food, or made to feel unwanted
    cue(S, "coat coats shoes lunch breakfast food bed beds bedding nappies electric electricity heating gas water clothes",
        r"\b(?:no |without (?:a |any )?|never (?:have|has|got) (?:a |any )?|hasnt got (?:a |any )?|havent got (?:a |any )?"
        r"|dont have (?:a |any )?|doesnt have (?:a |any )?)(?:coats?|shoes|lunch|breakfast|food|beds?|bedding|nappies"
        r"|electric|electricity|heating|gas|hot water|warm clothes|clean clothes|proper clothes)\b(?! money| box)",
        needs=r"^(?=.*" + _YOUNG + r")(?!.*\b(?:no school|power cut|allowed|pool|swimming|changing|uniform|bill|tariff"
              r"|meter|supplier|outage)\b)"),
    cue(S, "fridge food cupboard cupboards kitchen snacks", r"\b(?:locks?|locked|locking|padlock\w*|hides?|hid) (?:the |away"
                                                           r" the |up the |all the )?(?:fridge|food|cupboards?|kitchen"
                                                           r"|snacks|food cupboard)\b", needs=_YOUNG + r"|\bme\b"),
    cue(S, "feed fed feeding give", r"\b(?:doesnt|dont|didnt|never|wont|not|barely) (?:feed|fed|feeding|give) (?:me|us|him"
                                   r"|her|them|the kids) (?:properly|enough|dinner|tea|food|anything|meals?|breakfast)\b",
        needs=_YOUNG + r"|" + _FAMILY_ADULT),
    cue(S, "nasty horrible cruel vile mean evil", r"\b(?:nasty|horrible|cruel|vile|mean|evil) (?:to|with) (?:me|her|him"
                                                  r"|them|us|my \w+|the kids)\b", needs=_YOUNG + r"|" + _FAMILY_ADULT),
    cue(S, "says said tells told saying", r"\b(?:says|said|tells me|told me|keeps saying|saying) (?:that )?(?:im|i am|i m"
                                          r"|shes|she is|hes|he is) (?:a |an )?(?:useless|worthless|stupid|fat|ugly|pathetic"
                                          r"|nothing|waste|mad|crazy|mental|disgusting)\b",
        needs=_PARTNER + r"|" + _FAMILY_ADULT + r"|" + _YOUNG),
    cue(S, "nobody noone one", r"\b(?:nobody|no one|noone) (?:else )?(?:would|will|could) (?:ever )?(?:want|love|have"
                               r"|believe) (?:me|you|her)\b"),
    cue(S, "calls called calling says horrible nasty", r"\b(?:calls?|called|calling) (?:me|her|him|them) (?:a |an )?"
                                                       r"(?:worthless|useless|stupid|fat|ugly|pathetic|nothing|waste of"
                                                       r" space|mistake|names)\b|\b(?:says?|said|saying) (?:horrible"
                                                       r"|nasty|awful|cruel|vile) (?:things|stuff) (?:to|about) (?:me|her"
                                                       r"|him|them)\b", needs=_YOUNG + r"|" + _FAMILY_ADULT),
    cue(S, "wants loves likes", r"\b(?:nobody|no one|noone) (?:wants|loves|likes|cares about) (?:me|you)\b"
                                r"(?! (?:like|as much|more)\b)"),
    cue(S, "believe", r"\b(?:no one|nobody|noone) (?:will|would|is going to|ll) (?:ever )?believe (?:me|you|her|him"
                      r"|them)\b"),
    cue(S, "meal meals dinner tea breakfast lunch", r"\b(?:not|never|hasnt|havent|barely|hardly|dont|doesnt) (?:had|have"
                                                   r"|get|gets|getting|eaten) (?:a |any )?(?:proper |decent |hot )?(?:meal"
                                                   r"|meals|dinner|tea|breakfast|lunch)\b",
        needs=_YOUNG + r"|" + _AT_RISK_ADULT),
    cue(S, "sleep stay stand sit kneel live", r"\bmakes? (?:me|her|him|them|us) (?:sleep|stay|stand|sit|kneel|live)"
                                             r" (?:in|on|outside) (?:the |a )?(?:\w+ )?(?:shed|garden|floor|car|garage"
                                             r"|cupboard|hallway|cold|dark|corner|rain)\b",
        needs=_YOUNG + r"|" + _FAMILY_ADULT + r"|" + _PARTNER),
    cue(S, "face", r"\b(?:screams|shouts|yells|screamed|shouted|yelled|screaming|shouting) in (?:my|her|his|their) face\b",
        needs=_YOUNG + r"|" + _FAMILY_ADULT + r"|" + _PARTNER),
    cue(S, "doctor gp dentist", r"\b(?:hasnt|havent|has not|never|not) (?:been|seen|had) (?:to |taken to )?(?:a |the )?"
                                r"(?:doctor|gp|dentist|health visitor)\b(?: \S+){0,2} (?:in|for) (?:years|months|ages|a year)\b",
        needs=_YOUNG + r"|" + _AT_RISK_ADULT),
    cue(S, "school", r"\bkeeps? (?:him|her|them|the kids|the children) (?:off|out of|home from) school\b",
        needs=r"\b(?:always|weeks|months|years|never|doctor|locked|hidden|hides|bruises?|marks)\b"),
    cue(S, "let allowed", r"\b(?:not|never|isnt|arent) (?:let|allowed) back in(?:side)?\b|\b(?:not|never) let (?:in|inside)"
                          r" (?:until|till|all day)\b", needs=_YOUNG),
)

_SLAVERY: tuple[Cue, ...] = (
    # someone kept, unpaid, moved about and without their papers
    cue(S, "kept keeps keeping never allowed", r"\b(?:kept|keeps? (?:her|him|them)|keeping (?:her|him|them)) (?:in|inside"
                                               r"|indoors|locked (?:in|up)|in the (?:house|flat|home))\b|\bnever (?:goes"
                                               r"|go|went|allowed|lets? (?:her|him|them)) (?:out|outside)\b|\bnot allowed"
                                               r" out\b",
        needs=r"^(?!.*\b(?:cats?|dogs?|pets?|rabbits?|hamsters?|puppy|kitten)\b)(?=.*\b(?:family|woman|girl|men|lady"
              r"|workers?|maid|cleaner|nanny|lads|english|speak|speaks|passports?|paid|work|scared|terrified|never)\b)"),
    cue(S, "passport passports documents papers id", r"\b(?:has|have|took|taken|takes|taking|keeps?|kept|holds?|holding"
                                                     r"|got|confiscated|confiscates) (?:all )?(?:of )?(?:their|her|his|the)"
                                                     r" (?:workers )?(?:passports?|id|documents|papers)\b",
        needs=r"\b(?:workers?|men|lads|women|girls|woman|girl|staff|van|paid|live|living|work|working|scared"
              r"|terrified|car wash|nail bar|farm|factory|boss)\b"),
    cue(S, "site premises back above behind", r"\b(?:live|living|lives|sleep|sleeping|sleeps) (?:on site|on the premises"
                                             r"|at (?:the|their) work|above the (?:shop|salon|restaurant|takeaway|car wash"
                                             r"|nail bar)|in the back|behind the shop|in a (?:shed|container|caravan) on site)\b",
        needs=r"\b(?:workers|girls|women|men|lads|scared|terrified|never|paid|passports?|look)\b"),
    cue(S, "paid", r"\b(?:never|not|dont|doesnt|arent|isnt) (?:seem to |seems to |ever |being |getting |get )?(?:get |be"
                   r" |being )?paid\b",
        needs=r"\b(?:live|living|lives|sleep|sleeping|terrified|scared|passports?|van|workers|locked|english)\b"),
    cue(S, "van minibus", r"\b(?:dropped off|picked up|taken|driven|ferried|bussed|collected) (?:\w+ ){0,3}(?:in|by) (?:a"
                          r"|the) (?:van|minibus)\b",
        needs=r"\b(?:workers|men|lads|women|girls|passports?|paid|terrified|scared|every (?:day|morning)|early"
              r"|[4-7] ?am)\b"),
    cue(S, "living sleeping crammed staying", r"\b(?:\d+|ten|twelve|fifteen|twenty|loads of|lots of|so many) (?:men"
                                              r"|people|workers|lads|women|adults) (?:\w+ )?(?:living|sleeping|crammed"
                                              r"|staying) (?:in|at) (?:one|a|the|that) (?:\w+ )?(?:house|flat|room"
                                              r"|bedroom)\b",
        needs=r"\b(?:taken to work|van|paid|passports?|scared|terrified|never|locked|minibus)\b"),
    cue(S, "locked", r"\b(?:are|is|get|gets|being|been|were|was) locked (?:in|inside|up)\b",
        needs=r"\b(?:workers|men|lads|women|girls|woman|girl|children|kids|terrified|scared|night)\b"),
)

_URGENT_NOW: tuple[Cue, ...] = (
    # taken a moment ago: drink in quantity with pills
    cue(URGENT, "tablets tabs pills paracetamol painkillers meds medication medicine antidepressants codamol ibuprofen "
                "sertraline citalopram fluoxetine codeine tramadol diazepam zopiclone amitriptyline mirtazapine "
                "pregabalin gabapentin",
        r"\b(?:taken|took|swallowed|necked|downed|had|and|with|plus|then) (?:\w+ ){0,5}(?:tablets|tabs|pills"
        r"|paracetamol|painkillers|meds|medication|medicine|antidepressants|co ?codamol|ibuprofen|sertraline|citalopram"
        r"|fluoxetine|codeine|tramadol|diazepam|zopiclone|amitriptyline|mirtazapine|pregabalin|gabapentin)\b",
        needs=r"^(?!.*\b(?:hangover|headache|haha|lol|period pain|toothache)\b)(?=.*\b(?:drunk|drank|had|necked|downed"
              r"|finished|swallowed) (?:\w+ ){0,4}(?:bottle|bottles|litre|litres|cans|pints|loads|lot|load)\b)(?=.*\b(?:just"
              r"|all|loads|lot|box|packet|pack|strip|handful|whole|half|\d+|mums|dads|nans|grans|sleeping|some of))"),
    # a child taken or kept by an adult who is drunk, violent or threatening
    cue(URGENT, "got taken took snatched grabbed back",
        r"\b(?:hes|shes|he has|she has|theyve|they have|has) (?:got|taken|took|snatched|grabbed) (?:my|our|the|her|his)"
        r" (?:\w+ )?(?:daughter|son|kids|children|baby|child|boy|girl|toddler)\b|\b(?:taken|took|snatched|grabbed)"
        r" (?:my|our|the) (?:kids|children|baby|son|daughter|child|toddler)\b|\b(?:wont|refuses to|will not|isnt going"
        r" to) (?:give|bring|hand|send) (?:her|him|them|the kids|the baby|my \w+) back\b(?! (?:her|his|my|the|their)\b)",
        needs=r"\b(?:drunk|drinking|off (?:his|her) face|high|wasted|violent|knife|threaten\w*|hit|hitting|help|police"
              r"|999|dont know where|scared|terrified|kill|never see)\b"),
    # high up over a drop, gone from a house with the door open, wandering into traffic
    cue(URGENT, "railings railing barrier parapet edge", r"\b(?:climbing|climbed|climbs|over|on|sat on|sitting on|standing"
                                                        r" on|hanging (?:off|from)) (?:over )?(?:the|a) (?:railings?|barrier"
                                                        r"|parapet|edge)\b",
        needs=r"\b(?:bridge|car park|roof|cliff|flyover|multi ?storey|balcony|pier|motorway|a\d+|overpass|viaduct)\b"
              r"(?!.*\b(?:repair\w*|fix\w*|broken|damaged|paint\w*)\b)"),
    cue(URGENT, "gone disappeared vanished wandered run ran got", r"\b(?:has|s|hes|shes|have|just) (?:gone|disappeared"
                                                                 r"|vanished|wandered off|run off|ran off|got out)\b(?! (?:to"
                                                                 r"|into|back|for|with|on|off to|up|down|quiet|mad|viral"
                                                                 r"|home)\b)",
        needs=r"(?=.*(?:" + _YOUNG + r"|" + _AT_RISK_ADULT + r"))(?=.*\b(?:front door|back door|gate|cant find|cant see"
              r"|nowhere|was open|left open|police|lost|looked everywhere)\b)"),
    cue(URGENT, "wandering wandered wanders", r"\bwander(?:ing|ed|s)? (?:\w+ ){0,2}(?:on|in|along|down|across|into) (?:the|a)"
                                             r" (?:dual carriageway|motorway|road|main road|a\d+|bypass|railway|tracks|river"
                                             r"|traffic)\b", needs=_YOUNG + r"|" + _AT_RISK_ADULT + r"|\bconfused\b"),
    # hiding from someone in the house, or someone forcing their way in, or outside with a weapon
    cue(URGENT, "hiding hid hide locked barricaded", r"\b(?:hiding|hid|hide|locked ourselves|locked myself|barricaded"
                                                    r"(?: ourselves| myself)?) (?:\w+ )?(?:upstairs|in (?:the|my|our)"
                                                    r" (?:bathroom|bedroom|toilet|loft|cupboard|wardrobe|car|room)|under"
                                                    r" the bed)\b",
        needs=r"^(?!.*\b(?:hide and seek|playing|game|lol|haha)\b)(?=.*\b(?:he|him|she|they|husband|partner|boyfriend"
              r"|dad|ex|drunk|smash\w*|scared|terrified|help|kids)\b)"),
    cue(URGENT, "trying tried", r"\b(?:trying|tried|keeps trying) to (?:get|break|kick|force (?:his|her|their) way|smash"
                                r"(?: his| her| their| my| the)? way) in(?:to)?\b",
        needs=r"\b(?:he|she|they|him|ex|partner|husband|boyfriend|someone|somebody|man|men|bat|knife|hammer|scared"
              r"|terrified)\b(?!.*\b(?:app|website|portal|account|online|system|login|car park|tip|recycling centre)\b)"),
    cue(URGENT, "bat hammer axe crowbar machete", r"\bwith (?:a|an|his|her) (?:baseball |cricket )?(?:bat|hammer|axe|crowbar"
                                                 r"|machete)\b",
        needs=r"\b(?:outside (?:my|our|her|his|the)|door|window|trying|threaten\w*|coming|after (?:me|us)|chasing|smash\w*"
              r"|kill)\b"),
)

CUES: tuple[Cue, ...] = (*_ENDING, *_GROOMING, *_ELDERS, *_CUCKOOED, *_CONTROL, *_CHILD_NEGLECT, *_SLAVERY, *_URGENT_NOW)
"""Every cue of this module (`core.triage_disclosures` adds them to its own)."""
