"""Safeguarding and urgent-danger cues for `core.triage` (data: phrase patterns).

Lincolnshire, "Engaging with young and vulnerable people": a disclosure or allegation is taken
seriously and acted on at once; grooming and cyber bullying are reported to the safeguarding
team; someone in immediate danger: contact the police. Lewes 5.2 and Leighton-Linslade 10.4:
concern for the safety of vulnerable users is reported under the safeguarding procedures.

People rarely use the policy's words: they say "my mate says she's going to take all her
tablets", "he takes my keys", "I got told to leave home tonight, I'm 17". The patterns are
written for how residents write (third person, slang, no apostrophes, common misspellings)
and stay off the usual figures of speech ("this pothole is killing my car", "I'm dying to
know", "kill me now").
"""

from __future__ import annotations

from core.triage_cue import (
    CHILD,
    ELDER,
    INTENT,
    MINOR_AGE,
    NOW,
    OBJECT,
    PERSON,
    URGENT,
    VULNERABLE,
    WHO_AT_RISK,
    Cue,
    alt,
    cue,
)

S = "safeguarding"
_SELF = r"(?:my ?self|me ?self|my ?slef|him ?self|her ?self|them ?selves|them ?self|ur ?self|your ?self)"
_SELF_WORDS = "myself meself myslef himself herself themselves themself self slef urself yourself"
_NOT_AN_ACCIDENT = (r"(?! (?:on|when|while|whilst|falling|tripping|slipping|shaving|cooking|gardening"
                    r"|playing|lifting|carrying|at the|in the|doing|laughing|trying to (?:fix|lift|get)"
                    r"|badly on|on a|with a knife while)\b)")
_PILLS = (r"(?:tablets|tabs|pills|paracetamol|painkillers|meds|medication|medicine|sleeping pills"
          r"|antidepressants|co ?codamol|ibuprofen|insulin|sertraline|citalopram|fluoxetine|codeine|tramadol"
          r"|diazepam|zopiclone|aspirin|amitriptyline|mirtazapine|lithium|quetiapine|olanzapine|propranolol"
          r"|morphine|oxycodone|methadone|pregabalin|gabapentin|naproxen|benzos?|xanax|valium)")
_PILL_WORDS = ("tablets tabs pills paracetamol painkillers meds medication medicine antidepressants codamol ibuprofen "
               "insulin sertraline citalopram fluoxetine codeine tramadol diazepam zopiclone aspirin amitriptyline "
               "mirtazapine lithium quetiapine olanzapine propranolol morphine oxycodone methadone pregabalin "
               "gabapentin naproxen benzo benzos xanax valium")
_LOTS_OF = (r"(?:all (?:of )?(?:my|her|his|their|the|mums?|dads?)?|a (?:load|lot|bunch|pile|handful|"
            r"whole (?:box|packet|bottle|pack)) of(?: (?:my|her|his|the))?|loads of(?: (?:my|her|his|the))?"
            r"|the whole (?:box|packet|bottle|pack)(?: of)?|too many|every|\d+|twenty|thirty|fifty"
            r"|a (?:box|packet|bottle|pack) of|(?:her|his|my) whole|enough)")
_AFRAID = r"(?:scared|terrified|frightened|afraid|petrified|bricking it|in fear)"
_NOT_A_THING = "".join(f"(?<!{thing} )" for thing in ("bike", "bin", "bins", "phone", "car", "bag", "cat", "dog", "keys",
                                                       "parcel", "wallet", "post", "letter", "box", "card", "purse"))
_MISSING_WHO = (r"(?:child(?:ren)?|kids?|baby|toddler|son|daughter|boy|girl|teenager|teen|old|he|she|they|dad"
                r"|mum|nan|gran|grandad|grandma|husband|wife|brother|sister|friend|mate|grandson"
                r"|granddaughter|neighbour|man|woman|lady)")

