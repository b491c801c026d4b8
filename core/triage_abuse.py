"""Threats and abuse cues for `core.triage` (data).

Lincolnshire, "Moderation": insulting, threatening or abusive comments are referred at once.
Lewes 8.1-8.2: referred, two warnings before a block. Buckinghamshire: threats of violence are
reported. Leighton-Linslade 8.1: threats and abuse reported to the Town Clerk. The word lists
stay short and mild on purpose: a label points an officer at a message, nothing more.
"""

from __future__ import annotations

from core.triage_cue import Cue, cue

_SWEARS = (r"(?:arses?|stfu|gtfo|paedo\w*|nonces?|shit\w*|shite|bullshit|fuck\w*|fck\w*|fuk\w*|fcuk\w*|fooking|effing|cunts?|twats?|wank\w*|tossers?|bellends?|dickheads?|knobheads?"
           r"|knobs|arseholes?|assholes?|bastards?|bitch(?:es)?|slags?|pricks?|pillocks?|prats?|plonkers?|numpt(?:y|ies)"
           r"|retard\w*|scumbags?|morons?|imbeciles?|cretins?|halfwits?|nonces?|wasters|shitheads?|piss ?heads?)")
_WORDS: tuple[Cue, ...] = (
    # Lincolnshire, "Moderation": insulting, threatening or abusive comments are referred at once.
    # Lewes 8.1-8.2: referred, two warnings before a block. Buckinghamshire: threats of violence
    # are reported. Leighton-Linslade 8.1: threats and abuse reported to the Town Clerk.
    # The word list stays short and mild on purpose: it points an officer at a message.
    cue("abuse", "arse arses stfu gtfo paedo paedos paedophile nonce nonces shit shite shits shitty shithole shitshow bullshit "
                 "shithead shitheads fuck fucking fuckin fucked fucks fck fcking fk fuk fuking fukin fcuk fooking effing cunt cunts twat "
                 "twats wanker wankers wank wanky tosser tossers bellend bellends dickhead dickheads knobhead knobheads "
                 "knobs arsehole arseholes asshole assholes bastard bastards bitch bitches slag slags prick pricks "
                 "pillock pillocks prat prats plonker plonkers numpty numpties retard retarded retards scumbag "
                 "scumbags moron morons imbecile imbeciles cretin cretins halfwit halfwits nonce nonces wasters "
                 "shithead shitheads piss pisshead pissheads",
        r"\b" + _SWEARS + r"\b(?! (?:prices|factor)\b)(?<!its arse)(?<!their arse)(?<!my arse)"),
    cue("abuse", "idiot idiots", r"\bidiots?\b(?! ?proof)(?<!village idiot)"),
    cue("abuse", "muppet muppets", r"\bmuppets?\b(?! (?:christmas|show|movie|film|treasure|most wanted|screening))"
                                   r"(?<!the muppets)"),
    cue("abuse", "scum", r"\bscum\b(?! on (?:the|a|top) ?(?:pond|lake|river|water|of)?)(?<!green scum)(?<!pond scum)"
                         r"(?<!soap scum)(?<!the scum)"),
    cue("abuse", "parasites parasite crooks liars thieves criminals corrupt clowns clown clueless pathetic jobsworths "
                 "jobsworth leeches",
        r"\b(?:you|your|youre|you are|are|council|councillors?|bunch of|lot of|such|absolute|utter|total|lying|what a"
        r"|greedy|useless|clueless|thieving|incompetent|lazy|corrupt) (?:\w+ )?(?:parasites?|crooks|liars|thieves"
        r"|criminals|clowns?|jobsworths?|leeches|pathetic|corrupt|clueless)\b"
        r"|\bpathetic (?:little|excuse|bunch|lot|man|woman|waste|individual|people)\b"),
    cue("abuse", "useless waste", r"\buseless (?:lot|bunch|clowns?|idiots?|morons?|jobsworths?|waste of space|pen ?pushers?"
                                  r"|cow|bitch|git|twat|prat|sod|oaf|tossers?|lazy|woman|man|people|idiots?)\b|\bwaste of (?:space|oxygen|skin)\b"),
    cue("abuse", "stupid thick brain braindead", r"\bstupid (?:bitch|cow|idiot|woman|man|twat|git|fool|cow|prat|council|people|lot|jobsworth)"
                                 r"\b|\bthick as (?:mince|shit|two short planks|pig)|\bbrain ?dead\b"),
    # threats: "I'll find you", "I know where you live", "someone should put a brick through..."
    cue("abuse", "ill hurt kill stab shoot batter deck smash knock", r"(?<!scared )(?<!afraid )(?<!worried )"
                                                                         r"(?<!frightened )(?<!terrified )\b(?:ill|i will|im gonna|im going to|i am going to"
                                                                         r"|gonna|going to|will|ll) (?:find|hurt|kill|stab"
                                                                         r"|shoot|batter|deck|smash|sort out|knock) (?:you"
                                                                         r"|u|him|her|them|the lot|whoever|that|your|his"
                                                                         r"|the \w+)\b(?! (?:a|an|the|some|out|up|know"
                                                                         r"|informed|posted|later|the reference|when)\b)"
                                                                         r"(?<!find you)(?<!find u)|\b(?:ill|i will)"
                                                                         r" (?:find|get) (?:you|u)\b(?= $| (?:and|you|ill"
                                                                         r"|i will|mark)\b)"),
    cue("abuse", "sure", r"\bmake sure (?:you|u) (?:lose your job|get sacked|get fired|regret|pay|suffer)\b"),
    cue("abuse", "losers loser pushing pushers", r"\b(?:you|u|bunch of|lot of|pathetic|useless|pen pushing|total|absolute)"
                                                 r" (?:\w+ )?losers?\b|\bpen (?:pushing|pushers?)\b"),
    cue("abuse", "lives live", r"\bfind out where (?:you|u|he|she|they|the \w+(?: \w+)?) (?:lives?|works?)\b"),
    cue("abuse", "keys smashes burns torches slashes vandalises", r"\b(?:hope|wish) (?:someone|somebody) (?:keys|smashes|burns"
                                                                  r"|torches|slashes|vandalises) (?:your|their|his|her)\b"),
    cue("abuse", "know", r"\bknow where (?:you|u|he|she|they) (?:live|work|lives|works)\b"),
    cue("abuse", "watch", r"\bwatch (?:your|ur) back\b"),
    cue("abuse", "regret sorry youll", r"\b(?:you|u|youll)(?: ll| will)? (?:regret|be sorry)\b(?! (?:\w+ing|to|not)\b)|\b(?:youll|you ll|you will"
                                       r"|u will) pay for (?:this|that|it)\b(?! (?:online|by card|at|with|when|in)\b)"),

    cue("abuse", "coming", r"\bcoming for (?:you|u)\b"),
    cue("abuse", "burn burning burned burnt burns", r"\bburn(?:ing|ed|t)? (?:the|your|it|that|this|them) (?:\w+ )?(?:down"
                                                    r"|to the ground)\b|\b(?:hope|wish) (?:\w+ ){0,3}burns? (?:down|to the"
                                                    r" ground)\b|\b(?:needs|deserves) burning\b|\bburn in hell\b"),
    cue("abuse", "hell rot die cancer hope", r"\b(?:hope|wish) (?:you|u) (?:all |lot )?(?:die|rot|burn|get (?:cancer|hit|run"
                                             r" over)|choke|suffer)\b|\brot in hell\b|\bgo to hell\b"),
    cue("abuse", "kys kill yourself yourselves urself neck", r"\bkys\b|\bkill (?:yourself|yourselves|urself|ur self|your self)"
                                                             r"\b|\bneck (?:yourself|urself)\b|\bdrink bleach\b"),
    cue("abuse", "brick bricks smash smashed kick punch cave knock shoot hang stab torch batter firebomb bomb "
                 "kill burn sort string", r"\b(?:someone|somebody|they|people) (?:should"
                                                                             r"|ought to|needs to|need to|wants to) (?:shoot"
                                                                             r"|kill|hang|stab|burn|sort|smash|torch|string up"
                                                                             r"|batter|punch|put a brick|firebomb|bomb) "
                                                                             r"|\b(?:put|throw|chuck|lob) (?:a )?bricks?"
                                                                             r" (?:through|at)\b|\b(?:smash|kick|punch|cave"
                                                                             r"|knock)\w* (?:your|his|her|their|ur|yer)"
                                                                             r" (?:face|head|teeth|windows?)\b"),
    cue("abuse", "strung shot hanged hung", r"\b(?:should|ought to|want|wants|need|needs|deserve|deserves) (?:all |to )?"
                                            r"(?:be )?(?:strung up|shot|hanged|hung|put down|taken out and shot)\b"),
    cue("abuse", "cow git pig witch bitch cows gits pigs bitches sod sods", r"\b(?:rude|fat|stupid|ugly|lazy|silly|miserable|old|useless|thick|horrible|nasty"
                                            r"|arrogant|smug|snotty|up|daft|you|a|that|greedy|ignorant)"
                                            r" (?:old )?(?:cows?|gits?|pigs?|sods?|witch|bitch(?:es)?)\b(?! (?:parsley|field|fields|of a job|in))"),
    cue("abuse", "shut piss stuffed", r"\bshut (?:up|your mouth|it|ur mouth|your face|your gob) (?:you|u)\b|\bshut your"
                                      r" (?:mouth|gob|face)\b|\bpiss off\b|\bget stuffed\b|\bkeep (?:your|ur|yer) (?:mouth"
                                      r"|gob|trap) shut\b"),
    cue("abuse", "else", r"\bor else $"),
    cue("abuse", "absolute utter total complete massive", r"\b(?:you|u|youre|ur) (?:an? )?(?:absolute|utter|total|complete"
        r"|massive) (?:\w+ )?(?:weapon|melt|muppet|idiot|clown|joke|disgrace|waste of space|bellend|knob|plank|tool|div"
        r"|nob|mug|donut|wally|pillock|moron|cretin|wrong un)\b"),
    cue("abuse", "deserves deserve", r"\b(?:someone|somebody|one day|ill|i will|well|we will) (?:\w+ ){0,2}give (?:him|her"
        r"|them|you|u|that \w+|the \w+) what (?:he|she|they|you|u)(?: really)? deserves?\b"),
    cue("abuse", "off yours lost arse", r"\b(?:sod|bugger|eff|f|piss|naff|jog) off\b(?! (?:at|to|with a|work))"
                                        r"|\bup (?:yours|your arse|ur arse)\b|\bkiss my arse\b|\bget lost (?:you|u)\b"
                                        r"|\bshove (?:it|your \w+(?: \w+)?) up\b"),
    cue("abuse", "die dead fire cancer", r"\bdie in a (?:fire|ditch|hole)\b|\bdrop dead\b|\bgo and die\b|\b(?:hope|wish) (?:you|u)"
                                         r" (?:all |lot )?(?:die|get cancer|drop dead)\b|\bget cancer\b"),
    cue("abuse", "lining shooting hanging stringing slap smack kicking hiding putting sacking", r"\b(?:want|wants|need|needs|deserve|deserves) (?:lining up|shooting|hanging|stringing"
                                          r" up|a (?:good |proper )?(?:slap|smack|kicking|hiding|hammering|battering|punch)"
                                          r"|putting down|sacking and shooting)\b"),
    cue("abuse", "see smiling warned happens", r"\bwait (?:till|until|til) i (?:see|get|find) (?:you|u|him|her)\b|\b(?:you|u)"
                                               r" (?:wont|will not) be smiling\b|\b(?:youve|you have) been warned\b"
                                               r"|\bwatch what happens\b"),
    cue("abuse", "hurt", r"\b(?:someone|someones|somebody|somebodys|people) (?:is |s |are )?(?:going to|gonna|will) get hurt if (?:you|u)\b"),
    cue("abuse", "sort coming", r"\b(?:ill|i will|im going to|im gonna|ill be round to|ill come round and) sort (?:you|u|him|her"
                                r"|them)(?: lot| all)? out\b|\bcoming down"
                                r" (?:there|to (?:your|the) (?:office|offices|council|town hall)) (?:and|to)\b"),
    cue("abuse", "liar liars", r"\b(?:youre|you are|hes|shes|is|are|theyre|they are|bunch of|pack of|load of) (?:a |an )?"
                               r"(?:\w+ ){0,3}(?:and )?(?:a )?liars?\b"),
    cue("abuse", "waiting happens", r"\b(?:ill be |i will be |be )?waiting for (?:you|u) (?:outside|after)\b|\b(?:come|coming"
                                    r"|show your face|turn up) (?:\w+ ){0,4}(?:again )?and (?:see|watch|youll see) what happens\b"),
    cue("abuse", "happens window wall", r"\b(?:and|or) (?:you(?:ll)? )?see what happens\b|\bput (?:you|u|him|her) through"
                                        r" (?:the|a) (?:window|wall|door)\b"),
    cue("abuse", "jump", r"\bgo (?:and )?jump (?:off|in) (?:a|the) (?:cliff|bridge|lake|river|sea)\b"),
    cue("abuse", "country came", r"\b(?:go|get) (?:back )?(?:to|home to) (?:your|ur) own country\b|\bgo back (?:to )?where (?:you|u|they)"
                                 r" came from\b"),
)

