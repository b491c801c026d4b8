"""Party-political and commercial cues for `core.triage` (data).

Lewes 8.1 and appendix 1, 5.1: comments that are party political, or that promote or endorse a
commercial product, service or company, are referred (not removed). Buckinghamshire, "Political
posts" (council accounts never campaign or take a side) and "Spam, viruses, scams and hacking"
(report bots and spam accounts; do not open their links).
"""

from __future__ import annotations

from core.triage_cue import Cue, cue

_PARTY = (r"(?:labour|tory|tories|conservatives?|lib ?dems?|liberal democrats?|greens|green party|reform(?: uk| party)?"
          r"|snp|plaid(?: cymru)?|ukip|independents?|the conservatives|corbyn|starmer|farage|sunak|badenoch|reform uk)")
_PARTY_WORDS = ("labour tory tories conservative conservatives lib libdem libdems dems liberal greens party reform snp "
                "plaid ukip independent independents corbyn starmer farage sunak badenoch")
# A party named outright (not "independent" or "reform", which are also everyday words).
_NAMED_PARTY = (r"(?:labour|tory|tories|conservatives?|lib ?dems?|liberal democrats?|greens|green party|reform uk|snp"
                r"|plaid(?: cymru)?|ukip)")
# "Vote green" is the party unless a bin, a space or a scheme follows.
_NOT_GREEN_PARTY = (r"bins?|waste|spaces?|belt|flag|award|awards|initiative|scheme|option|energy|travel|transport|deal"
                    r"|lane|light|box|bags?|garden|ideas?|plan|plans|policy|policies|homes|roofs?|walls?|team award")