_SELF_HARM: tuple[Cue, ...] = (
    # killing or hurting oneself, said any way but by accident ("cut myself on the glass")
    cue(S, _SELF_WORDS, r"\b(?:kill|killing|killed|top|topping|topped|end|ending|hang|hanging|hung|off|offing"
                        r"|unalive|unaliving|drown|drowning|starve|starving|strangle|suffocate|poison)"
                        r" " + _SELF + r"\b(?! (?:laughing|with laughter|lol|haha))"),
    cue(S, _SELF_WORDS, r"\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning|punish|punishing|scratch"
                        r"|scratching|bruise|bruising) " + _SELF + r"\b" + _NOT_AN_ACCIDENT,
        needs=r"\b(?:" + INTENT + r"|again|keeps?|cant stop|i do|she does|he does|they do|been|scared|"
              r"worried|because|cos|coz|cause|when|every|ing|urge|thoughts?|habit|anymore|deliberately"
              r"|on purpose|secretly|secret)\b|ing " + _SELF),
    cue(S, "suicide suicidal suicidel suicidle sucidal suisidal suicdal suicde suiside suicid "
           "sewerslide unalive unaliving unalived kms",
        r"\b(?:suicid\w*|sucid\w*|suisid\w*|suiside|suicdal|suicde|sewerslide|unaliv\w*)\b"
        r"(?! (?:prevention|awareness|bomb\w*|squad|doors?|blonde|(?:bridge )?(?:barriers?|fenc\w*|netting|nets"
        r"|signs?|helplines?|hotlines?))\b)|(?<!\d )\bkms\b"),
    cue(S, "self selfharm selfharming sh", r"\bself ?harm\w*(?! (?:awareness|training|course|prevention))"
                                           r"|\b(?:i|she|he|they|been|started|stop) sh\b"),
    cue(S, "life lives", r"\b(?:end|ending|take|taking|took|taken) (?:my|her|his|their) (?:own )?li(?:fe|ves)\b"),
    cue(S, "end ending", r"\bend(?:ing)? it all\b|\bend (?:it|things) (?:tonight|now|today|soon|all)\b"),
    cue(S, "end", r"\b(?:" + INTENT + r") end (?:it|things)\b(?! (?:with|between|early|there))"),
    cue(S, "die dead", r"\b(?:want|wanted|wants|wanting|wanna|wish|wishing|wished|going|gonna|ready|deserve|deserves)"
                       r" (?:to )?(?:just )?(?:die|be dead)\b|\bwish (?:i|she|he|id) (?:was|were|had|could)"
                       r" (?:just )?(?:dead|die|died)\b|\bbetter off dead\b"),
    cue(S, "wish disappear disappeared gone", r"\bwish (?:i|id|she|he) (?:wasnt|werent|was not|were not|had never been|was never)"
                                  r" (?:here|alive|around|born)\b|\b(?:want|wanna|wish i could) (?:to )?(?:just )?"
                                  r"disappear (?:for ?ever|for good|and never)|\bdisappear(?:ed)? for (?:good|ever)\b"
                                  r"|\bwant(?:ed)? to disappear\b"),
    cue(S, "dont doesnt dnt longer", r"\b(?:dont|doesnt|dnt|no longer|dont even) (?:want|wanna|wants)"
                                         r" (?:to )?(?:live|be alive|exist|wake up|be here|carry on|go on|be around)"
                                         r"\b(?! (?:here|in|on|near|next|there|with|at|like that|without|to\b|early\b))"),
    cue(S, "point", r"\b(?:dont|cant|do not|cannot|dnt) see (?:the|any) point (?:in |of )?(?:living|life|going on|carrying"
                    r" on|being (?:alive|here)|anything|me)\b|\bno point (?:in )?(?:living|life|going on|carrying on|being (?:alive|here)|anymore|any more"
                    r"|in anything|to anything|trying anymore)\b|\bwhats the point (?:in|of) (?:living|life|going on"
                    r"|anything|being alive|me)\b"),
    cue(S, "nothing living", r"\bnothing (?:left )?to live for\b|\bnot worth living\b|\bsick of living\b"),
    cue(S, "without", r"\bbetter off without (?:me|her|him|them)\b"),
    cue(S, "notice care miss", r"\b(?:no ?one|nobody|noone) (?:would|will|wud) (?:even )?(?:notice|care|miss me)\b"
                               r"(?: if (?:i|id)\b)?"),
    cue(S, "anymore more longer", r"\bcant (?:go on|do this|take (?:it|this|any more|anymore)|cope|carry on|keep going)"
                                     r" (?:\w+ )?(?:any ?more|any longer|no more)\b(?!.* (?:roadworks|bins?|noise"
                                     r"|traffic|parking|potholes?|queues?|hold)\b)"),
    cue(S, "cope coping", r"\b(?:cant|can not|cannot|not|struggling to|no longer) cop(?:e|ing)\b"
                          r"(?! with (?:the|this|these|that) (?:noise|roadworks|traffic|parking|smell|bins?|works))",
        needs=r"\b(?:any ?more|any longer|life|everything|it all|my (?:mum|dad|husband|wife|son|daughter|kids|child)"
              r"|looking after|caring|carer|alone|on my own|scared|breaking|cry|crying|help)\b"),
    cue(S, "overdose overdosed overdosing od odd oded odeing", r"\boverdos\w*|\b(?:an|taken|took|take|gonna|going to|to)"
                                                                r" od\b|\bod(?:d|ed)\b(?= on)"),
    cue(S, _PILL_WORDS,
        r"\b(?:take|takes|taken|took|taking|swallow\w*|necked|neck|downed|down|overdose on|od on|stockpil\w*"
        r"|saving up|hoarding|collecting) " + _LOTS_OF + r" ?(?:\w+ )?" + _PILLS + r"\b"),
    cue(S, "jump jumping jumped", r"\b(?:" + INTENT + r"|going|gonna|about|threatening|threatened|threatens)"
                                  r" (?:to )?jump\b(?! (?:the queue|on the bus|in the pool|on a call|ship))"
                                  r"|(?<!go )\bjump(?:ing|ed)? (?:off|from) (?:a|the|that) (?:bridge|roof|building|car park"
                                  r"|multi ?storey|cliff|balcony|tower|flyover)"),
    cue(S, "train bus lorry car", r"\b(?:in front of|under) (?:a|the) (?:train|bus|lorry|car)\b",
        needs=r"\b(?:jump|throw|step|walk|lie|lay|threaten\w*|wants? to|gonna|going to|kill|end)"),
    cue(S, "thoughts thinking think thought dream dreaming", r"\b(?:dark|suicidal|intrusive|bad|scary) thoughts\b"
                                r"|\bthoughts? (?:of|about) (?:ending|killing|hurting|harming|dying|not being)"
                                r"|\b(?:thinking|think|thought|dream|dreaming) (?:about|of) (?:ending|killing|hurting|harming"
                                r"|dying|not being (?:here|around|alive)|not waking up|disappearing)"),
    cue(S, "goodbye letters note notes", r"\b(?:suicide|goodbye) (?:note|letter)s?\b|\b(?:written|wrote|writing|left)"
                                         r" (?:\w+ )?(?:letters|notes|a letter|a note) (?:to|for) (?:my|her|his)"
                                         r" (?:family|kids|children|mum|parents)"),
    cue(S, "wont", r"\b(?:wont|wont even) be (?:here|around|alive) (?:by|tomorrow|much longer"
                          r"|for (?:much )?long|next|anymore|any more|this time)\b"),
)

