"""Every triage phrase pattern (data): safeguarding's (`core.triage_safeguarding`) and the rest.

Each group names the policy sections behind its label (`core.triage.RULES` cites them too).
Patterns read normalised words (`core.triage_cue`); a pattern is tried only when one of its
cue words is in the message.
"""

from __future__ import annotations

from core.triage_cue import NOW, URGENT, Cue, cue
from core.triage_disclosures import CUES as DISCLOSURE_CUES
from core.triage_net import CUES as NET_CUES
from core.triage_referrals import CUES as REFERRAL_CUES
from core.triage_safeguarding import CUES as SAFEGUARDING_CUES

__all__ = ["CUES", "NOW", "URGENT", "Cue"]

_EMERGENCY: tuple[Cue, ...] = (
    # Lewes 6.1-6.2: in an emergency the public are often first to report from the scene;
    # a factual response is due within 20 minutes. Buckinghamshire: scheduled output frozen.
    cue("emergency_related", "fire fires blaze ablaze flames alight",
        r"\bon fire\b|\b(?:house|flat|flats|car|grass|bin|building|factory|warehouse|shop|barn|heath|moor|chip pan"
        r"|kitchen|gorse|forest|wild|scrub|huge|massive|big|serious|major|bad|large|roof|loft|pub|hotel|school|tyre"
        r"|electrical|lorry|van|bus) ?fires?\b(?! (?:safety|station|door|doors|alarm|test|drill|pit|place|extinguisher"
        r"|risk|service open|brigade open|wood|works|exit|escape plan|check))|\bfires? (?:at|in|on|near|by|behind|spreading"
        r"|has|is|are|still|engines?|crews?|brigade (?:are|is|have)|service (?:are|is|have))\b(?! (?:safety|station"
        r" open|open day|pit|place|check|alarm test))|\bblaze\b|\bablaze\b|\bflames\b|\bsomething alight\b"),
    cue("emergency_related", "smoke burning",
        r"\b(?:black|thick|grey|white|toxic) smoke\b|\bsmoke (?:everywhere|coming out|pouring|billowing|rising|filling"
        r"|over)\b|\bsmell (?:of )?(?:smoke|burning)\b"),
    cue("emergency_related", "flood flooded flooding floods floodwater",
        r"\bflood(?:ed|ing|s|water)?\b(?! (?:of|defences?|defence|risk|map|maps|zone|insurance|plans?|grants?|consultation"
        r"|scheme|resilience|alleviation|barrier installation|with|by (?:emails|calls|complaints))\b)"
        r"(?<!flooded with)(?<!flooded by)",
        needs=r"\b(?:road|street|house|houses|home|homes|basement|cellar|kitchen|car|cars|garden|estate|town|now|again"
              r"|water|river|under|inches|feet|knee|waist|doors?|drains?|rising|bridge|lane|avenue|close|underpass"
              r"|field|park|flat|we|our|my|is|are|has|have)\b(?!.*\b(?:consultation|defences?|insurance|emails"
              r"|complaints|calls)\b)"),
    cue("emergency_related", "banks water underwater",
        r"\bburst (?:its|their|the) banks?\b|\bwater (?:is )?(?:up to|pouring|coming (?:in|up|through|into)|rising"
        r"|everywhere|gushing|flooding)\b|\b(?:under|underwater|under water)\b(?: \S+)? (?:water|now)\b"
        r"|\bunderwater\b"),
    cue("emergency_related", "gas", r"\bsmell(?:s|ing)? (?:of )?gas\b|\bgas (?:leak|leaking|smell|escape|explosion|main"
                                   r" (?:burst|leak|fractured))\b|\bsmells (?:strongly )?of gas\b"),
    cue("emergency_related", "power powers electric electricity blackout outage lights",
        r"\bpower (?:cut|outage|failure|out|off|down|is off|is out|has gone|went off|went out|s off|s out|s gone|gone"
        r" off)\b|\bno (?:power|electric|electricity|lights)\b(?! (?:bill|meter|for the))|\bblackout\b|\boutage\b"
        r"|\blights (?:have |are )?(?:all )?(?:gone )?out (?:across|in|on|all over)\b|\bpowers? (?:been |gone |is |has been |still )?(?:off|out|gone)\b"),
    cue("emergency_related", "crash crashed collision accident smash pile rta overturned flipped ambulance hit knocked run "
                             "collided rolled",
        r"\b(?:crash|collision|accident|smash|pile ?up|rta)(?:es)? (?:on|at|near|by|in|involving|outside|blocking|has"
        r"|just|between)\b(?! (?:course|the (?:toilets?|loo))\b)|\b(?:car|lorry|bus|van|motorbike|bike|cyclist|pedestrian"
        r"|serious|bad|major|nasty|huge|multi ?vehicle|head on|three car|two car|fatal|big) (?:crash|collision|accident"
        r"|smash|pile ?up)\b|\boverturned\b|\bflipped (?:over|on)\b|\bair ambulance\b|\b(?:hit|knocked (?:down|over)"
        r"|run over) by (?:a|the) (?:car|bus|lorry|van|train)\b|\bcrashed (?:into|on|at)\b|\bcollided\b|\bha(?:s|ve)"
        r" rolled\b|\brolled (?:over|onto)\b"),
    cue("emergency_related", "ambulance ambulances paramedics engines crews", r"\b(?:ambulances?|paramedics|fire engines?|fire"
                                                                              r" crews?) (?:is |are |have |has )?(?:on the way"
                                                                              r"|on scene|everywhere|outside|at the scene|called"
                                                                              r"|arrived|attending|here)\b"),
    cue("emergency_related", "burst pipe main water",
        r"\bburst (?:water )?(?:main|pipe|mains)\b|\bno (?:running )?water\b(?! (?:bill|meter|fountain|feature))"
        r"|\bwater (?:main|supply|mains) (?:burst|off|cut|has burst)\b|\bwater(?:s| is| has been)? (?:been )?off\b"),
    cue("emergency_related", "roof rescued rescue rescuing coastguard lifeboat",
        r"\broof (?:has )?(?:come|blown|ripped|torn) off\b|\b(?:ripped|torn|blown) the roof off\b|\bbeing rescued\b"
        r"|\brescuing people\b|\b(?:coastguard|lifeboat) (?:is |are )?(?:out|called|searching|launched)\b"),
    cue("emergency_related", "sewage", r"\bsewage (?:everywhere|flooding|coming up|overflowing|leak|pouring|in)\b"),
    cue("emergency_related", "tree trees post pole poles wall scaffolding branch wires cables lines",
        r"\b(?:trees?|lamp ?posts?|posts?|poles?|telegraph poles?|wall|scaffolding|branch|wires|cables?|power lines?)"
        r" (?:has |have |is |are )?(?:just )?(?:come|came|fallen|fell|blown|gone|collapsed) (?:down|over|across|on|into)\b"
        r"|\btrees? (?:has |have |is )?(?:just )?(?:come|came|fallen|fell"
                                                        r"|blown|gone|down) (?:down|over|across|on)\b|\bfallen trees?\b"
                                                        r"|\btrees? down\b|\b(?:power|electric\w*|phone) (?:lines?|cables?)"
                                                        r" (?:down|across)\b|\btaken the (?:power )?lines?\b"),
    cue("emergency_related", "explosion exploded explode bang", r"\bexplo(?:sion|ded|de)\b|\b(?:huge|massive|loud) bang\b"),
    cue("emergency_related", "evacuated evacuating evacuation evacuate cordon cordoned package bomb police incident "
                             "brigade firefighters",
        r"\bevacuat\w*|\bcordon\w*|\bsuspicious (?:package|item|device)\b|\bbomb (?:scare|squad|threat)\b|\barmed police"
        r"\b|\bpolice everywhere\b|\b(?:major|serious|some sort of|some kind of|an|a police) incident\b"
        r"|\b(?:police|fire brigade|firefighters|fire service) (?:have |has )?(?:shut|closed|sealed off|cordoned off|taped"
        r" off|evacuated)\b"),
    cue("emergency_related", "chemical chemicals spill spillage toxic fumes leak",
        r"\b(?:chemical|fuel|oil|diesel|toxic) (?:spill|spillage|leak|fire|cloud)\b|\bspill(?:ed|age)? (?:of|on)\b"
        r"|\bshed its load\b|\bchemicals? on\b|\btoxic (?:fumes|smoke|cloud)\b|\bfumes\b(?= .*\b(?:eyes|breath|cough))"),
    cue("emergency_related", "sinkhole landslide landslip collapse collapsed fall cliffs", r"\bcliffs? (?:\w+ ){0,3}(?:have |has )?"
                                                                                               r"(?:just )?(?:collapsed|fallen"
                                                                                               r"|come down|gone)\b"
                                                                                               r"|\bsinkhole\b|\bland ?sl(?:ide|ip)\b"
                                                                                   r"|\bcliff (?:fall|collapse)\b"
                                                                                   r"|\b(?:building|wall|roof|bridge|road"
                                                                                   r"|ceiling|scaffolding|chimney|balcony)"
                                                                                   r" (?:has )?(?:just )?collapsed\b"
                                                                                   r"|\bcollapsed (?:building|wall|roof"
                                                                                   r"|bridge|road)"),
    cue("emergency_related", "snow ice stuck stranded gritters gritted", r"\b(?:cars?|lorries|vehicles|buses|people|drivers)"
                                                                         r" (?:are |were )?(?:stuck|stranded)\b"
                                                                         r"|\b(?:snow|ice|flood|floods|fire)"
                                                                         r" (?:has |have )?(?:closed|blocked)\b"),
    cue("emergency_related", "closed blocked shut", r"\broad (?:is |has been )?(?:closed|blocked|shut) (?:due to|because"
                                                    r" of|after|by) (?:a |an |the )?(?:crash|accident|collision|flood\w*"
                                                    r"|fire|tree|incident|police|spill|landslip)"),
)