# Veiled threats: what someone will do, or what will happen to someone, without the word "kill".
_SOMEONE = r"(?:you|u|ya|yer|him|her|them|em|the lot of (?:you|u|them))"
_THEY_WILL = r"(?:youll|ull|hell|shell|theyll|you will|he will|she will|they will|you ll|he ll|she ll|they ll)"
_INTENT = r"(?:ill|i will|im going to|im gonna|i am going to|gonna|going to|gna|wanna|want to|will|should|ought to)"
_THREATS: tuple[Cue, ...] = (
    # "come down there and smash the place up", "I'll trash your office", "put your windows in"
    cue("abuse", "smash wreck trash torch tear",
        r"\b" + _INTENT + r" (?:(?:go|come) (?:\w+ ){0,4}and )?(?:smash|wreck|trash|torch|tear) (?:up )?(?:the|this|that"
        r"|your|ur|yer|their|his|her|it|every|all) (?:\w+ ){0,2}?(?:place|office|offices|building|town hall|reception"
        r"|car|van|house|home|windows?|doors?|desk|up|in|apart|down)\b"),
    cue("abuse", "lesson", r"\bteach (?:him|her|them|you|u|that \w+|the \w+|these \w+|those \w+) a (?:good |proper )?lesson\b"
                           r"(?! (?:about|in|on|at)\b)"),
    cue("abuse", "lamp thump punch smack slap chin glass bottle kick headbutt strangle throttle",
        r"\b(?:ill|i will|im gonna|im going to|gonna|going to|will|ll) (?:lamp|thump|punch|smack|slap|chin|glass|bottle"
        r"|kick|headbutt|strangle|throttle) (?:you|u|him|her|them|the \w+|that \w+|his|your|ur)\b"),
    cue("abuse", "foreigners immigrants migrants pakis paki gypos gyppos gyppo pikeys pikey wogs poofs poofters",
        r"\b(?:dirty|filthy|bloody|scrounging|stinking) (?:foreigners|immigrants|migrants)\b|\b(?:pakis?|gypp?os?|pikeys?"
        r"|wogs|poofs|poofters)\b"),
    cue("abuse", "windows", r"\bput (?:your|ur|yer|his|her|their|the) (?:\w+ )?windows in\b"),
    cue("abuse", "head heads", r"\b(?:want|wants|needs|need|deserves|deserve|get|gets|getting) (?:his|her|their|your|ur)"
                               r" heads? (?:kicked|smashed|caved|knocked|punched) in\b"),
    cue("abuse", "hands", r"\btake (?:the law|matters|things|it) into (?:my|our) own hands\b"),
    cue("abuse", "myself ourselves personally", r"\b(?:ill|i will|im going to|im gonna|well|we will) (?:deal with|sort out"
                                                r"|sort|handle) (?:him|her|them|you|u|that \w+|the \w+)(?: out)? (?:myself"
                                                r"|ourselves|personally)\b"),
    cue("abuse", "careful", r"\b(?:you|u|he|she|they)(?: d| had)? (?:want|wants|wanna|better|need|needs) (?:to )?be careful\b"
                            r"(?! (?:on|in|at|near|when|crossing|driving|with|of|about|round|around|not|if|as|because)\b)"),
    cue("abuse", "piece", r"\bnasty (?:little )?piece of (?:work|shit|dirt)\b"),
    cue("abuse", "pleasant pretty nice friendly", r"\bit (?:wont|will not) be (?:pleasant|pretty|nice|friendly)\b",
        needs=r"\b(?:visit|round|come|coming|see you|find you|pay you|paying)\b"),
    cue("abuse", "punch smack slap deck thump lamp batter strangle throttle",
        r"\b(?:love|like|want|wanna|going|gonna|could|ought|tempted) to (?:punch|smack|slap|deck|thump|lamp|batter"
        r"|strangle|throttle) (?:that|the|your|ur|him|her|them|you|u|every|some)\b"),

    # "he'll get what's coming", "they'll be sorry", "you won't know what hit you"
    cue("abuse", "coming comin", r"\b(?:get|gets|getting) (?:whats|what is|what s) comin[g]?(?: to (?:him|her|them|you|u|em|ya))?\b"
                                 r"(?! (?:at|for|on|this|next|in|up|out|soon to)\b)"),
    cue("abuse", "deserves deserve", r"\b" + _THEY_WILL + r" get what (?:he|she|they|you|u) deserves?\b|\bhope (?:you|u"
                                     r"|he|she|they)(?: all| lot)? get what (?:you|u|he|she|they)(?: all)? deserves?\b"),

    cue("abuse", "sorry regret", r"\b" + _THEY_WILL + r" (?:\w+ )?(?:be sorry|regret it|regret this|regret that)\b"
                                 r"(?! (?:to|he|she|they|you|that|for|about|we|i)\b)"),
    cue("abuse", "hit", r"\b(?:wont|will not|wouldnt|not) know what (?:hit|hits) " + _SOMEONE + r"\b"),
    cue("abuse", "life lives", r"\bmake (?:your|ur|his|her|their) li(?:fe|ves) (?:a )?(?:hell|misery|miserable|a misery"
                               r"|a living hell)\b"),
    cue("abuse", "pay suffer", r"\b(?:ill|i will|im going to|im gonna|gonna|going to|we will|well|were going to) make "
                               + _SOMEONE + r" (?:pay|suffer)\b"),
    # knowing where someone lives or parks: "I know where the leader of the council lives"
    cue("abuse", "lives live works work parks park drinks sleeps",
        r"\b(?<!do you )(?<!does anyone )(?<!anyone )(?<!dont )(?<!doesnt )(?<!nobody )(?:know|found out|find out|finding"

        r" out|worked out) (?:exactly )?where (?:\w+ ){1,5}?(?:lives?|works?|parks?|drinks|sleeps)\b"),
    cue("abuse", "shame pity", r"\b(?:shame|pity) if (?:something|anything|summat) (?:was to |were to |should )?"
                               r"(?:happened?|happens) to (?:you|u|your|ur|yer|him|her|his|them|their|that \w+)\b"),
    cue("abuse", "theirs his hers yours", r"\b" + _THEY_WILL + r" get (?:theirs|his|hers|yours)\b(?! (?:back|in|soon|next"
                                          r"|tomorrow|on|at|when|by|from|through)\b)"),
    cue("abuse", "brick", r"\b(?:get|getting|gets|got coming) a brick through\b"),
    cue("abuse", "accidents", r"\baccidents (?:can |do )?happen (?:to )?(?:people like " + _SOMEONE + r"|you know)\b"),
    cue("abuse", "yourself urself", r"\bwatch (?:yourself|urself|yourselves|your step|ur step)\b(?! (?:on|in|at|near|round"
                                    r"|around|when|crossing|by|as|with|going|walking|driving)\b)"),
    cue("abuse", "waiting", r"\b(?:ill|i will|well|we will) be (?:\w+ ){0,4}waiting for (?:you|u|him|her|them|that \w+)\b"
                            r"(?! (?:to|at|in|on|with|when the)\b)|\bwaiting for (?:you|u|him|her|them|that \w+) (?:outside|after (?:work|your|his|her|their"
                            r"|ur|the meeting)|when (?:you|he|she|they) (?:leave|finish|come out|get out))\b"),
)