_URGENT: tuple[Cue, ...] = (
    # someone in danger now: the police, at once
    cue(URGENT, "overdose overdosed od taken took swallowed necked downed",
        r"\b(?:(?:has|have|hes|shes|ive|weve|just|already|has just|ive just) (?:taken|took|swallowed|necked|downed)"
        r"|took|swallowed|necked|downed) " + _LOTS_OF + r" ?(?:\w+ )?" + _PILLS + r"\b"
        r"|\b(?:taken|took|had|done) an? (?:overdose|od)\b"),
    cue(URGENT, _PILL_WORDS,
        r"\b(?:going to|gonna|about to|will|wants to|want to|threatening to|says (?:shes|hes|she|he|theyre|they)"
        r"(?: is| are| will| ll)? ?(?:going to|gonna)?) (?:take|swallow|neck|down|overdose on) " + _LOTS_OF
        + r" ?(?:\w+ )?" + _PILLS + r"\b"),
    cue(URGENT, "tonight end kill jump", r"\b(?:" + INTENT + r"|im|i am|im going to|gonna|ready to) (?:do it|end it"
                                     r"|kill (?:my|him|her)self|end (?:my|her|his) life|jump) (?:tonight|now|right now"
                                     r"|today|this evening|in a minute|after)\b"),
    cue(URGENT, "tonight", r"\bdo it tonight\b|\bend it tonight\b"),
    cue(URGENT, "rope noose", r"\b(?:rope|noose)\b(?: is)? (?:ready|up|round|tied|sorted)|\bgot (?:the|a) (?:rope|noose)\b"),
    cue(URGENT, "jump jumping", r"\b(?:going|gonna|about|threatening|saying (?:hes|shes|theyre)? ?(?:going|gonna))"
                                r" (?:to )?jump\b(?! (?:the queue|on|in the pool|ship))"),
    cue(URGENT, "ledge edge railings railing barrier wrong", r"\b(?:on|over|off) (?:the|a) (?:ledge|edge of the"
                                                              r" (?:roof|bridge|cliff|car park))\b|\b(?:on|at) the (?:cliff|roof"
                                                              r"|bridge|platform) edge\b|\bwrong side of"
                                                              r" (?:the|a) (?:railings?|barrier|fence)"),
    cue(URGENT, "knife gun machete weapon blade", r"\b(?:got|has|have|with|holding|waving|pulled|grabbed|hes got"
                                                  r"|shes got) (?:a|the|his|her) (?:knife|gun|machete|weapon|blade)\b"),
    cue(URGENT, "kill killing", r"\b(?:hes|shes|he is|she is|theyre|they are|says (?:hes|shes|he|she|they)(?: will| ll)?"
                                r"|said (?:hes|shes|he|she|they)(?: would| will| d)?|threaten\w* to|hell|shell|he ll|she ll"
                                r"|going to|gonna) (?:going to |gonna )?kill (?:me|her|him|us|the kids|my \w+)\b"
                                r"(?! (?:when|if|for|lol|haha|xx))"),
    cue(URGENT, "kicking smashing banging breaking bashing", r"\b(?:kicking|smashing|banging|breaking|bashing) (?:the|my|our|her|his) (?:front |bedroom"
                        r" |bathroom )?door (?:in|down)\b"),
    cue(URGENT, "dragged snatched abducted bundled grabbed", r"\b(?:dragged|snatched|abducted|bundled|grabbed|pulled)"
                                                             r" (?:\w+ )?(?:into|in) (?:a|the|his|her) (?:car|van)\b"),
    cue(URGENT, "hiding", r"\bhiding (?:in|from|under) (?:the|my|a|him|her|them)\b",
        needs=r"\b(?:he|she|they|him|her|them|partner|husband|boyfriend|dad|scared|terrified|help)\b"),
    cue(URGENT, "balcony ledge windowsill window roof",
        r"\b(?:toddler|baby|child|kid|little (?:one|boy|girl)|tot)\b(?: \S+){0,6} (?:on|out of|hanging (?:out|off)|climbing"
        r" (?:on|out of))(?: (?:the|a|an|their|her|his))? (?:\w+ ){0,2}(?:balcony|ledge|window ?sill|window|roof)\b"),
    cue(URGENT, "trapped", r"\b(?:people|someone|somebody|person|family|kids|children|child|man|woman|baby|residents"
                           r"|neighbours?|he|she|they|were|we are|im|i am|still|is|are|been)(?: \S+){0,3} trapped\b"),
    cue(URGENT, "missing", r"\b(?:" + _MISSING_WHO + r")(?: \S+){0,4}? " + _NOT_A_THING + r"(?:has |have |is |are |was |s )?"
                           r"(?:gone |been |went |still |now |reported )?missing\b|^ missing\b", needs=WHO_AT_RISK),
    cue(URGENT, "hasnt havent didnt never", r"\b(?:hasnt|havent|didnt|never) (?:come|came|been|got) (?:back )?"
                        r"home\b(?! (?:from (?:work|school)|yet to)\b)", needs=WHO_AT_RISK),
    cue(URGENT, "walked wandered", r"\b(?:walked|wandered) (?:out|off)\b",
        needs=r"\b(?:dementia|alzh?eimers?|confused|vulnerable|autis\w*|learning)\b|" + MINOR_AGE),
    cue(URGENT, "danger", r"\b(?:in|into) (?:immediate |real |serious |grave )?danger\b(?! of\b)"),
)