_FOI: tuple[Cue, ...] = (
    # Lewes 9.2-9.3: FOI requests may come through social media and must be treated as such.
    # Buckinghamshire, "FOI requests and complaints": statutory timescales; acknowledge and log.
    cue("foi", "foi foia foir eir", r"\b(?:foi|foia|foir)\b|\beir (?:request|req)\b|\b(?:an|under|making an|via) eir\b"),
    cue("foi", "freedom", r"\bfreedom of (?:info|information)\b"),
    cue("foi", "environmental", r"\benvironmental information regulations?\b"),
    cue("foi", "information", r"\b(?:request|requests|requesting) for information\b|\binformation request\b"),
    cue("foi", "disclose disclosure breakdown", r"\b(?:please |pls |kindly )?disclose\b|\bfull breakdown\b|\ba breakdown"
                                                r" of (?:\w+ ){0,4}(?:spent|spend|spending|costs?|cost|paid|budget"
                                                r"|numbers?|figures)\b"),
    cue("foi", "much", r"\bhow much (?:did|has|have|was|were|is|does) (?:the council|you|the councils?|\w+ council|lewes"
                       r"|eastbourne|the town council)(?: \w+)? (?:spend|spent|pay|paid|cost|budget\w*|waste|wasted"
                       r"|receive|received|earn|earned|make|made|give|given|get|got)\b"
                       r"|\bhow much (?:money )?(?:was|has been|have you) (?:spent|paid|wasted)\b"
                       r"|\bhow much (?:did|has) (?:the|that|those|this) (?:\w+ ){1,3}cost\b"),
    cue("foi", "many", r"\bhow many (?:\w+ ){1,5}(?:were|have been|was|has been|did (?:you|the council)|has the council"
                       r"|have you) (?:issued|received|spent|employed|recorded|repaired|paid|made|upheld|reported|given"
                       r"|sold|approved|refused|fined|evicted|sent|handed out)\b"),
    cue("foi", "release provide copies copy figures", r"\b(?:release|provide|publish|send me|share) (?:\w+ ){0,3}(?:figures"
                                                      r"|invoices?|spend(?:ing)? data|contract value|correspondence"
                                                      r"|breakdown)\b|\bcop(?:y|ies) of (?:all )?(?:the )?(?:correspondence"
                                                      r"|emails|contracts?|invoices|minutes of internal)\b"),
)

