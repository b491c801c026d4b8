"""More safeguarding cues for `core.triage` (data): vulnerable adults, and disclosures said plainly
without any of the policy's words (the last net is `core.triage_net`).

Lincolnshire, "Engaging with young and vulnerable people"; Lewes 5.2; Leighton-Linslade 10.4
(see `core.triage_safeguarding`).
"""

from __future__ import annotations

from core.triage_families import CUES as FAMILY_CUES
from core.triage_cue import CHILD, ELDER, MINOR_AGE, NOW, URGENT, VULNERABLE, WHO_AT_RISK, Cue, cue

S = "safeguarding"

_ADULTS: tuple[Cue, ...] = (
    cue(S, "carer carers worker workers staff",
        r"\b(?:carer|carers|care workers?|care staff|staff at (?:the|her|his|my) (?:care )?home|care home staff)(?: \S+){0,2}"
        r" (?:shouts?|shouting|shouted|screams?|swears?|is rough|are rough|hits?|slaps?|slapped|pinch\w*|ignores?"
        r"|leaves? (?:me|her|him|them) (?:in|on|alone|for)|neglect\w*|hurts?|hurting|steal\w*|stole|locks?|rough handl\w*"
        r"|bullies|bullying|threatens?|threatened|taking|takes|took|taken)\b"),
    # vulnerable adults: not seen, cold, confused, robbed by someone close, a carer at breaking point
    cue(S, "seen heard answered answering", r"\b(?:hasnt|has not|havent|have not|not|nobody has|no one has|noone has)"
                                            r" (?:been )?(?:seen|heard from|heard|answered|answering|seen or heard)"
                                            r" (?:\w+ ){0,3}(?:for|in|since) (?:\d+|a few|several|two|three|four|five|days"
                                            r"|a week|weeks|a fortnight|fortnight|a month|months|ages|last)\b", needs=r"(?:" + ELDER + r"|" + VULNERABLE
                                                                                 + r"|neighbour|lives alone)"),
    cue(S, "curtains milk post", r"\bcurtains (?:\w+ )?(?:shut|closed|drawn)\b|\bmilk (?:\w+ )?(?:on the step|not (?:been )?"
                                 r"taken in)\b|\bpost (?:\w+ )?piling up\b", needs=r"\b(?:days|week|weeks|fortnight|since|all day|still)\b"),
    cue(S, "fallen fell fall floor", r"\b(?:fallen|fell|had a fall|falls|falling) (?:\w+ ){0,3}(?:cant|couldnt|can not|unable to"
                                     r"|not able to) get (?:up|back up)\b|\b(?:fallen|fell) (?:twice|again|three times|several"
                                     r" times|over and over)\b|\b(?:lying|laying|lay) on the floor\b",
        needs=r"(?:" + ELDER + r"|" + VULNERABLE + r"|alone)"),
    cue(S, "heating food electric cold freezing eating washing", r"\bno (?:heating|food|electric|gas|hot water|money for food)"
                                                                  r"\b|\b(?:freezing|frozen|cold) (?:in (?:his|her|their) (?:flat"
                                                                  r"|house|home)|all (?:day|night))\b|\bnot (?:eating|washing"
                                                                  r"|taking (?:his|her) meds)\b",
        needs=r"(?:" + ELDER + r"|" + VULNERABLE + r")(?!.*\b(?:bill|tariff|meter|quote)\b)"),
    cue(S, "money pension savings account card cash thousands benefits", r"\b(?:taking|taken|took|takes|stealing|stole|steals|had|having"
                                                               r"|helping (?:himself|herself|themselves) to|draining|drained"
                                                               r"|emptying|emptied|cleared out|using|spending|spent|keeps?)"
                                                               r" (?:\w+ ){0,2}(?:money|pension|savings|bank (?:card|account)"
                                                               r"|account|benefits|cash|thousands)\b(?! (?:for the|on"
                                                               r" the|back)\b)",
        needs=r"(?=.*\b(?:carer|son|daughter|grandson|granddaughter|nephew|niece|lodger|boyfriend|friends?|family|people"
              r"|someone|scammers?|neighbour|new \w+|man|woman)\b)(?=.*(?:" + ELDER + r"|" + VULNERABLE
              + r"|\bher\b|\bhim\b))"),
    cue(S, "off", r"\bhad (?:£\w+|thousands|money|\w+ grand|\w+k) off (?:her|him|my \w+|them)\b"),
    cue(S, "giving sending handing transferring", r"\b(?:keeps|keep|been|is|always) (?:giving|sending|handing over|transferring) (?:\w+ )?"
                                     r"(?:money|cash|thousands|£\w+|savings)\b", needs=r"(?:" + ELDER + r"|" + VULNERABLE
                                                                                       + r"|scam)"),
    cue(S, "scammed scam scams", r"\bscam(?:med)?\b", needs=r"(?:" + ELDER + r"|" + VULNERABLE + r")(?=.*\b(?:taken|lost"
                                                           r"|thousands|savings|all (?:her|his) money|life savings"
                                                           r"|cant see|wont listen|keeps)\b)"),
    cue(S, "breaking tether wits end snap snapping losing burnt burned knees falling",
        r"\b(?:breaking point|end of my tether|(?:at|on) my wits end|going to snap|gonna snap|about to snap|close to"
        r" snapping|losing it|burnt out|burned out|on my knees|falling apart|at rock bottom|cant take (?:any )?more)\b",
        needs=r"\b(?:caring|care for|cares for|carer|looking after|look after|looks after|24 ?7|dementia|alzh?eimers?"
              r"|disabled|baby|kids|son|daughter|husband|wife|mum|dad|on my own|alone|myself|hurt)\b"
              r"(?!.*\b(?:roadworks|bins?|noise|traffic|parking|potholes?|council tax)\b)"),
    cue(S, "kicked thrown chucked told made turfed leave homeless rough streets nowhere surfing shelter doorway tent "
           "sleeping evicted throw kick chuck",
        r"\b(?:kicked|thrown|chucked|turfed|booted|forced|throw|kick|chuck|throws|kicks) (?:me |her |him |them |us )?out\b(?! (?:of|from) (?:\w+ ){0,2}(?:school|college"
        r"|class|uni|club|pub|shop|library|group|team|game|match|pool|lesson|party|gym|cinema)\b)|\btold (?:me |her |him |us )?"
        r"to (?:leave|get out|go)\b|\bhomeless\b|\bsleeping (?:rough|on the streets?|in (?:a|the|my) (?:car|park|bus shelter"
        r"|tent|doorway|station|stairwell)|on (?:a|my|mates|friends) (?:floor|sofa))|\bnowhere (?:to|else to) (?:go|sleep"
        r"|stay|live)\b|\bsofa ?surfing\b|\bon the streets\b|\b(?:got|been|being|were|was) evicted\b",
        needs=r"(?:" + MINOR_AGE + r"|" + CHILD + r"|" + ELDER + r"|" + VULNERABLE + r"|\btonight\b|pregnant|\bscared"
              r"|\b(?:ill|unwell|poorly|freezing|cold|snow|not moving|shaking|sick)\b)"),
    cue(S, "bullied bullying bullies cyberbullying cyberbullied cyber picked targeted", r"\b(?:being|been|getting|gets|got|get|is|was) (?:bullied|picked on|targeted)\b"
                                                                        r"|\bbull(?:ying|ies|y) (?:me|her|him|them|my)\b"
                                                                        r"|\bcyber ?bull\w*"),
)