_NOW: tuple[Cue, ...] = (
    # said now: with a safeguarding cue, someone is in danger at this moment
    cue(NOW, "now", r"\b(?:right|just|happening|going on|it is|its|on) now\b|\bnow\b (?:please|pls|help|someone)"),
    cue(NOW, "hear", r"\b(?:can|could) hear (?:it|him|her|them|screaming|shouting|crying|banging|fighting|a child"
                     r"|the baby|a baby)\b(?! (?:every|all the time|most|at night|again and again))",
        needs=r"^(?!.*\b(?:every (?:weekend|night|day|week|evening|time|other)|most (?:nights|weekends|days)"
              r"|all the time|always)\b)"),
    cue(NOW, "speak moment", r"\bas we speak\b|\bat the moment\b"),
    cue(NOW, "screaming", r"\bscreaming (?:for help|help)\b"),
    cue(NOW, "police ambulance 999", r"\b(?:police|ambulance|someone|help) (?:needed|asap|now)\b|\b(?:call|ring|send)"
                                     r" (?:the )?(?:police|999|ambulance) (?:now|asap|quick|please)\b|\b(?:please|someone|somebody) (?:call|ring|send)"
                                     r" (?:the )?(?:police|999|an ambulance|help)\b|\b999\b"),
    cue(NOW, "help", r"\b(?:someone|somebody|anyone) help\b|\bhelp (?:us|me) (?:now|quick|asap)\b"
                     r"|\bsend (?:help|someone)\b"),
)

_NOT_BY_A_THING = (r"(?! (?:by (?:a|the|my|our) (?:\w+ )?(?:car|ball|bus|van|lorry|bike|council|price|bill|fine|costs?|charges?"
                   r"|tax|rain|weather|wind|traffic|roadworks|kindness|support|response|parking warden|traffic warden|bin man|bin men"
                   r"|member of staff|receptionist|bus driver|driver|councillor)|by (?:how|your|all|so|everyone|the way"
                   r"|this)|into paying|to (?:pay|wait|queue|park|move|use|fill|go online|call back|ring|sell my car))\b)")
_HIT = (r"(?:hits?|hitting|hit|beats?|beating|beat|beaten|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slap(?:s|ped|ping)?"
        r"|strangl\w*|chok(?:es|ed|ing)|throttl\w*|batter\w*|smack(?:s|ed|ing)?|shov(?:es|ed|ing)|push(?:es|ed|ing)"
        r"|thr[eo]w(?:s|n)?|attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|bit|bites|burn(?:s|t|ed)|hurt(?:s|ing)?"
        r"|abus(?:es|ed|ing)|rap(?:es|ed|ing)|touch(?:es|ed|ing)|grabb?(?:s|ed|ing)|headbutt\w*|stab(?:s|bed|bing)?"
        r"|whack(?:s|ed|ing)?|belt(?:s|ed)|bash(?:es|ed|ing)|lays? into|laid into|goes for|went for)")
_HIT_WORDS = ("hit hits hitting beat beats beating beaten punch punches punched punching kick kicks kicked kicking "
              "slap slaps slapped slapping strangled strangles strangling choke chokes choked choking throttled "
              "battered batters battering smack smacks smacked smacking shoves shoved pushes pushed pushing "
              "threw throws thrown attacks attacked attacking assaults assaulted bit bites burns burnt burned hurt "
              "hurts hurting abuses abused abusing rapes raped raping touches touched touching grabs grabbed "
              "grabbing headbutted headbutts stabs stabbed stabbing whacks whacked belts belted bashes bashed "
              "lays laid goes went")