# Insults aimed at people: an insulting word for them, often "the lot of you".
_SCORN = (r"(?:pathetic|useless|spineless|gutless|brainless|clueless|lazy|petty|incompetent|thick|stupid|gormless"
          r"|worthless|corrupt|thieving|lying|greedy|arrogant|ignorant|smug|spiteful|vile|disgusting|shameless"
          r"|snivelling|cowardly)")
_INSULT = (r"(?:jobsworths?|idiots?|morons?|clowns?|muppets?|cowards?|wasters?|parasites?|leeches|crooks?|liars?"
           r"|numpties|dimwits?|halfwits?|imbeciles?|jokers|losers?|scroungers?|pen ?pushers?|goons?|cretins?"
           r"|fools|buffoons?|snakes?|weasels?|rats|pigs|tyrants?|hypocrites?|amateurs|excuses? for (?:a )?human"
           r"|lowlifes?|low lifes?|scum|vermin|dinosaurs|lumps?)")
_INSULT_WORDS = ("jobsworth jobsworths idiot idiots moron morons clown clowns muppet muppets coward cowards waster wasters "
                 "parasite parasites leeches crook crooks liar liars numpties dimwit dimwits halfwit halfwits imbecile "
                 "imbeciles jokers loser losers scrounger scroungers pusher pushers penpusher penpushers goon goons cretin "
                 "cretins fools buffoon buffoons snake snakes weasel weasels rats pigs tyrant tyrants hypocrite hypocrites "
                 "amateurs excuse excuses lowlife lowlifes lifes scum vermin dinosaurs lump lumps")