_PLAINLY: tuple[Cue, ...] = (
    # wanting to be gone, said without "suicide"
    cue(S, "wasnt werent here around alive", r"\bif (?:i|she|he) (?:wasnt|werent|was not|were not|was(?:nt)? (?:here|around"
                                             r"|alive) no more) (?:here|around|alive|in the picture)?\b",
        needs=r"\b(?:better off|happier|easier|care|notice|miss|matter|world)\b"),
    cue(S, "tired sick", r"\b(?:tired|sick) of (?:being alive|living|life|it all|everything|existing|being here|waking up)\b"),
    cue(S, "stop end", r"\bwant (?:it|everything|it all|the pain|this|life) to (?:stop|end|be over)\b"),
    cue(S, "giving give gave", r"\b(?:giving|give|gave|given) up on (?:everything|life|living|myself|it all)\b"),
    cue(S, "night", r"\bmake it through (?:the|tonight|this) ?(?:night|weekend)?\b"),
    cue(S, "worthless hopeless pointless burden", r"\b(?:im|i am|i feel|feel|feeling|i m) (?:so |just |a |such a |completely"
                                                  r" )?(?:worthless|hopeless|pointless|burden)\b"),
    cue(S, "wake", r"\b(?:go to sleep|sleep|fall asleep) and (?:never|not) wake up\b|\bnever wake up\b"),
    cue(S, "way", r"\b(?:cant|cannot|dont|cant) see (?:any|a|another) way out\b|\bonly way out\b"),
    cue(S, "scared afraid frightened terrified worried", r"\b(?:scared|afraid|frightened|terrified|worried) (?:that )?(?:my|her|his) (?:partner|husband|wife|boyfriend"
                   r"|girlfriend|ex|dad|mum|fella) (?:will|might|would|ll|is going to|gonna) (?:find out|see this|know|check)"),
    cue(S, "broke broken breaking fractured", r"\b(?:broke|broken|breaking|fractured) (?:my|her|his|their) (?:arm|leg|nose|jaw"
                                              r"|ribs?|wrist|fingers?|cheekbone|collarbone)\b",
        needs=r"\b(?:he|she|hes|shes|partner|husband|wife|boyfriend|girlfriend|dad|mum|son|carer|him|twice|again)\b"),
    cue(S, "own myself alone", r"\b(?:on (?:my|our) own|by myself|by ourselves|home alone|alone)\b",
        needs=r"(?:" + MINOR_AGE + r")(?=.*\b(?:hospital|nobody|no one|no adult|no food|for days|little (?:brother|sister)"
              r"|prison|left|gone|away|scared)\b)"),
    # harm done to someone at risk, said with any verb of it
    cue(S, "hurting hurts mistreat mistreats mistreating mistreated cruel shaking shakes shook neglecting starving "
           "exploiting abusing smacking slapping kicking punching beating",
        r"\b(?:hurting|hurts|mistreat\w*|ill treat\w*|cruel to|shak(?:ing|es|e)|shook|neglecting|starving|exploiting|abusing"
        r"|smacking|slapping|kicking|punching|beating) (?:the |that |a |her |his |their |my )?(?:\w+ )?(?:baby|kids?|children"
        r"|child|toddler|son|daughter|boy|girl|mum|dad|nan|gran|wife|husband|partner|her|him|them|me)\b"
        r"(?! (?:football|ball|the ball|a ball))", needs=r"(?:" + WHO_AT_RISK + r"|\b(?:he|she|partner|husband|wife|me)\b)"),
    cue(S, "radicalised radicalized radicalising radicalisation extremist extremists extremism spiked fgm honour married "
           "marry marriage",
        r"\b(?:radicali[sz]\w*|extremis[tm]s?|spiked|fgm|honour based|honour (?:violence|killing)|forced (?:to marry|marriage)"
        r"|married off)\b", needs=r"(?:" + WHO_AT_RISK + r"|\b(?:my|her|his|me|i)\b)"),
    cue(S, "scared frightened terrified unsafe danger", r"\b(?:im|i am|i feel|feeling|i m) (?:so |really |very |too |genuinely )?"
                                                       r"(?:scared|frightened|terrified|unsafe|in danger|petrified)\b"
                                                       r"(?! (?:of (?:the )?(?:dogs?|spiders?|heights|driving|roads?|cars|bikes"
                                                       r"|traffic|rats|mice|cows)|to (?:drive|cycle|walk|park)))",
        needs=r"\b(?:help|please|home|him|he|she|partner|husband|boyfriend|dad|mum|ex|family|alone|night|anymore|life)\b"),
    cue(S, "hear see", r"\b(?:you|yall|you all|everyone) (?:wont|will not|will never|wont ever) (?:hear from|see) me again\b"),
    cue(S, "help", r"\b(?:screaming|shouting|crying|calling|yelling|begging) (?:out )?for help\b"),
    cue(S, "lookouts lookout using runners", r"\busing (?:kids|children|young \w+|schoolkids|little \w+) (?:as|to)\b"
                                             r"|\b(?:kids|children) as (?:lookouts?|runners)\b"),
    cue(S, "sweets car him", r"\b(?:asking|asked|asks|trying to get|tried to get|getting|offering|offered)"
                             r" (?:\w+ ){0,6}(?:sweets|to go with him|to come with him|into (?:his|a) (?:car|van)"
                             r"|in (?:his|a) (?:car|van))\b", needs=CHILD),
    cue(S, "crying mum mummy dad daddy parents", r"\bcrying for (?:his|her|their) (?:mum|mummy|mam|mom|dad|daddy|parents)\b"),
    cue(S, "done point better", r"\b(?:so |just |im |i am )?done with (?:life|living|it all|everything|this life)\b"
                                r"|\b(?:dont|cant|do not|cannot) see the point (?:any ?more|of anything|of me)\b"
                                r"|\bnothing (?:will )?ever (?:get|gets) better\b"),
    cue(S, "regret pay suffer", r"\b(?:hell|shell|he will|she will|he ll|she ll|hed|shed) make (?:me|her|him|us) (?:regret"
                                r"|pay|suffer)\b"),
    cue(S, "used", r"\b(?:being|been|are|is|get|getting) used to (?:run|sell|deal|carry|move|hold|store|steal)\b"),
    cue(S, "planning planned plan worked working thought decided", r"\b(?:planning|planned|plan|worked out|working out"
                                                                  r"|thought about|decided) (?:how|when|where) (?:i|id|ill"
                                                                  r"|i will|im going to|to) (?:would )?(?:do it|end it|kill"
                                                                  r"|die|go)\b"),
    cue(S, "old yr yo years", r"\b(?:1[89]|[2-6]\d) ?(?:year old|yr old|yo|years old)\b",
        needs=r"(?=.*" + MINOR_AGE + r")(?=.*\b(?:friend|boyfriend|girlfriend|man|bloke|woman|buys|buying|gifts|presents"
              r"|messag\w*|meet\w*|met|seeing|dating|living|sleeping|relationship|going out)\b)"),
    cue(S, "paid", r"\bpaid (?:him|them|her|a man|some \w+) (?:£\S+|thousands|\w+ grand|\w+k)\b",
        needs=r"(?:" + ELDER + r"|" + VULNERABLE + r")"),
    cue(S, "hate", r"\bi (?:hate|loathe) (?:myself|my life|being alive)\b"),
    cue(S, "stockpiling stockpiled saving hoarding", r"\b(?:stockpil\w*|saving up|hoarding) (?:\w+ )?(?:meds|pills|tablets"
                                                     r"|medication|painkillers|paracetamol)\b"),
    cue(S, "wrist wrists", r"\b(?:cut|cuts|cutting|slit|slitting|slashed|slashing) (?:\w+ )?wrists?\b"),
    # violence and control at home, said plainly
    cue(S, "throws threw throwing", r"\b(?:throws|threw|throwing|chucks|chucked) (?:things|stuff|plates|\w+) at (?:me|us|her"
                                    r"|him|them|the kids)\b"),
    cue(S, "hair", r"\bpull(?:s|ed|ing)? (?:my|her|his) hair\b"),
    cue(S, "screams shouts swears screaming shouting", r"\b(?:screams|shouts|swears|screaming|shouting|swearing|yells|yelling)"
                                                       r" at (?:me|her|him|us|them|the kids)\b",
        needs=r"\b(?:he|she|partner|husband|wife|boyfriend|girlfriend|dad|mum|son|daughter|carer|hits?|scared|frightened"
              r"|bruises|all the time|every|always|then)\b"),
    cue(S, "hurt harm kill take beat hit", r"\b(?:hell|shell|he ll|she ll|he will|she will|theyll|they will|hed|shed|he would|she would)"
                             r" (?:hurt|harm|kill|take|beat|hit) (?:me|us|the kids|the children|the baby|my \w+|her|him)\b"),
    cue(S, "threatening abusive nasty messages texts", r"\b(?:threatening|abusive|nasty|scary|sexual|explicit|rude|dirty)"
                                                       r" (?:messages|texts|calls|voicemails|letters|comments|pictures"
                                                       r"|photos|videos|content)\b",
        needs=r"\b(?:ex|he|she|partner|husband|boyfriend|man|bloke|someone|keeps|sending|sent|every|" + MINOR_AGE[4:]),
    cue(S, "sitting waiting turning turns hanging stood following followed follows stalking stalks stalked",
        r"\b(?:sitting|waiting|turning up|turns up|hanging around|stood)"
                                                  r" outside (?:my|our|her|his) (?:house|flat|home|work|school)\b"
                                                  r"|\b(?:follows|following|followed|stalking|stalks|stalked) (?:me|her|him"
                                                  r"|my \w+)\b"),
    cue(S, "locked locks lock keeps kept keeping", r"\b(?:keeps|kept|keeping|locks|locked|lock) (?:me|her|him|them|us) (?:locked )?(?:in|inside|indoors"
                                r"|up|prisoner)\b"),
    # children: out in the cold, crying, left in cars, run away, sexual messages
    cue(S, "cold", r"\b(?:outside|out) in the (?:cold|rain|dark)\b", needs=CHILD),
    cue(S, "cries screams crying screaming", r"\b(?:cries|screams|crying|screaming) (?:constantly|all the time|for hours|all day"
                                             r"|all night|non ?stop|every night|and no one)\b", needs=WHO_AT_RISK),
    cue(S, "car", r"\b(?:left|leave|leaves|leaving)(?: \S+){0,3} (?:in|inside) (?:the|a|their|his|her) car\b", needs=CHILD),
    cue(S, "run ran runaway running", r"\b(?:run|ran|running) away\b|\brunaway\b", needs=WHO_AT_RISK),
    cue(S, "will", r"\b(?:change|changing|changed|sign|signing|signed) (?:his|her|their) (?:will|house|savings|money|bank)",
        needs=r"(?:" + ELDER + r"|" + VULNERABLE + r")"),
    cue(S, "pads sheets nappy nappies bed", r"\b(?:wet|soiled|dirty|filthy) (?:pads?|sheets|bed|nappy|nappies|clothes)\b",
        needs=r"\b(?:left|leaving|leave|leaves|in|all day|for hours)\b"),
    cue(S, "seen", r"\b(?:hasnt|has not|havent|have not|not|nobody has|no one has|noone has) (?:been )?seen (?:\w+ ){0,6}(?:for"
                   r"|in|since) (?:over |more than |about |nearly )?(?:\d+|a few|several|two|three|four|five|days|a week|weeks"
                   r"|a fortnight|fortnight|a month|months|ages|last)\b", needs=r"(?:" + ELDER + r"|" + VULNERABLE + r"|neighbour|lives alone|lady|man)"),
    cue(S, "cutting harming purging", r"\b(?:cutting|harming|self harming|purging) (?:again|every|most|at night|more|and i"
                                      r" cant)\b|\b(?:started|been|im|keep|still|back to) (?:cutting|self harming)\b"),
    cue(S, "goodbye farewell", r"\b(?:goodbye|farewell) (?:message|post|note|letter|text|video|messages|notes)\b"
                               r"|\b(?:saying|said|says|posted) (?:goodbye|bye) to (?:everyone|us all|all of us|the world)"),
    cue(S, "reason", r"\bno (?:reason|point) (?:for me |for her |for him )?to (?:be here|live|go on|carry on|stay|be alive"
                     r"|keep going|exist)\b"),
    cue(S, "hand", r"\b(?:hand|handing|hands) over (?:my|her|all my|all her) (?:wages|money|benefits|pension|cards?|bank"
                   r" card|salary|phone)\b"),
    cue(S, "photos pictures pics videos", r"\b(?:take|taking|takes|took|filming|film|films) (?:photos|pictures|pics|videos"
                                         r"|footage) of (?:the |our |my |young )?(?:kids|children|them|girls|boys|her|him"
                                         r"|schoolgirls|kiddies|little ones)\b", needs=CHILD),
    cue(S, "online", r"\b(?:talking|speaking|chatting|messaging|texting) (?:to|with) (?:someone|a man|an older \w+|a stranger"
                     r"|strangers|men|a guy|an adult|people) (?:\w+ ){0,2}online\b|\bonline (?:to|with) (?:someone|a man"
                     r"|strangers|older men)\b", needs=r"(?:" + CHILD + r"|" + MINOR_AGE + r")"),
    cue(S, "cars car vans van", r"\b(?:getting|get|got|gets|climbing) (?:in|into) (?:cars|a car|vans|a van) with (?:men|older"
                                r"|strange|grown|blokes)\b", needs=r"(?:" + CHILD + r"|" + MINOR_AGE + r")"),
    cue(S, "given giving gave handed sent transferred", r"\b(?:given|giving|gave|handed over|sent|transferred) (?:\w+ )?"
                                                        r"(?:thousands|\d+k|\d+ grand|(?:his|her|their) (?:life )?savings"
                                                        r"|all (?:his|her|their) money)\b",
        needs=r"(?:" + ELDER + r"|" + VULNERABLE + r"|scam|stranger|man|someone|boyfriend|girlfriend)"),
    cue(S, "without", r"\bleft without (?:food|heating|water|medication|meds|care|help|anything to eat|a carer)\b",
        needs=WHO_AT_RISK),
    cue(S, "turn turned show showed", r"\b(?:carers?|care workers?) (?:\w+ )?(?:never|dont|didnt|havent|keep not|often dont)"
                                      r" (?:turn|turned|show|showed|come|came) (?:up|round)\b"),
    cue(S, "longer", r"\bhow (?:much )?longer (?:i|i can|i can keep|i ll|ill) (?:can )?(?:do this|cope|go on|keep going|carry"
                     r" on|manage|take it)\b"),
    cue(S, "river sea water canal lake harbour drowning", r"\bdrowning\b(?! (?:my|our|the|your|his|her) (?:garden|lawn|plants|veg|allotment|crops|flowers|sorrows|chips|yard|drive)\b| in (?:paperwork|emails|work|admin|leaves|mud|forms|bureaucracy|red tape|rain|water bills)\b)|\b(?:in|into) the (?:river|sea|water"
                                                          r"|canal|lake|harbour)\b(?=.*\b(?:struggling|drowning|help|999"
                                                          r"|under|screaming|cant swim)\b)"),
    cue(S, "van minibus car picked", r"\bpicked up (?:in|by) (?:a|the) (?:van|minibus|car)\b",
        needs=r"\b(?:scared|terrified|frightened|exhausted|never paid|no pay|every day|early|5am|4am|6am)\b"),
)