_POLITICAL: tuple[Cue, ...] = (
    # Lewes 8.1 and appendix 1, 5.1: party political comments are referred, not removed.
    # Buckinghamshire, "Political posts": council accounts never campaign or take a side.
    cue("political", "vote voting voted votes", r"\b(?:vote|voting|votes) (?:for )?(?:the )?" + _PARTY + r"\b(?! day)"
                                                r"|\b(?:dont|do not|never|wont|will never|wouldnt|stop) (?:ever )?vote"
                                                r" (?:for )?(?:them|him|her|this lot|that lot|" + _PARTY + r")\b"
                                                r"|\bvote (?:them|him|her|this lot|the lot of (?:them|you)|you all|you"
                                                r" lot|these clowns|the \w+) out\b|\bvote (?:for )?(?:me|us|our candidate"
                                                r"|\w+ \w+ (?:in|for) \w+ (?:ward|division))\b|\bvote independent\b"
                                                r"|\bvote (?:out|them out) (?:the |all the )?" + _PARTY + r"\b"),
    cue("political", "votelabour votetory voteconservative votegreen votereform votelibdem votesnp voteplaid "
                     "voteindependent toriesout toryout labourout reformout libdemsout",
        r"\bvote(?:labour|tory|conservative|green|reform|libdem|snp|plaid|independent)\b|\b(?:tories|tory|labour"
        r"|reform|libdems?)out\b"),
    cue("political", _PARTY_WORDS, r"\b" + _PARTY + r" (?:out|in|gain|win|majority|landslide|will (?:fix|sort|deliver"
                                   r"|stop|save|cut|scrap|bring|get)|are the only|is the only|the only party|candidate"
                                   r"|leaflets?|campaign\w*|canvass\w*|focus team|team will be|for (?:a )?change|to win"
                                   r"|government would|have run|ran|have ruined|ruined|destroyed|have destroyed|have let"
                                   r"|let us down|have failed|are a disaster|are a joke|are finished|betrayed|councillors? (?:have|has)"
                                   r" (?:ruined|destroyed|wrecked))\b"
                                   r"(?! (?:of|door))"),
    cue("political", "ballot polls election elections elect reelect re", r"\b(?:kick|throw|boot|chuck|get|turf|vote) (?:them|\w+"
                                                                         r" \w+|the \w+) out (?:at|in) (?:the )?(?:ballot"
                                                                         r"|polls|next election|election|may)\b|\b(?:re ?elect"
                                                                         r"|elect) (?:independent|\w+ candidates?|me|us"
                                                                         r"|our|a|the " + _PARTY + r"|" + _PARTY + r")\b"),
    cue("political", "candidate candidates standing leaflet leaflets canvassing doorknocking knocking campaign campaigning "
                     "join support",
        r"\b(?:our|my|the \w+|your local \w+) (?:party )?candidates?\b(?! (?:list|for the job|for the post))"
        r"|\bstanding (?:as|for) (?:the |a )?(?:\w+ ){0,2}(?:candidate|councillor|party|election)\b|\b(?:door ?knocking"
        r"|canvassing)\b|\b(?:election|campaign|party|focus) leaflets?\b|\bcampaign (?:to elect|for (?:the )?" + _PARTY
        + r")|\belection campaign\b|\bjoin (?:the )?" + _PARTY + r"\b|\bsupport (?:our|the) " + _PARTY),
    # a party named beside a word of campaigning, said any way
    cue("political", "vote votes voting voted elect elected election elections reelect ballot campaign campaigning "
                     "candidate candidates canvassing leaflet leaflets byelection",
        r"\b(?:vote|votes|voting|voted|re ?elect|elect|elected|election|elections|by ?election|ballot|campaign|campaigning"
        r"|candidates?|canvassing|leaflets?)\b", needs=r"\b" + _PARTY + r"\b(?! day\b)"),
    cue("political", "party", r"\bthe only party\b|\bparty that (?:listens|cares|will)\b"),
    # backing a party said any way: "Vote Green", "Back Reform", "Lib Dems winning here", "Tory-run council"
    # cue words are the verbs (and "greens"), not "green", a word of every bin message
    cue("political", "vote voting votes backing supporting elect", r"\b(?:vote|voting|votes|backing|supporting|elect)"
        r" (?:for )?(?:the )?greens?\b(?! (?:" + _NOT_GREEN_PARTY + r")\b)"),
    cue("political", "greens", r"\b(?:back|support) (?:the )?greens\b"),
    cue("political", _PARTY_WORDS, r"\b(?:back|backing|support|supporting|elect"
        r"|re ?elect) (?:the |your local |our |a )?" + _PARTY + r"\b(?! (?:of|to|the|in the way)\b)"),
    cue("political", _PARTY_WORDS, r"\btime for (?:a |the )?" + _NAMED_PARTY + r"\b"),
    cue("political", _PARTY_WORDS, r"\b" + _PARTY + r" (?:councillors?|candidates?|mps?|government|council) will (?:fix|sort"
        r"|deliver|stop|save|cut|scrap|bring|get|freeze|protect|build|clean)\b"),
    cue("political", _PARTY_WORDS, r"\b" + _NAMED_PARTY + r" (?:members?|activists?|supporters?|volunteers?)\b"),
    cue("political", "cross", r"\b(?:put|place|mark) (?:your|a|my|our) (?:cross|x) (?:next to|by|beside|for|against)\b"),
    cue("political", _PARTY_WORDS + " beat", r"\b" + _PARTY + r" (?:are |is )?(?:winning|can win|cant win|can beat|will beat"
        r"|beat|can stop|will stop|to stop|keep out)\b|\bcan beat (?:the )?" + _PARTY + r"\b|\btwo horse race\b"),
    cue("political", "leafleting leafletting canvassing campaigning doorknocking knocking", r"\b(?:leafleting|leafletting"
        r"|canvassing|campaigning|door ?knocking|knocking on doors) (?:\w+ ){0,3}(?:for|with) (?:the |our |your local )?"
        r"(?:" + _PARTY + r"|green)\b"),
    cue("political", _PARTY_WORDS, r"\b" + _NAMED_PARTY + r" (?:run|led|controlled|administration|council|cuts?"
        r"|majority)\b"),
    cue("political", "let", r"\bdont let (?:them|the \w+|this lot|that lot) (?:back )?in\b", needs=r"\b" + _PARTY + r"\b"),
)

# What a spam post is paid for, and the ends of the addresses it sends people to (dots are spaces here).
_PER_TASK = "survey|task|click|review|referral|sign up|signup"
_PER_TASK_WORDS = "survey surveys task tasks click clicks review reviews referral referrals sign signup signups"
_DOMAIN = r"com|co uk|co|biz|xyz|info|net|io|vip"
_DOMAIN_WORDS = "com co biz xyz info net io vip"
# Money or an offer, and no sign it is a resident asking whether it is a scam.
_MONEY_OFFER = (r"^(?!.*\b(?:scam|scams|scammers?|legit|phishing|fake|dodgy|genuine|is this real|gov uk|nhs uk|police uk)\b)"
                r".*(?:£|\b(?:free|earn|earning|paid|win|won|claim|discount|off|deal|deals|cheap|bonus|cash|money|prize"
                r"|offer|sale|loans?|credit)\b)")