_DOMESTIC: tuple[Cue, ...] = (
    # violence by someone close: "he hits me", "my partner pushed her down the stairs"
    cue(S, _HIT_WORDS, PERSON + r"(?: \S+){0,4} " + _HIT + r" " + OBJECT + r"(?! (?:with a (?:fine|bill|charge|ticket)"
                       r"|back|up (?:for|with)))"),
    cue(S, "hit hits beat beats punched kicked slapped strangled choked throttled battered raped molested "
           "assaulted attacked abused groped grabbed pinned shoved threatened threatening threatens stalking stalks "
           "following spat", r"\b(?<!it )(?<!that )(?:hit|hits|beat|beats|punched|kicked|slapped|strangled|choked|throttled|battered"
                 r"|raped|molested|assaulted|attacked|abused|groped|grabbed|pinned|shoved|threatened|threatening|threatens"
                 r"|stalking|stalks|following|spat at) me\b"
                 r"(?! (?:with a (?:fine|bill|charge|ticket)|for|that))"),
    cue(S, "hurt hit beaten battered abused attacked strangled choked controlled raped assaulted touched "
           "groomed exploited neglected bullied trafficked starved molested pimped prisoner locked forced made "
           "coerced beat knocked pushed", r"(?<!before someone )(?<!before somebody )(?<!before anyone )(?<!until someone )\b(?:being|been|getting|gets|keeps? getting) (?:\w+ )?(?:hurt|hit|beaten|battered|"
                                      r"abused|attacked|strangled|choked|controlled|raped|assaulted|touched|groomed|"
                                      r"exploited|neglected|bullied|trafficked|starved|molested|pimped|kept prisoner|"
                                      r"held prisoner|locked (?:in|up)|forced|made to|coerced|beat up|knocked about|"
                                      r"pushed around)\b" + _NOT_BY_A_THING),
    cue(S, "beaten battered abused strangled choked raped assaulted groomed exploited neglected bullied trafficked "
           "starved molested pimped prisoner",
        r"\b(?:was|were|is|are|has been|have been|got) (?:\w+ )?(?:beaten|battered|abused|strangled|choked|raped|"
        r"assaulted|groomed|exploited|neglected|bullied|trafficked|molested|pimped|starved|kept prisoner|held prisoner)"
        r"\b" + _NOT_BY_A_THING),
    cue(S, "keys phone passport card cards money wages salary benefits pension savings documents messages location "
           "id texts",
        r"\b(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|fella|ex|dad|mum|son|daughter|carer|man|bloke"
        r"|grandson|granddaughter|nephew|niece|brother|sister|lodger|neighbour|friend|uncle|aunt|hes|shes)"
        r"(?: \S+){0,2} (?:takes?|took|taken|taking|keeps?|kept|hides?|hid|holds?|has|controls?|controlling|steals?|stole"
        r"|smashed|smashes|broke|breaks|checks?|checking|goes through|reads?|tracks?|tracking|monitors?) (?:all )?"
        r"(?:of )?(?:my|her|their) (?:car )?(?:keys|phone|passport|bank ?cards?|cards|money|wages|salary|benefits"
        r"|pension|savings|id|documents|messages|texts|location)\b"),
    cue(S, "let allowed allow", r"\b(?:wont|doesnt|dont|didnt|will not|does not|never) (?:let|allow) (?:me|her|him|us|them)"
                                r" (?:\w+ )?(?:out|go out|leave|see|have|go|talk|speak|use|work|get a job|contact|visit"
                                r"|ring|call|text|phone|eat|sleep|out of (?:his|her|their) sight)\b"
                                r"|\bnot allowed (?:out|to (?:go out|leave (?:the house|home)|see (?:my|her|his|our)"
                                r" (?:friends|family|mum|dad|sister|brother|kids)|talk to (?:anyone|friends|my|her)"
                                r"|have (?:my|her|his) own|have a phone|have money|work|go anywhere|speak to))"),
    cue(S, "locks locked lock locking", r"\b(?:locks|locked|lock|locking|shut|shuts) (?:me|her|him|them|the kids|the children"
                                        r"|us) (?:in|out|up|indoors|inside)\b",
        needs=r"\b(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|dad|mum|carer|fella|every|when|night)\b"),
    cue(S, "permission", r"\b(?:ask|asking|get) (?:his|her|their) permission\b|\bmakes? me ask(?: permission)?\b"),
    cue(S, "control controlling controls coercive", r"\bcoercive\b|\b(?:controlling|possessive|jealous and|violent)"
                                                    r" (?:\w+ )?(?:partner|husband|wife|boyfriend|girlfriend|fella"
                                                    r"|behaviou?r|relationship|man|ex|dad)\b|\bwell controlling\b"
                                                    r"|\bcontrols? (?:everything|all (?:the|my|her|our) money|what (?:i|she|he)"
                                                    r"|where (?:i|she|he)|who (?:i|she|he)|my life|her life)\b"),
    cue(S, "threaten threatens threatened threatening", r"\bthreat\w* (?:to )?(?:kill|hurt|stab|take (?:the|my|her|our)"
                                                        r" (?:kids|children|baby)|burn|throw (?:me|her) out)\b"
                                                        r"(?! (?:you|the council|them|councillors?)\b)"),
    cue(S, "kids children baby", r"\b(?:hell|shell|he will|she will|hed|shed|would) take (?:the|my|our|her) (?:kids|children|baby)\b",
        needs=r"\b(?:if i|if she|leave|never see)\b"),
    cue(S, "scared terrified frightened afraid petrified bricking fear",
        r"\b" + _AFRAID + r" (?:of|for) (?:my|her|his) (?:partner|husband|hubby|wife|boyfriend|girlfriend|fella|ex|dad"
        r"|father|step ?dad|mum|mother|son|carer|neighbour|brother|life|safety)\b|\b" + _AFRAID + r" (?:of|for)"
        r" (?:him|her|them)\b(?! (?:when (?:crossing|driving)|on the road))|\bfear (?:for|of) (?:my|her|his|their)"
        r" (?:life|lives|safety)\b|\b" + _AFRAID + r" (?:to go|of going|to return|of returning) (?:home|back)\b"
        r"|\b(?:im|i am|shes|hes|she is|he is|were|we are|theyre) (?:too )?" + _AFRAID + r" (?:to|of) (?:go|going)"
        r" out\b|\b" + _AFRAID + r" to (?:leave|answer) the (?:house|door|flat)\b"),
    cue(S, "scared terrified frightened afraid petrified bricking fear",
        r"\b" + _AFRAID + r" (?:of )?what (?:he|she|they|i|id)(?: might| will| ll| would| d)? (?:do|does)\b"
        r"|\b" + _AFRAID + r" (?:hell|shell|he will|she will|he ll|she ll|ill|i will|i ll|i might|i may|i could|he might"
        r"|she might) (?:hurt|harm|kill|lose it|snap|hit|shake)"),
    cue(S, "safe", r"\b(?:not|dont feel|dont|doesnt feel|never feel|never|dont think (?:she|he|they|im|its)(?: is| are)?)"
                   r" (?:feel )?safe (?:at home|in (?:my|her|his|their|our) (?:own )?(?:home|flat|house|room|bed)|with"
                   r" (?:him|her|them|my|his|her)|around (?:him|her|them|my)|anymore|any more|there|to go home|going home"
                   r"|living with)\b|\b(?:im|i am|shes|hes|she is|he is|kids are|they are|theyre|were|we are) not safe\b"
                   r"(?! (?:to|crossing|walking|driving|cycling|on the|in the (?:park|town|underpass|car park)))"),
    cue(S, "domestic abuse abusive violence violent dv refuge refuges womens flee fleeing fled",
        r"\bdomestic (?:abuse|violence|incident|assault)\b(?! (?:awareness|training|course|policy|strategy|week|month"
        r"|campaign|charity walk|conference))|\babusive (?:partner|relationship|husband|boyfriend|marriage|ex|dad|home"
        r"|parents?|family)\b|\bdv\b|\brefuges?\b(?! (?:collection|tip|sack))|\bwomens aid\b|\b(?:flee|fleeing|fled)"
        r" (?:from )?(?:my|her|his|an?|the) (?:partner|husband|boyfriend|home|house|relationship|abus\w*|violen\w*|ex)"),
    cue(S, "away", r"\bget (?:away|out) from (?:him|her|them|my (?:partner|husband|boyfriend|ex|wife|girlfriend|dad))\b"
                   r"|\b(?:need|trying|want|have) to get (?:me and the kids|us) (?:away|out)\b"),
    cue(S, "eye eyes bruises bruised bruising marks cuts scars burns injuries", r"\bblack eyes?\b|\bbruis(?:es|ed|ing)\b(?! (?:apples?|fruit|ego|banana))"
                                                      r"|\b(?:marks|cuts|scars|burns|injuries) (?:all )?(?:on|over|up|down|all over) (?:her|his|their|my)"
                                                      r" (?:arms?|legs?|wrists?|neck|face|body|thighs|back)"),
    cue(S, "fighting screaming shouting rowing arguing smashing", r"\b(?:fighting|screaming|shouting|rowing|arguing|smashing)\b"
                                          r"(?: \S+){0,12} \b(?:hurt|hit|hitting|beating|kill|help|crying|scared|"
                                          r"terrified|bruises?|black eyes?)\b",
        needs=r"\b(?:he|she|her|him|they|partner|husband|wife|boyfriend|girlfriend|couple|next door|upstairs|downstairs"
              r"|neighbours?|flat|child|kids|baby)\b"),
)