_SAR: tuple[Cue, ...] = (
    # Lewes 9.2: messages may be subject to access legislation. A subject access request is a
    # person's request for their own data (UK GDPR Article 15): one calendar month, not FOI.
    cue("sar", "subject sar dsar access", r"\bsubject access\b|\bsar\b(?! (?:\d|pounds))|\bdsar\b|\bright of access\b"),
    cue("sar", "article", r"\barticle 15\b"),
    cue("sar", "wrote written recorded held kept keep keeps hold holds", r"\b(?:data|information|info|records?|files?|notes|everything|anything"
                                                   r"|what) (?:\w+ ){0,4}(?:wrote|written|recorded|held|kept|keep|keeps|hold"
                                                   r"|holds) (?:on|about) me\b"),
    cue("sar", "data information info records record files file notes details everything anything emails "
               "recordings recording", r"\b(?:data|information|info|records?|files?|notes|details|everything|anything|emails|recordings?)"
                     r" (?:that |which )?(?:you|youve|you have|you ve|the council|the councils?|your (?:\w+ )?(?:team|dept"
                     r"|department|staff|office)|this council|\w+ council)(?: have| has| hold| holds| keep| keeps| store"
                     r"| stores| got| have got| ve got| recorded| written| wrote| held| kept| collected)* (?:on|about|relating"
                     r" to|regarding) me\b"),
    cue("sar", "data information info records record file files notes footage recordings emails",
        r"\b(?:copy|copies|see|access|get|request|requesting|send me|obtain|view|read|entitled to|all|give me|have)"
        r" (?:\w+ ){0,2}(?:my|me my) (?:own )?(?:personal )?(?:\w+ ){0,2}(?:data|information|info|records?|files?"
        r"|notes)\b(?! (?:says|shows|is wrong|are wrong|usage))"
        r"|\b(?:footage|recordings?|cctv|images|photos|emails|notes) (?:of|about|mentioning) me\b"),
    cue("sar", "gdpr protection dpa", r"\b(?:under|per|as per|using|through) (?:the )?(?:uk )?(?:gdpr|data protection"
                                      r"(?: act| law| legislation| rules)?|dpa)\b|\bdata protection request\b",
        needs=r"\b(?:me|my|i)\b"),
)