_INSULTS: tuple[Cue, ...] = (
    cue("abuse", "jobsworth jobsworths", r"(?<!to be a )(?<!not a )(?<!bit of a )(?<!be a )\bjobsworths?\b"),
    cue("abuse", "pathetic useless spineless gutless brainless clueless lazy petty incompetent thick stupid gormless "
                 "worthless corrupt thieving lying greedy arrogant ignorant smug spiteful vile disgusting shameless "
                 "snivelling cowardly",

        r"\b" + _SCORN + r" (?:\w+ )?(?:and \w+ )?" + _INSULT + r"\b"),
    cue("abuse", _INSULT_WORDS,
        r"\b(?:bunch|pack|load|shower|gang|band) of (?:\w+ ){0,2}" + _INSULT + r"\b"),
    cue("abuse", "useless pathetic corrupt lazy incompetent clueless spineless gutless liars crooks clowns idiots morons "
                 "jobsworths muppets parasites scum cowards wasters disgraceful shameful jokers",
        r"\b(?:useless|pathetic|corrupt|lazy|incompetent|clueless|spineless|gutless|liars|crooks|clowns|idiots|morons"
        r"|jobsworths|muppets|parasites|scum|cowards|wasters|disgraceful|shameful|jokers) (?:\w+ )?(?:the (?:whole )?lot"
        r"|every (?:last )?one|all) of (?:you|u|yer|ya|yous|youse|them|em)\b"),
)

CUES: tuple[Cue, ...] = (*_WORDS, *_THREATS, *_INSULTS)
"""The abuse cues: swearing and insults, threats, veiled threats."""