_LEFT_ALONE = (r"(?:alone|on (?:their|his|her|its) own|home alone|by (?:themselves|himself|herself|itself)|unattended"
               r"|to fend for|in the car|locked (?:in|out)|outside (?:all|till|until))")
_CHILDREN: tuple[Cue, ...] = (
    # a child left alone, unfed, hurt or out at night; said about the child, not the bins
    cue(S, "left leaves leaving", r"\b(?:left|leaves|leaving|been left) (?:\w+ )?(?:\w+ )?" + _LEFT_ALONE
                                       + r"\b(?! (?:for (?:a|the) (?:few|couple of) minutes))", needs=WHO_AT_RISK),
    cue(S, "leaves left", r"\b(?:leaves|left|leaving) (?:them|the kids|the children|him|her|the baby|a baby|the little"
                          r" (?:ones|one)|her kids|his kids|their kids)\b(?! (?:alone|a message|at school|with))",
        needs=r"\b(?:goes|went|go|going|gone|is) (?:out|off|away|drinking|to the pub|clubbing|partying)\b"),
    cue(S, "night drinking clubbing partying days", r"\b(?:mum|mother|dad|father|parents?|she|he|they)(?: \S+){0,2} (?:goes|go|went|are|is|going) (?:out"
                  r" (?:all night|every night|drinking|clubbing|partying|for days)|off for days|away for days)\b",
        needs=CHILD),
    cue(S, "fed eaten eating food hungry starving feed nothing anything meal meals dinner tea breakfast lunch", r"\b(?:not|never|hasnt|havent|dont|doesnt|isnt|arent|nobody|no one"
                                                         r"|noone|barely|hardly) (?:seems? to |seem to |ever |bothers? to |been |being |get |getting )?(?:fed|eat"
                                                         r"|eaten|eating|feeds? (?:them|him|her)|feeding (?:them|him|her)"
                                                         r"|had (?:anything to eat|(?:any|a|a proper|proper) (?:food|meal|meals|dinner|tea|breakfast|lunch)))\b|\b(?:nothing|no food)"
                                                         r" (?:to eat|at home|in (?:the|their|his|her) (?:house|fridge|cupboards?|flat))\b|\basking"
                                                         r" (?:\w+ )?for food\b",
        needs=r"(?:" + CHILD + r"|" + ELDER + r"|" + VULNERABLE + r")(?!.*\b(?:dog|cat|pet|horse|ducks?|birds?)\b)"),
    cue(S, "hungry starving underfed malnourished skinny thin", r"\b(?:hungry|starving|underfed|malnourished|skinny|thin)\b",
        needs=r"^(?=.*(?:" + CHILD + r"|" + ELDER + r"|" + VULNERABLE + r"))(?=.*\b(?:always|constantly|never|no food"
              r"|nobody|no one|left|every day|neglect\w*|filthy|dirty|asking for food|nothing to eat|parents? (?:dont|never)"
              r"|no (?:money|heating))\b)(?!.*\b(?:dog|cat|pet|horse|ducks?|birds?|cafe|swimming|menu|snack)\b)"),
    cue(S, "nits squalor soiled sores crying screaming clothes unwashed",
        r"\b(?:unwashed|same (?:dirty )?clothes|nits|squalor|soiled|bed ?sores|(?:always|constantly|keeps|non ?stop|for"
        r" hours|all (?:day|night)) (?:crying|screaming)|(?:crying|screaming) (?:for hours|all (?:day|night)|non ?stop"
        r"|constantly|alone|on (?:its|his|her|their) own))\b", needs=WHO_AT_RISK),
    cue(S, "filthy dirty smell smells stinks stink", r"\b(?:filthy|dirty|stinks?|smell(?:s|y)?)\b",
        needs=r"^(?=.*" + WHO_AT_RISK + r")(?=.*\b(?:always|constantly|every ?day|for (?:days|weeks)|neglect\w*|never"
              r" (?:fed|washed|clean)|hungry|left (?:alone|on)|no one (?:looks|cares)|nobody (?:looks|cares))\b)"),
    cue(S, "alone own unattended themselves himself herself itself",
        r"\b(?:alone|on (?:its|his|her|their) own|by (?:itself|himself|herself|themselves)|unattended)\b(?! (?:in (?:loving"
        r"|enjoying|thinking)|with (?:me|us|my|our|their (?:dad|mum|gran|nan))))",
        needs=r"^(?!.*\bleave (?:\w+ ){0,2}alone\b)(?=.*" + CHILD + r").*\b(?:for (?:hours|days|ages|the (?:night|weekend|whole))|all (?:day|night|weekend)|overnight|again|every"
              r" (?:day|night)|crying|screaming|nobody|no one|no parent|no adult|balcony|window|road|street|main road"
              r"|night|dark|2am|3am|1am|midnight|worried|concerned|right now|now|left|leaves|leaving|wandering|scared)\b"),
    cue(S, _HIT_WORDS + " shouted screamed locked", r"(?:" + CHILD + r"|" + MINOR_AGE + r")(?: \S+){0,5} (?:is|are|was"
                                                    r"|were|being|been|get|gets|getting|keeps? getting|got) (?:\w+ (?:at )?and )?(?:\w+ )?(?:hit|beaten"
                                                    r"|smacked|slapped|punched|kicked|abused|hurt by|locked (?:in|out|up)"
                                                    r"|shouted at|screamed at|thrown|starved)\b(?! (?:out|off)\b)" + _NOT_BY_A_THING),
    cue(S, "midnight 1am 2am 3am 4am 5am hours morning", r"\b(?:out|outside|on the streets?|roaming|wandering) (?:\w+ )?(?:till|until|at|past|after)"
                                 r" (?:[1-5] ?am|midnight|[1-5] in the morning|all hours)\b", needs=CHILD),
    cue(S, "wandering wandered walking", r"\b(?:toddler|child|kid|little (?:boy|girl|one)|baby|old (?:lady|man|woman)|elderly"
                                       r" \w+)\b(?: \S+){0,3} (?:wandering|wandered|walking) (?:\w+ )?(?:on (?:his|her|their)"
                                       r" own|alone|by (?:him|her)self|around|round|about|down|along|in the (?:road|street))"
                                       r"|\bwandering (?:\w+ ){0,3}(?:in (?:her|his) (?:pyjamas|nightie|nightdress|dressing"
                                       r" gown|slippers)|confused|alone|on (?:his|her) own|lost)\b"),
)