_COMMERCIAL: tuple[Cue, ...] = (
    # Lewes 8.1 and appendix 1, 5.1: comments that promote or endorse a commercial product,
    # service or company are referred. Buckinghamshire, "Spam, viruses, scams and hacking":
    # report bots and spam accounts; do not open their links.
    cue("commercial", "dm inbox message pm whatsapp text", r"\b(?:dm|inbox|message|pm|whatsapp|text) (?:me|us)(?: now)? (?:for"
                                                           r" (?:more )?(?:details|info|information|prices|rates|a quote|more"
                                                           r"|the link|a price)|to (?:start|earn|join|invest|learn|find out"
                                                           r"|get started|claim|book))\b"),
    cue("commercial", "earn earning money income freedom bitcoin crypto forex btc invest investment investing trading work "
                      "working "
                      "profit profits",

        r"\bearn(?:ing)? (?:£|\$|up to |over )?\d[\d,k]*|\bearn (?:money|cash|extra)\b|\b(?:work(?:ing)?|earn) from home\b(?=.*(?:£|\$|\bdm\b|\bearn\b|\bmessage"
        r" me\b|\bdetails\b))|\bpassive income\b|\bfinancial freedom\b|\bdouble your (?:money|investment)\b"
        r"|\b(?:bitcoin|crypto|forex|btc|nft|binary) (?:trading|investment|expert|mining|profit|account manager|trader)"
        r"|\binvest(?:ing|ment)? (?:in|with) (?:bitcoin|crypto|forex|me|us)\b|\btrading expert\b"),
    # "%" is punctuation to triage: "300% returns guaranteed" reads "300 returns guaranteed"
    cue("commercial", "returns return profit profits guaranteed signals telegram",
        r"\b\d+ (?:percent )?(?:returns?|profits?) (?:guaranteed|daily|weekly|monthly|a week|a month|per|in)\b"
        r"|\bguaranteed (?:returns?|profits?|income)\b|\b(?:returns?|profits?) guaranteed\b|\bsignals? groups?\b"
        r"|\bjoin (?:us |my group |our group |my channel |our channel )?on telegram\b"),
    cue("commercial", "sell homemade handmade orders", r"\b(?:i|we) (?:sell|make and sell|bake and sell|do) (?:homemade"
        r"|handmade|home made|hand made|bespoke|custom)\b|\borders (?:are )?(?:now )?open\b|\btaking orders\b"),
    cue("commercial", "try bogof buy two", r"\btwo (?:for|4) one\b|\bbuy one get one\b|\bbogof\b|\bcome (?:and )?try"
        r" us\b"),
    cue("commercial", "followers likes views subscribers", r"\b(?:followers|likes|views|subscribers) (?:\d+k? )?for\b|\b(?:cheap|buy|get|more|gain|grow|boost|real|instant) (?:\w+ )?"
                                                           r"(?:followers|likes|views|subscribers)\b"),
    cue("commercial", "congratulations congrats won winner selected claim prize reward voucher vouchers giveaway gift free",
        r"\b(?:congratulations|congrats) (?:\w+ )?(?:you|u)(?: have| ve|ve)? (?:won|been selected|are (?:our|the) winner)"
        r"|\b(?:you|u)(?: have| ve|ve)? (?:won|been selected)\b(?! (?:the|a) (?:award|election))|\bclaim (?:your|the|my)"
        r" (?:prize|reward|voucher|gift|winnings|refund now)\b|\bgiveaway\b|\bfree (?:iphone|ipad|gift ?card|voucher"
        r"|samsung|ps5)\b|\b£?\d+ (?:tesco|asda|amazon|aldi|lidl|sainsburys) (?:voucher|gift card)\b"),
    cue("commercial", "ask", r"\bask me how\b", needs=r"\b(?:£|earn|made|make|money|crypto|bitcoin|trading|profit|k)"),
    # money or an offer beside a call to act on it: the shape of spam and adverts
    cue("commercial", "earn earning money income cash profit invest investment voucher prize free discount offer deal "
                      "sale off hiring sponsors sponsor promote promotion cheap bonus cashback wholesale products",
        r"\b(?:earn|earning|money|income|cash|profit|invest|investment|voucher|prize|discount|offer|deal|sale|off"
        r"|hiring|sponsors?|promote|promotion|free|cheap|bonus|cashback|wholesale|products)\b",
        needs=r"\b(?:dm|inbox|pm|message me|whatsapp|link in (?:my |the )?bio|click|apply via|apply now|join my|join our"
              r"|sign up|claim now|order now|book now|follow us|follow our|from your phone|from home|no experience"
              r"|message for|dm for|call for a free|your business|on our page)\b"),
    # cue words are the money and where it is made, not "make"
    cue("commercial", "money cash home online fast daily weekly", r"\bmake (?:money|£\d[\d,k]*|cash)(?: (?:a|per|each)"
        r" (?:day|week|month|hour))? (?:from home|online|fast|daily|weekly)\b"),
    # paid per task, a site to sign up at, recovery and brand-ambassador pitches
    cue("commercial", "paid get getting", r"\bget(?:ting)? paid (?:£|\d|to (?:test|try|review|watch|play|take|do|complete"
        r"|answer|share|post|like|chat|walk|text)|for (?:your )?(?:opinions?|surveys?|reviews?|testing|watching|sharing"
        r"|posting)|per (?:survey|task|click|review|referral|post|video)|daily|weekly|from home|online|instantly|cash)"
        r"|\bpaid (?:online )?(?:surveys?|reviews?|tasks?|testing|promotions?|partnerships?)\b"),
    cue("commercial", _PER_TASK_WORDS, r"\b£?\d[\d,.]*k? (?:per|a|an|each|for every|for each) (?:" + _PER_TASK + r")s?\b"
),
    cue("commercial", _DOMAIN_WORDS, r"\b(?!(?:the|a|and|of|in|at|to|on|by|safety|fishing|goal|hair|social) )\w{3,} (?:" + _DOMAIN + r")\b(?! op\b)",
        needs=_MONEY_OFFER),
    cue("commercial", "join sign register", r"\b(?:join|sign up|register) (?:today|now|free|for free|here)\b",
        needs=_MONEY_OFFER),
    cue("commercial", "recovered recover back", r"\b(?:recovered|recover|got back|get back) (?:my|your|all my|all your|our)"
        r" (?:lost |stolen |scammed |hacked )?(?:\w+ )?(?:bitcoin|crypto|btc|funds|money|investment|wallet|usdt|account)\b",

        needs=r"\b(?:thanks to|contact|reach out|recommend|hacker\w*|expert|telegram|whatsapp|dm|inbox|instagram)\b"),
    cue("commercial", "recommend", r"\b(?:highly|strongly) recommend (?:mr|mrs|ms|miss|dr|this (?:expert|hacker|trader"
        r"|woman|man|lady|company)|her|him)\b(?=.*\b(?:bitcoin|crypto|trading|invest\w*|forex|hack\w*|recover\w*"
        r"|profit|earn\w*|contact|whatsapp|telegram)\b)"),
    cue("commercial", "ambassador ambassadors influencers models collab", r"\b(?:brand )?ambassadors? (?:wanted|needed)\b"
        r"|\bbrand ambassadors?\b|\b(?:influencers|models) (?:wanted|needed)\b|\bcollab\b(?=.*\b(?:dm|inbox|message"
        r"|whatsapp)\b)"),
    cue("commercial", "cheap sale offer shop buy order deal " + _DOMAIN_WORDS, r"\b(?:only|just) £\d[\d,.]*\b(?=.*\b(?:cheap|sale|offer|shop|buy|order|deal|" + _DOMAIN
        + r")\b)"),
    cue("commercial", "bio link click", r"\blink in (?:my |the )?bio\b|\bclick (?:the |this |my |on the )?link (?:below|in|to"
                                        r" claim|now|here)\b"),
    cue("commercial", "verify violated disabled suspended standards community meta appeal",
        r"\bverify your (?:account|page|identity|details)\b|\b(?:account|page) (?:will be|has been|is being) (?:disabled"
        r"|suspended|deleted|restricted|removed|unpublished)\b|\bviolated (?:our )?community (?:standards|guidelines)\b"
        r"|\bmeta (?:support|team|verified|business)\b|\bfacebook (?:security|support) team\b"),
    cue("commercial", "off discount promo code quote prices price cheapest affordable reasonable competitive rates book "
                      "deals best",
        r"\b\d+ (?:percent )?off\b|\b(?:discount|promo|voucher) code\b|\buse (?:the )?code\b|\bfree (?:quote|quotes"
        r"|estimate|consultation|trial)\b|\bbest (?:prices?|rates|deals)\b|\bcheapest (?:\w+ ){0,2}in\b|\b(?:affordable"
        r"|reasonable|competitive|unbeatable|low) (?:rates|prices)\b|\bbook (?:now|online today|today|your \w+ now)\b"),
    cue("commercial", "check follow visit subscribe", r"\b(?:check out|follow|visit|like|subscribe to) (?:my|our) (?:\w+ )?(?:page"
                                                   r"|profile|website|site|shop|channel|store|instagram|tiktok|business)\b"),
    cue("commercial", "onlyfans fans sugar hookup hookups singles", r"\bonly ?fans\b|\bsugar (?:daddy|baby|mummy|momma)\b"
                                                                    r"|\bhook ?ups?\b|\b(?:hot|local|lonely|sexy) singles\b"
                                                                    r"|\bsingles in (?:your|the) area\b"),
    cue("commercial", "buy cash", r"\bwe buy (?:any|all|your)\b|\binstant cash\b|\bcash (?:paid|for) (?:cars|gold|houses"
                                  r"|your)\b"),
    cue("commercial", "follow designer", r"\bfollow \w+ for (?:\w+ ){0,3}(?:cheap|deals?|discounts?|offers?|bargains?|half"
                                         r" price|designer|free)\b|\bdesigner (?:\w+ )?(?:bags|handbags|trainers|watches"
                                         r"|perfume|sunglasses) (?:at|for|from|only|half)\b"),
    cue("commercial", "text cash fast quick easy", r"\btext \w+ to \d{5}\b|\b(?:fast|quick|easy) cash\b|\bcash fast\b"),
    cue("commercial", "prices price", r"\bprices? (?:from|start(?:ing)? (?:from|at)|only) £\d"),
    cue("commercial", "weight slimming keto diet", r"\b(?:lose weight|weight loss|slimming (?:pills|tablets|jabs|shots)|keto"
                                                   r" (?:pills|gummies)|diet (?:pills|gummies))\b",
        needs=r"\b(?:click|link|dm|bio|order|buy|shop|message me|inbox)\b"),
    cue("commercial", "click here", r"\bclick (?:here|below|the link)\b",

        needs=r"\b(?:win|won|free|prize|claim|singles|offer|deal|verify|account|earn|money|cash|gift)\b"),
    cue("commercial", "seo marketing design services offer", r"\b(?:seo|marketing|web design|website design|social media"
                                                             r" marketing|digital marketing) (?:services|agency|expert)\b"
                                                             r"|\bwe offer\b|\bwe provide (?:\w+ ){0,3}services\b"
                                                             r"|\b(?:web|website|app|logo) design\b(?=.*\b(?:contact|whatsapp"
                                                             r"|dm|inbox|affordable|cheap|best|offering|sir)\b)"),
    cue("commercial", "loans loan credit payday approved", r"\bloans? (?:approved|available|in minutes|today)\b|\bno credit"
                                                           r" checks?\b|\bpayday loans?\b|\bapproved in minutes\b"
                                                           r"|\bloans? for (?:bad|poor|no) credit\b|\bbad credit (?:loans?"
                                                           r"|ok|welcome|accepted)\b"),
    # testimonials for a "manager" who made someone money: "Mrs Jane helped me make £9000, contact her"
    cue("commercial", "helped help", r"\bhelped me (?:to )?(?:make|earn|made|earned|recover|get back|gain|grow) (?:£|\d|money"
                                     r"|profit|my)",
        needs=r"\b(?:whatsapp|telegram|contact (?:him|her|them)|dm|inbox|message (?:him|her)|reach (?:him|her|out))\b"),
    cue("commercial", "available hire services taking slots", r"\b(?:cleaner|cleaners|gardener|handyman|plumber|electrician|roofer|roofing"
                                                 r"|driveways?|skip hire|removals|man with (?:a )?van|dog walker|tutor|builder"
                                                 r"|painter|decorator|nails|lashes|tree surgeon|gutter cleaning|window"
                                                 r" cleaner) (?:available|services|for hire|now taking|taking bookings"
                                                 r"|slots)\b"),
)

CUES: tuple[Cue, ...] = (*_POLITICAL, *_COMMERCIAL)
"""The political and commercial cues."""