_COMPLAINT: tuple[Cue, ...] = (
    # Lewes 9.1: an official complaint is acknowledged and redirected to the councils' website.
    # Buckinghamshire, "FOI requests and complaints": complaints are logged into the formal system.
    cue("complaint", "complaint complaints complant", r"\b(?:make|making|made|lodge|lodging|lodged|file|filing|filed|raise"
                                                      r"|raising|raised|submit|submitting|submitted|register|registering"
                                                      r"|put in|putting in|log|logging|logged|escalate|escalating|take"
                                                      r"|taking|formal|official|stage (?:1|2|one|two)|my|this|a|second|another"
                                                      r"|written|open|reply to my|response to my) (?:\w+ )?compla(?:i)?nts?\b"
                                                      r"(?<!sorting my complaint)(?<!resolving my complaint)"
                                                      r"(?<!dealing with my complaint)(?<!handling my complaint)"
                                                      r"(?! (?:was|has been|got|were) (?:dealt with|resolved|handled|sorted|upheld) (?:well|quickly|brilliantly|so))"
                                                      r"|\bthis is a complaint\b|(?<!no )(?<!any )\bcomplaints? (?:form|procedure|process"
                                                      r"|reference|ref|number|about|against|regarding|re)\b"),
    cue("complaint", "complain complaining", r"\b(?:want|wish|would like|d like|id like|going|gonna|need|wanna|will be|ill be"
                                             r"|i ll be|im|i am|am|be|intend|intending) (?:to )?complain(?:ing)?\b"
                                             r"|\bhow (?:do|can|would|should) (?:i|we) complain\b|\bwho (?:do|should|can)"
                                             r" (?:i|we) complain to\b|\bwhere (?:do|can) (?:i|we) complain\b"
                                             r"|\bcomplain (?:to|about) (?:the|who|whom|someone|a manager|your|my mp|the"
                                             r" ombudsman|this|you|him|her|them|that)\b"),
    cue("complaint", "complained", r"\bcomplained (?:\w+ )?(?:\d+|three|two|four|five|several|many|numerous|multiple|so many)"
                                   r" times\b|\bcomplained (?:about|to (?:the|you|your|them)|before|already|repeatedly)\b"
                                   r"|\b(?:ive|i have|weve|we have|already) complained\b"),
    cue("complaint", "ombudsman", r"\bombudsman\b"),
    cue("complaint", "escalate escalated escalating", r"\b(?:escalate|escalated|escalating) (?:this|my|it|the matter|to)\b"
                                                     r"|\b(?:want|need) (?:this|it) escalated\b"),
)