_HOME: tuple[Cue, ...] = (
    # a child looking after themselves or a parent who cannot: drink, drugs, violence at home
    cue(S, "drinks drunk drinking drugs high wasted passed smacked",
        r"\b(?:mum|mom|mother|dad|father|parents?|step ?(?:dad|mum)|mums|dads) (?:\w+ ){0,2}(?:drinks|is drunk|always drunk"
        r"|gets drunk|drunk all|drinking all|on drugs|takes drugs|doing drugs|off (?:her|his|their) face|high all|wasted"
        r"|passed out|smacked off)\b", needs=r"(?:" + CHILD + r"|" + MINOR_AGE + r"|\bme\b)"),
    cue(S, "look looking", r"\blook(?:ing)? after (?:ourselves|myself|my (?:little |baby )?(?:brother"
                                                      r"|sister|siblings|brothers|sisters)|(?:my )?mum|(?:my )?dad)\b",
        needs=MINOR_AGE),
)

_SEXUAL: tuple[Cue, ...] = (
    # sexual abuse, grooming and exploitation, said the way it is reported
    cue(S, "groom grooming groomed", r"\bgroom(?:ing|ed|s)?\b(?! (?:parlour|salon|van|service|business|my dog|the dog|dogs"
                                     r"|and|the horse)\b)(?<!dog groom)(?<!dog grooming)(?<!pet grooming)"),
    cue(S, "nudes nude naked pics pictures photos videos sexting sextortion upskirt indecent",
        r"\b(?:nudes|sexting|sextortion|upskirt\w*|indecent (?:images|photos|pictures|exposure))\b|\b(?:asking|asked|asks"
        r"|wants|wanted|ask|sent|sending|send|share|shared|sharing|post|posted|got|has|have) (?:\w+ )?(?:for |of |her "
        r"|him |me |my )?(?:nude|naked|sexy|dirty|rude|private|explicit|inappropriate) (?:pics|pictures|photos|videos|images"
        r"|snaps|messages)\b|\b(?:pics|pictures|photos|snaps)\b(?: \S+){0,3} (?:of (?:her|him|me) )?(?:naked|nude|undressed"
        r"|in (?:her|his|my) underwear)\b"),
    cue(S, "pics pictures photos snaps", r"\b(?:asking|asked|asks|ask|wants|wanted|pressur\w+|sending|sent) (?:\w+ )?(?:for )?"
                                        r"(?:pics|pictures|photos|snaps|selfies)\b", needs=r"(?:" + MINOR_AGE + r"|" + CHILD
                                                                                 + r"|\bman\b|\bmen\b|older)"),
    cue(S, "20s 30s 40s 50s twenties thirties forties fifties older man men lads guys blokes adult grown",
        r"\b(?:man|men|guy|bloke|lad) in (?:his|their) (?:20s|30s|40s|50s|60s|twenties|thirties|forties|fifties)\b"
        r"|\b(?:older|grown|adult) (?:man|men|lads?|boys?|guys?|blokes?)\b|\b(?:\d\d) ?(?:year old|yr old|yo) (?:man|bloke|guy)\b",
        needs=r"(?:" + MINOR_AGE + r"|" + CHILD + r"|\bschool)"),
    cue(S, "living dating seeing sleeping staying going", r"\b(?:living with|dating|seeing|sleeping with|going out with|staying with)"
                                                  r" (?:a|an) (?:\d\d|older|grown|adult|married)\b",
        needs=MINOR_AGE),
    cue(S, "touched touching touches touch", r"\b(?:touched|touching|touches|touch|groped|fondled) (?:me|her|him|them|my"
                                             r" (?:daughter|son|child|kid|girl|boy)|the (?:kids|children))\b(?! (?:base|up on)\b)"
                                             r"|\b(?:touch|touched|touching)\w* (?:\w+ )?inappropriately\b"),
    cue(S, "raped rape rapist molested molesting molestation molester molesters paedo paedophile pedo pedophile nonce sexually sexual flasher flashed "
           "pimping pimped pimp pimps "
           "exposed exposing",
        r"\b(?:raped|rape|rapist|molest\w*|paedo\w*|pedo\w*|pedophile|nonce|pimp(?:ing|ed|s)? (?:out|her|them|girls)|sexually (?:abused|assaulted|touched"
        r"|exploited)|sexual (?:abuse|assault|exploitation)|flasher|flashed (?:me|her|him|us|the kids|at)|exposed"
        r" himself|exposing himself)\b(?! (?:alarm|seed|oil|field)\b)"),
    cue(S, "room bed uncomfortable things stuff", r"\bcomes? (?:in|into) (?:my|her|his|their) (?:room|bed|bedroom)\b|\bmakes?"
                                           r" (?:me|her|him) (?:feel )?uncomfortable\b|\b(?:made|making|makes|make) (?:me|her|him|them|my \w+(?: \w+){0,3}) do"
                                           r" (?:things|stuff|sexual|stuff to)\b"),
    cue(S, "county cuckooing cuckoo cuckooed trafficked trafficking slavery slave slaves exploited exploitation",
        r"\bcounty lines?\b|\bcuckoo(?:ing|ed)\b|\btraffick\w*|\bmodern slavery\b|\b(?:slaves?|slave labour)\b"
        r"|\b(?:criminal|sexual|child) exploitation\b|\bexploit(?:ed|ing)\b"),
    cue(S, "sell deal dealing carry carrying run running drugs drug forced made making makes force forcing getting gets "
           "using uses pressured pressuring", r"\b(?:forced|made|making|makes|force|forcing|getting|gets|"
                                                                      r"using|uses|pressured) (?:me|him|her|them|kids|children"
                                                                      r"|young \w+|my \w+) (?:to )?(?:sell|deal|carry|run|hold|"
                                                                      r"move|stash|drop off|hand over|give (?:them|him|her) (?:his|her|their|money)|steal)\b|\b(?:running"
                                                                      r"|dealing|selling|carrying) drugs\b|\bdrug (?:runners?"
                                                                      r"|running|mules?)\b|\bdeal(?:ing)? (?:drugs )?for"
                                                                      r" (?:them|older)",
        needs=r"(?:" + MINOR_AGE + r"|" + CHILD + r"|" + VULNERABLE + r"|\bforced|\bmade\b|terrified|scared|threat)"),
    cue(S, "taken took taking take moved using use uses living staying dealing deal overrun invaded", r"\b(?:taken over|took over|taking over|take over|moved into|using|use|uses|living in"
                                         r"|staying (?:at|in)|dealing from|deal from) (?:\w+ ){0,3}(?:flat|house|home|place)\b|\b(?:flat|house|home"
                                                   r"|place) (?:has been |is being |was |got |been )?(?:taken over|used by"
                                                   r"|overrun|invaded)\b",
        needs=r"\b(?:dealers?|dealing|gang|drugs?|scared|terrified|frightened|vulnerable|learning|disab\w*|cant get (?:them|rid)"
              r"|wont leave|intimidat\w*)\b"),
    cue(S, "paid servant slave maid prisoner skivvy nothing money free pennies", r"\b(?:never (?:get )?paid|not (?:being )?paid|work(?:ing|s)? (?:\S+ ){0,4}?for"
                                                   r" (?:nothing|no money|free|no pay|pennies))\b(?=.*\b(?:live|living|sleep|sleeping|terrified"
                                                   r"|scared|passports?)\b)|\bkeep(?:ing|s)? (?:a |her |him |them |\w+ )?(?:\w+ )?as"
                                                   r" (?:a |their |his |her )?(?:servant|slave|maid|prisoner|skivvy)\b"),
)

CUES: tuple[Cue, ...] = (*_SELF_HARM, *_URGENT, *_NOW, *_DOMESTIC, *_CHILDREN, *_HOME, *_SEXUAL)
"""Safeguarding, urgent-danger and immediacy cues (more in `core.triage_disclosures`)."""