_URGENT_PLAINLY: tuple[Cue, ...] = (
    cue(URGENT, "herself himself themselves myself", r"\blocked (?:herself|himself|themselves|myself) in\b",
        needs=r"\b(?:end it|kill|die|pills|tablets|hurt|cut|cutting|knife|razor|rope|overdose)\b"),
    cue(URGENT, "herself himself myself themselves", r"\bcut (?:herself|himself|myself|themselves) (?:really |so |very )?"
                                                    r"(?:badly|bad|deep|deeply)\b"),
    cue(URGENT, "tracks line railway", r"\bon the (?:train |railway )?(?:tracks|line|railway line)\b",
        needs=r"^(?!.*\b(?:trees?|branch|branches|trolley|debris|landslip|cows?|sheep|horses?|fence|power cables?)\b)"
              r".*\b(?:he|she|hes|shes|someone|somebody|man|woman|kid|kids|child|children|boy|girl|lad|lads|person"
              r"|people|teens?|teenagers|they|them|him|her|my \w+|someones|walking|sitting|standing|lying)\b"),
    cue(URGENT, "collapsed unresponsive moving breathing fit seizure blue",
        r"\b(?:collapsed|unresponsive|not moving|isnt moving|stopped breathing|not breathing properly|having a (?:fit"
        r"|seizure)|turning blue)\b",
        needs=r"^(?!.*\b(?:wall|walls|roof|ceiling|tree|fence|bank|road|bridge|building|shelter|scaffold\w*|drain|sewer"
              r"|pavement|house|chimney|garage|shed|arch|tunnel|stage|marquee|pipe|sinkhole)s? (?:has |have |had |just )?"
              r"collapsed\b).*\b(?:he|she|hes|shes|man|woman|child|kid|boy|girl|baby|toddler|someone|somebody|mum|dad"
              r"|son|daughter|friend|partner|husband|wife|nan|gran|grandad|neighbour|lady|fella|bloke|person)\b"),
    cue(URGENT, "overdose od", r"\b(?:threatening|threatened|going|gonna|about|says (?:shes|hes|she|he) (?:is )?going)"
                               r" to (?:take an overdose|overdose|od)\b"),
    cue(URGENT, "hot", r"\b(?:in|inside) a hot car\b|\bhot car\b", needs=CHILD),
    cue(URGENT, "passed blue", r"\b(?:passed out|going blue|gone blue|lips (?:are )?(?:going |turning )?blue)\b",
        needs=r"\b(?:he|she|hes|shes|friend|mum|dad|son|daughter|baby|child|kid|someone|partner|mate|her|his)\b"),
    cue(S, "throat neck", r"\bby the (?:throat|neck)\b|\b(?:hands|arm) (?:round|around) (?:my|her|his) (?:throat|neck)\b"),
    cue(S, "coming", r"\b(?:hes|shes|theyre|he is|she is|they are) coming for (?:me|us|her|him|the kids)\b"),
    cue(URGENT, "fallen fell gone went jumped slipped", r"\b(?:fallen|fell|gone|went|jumped|slipped) (?:in|into) the (?:river"
                                                        r"|sea|water|canal|lake|harbour|pond)\b"),
    cue(URGENT, "hit knocked run", r"\b(?:child|kid|boy|girl|toddler|baby|someone|somebody|man|woman|pedestrian|person"
                                   r"|cyclist|lad|lady)\b(?: \S+){0,3} (?:hit|knocked (?:down|over)|run over) by (?:a|the)"
                                   r" (?:car|bus|lorry|van|train|motorbike)\b"),
    cue(URGENT, "find", r"\b(?:cant|cannot|can t) find (?:him|her|them|my \w+|our \w+)\b",
        needs=r"\b(?:wandered|missing|lost|gone|ran off|run off)\b(?=.*" + WHO_AT_RISK + r")|" + WHO_AT_RISK
              + r".*\b(?:wandered|missing|lost|gone|ran off|run off)\b"),
    cue(URGENT, "drowning river sea water canal lake harbour", r"\bdrowning\b(?! (?:my|our|the|your|his|her) (?:garden|lawn|plants|veg|allotment|crops|flowers|sorrows|chips|yard|drive)\b| in (?:paperwork|emails|work|admin|leaves|mud|forms|bureaucracy|red tape|rain|water bills)\b)|\b(?:in|into) the (?:river|sea|water|canal|lake"
                                                               r"|harbour)\b(?=.*\b(?:struggling|drowning|help|999|went under"
                                                               r"|cant swim)\b)"),
    cue(URGENT, "stabbed bleeding unconscious breathing wake collapsed blood",
        r"\b(?:been stabbed|got stabbed|just stabbed|stabbed (?:him|her|me)|bleeding (?:badly|heavily|everywhere|a lot)"
        r"|lot of blood|blood everywhere|unconscious|not breathing|isnt breathing|stopped breathing|cant wake|wont wake"
        r"|cant get (?:him|her) to wake)\b"),
)