_OUTLETS = (r"(?:argus|herald|gazette|express|echo|post|times|mail|mirror|courier|observer|chronicle|guardian|telegraph"
            r"|independent|standard|advertiser|journal|news|sun|star|metro|bbc|itv|sky news|channel (?:4|5)|reuters"
            r"|press association|pa media|radio \w+|\w+ radio|\w+ fm|\w+ live|newspaper|paper|magazine|podcast"
            r"|newsletter of the \w+|meridian|look east|south today)")
_PRESS: tuple[Cue, ...] = (
    # Lewes appendix 1, 8.2: refer comments from or about the press to the PR agency.
    # Buckinghamshire, "General": the communications team is consulted on all press contact.
    cue("press", "journalist journalists journo reporter reporters correspondent correspondents newsdesk newsroom",
        r"\b(?:journalists?|journo|reporters?|correspondents?|newsdesk|newsroom)\b(?! (?:said|says|wrote|reported|claims)"
        r"\b)(?<!the reporter)(?<!your reporter)"),
    cue("press", "desk editor producer producers produce", r"\bnews desk\b|\b(?:news|deputy|features|assistant|political|local"
                                                   r" democracy) editor\b|\beditor (?:at|of) (?:the )?\w+|\bi produce"
                                                   r" (?:the|a)\b|\bproducer (?:at|on|for|with) (?:the )?\w+"),
    cue("press", "story article feature piece report segment item", r"\b(?:running|writing|doing|working on|publishing|covering"
                                                                    r"|putting together|researching|preparing|filing) (?:a"
                                                                    r" |an |the |this )?(?:news |short |follow up |follow"
                                                                    r" )?(?:story|piece|article|feature|report|segment"
                                                                    r"|item)s?\b(?! (?:time|card))|\bfor (?:a|an|our)"
                                                                    r" (?:news )?(?:story|article|feature|piece|report"
                                                                    r"|segment)\b(?! time)"),
    cue("press", "comment statement quote response spokesperson interview",
        r"\b(?:comment|statement|quote|response|spokesperson|interview|reaction)s? (?:for|to) (?:the |our |a |tonights |tomorrows"
        r" |todays )?(?:\w+ ){0,3}" + _OUTLETS + r"\b|\brequest for (?:comment|a statement)\b|\b(?:provide|put up|offer)"
        r" (?:a|an) (?:spokesperson|interview)\b|\bon the record\b|\boff the record\b|\bwilling to comment\b"),
    # a newsroom named beside what newsrooms ask for; not a resident who saw it on the news
    cue("press", "interview spokesperson statement comment quote publish publishing publication deadline documentary "
                 "bulletin questions confirm response",
        r"\b(?:interview|spokesperson|statement|comment|quote|publish|publishing|publication|deadline|documentary"
        r"|bulletin|questions|confirm|response)\b",
        needs=r"^(?!.*\b(?:saw|seen|read|watched|heard|listening to|watching)\b).*\b(?:bbc|itv|sky news|channel [45]|radio"
              r"|tv|podcast|newspaper|herald|gazette|express|argus|courier|echo|guardian|telegraph|\w+ live|newsroom"
              r"|news desk|documentary|magazine|journalist|reporter|journo|researcher|producer|editor|correspondent"
              r"|[a-z]+ news)\b"),
    cue("press", "press media", r"\b(?:press|media) (?:enquiry|enquiries|inquiry|request|query|office|officer|team|contact)\b"),
    cue("press", "work works working write writes", r"\b(?:i|we) (?:work|works|am working|write|writes) (?:for|at|with)"
                                                    r" (?:the |a |an )?(?:local |national |regional |online |community )?"
                                       + _OUTLETS + r"\b(?! office| box| code)"),
    cue("press", "here newsroom desk", r"\b(?:courier|argus|herald|gazette|express|echo|observer|chronicle|bbc \w+|itv \w+|radio \w+"
                         r"|\w+ fm|newspaper|paper|news|times|post|mail|mirror|standard|advertiser|\w+ online|\w+ live)"
                         r" (?:news )?(?:here|newsroom|news desk)\b"),
    cue("press", "behalf", r"\bon behalf of (?:the )?(?:bbc|itv|sky news|reuters|press association|pa media|" + _OUTLETS
                           + r")\b"),
    cue("press", "readers listeners viewers deadline publication publishing print air",
        r"\bour (?:readers|listeners|viewers)\b|\bdeadline (?:is )?(?:\d|today|tonight|noon|midday|this)|\bfor publication"
        r"\b|\bpublishing (?:tonight|tomorrow|today|this)\b|\bgoing to print\b|\bon air\b|\bcome on (?:the )?(?:show|programme)"),
)

