"""Every triage phrase pattern (data): safeguarding's (`core.triage_safeguarding`) and the rest.

Each group names the policy sections behind its label (`core.triage.RULES` cites them too).
Patterns read normalised words (`core.triage_cue`); a pattern is tried only when one of its
cue words is in the message.
"""

from __future__ import annotations

from core.triage_abuse import CUES as ABUSE_CUES
from core.triage_cue import NOW, URGENT, Cue, cue
from core.triage_disclosures import CUES as DISCLOSURE_CUES
from core.triage_net import CUES as NET_CUES
from core.triage_referrals import CUES as REFERRAL_CUES
from core.triage_safeguarding import CUES as SAFEGUARDING_CUES

__all__ = ["CUES", "NOW", "URGENT", "Cue"]

# Fire engines at a fete and a display on a fun day are not an incident.
_NOT_AN_EVENT = (r"^(?!.*\b(?:fete|open day|fun day|carnival|gala|parade|display|fair|festival|visit|visiting|museum"
                 r"|toy|birthday|exhibition|rally|event|events)\b)")
_EMERGENCY: tuple[Cue, ...] = (

    # Lewes 6.1-6.2: in an emergency the public are often first to report from the scene;
    # a factual response is due within 20 minutes. Buckinghamshire: scheduled output frozen.
    cue("emergency_related", "fire fires blaze ablaze flames alight",
        r"\bon fire\b|\b(?:house|flat|flats|car|grass|bin|building|factory|warehouse|shop|barn|heath|moor|chip pan"
        r"|kitchen|gorse|forest|wild|scrub|huge|massive|big|serious|major|bad|large|roof|loft|pub|hotel|school|tyre"
        r"|electrical|lorry|van|bus) ?fires?\b(?! (?:safety|station|door|doors|alarm|test|drill|pit|place|extinguisher"
        r"|risk|service open|brigade open|wood|works|exit|escape plan|check))|\bfires? (?:at|in|on|near|by|behind|spreading"
        r"|has|is|are|still|brigade (?:are|is|have)|service (?:are|is|have))\b(?! (?:safety|station"
        r" open|open day|pit|place|check|alarm test))|\bblaze\b|\bablaze\b|\bflames\b|\bsomething alight\b"),
    cue("emergency_related", "smoke burning",
        r"\b(?:black|thick|grey|white|toxic|massive|huge|loads of|lots of|plumes? of|clouds? of|so much) smoke\b"
        r"|\bsmoke (?:everywhere|coming out|coming from|pouring|billowing|rising|filling|over)\b"
        r"|\bsmell (?:of )?(?:smoke|burning)\b"),
    cue("emergency_related", "flood flooded flooding floods floodwater",
        r"\bflood(?:ed|ing|s|water)?\b(?! (?:of|defences?|defence|risk|map|maps|zone|insurance|plans?|grants?|consultation"
        r"|scheme|resilience|alleviation|barrier installation|with|by (?:emails|calls|complaints)|(?:warnings?|alerts?)"
        r" (?:app|apps|signs?|system|service|scheme|texts?|by|emails?|sign up))\b)"

        r"(?<!flooded with)(?<!flooded by)",
        needs=r"^(?!.*\b(?:consultation|defences?|insurance|emails|complaints|calls|pitch|pitches|league|match|fixtures?"
              r"|training|games?|signs?|borrow|lend|hire|every time|whenever|each time|every winter|when it rains)\b)"
              r".*\b(?:road|street|house|houses|home|homes|basement|cellar|kitchen|car|cars|garden|estate|town|now|again|water|river|under|inches|feet|knee|waist|doors?|drains?"
              r"|rising|bridge|lane|avenue|close|underpass|field|park|flat|we|our|my|is|are|has|have)\b"),
    # water over the top: "the river's come over the top", "cars floating", "the road is a river"
    cue("emergency_related", "river rivers stream streams brook sea seas tide tides canal ouse water waters waves",
        r"\b(?:river|stream|brook|sea|tide|canal|ouse|water|waves)(?:s| is| has| have)? (?:\w+ )?(?:come |coming |came "
        r"|gone |going |got |poured |pouring |spilling |spilled |spilt |washing |crashing )?(?:over|through) (?:the )?"
        r"(?:top|bank|banks|banking|wall|walls|sea wall|defences|prom|promenade|barriers?)\b"),
    cue("emergency_related", "floating afloat submerged",
        r"\b(?:cars?|vehicles?|bins|wheelie bins|caravans?|boats?) (?:are |is |were |was )?(?:\w+ )?(?:floating|afloat"
        r"|submerged)\b|\bfloating (?:down|along) (?:the )?(?:road|street|lane|high street)\b"),
    cue("emergency_related", "water river rivers lake lakes",
        r"\bwater (?:in|inside|into|through) (?:the |our |their |all the )?(?:houses|homes|flats|shops|properties|the"
        r" house)\b|\b(?:road|street|lane|high street|roads|streets)(?: is| are| s| has become| turned into| like)"
        r" (?:a |now a |literally a )?(?:river|lake|rivers|lakes)\b"),

    cue("emergency_related", "banks water underwater",
        r"\bburst (?:its|their|the) banks?\b|\bwater (?:is )?(?:up to|pouring|coming (?:in|up|through|into)|rising"
        r"|everywhere|gushing|flooding)\b(?! (?:\w+ )?(?:ceiling|from (?:upstairs|the flat above|next door)))|\b(?:under|underwater|under water)\b(?: \S+)? (?:water|now)\b|\bunder (?:a|an|two|three|\d+) (?:foot|feet|inches|metres?)"
        r" of water\b"
        r"|\bunderwater\b"),
    cue("emergency_related", "gas", r"\bsmell(?:s|ing)? (?:of )?gas\b|\bgas (?:leak|leaking|smell|escape|explosion|main"
                                   r" (?:burst|leak|fractured))\b|\bsmells (?:strongly )?of gas\b"),
    cue("emergency_related", "power powers electric electricity blackout outage lights",
        r"\b(?<!report a )(?<!event of a )(?<!if theres a )(?<!if there is a )(?<!if we have a )(?<!during a )"
        r"(?<!in case of a )power (?:cut|outage|failure|out|off|down|is off|is out|has gone|went off|went out|s off|s out|s gone|gone"
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
    # a fire engine on its way, not at the fete: "five fire engines just flew past"
    cue("emergency_related", "engines engine crews ambulances cars",
        r"\b(?:\d+|two|three|four|five|six|seven|eight|several|loads of|lots of|so many|multiple|dozens of|a load of|a"
        r" convoy of|a couple of) (?:fire engines|fire crews|ambulances|police cars)\b|\b(?:fire engines?|ambulances?"
        r"|police cars?) (?:just )?(?:flew|flying|racing|raced|rushing|rushed|speeding|sped|tearing|tore|went|going"
        r"|heading|headed|screaming|blue lighting|blues and twos) (?:past|down|up|through|towards|to|along|by|into)\b",
        needs=_NOT_AN_EVENT),
    # the power gone: "all the lights went out across the estate", "lost power", "the whole town is dark"
    cue("emergency_related", "lights power electric electricity leccy lecky dark darkness whole entire",
        r"\blights (?:have |has )?(?:all )?(?:just )?(?:went|gone|go|gone off|went off) (?:out|off)?\b(?=.*\b(?:across"
        r"|street|streets|road|estate|town|whole|everywhere|area|village|houses|neighbours|block|flats|lane|avenue"
        r"|bang)\b)|\blost (?:all )?(?:the )?(?:power|electric|electricity|leccy)\b(?! steering)|\b(?:electric"
        r"|electricity|leccy|lecky)s?(?: is| has)? (?:just )?(?:gone|went|been|cut) (?:off|out)\b|\b(?:whole|entire)"
        r" (?:\w+ ){0,3}(?:is |are |has gone |gone |s )?(?:dark|in darkness|without (?:power|water|electric\w*|gas|heating)"
        r"|blacked out)\b"
        r"(?! (?:at night|in the evenings?|because|since the new|with the new)\b)"),
    cue("emergency_related", "hit struck smashed crashed ploughed wedged stuck",
        r"\b(?:lorry|bus|van|car|truck|train|tractor|coach) (?:has |have |just |has just )?(?:hit|struck|smashed into"
        r"|crashed into|gone into|ploughed into|wedged under|stuck under) (?:the |a )?(?:bridge|wall|house|shop|building"
        r"|lamp ?post|tree|pedestrian|cyclist|railings?|barrier)\b"),
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
    cue("emergency_related", "explosion exploded explode bang", r"\bexplo(?:sion|ded|de)\b|\b(?:huge|massive|loud|big) bang\b(?! (?:theory|science|show|event|festival|day))"
),
    cue("emergency_related", "evacuated evacuating evacuation evacuations evacuate evacuees cordon cordoned cordons package bomb police incident "
                             "brigade firefighters",
        r"\bevacuat\w*|\bcordon\w*|\bsuspicious (?:package|item|device)\b|\bbomb (?:scare|squad|threat)\b|\barmed police"
        r"\b|\bpolice everywhere\b|\b(?:major|serious|some sort of|some kind of|an|a police) incident\b"
        r"|\b(?:police|fire brigade|firefighters|fire service) (?:have |has )?(?:shut|closed|sealed off|cordoned off|taped"
        r" off|evacuated)\b"),
    cue("emergency_related", "chemical chemicals spill spillage toxic fumes leak shed",
        r"\b(?:chemical|fuel|oil|diesel|toxic) (?:spill|spillage|leak|fire|cloud)\b|\bspill(?:ed|age)? (?:of|on)\b"
        r"|\bshed its load\b|\bchemicals? on\b|\btoxic (?:fumes|smoke|cloud)\b|\bfumes\b(?= .*\b(?:eyes|breath|cough))"),
    cue("emergency_related", "chemical acrid toxic diesel oil fuel", r"\b(?:chemical|acrid|toxic) (?:smell|stench|fumes)\b"
        r"(?=.*\b(?:everywhere|all over|cough\w*|eyes|throat|breath\w*|whole|across|town|street|estate)\b)"
        r"|\b(?:diesel|oil|fuel) (?:all over|everywhere|across) (?:the )?(?:road|carriageway|street|lanes?)?\b"),
    cue("emergency_related", "sinkhole landslide landslip collapse collapsed fall cliff cliffs", r"\bcliffs? (?:\w+ ){0,3}(?:have |has )?"
                                                                                               r"(?:just )?(?:collapsed|fallen"
                                                                                               r"|come down|gone)\b"
                                                                                               r"|\bsinkhole\b|\bland ?sl(?:ide|ip)\b"
                                                                                   r"|\bcliff (?:fall|collapse)\b"
                                                                                   r"|\b(?:building|wall|roof|bridge|road"
                                                                                   r"|ceiling|scaffolding|chimney|balcony)"
                                                                                   r"(?: \w+){0,3} (?:has )?(?:just )?collapsed\b"
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

# Records about the writer are theirs to ask for (a subject access request), not FOI.
_NOT_ABOUT_ME = (r"^(?!.*\b(?:(?:about|mention|mentions|mentioning|regarding|concerning|naming|relating to|on) me|my name"
                 r"|data protection|gdpr|subject access)\b)")
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
    cue("foi", "much", r"\bhow much (?:money )?(?:did|has|have|was|were|is|does) (?:the council|you|the councils?|\w+ council|lewes"
                       r"|eastbourne|the town council)(?: \w+)? (?:spend|spent|pay|paid|cost|budget\w*|waste|wasted"
                       r"|receive|received|earn|earned|make|made|give|given|get|got)\b"
                       r"|\bhow much (?:money )?(?:was|has been|have you) (?:spent|paid|wasted)\b"
                       r"|\bhow much (?:did|has) (?:the|that|those|this) (?:\w+ ){1,3}cost\b"),
    # "how many staff does the council employ", "the following information", "what was the cost of"
    cue("foi", "many following cost costs spend bill contract contracts",
        r"\bhow many (?:\w+ ){1,4}(?:does|do|did) (?:the council|you|the councils?|\w+ council) (?:employ|own|have|run|pay"
        r"|spend|issue|receive|get)\b|\bthe following (?:information|info|data|details)\b|\bwhat (?:was|were) the"
        r" (?:total )?(?:cost|costs|spend|bill) (?:of|on|for)\b|\b(?:send|provide|publish|release|share) (?:me |us )?(?:a"
        r" copy of |copies of )?the contracts? (?:between|with|for|awarded)\b"),
    cue("foi", "much", r"\bhow much (?:money )?(?:the council|you|the councils?|\w+ council) (?:has |have )?(?:spent|paid"
                       r"|spends|pays|wasted|gave|received|got|made)\b"),
    cue("foi", "release disclose", r"\b(?:release|disclose) (?:the|all|any|a copy of the|copies of the) (?:\w+ )?(?:reports?"
                                   r"|documents?|minutes|correspondence|emails|data|figures|information|business case"
                                   r"|assessments?|contracts?|invoices|advice)\b", needs=_NOT_ABOUT_ME),
    cue("foi", "provide supply confirm tell give send publish release share disclose",
        r"\b(?:provide|supply|confirm|tell me|give me|send me|publish|release|share|disclose) (?:me |us )?(?:with )?(?:the )?"
        r"(?:total )?(?:number|numbers|amount|figures?|breakdown|list|names) of\b(?! (?:the|a|an|your|that|this)\b)",
        needs=_NOT_ABOUT_ME),
    cue("foi", "many", r"\bhow many (?:\w+ ){1,5}(?:were|have been|was|has been|did (?:you|the council)|has the council"
                       r"|have you) (?:issued|received|spent|employed|recorded|repaired|paid|made|upheld|reported|given"
                       r"|sold|approved|refused|fined|evicted|sent|handed out)\b"),
    # cue words are the verbs, not "number": "the number of" is everyday talk
    cue("foi", "issued received recorded employed repaired upheld sold approved refused fined evicted handed carried",
        r"\bthe number of (?:\w+ ){1,4}(?:issued|received|recorded|employed|repaired|upheld|sold|approved|refused|fined"
        r"|evicted|handed out|carried out)\b"),
    # the council's spending: "the total amount spent on agency staff"
    cue("foi", "total amount sum", r"\b(?:total|amount|sum|totals) (?:\w+ ){0,2}(?:spent|paid|paid out|received|budgeted"
                                   r"|allocated|wasted|awarded)\b",
        needs=r"^(?!.*\b(?:i|ive|we|weve|my|our)\b (?:\w+ ){0,3}(?:spent|paid))"),
    cue("foi", "release provide publish send share copies copy figures", r"\b(?:release|provide|publish|send me|share) (?:\w+ ){0,3}(?:figures"
                                                      r"|invoices?|spend(?:ing)? data|contract value|correspondence"
                                                      r"|breakdown)\b|\bcop(?:y|ies) of (?:all )?(?:the )?(?:correspondence"
                                                      r"|emails|contracts?|invoices|minutes of internal)\b",
        needs=_NOT_ABOUT_ME),
)

_SAR: tuple[Cue, ...] = (
    # Lewes 9.2: messages may be subject to access legislation. A subject access request is a
    # person's request for their own data (UK GDPR Article 15): one calendar month, not FOI.
    cue("sar", "subject sar dsar access", r"\bsubject access\b|\bsar\b(?! (?:\d|pounds))|\bdsar\b|\bright of access\b"),
    cue("sar", "article", r"\barticle 15\b"),
    cue("sar", "know", r"\bwhat (?:do|does) (?:you|the council|\w+ council|your \w+) know about me\b"),
    cue("sar", "wrote written recorded held kept keep keeps hold holds", r"\b(?:data|information|info|records?|files?|notes|everything|anything"
                                                   r"|what) (?:\w+ ){0,4}(?:wrote|written|recorded|held|kept|keep|keeps|hold"
                                                   r"|holds) (?:on|about) me\b"),
    cue("sar", "data information info records record files file notes details everything anything emails "
               "recordings recording", r"\b(?:data|information|info|records?|files?|notes|details|everything|anything|emails|recordings?)"
                     r" (?:that |which )?(?:you|youve|you have|you ve|the council|the councils?|your (?:\w+ )?(?:team|dept"
                     r"|department|staff|office)|this council|\w+ council)(?: have| has| hold| holds| keep| keeps| store"
                     r"| stores| got| have got| ve got| recorded| written| wrote| held| kept| collected)* (?:on|about|relating"
                     r" to|regarding) me\b"),
    # "copies of the emails your staff sent about me"
    cue("sar", "emails email messages letters correspondence notes records record reports report files file recordings "
               "footage photos information info data details everything anything",
        r"\b(?:emails?|messages|letters|correspondence|notes|records?|reports?|files?|recordings?|footage|photos"
        r"|information|info|data|details|everything|anything) (?:\w+ ){0,5}(?:about|on|mentioning|mention|mentions"
        r"|concerning|regarding|relating to|naming) me\b",
        needs=r"\b(?:copy|copies|see|send|access|request|requesting|want|like|get|obtain|view|provide|release|disclose"
              r"|entitled)\b"),
    cue("sar", "data information info records record file files notes footage recordings recording emails cctv images photos send",

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
                                                      r"|\bthis is a complaint\b|(?<!no )(?<!any )(?<!number of )(?<!many )\bcomplaints? (?:form|procedure|process"
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
    cue("complaint", "grievance", r"\b(?:formal|official|raise|raising|lodge|lodging|file|filing|submit|submitting|make"
                                  r"|making) (?:a )?grievance\b"),
    # a message headed with what it is: "Complaint: the bin men...", "FORMAL COMPLAINT - ..."
    cue("complaint", "complaint", r"^ (?:(?:formal|official|new|another|urgent|serious) )?complaint\b(?! (?:was|has|is"
                                  r"|handled|dealt|resolved|sorted|upheld|withdrawn)\b)"),

    cue("complaint", "escalate escalated escalating", r"\b(?:escalate|escalated|escalating) (?:this|my|it|the matter|to)\b"
                                                     r"|\b(?:want|need) (?:this|it) escalated\b|\b(?:want|wish|would like|d like"
                                                     r"|need|going|intend) to escalate\b"),
    cue("complaint", "formal", r"\b(?:want|expect|demand|request|like|need|await) (?:a |an )?formal (?:response|reply|apology"
                               r"|investigation)\b"),
    # The Ombudsman's definition: "an expression of dissatisfaction, however made, about the
    # standard of service, actions or lack of action" (LGSCO). Said of the council's service,
    # not of the weather or the traffic.
    cue("complaint", "disgrace disgraceful shambles shocking appalling unacceptable ridiculous rude unhelpful joke "
                     "fed sick enough laugh still waited nobody noone never hold third fourth fifth 2nd 3rd 4th "
                     "5th 6th missed",
        r"\b(?:disgraceful|(?:is|are) a disgrace|shambles|shocking|appalling|unacceptable|ridiculous"
        r"|rude|unhelpful|(?:absolute|total|complete) joke|fed up|sick (?:and tired )?of|not good enough|having a laugh)\b"
        r"|\bstill (?:waiting|no (?:reply|response|answer|one|word|sign|call ?back)|not (?:been|fixed|sorted|collected|done"
        r"|emptied|repaired|heard))\b|\bwaited (?:\w+ ){0,2}(?:weeks|months|days|hours)\b|\b(?:noone|nobody) (?:has |have |ever )?"
        r"(?:come|came|been|turned up|got back|replied|answers?|answered|picks? up|bothered|called back|rung back)\b"
        r"|\bnever (?:answer|answers|reply|replies|respond|responds|pick up|picks up|call back|came|turned up|bothered)\b"
        r"|\bon hold for\b|\b(?:third|fourth|fifth|[2-6](?:nd|rd|th)) (?:time|week|month) (?:running|in a row|this)\b"
        r"|\bmissed again\b",
        needs=r"\b(?:council|councils|you|your|you lot|yous|bins?|collections?|collected|housing|repairs?|staff|service"
              r"|phone|line|reply|response|email|emails|roads?|potholes?|planning|parking|charges|officer|team"
              r"|department|tip|office|desk|crews?|binmen|bin men|waste|recycling|council tax|street ?lights?|reported"
              r"|grass|verges?|playground|park|toilets)\b"
              r"(?!.*\b(?:weather|rain|traffic|lol|haha|sunshine|dog|cat|kids loved|fireworks|scum|idiots?|wankers"
              r"|pricks|morons?|parasites|fools)\b)"),
)

_OUTLETS = (r"(?:argus|herald|gazette|express|echo|post|times|mail|mirror|courier|observer|chronicle|guardian|telegraph"
            r"|clarion|mercury|tribune|sentinel|bugle|newsquest|reach plc|national world"
            r"|independent|standard|advertiser|journal|news|sun|star|metro|bbc|itv|sky news|channel (?:4|5)|reuters"
            r"|press association|pa media|radio \w+|\w+ radio|\w+ fm|\w+ live|newspaper|paper|magazine|podcast"
            r"|newsletter of the \w+|meridian|look east|south today)")
# A newsroom by name, for "I'm from ..." and "... here": stricter than _OUTLETS, whose short words
# ("post", "mail", "times") are everyday words after "from".
_NEWSROOM = (r"(?:bbc(?: \w+)?|itv(?: \w+)?|sky news|channel [45]|radio \w+|\w+ radio|\w+ fm|\w+ tv|(?:\w+ )?(?:argus"
             r"|herald|gazette|express|courier|observer|chronicle|echo|advertiser|telegraph|guardian|clarion|mercury|tribune"
             r"|sentinel|bugle)|newsquest|reach plc|national world|(?!(?:the|a|an|our|your|my"
             r"|his|her|their) )\w+ (?:world|live|online|news|times|standard|journal)|daily mail|mail on sunday|the (?:local |daily"
             r" |weekly |evening )?(?:paper|newspaper)|meridian|look east|south today|reuters|press association"
             r"|pa media|(?:\w+ )?(?:magazine|podcast))")
# Wanting to be a journalist is a careers question, not the press.
_NOT_A_CAREER = (r"^(?!.*\b(?:work experience|placements?|internships?|careers?|courses?|degree|apprenticeships?"
                 r"|wants? to (?:be|become)|studying to|training to|when (?:i|he|she|they) grows? up)\b)")
_NEWSROOM_WORDS = ("bbc itv sky channel radio fm tv argus herald gazette express courier observer chronicle echo advertiser "
                   "clarion mercury tribune sentinel bugle newsquest reach national "
                   "telegraph guardian world live online news post times mail standard journal paper newspaper meridian "
                   "look south reuters press pa magazine podcast")
_PRESS: tuple[Cue, ...] = (

    # Lewes appendix 1, 8.2: refer comments from or about the press to the PR agency.
    # Buckinghamshire, "General": the communications team is consulted on all press contact.
    cue("press", "journalist journalists journo reporter reporters correspondent correspondents newsdesk newsroom",
        r"\b(?:journalists?|journo|reporters?|correspondents?|newsdesk|newsroom)\b(?! (?:said|says|wrote|reported|claims)"
        r"\b)(?<!the reporter)(?<!your reporter)", needs=_NOT_A_CAREER),
    cue("press", "desk editor producer producers produce", r"\bnews desk\b|\b(?:news|deputy|features|assistant|political|local"
                                                   r" democracy) editor\b|\beditor (?:at|of) (?:the )?\w+|\bi produce"
                                                   r" (?:the|a)\b|\bproducer (?:at|on|for|with) (?:the )?\w+"),
    cue("press", "story article feature piece report segment item", r"\b(?:running|writing|doing|working on|publishing|covering|producing|filming"
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
              r"|[a-z]+ news|\w+ world|\w+ online|front page|tomorrows paper|edition|airtime|broadcast)\b"),
    cue("press", "press media", r"\b(?:press|media) (?:enquiry|enquiries|inquiry|request|query|office|officer|team|contact)\b"),
    cue("press", "work works working write writes", r"\b(?:i|we) (?:work|works|am working|write|writes) (?:for|at|with)"
                                                    r" (?:the |a |an )?(?:local |national |regional |online |community )?(?:\w+ (?=(?:clarion|mercury|tribune"
                                                    r"|sentinel|bugle|gazette|herald|argus|courier|chronicle|observer)\b))?"
                                       + _OUTLETS + r"\b(?! office| box| code)"),
    cue("press", "here newsroom desk", r"\b(?:courier|argus|herald|gazette|express|echo|observer|chronicle|bbc \w+|itv \w+|radio \w+"
                         r"|\w+ fm|newspaper|paper|news|times|post|mail|mirror|standard|advertiser|\w+ online|\w+ live"
                         r"|\w+ world|\w+ radio|\w+ tv|magazine|podcast|newsquest|clarion|mercury|tribune|sentinel)"
                         r" (?:news )?(?:here|newsroom|news desk)\b"),
    cue("press", "behalf", r"\bon behalf of (?:the )?(?:bbc|itv|sky news|reuters|press association|pa media|" + _OUTLETS
                           + r")\b"),
    cue("press", "readers listeners viewers deadline publication publishing print air",
        r"\bour (?:readers|listeners|viewers)\b|\bdeadline (?:is )?(?:\d|today|tonight|noon|midday|this)|\bfor publication"
        r"\b|\bpublishing (?:tonight|tomorrow|today|this)\b|\bgoing to print\b|\bon air\b"),
    # "I'm from BBC Radio Sussex", "this is Jo from the Argus", "calling from ITV Meridian"
    cue("press", _NEWSROOM_WORDS, r"\b(?<!journalism )(?<!article )(?<!articles )(?<!piece )(?<!story )(?<!coverage )"
                                  r"(?<!report )(?<!reporting )(?<!headline )(?<!letter )(?:from|with) (?:the )?" + _NEWSROOM + r"\b(?! (?:said|says|reported|wrote|claims|that"
                                  r"|shop|round|boy|girl|delivery|deliveries|recycling|bins?|subscription|website|app)\b)",
        needs=r"^(?!.*\b(?:saw|see|seen|read|watched|heard|listening to|listened to|watching|article|story in)\b)"),

    # "come on the breakfast show", "be interviewed for the 6pm bulletin"
    # "a researcher at BBC Panorama", "presenter on Radio Sussex"
    cue("press", "researcher researchers producer presenter editor journalist reporter correspondent freelancer",
        r"\b(?:researcher|producer|presenter|editor|journalist|reporter|correspondent|freelancer)s? (?:at|for|with|on|from)"
        r" (?:the )?" + _NEWSROOM + r"\b",
        needs=r"^(?!.*\b(?:saw|see|seen|read|watched|heard|listening to|listened to|watching|said|says)\b)"),
    # "can someone from the council speak to BBC South Today"

    cue("press", "speak talk chat", r"\b(?:someone|anyone|somebody|a councillor|a spokesperson|the leader|you) (?:\w+ ){0,4}"
                                    r"(?:speak|talk|chat) (?:to|with) (?:us at )?(?:the )?" + _NEWSROOM + r"\b",
        needs=r"^(?!.*\b(?:saw|seen|read|watched|heard|listening to|listened to|watching|spoke|talked)\b)"),
    cue("press", "show shows programme programmes program podcast bulletin",
 r"\bcome on (?:the|our|my|your|tomorrows|todays"
        r"|tonights|this|a) (?:\w+ ){0,2}(?:show|programme|program|podcast|bulletin|phone in)\b|\b(?:breakfast|drive ?time"
        r"|drive|morning|afternoon|evening|lunchtime|late night|weekend|phone in|teatime|\d+ ?pm|news) (?:show|programme"
        r"|bulletin)s?\b(?=.*\b(?:come on|join us|speak|talk|interview|available|spokesperson|councillor|guest|chat"
        r"|live|on air|someone)\b)"),
    cue("press", "interviewed interview", r"\bbe interviewed\b(?! for (?:the |a |an )?(?:job|post|role|position|vacancy))"
        r"|\bavailable for (?:an )?interview\b(?! (?:for|about) (?:the |a )?(?:job|post|role|position))"
        r"|\b(?:radio|tv|phone|live|on air|recorded|filmed|down the line) interview\b"),
)


CUES: tuple[Cue, ...] = (*SAFEGUARDING_CUES, *DISCLOSURE_CUES, *NET_CUES, *_EMERGENCY, *_FOI, *_SAR, *_COMPLAINT,
                         *_PRESS, *ABUSE_CUES, *REFERRAL_CUES)
"""Every phrase pattern triage tries (pseudo-labels NOW and URGENT included, see core.triage)."""