_NOW_PLAINLY: tuple[Cue, ...] = (
    cue(NOW, "blood bleeding knife", r"\b(?:blood|bleeding|knife)\b"),
    cue(NOW, "just", r"\bjust (?:been )?(?:hit|punched|hurt|attacked|stabbed|pushed|kicked|beaten|strangled|choked|slapped"
                     r"|taken|swallowed|cut|thrown|dragged|glassed|grabbed|threatened)\b"),
    cue(NOW, "happening coming outside door bridge roof knife", r"\b(?:happening (?:right )?now"
                                                                                r"|coming for (?:me|us|her|him)|outside"
                                                                                r" (?:my|the) (?:door|window)|at the"
                                                                                r" door|on the (?:bridge|roof|ledge|edge)|got"
                                                                                r" a knife)\b"),
    cue(NOW, "floor moving", r"\b(?:is|s|lying|laying|lay|lies|collapsed|fallen|fell|unconscious|hes|shes|now|still) on the floor\b|\b(?:not|isnt|wont stop|stopped) moving\b"),
)

CUES: tuple[Cue, ...] = (*_ADULTS, *_PLAINLY, *_URGENT_PLAINLY, *_NOW_PLAINLY, *FAMILY_CUES)
"""Every cue of this module, and the families of `core.triage_families`."""