_SWEARS = (r"(?:arses?|stfu|gtfo|paedo\w*|nonces?|shit\w*|shite|bullshit|fuck\w*|fck\w*|fuk\w*|fcuk\w*|fooking|effing|cunts?|twats?|wank\w*|tossers?|bellends?|dickheads?|knobheads?"
           r"|knobs|arseholes?|assholes?|bastards?|bitch(?:es)?|slags?|pricks?|pillocks?|prats?|plonkers?|numpt(?:y|ies)"
           r"|retard\w*|scumbags?|morons?|imbeciles?|cretins?|halfwits?|nonces?|wasters|shitheads?|piss ?heads?)")
_ABUSE: tuple[Cue, ...] = (
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
    cue("abuse", "regret sorry youll", r"\b(?:you|u|youll|youll)(?: ll| will)? (?:regret|pay for|be sorry)\b(?! (?:parking|it online"
                                     r"|by card|for the))"),
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
                                      r" (?:mouth|gob|face)\b|\bpiss off\b|\bget stuffed\b"),
    cue("abuse", "off yours lost arse", r"\b(?:sod|bugger|eff|f|piss|naff|jog) off\b(?! (?:at|to|with a|work))"
                                        r"|\bup (?:yours|your arse|ur arse)\b|\bkiss my arse\b|\bget lost (?:you|u)\b"
                                        r"|\bshove (?:it|your \w+(?: \w+)?) up\b"),
    cue("abuse", "die dead fire cancer", r"\bdie in a (?:fire|ditch|hole)\b|\bdrop dead\b|\bgo and die\b|\b(?:hope|wish) (?:you|u)"
                                         r" (?:all |lot )?(?:die|get cancer|drop dead)\b|\bget cancer\b"),
    cue("abuse", "lining shooting hanging stringing slap smack kicking hiding putting sacking", r"\b(?:want|wants|need|needs|deserve|deserves) (?:lining up|shooting|hanging|stringing"
                                          r" up|a slap|a smack|a kicking|a good hiding|putting down|sacking and shooting)\b"),
    cue("abuse", "see smiling warned happens", r"\bwait (?:till|until|til) i (?:see|get|find) (?:you|u|him|her)\b|\b(?:you|u)"
                                               r" (?:wont|will not) be smiling\b|\b(?:youve|you have) been warned\b"
                                               r"|\bwatch what happens\b"),
    cue("abuse", "hurt", r"\b(?:someone|someones|somebody|somebodys|people) (?:is |s |are )?(?:going to|gonna|will) get hurt if (?:you|u)\b"),
    cue("abuse", "sort coming", r"\b(?:ill|i will|im going to|im gonna) sort (?:you|u|him|her|them) out\b|\bcoming down"
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

CUES: tuple[Cue, ...] = (*SAFEGUARDING_CUES, *DISCLOSURE_CUES, *NET_CUES, *_EMERGENCY, *_FOI, *_SAR, *_COMPLAINT,
                         *_PRESS, *_ABUSE, *REFERRAL_CUES)
"""Every phrase pattern triage tries (pseudo-labels NOW and URGENT included, see core.triage)."""
