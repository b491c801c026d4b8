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
                                   r"|government would|have run|ran|have ruined|ruined|destroyed|have destroyed|councillors? (?:have|has)"
                                   r" (?:ruined|destroyed|wrecked))\b"
                                   r"(?! (?:of|door))"),
    cue("political", "ballot polls election elections elect reelect re", r"\b(?:kick|throw|boot|chuck|get|turf|vote) (?:them|\w+"
                                                                         r" \w+|the \w+) out (?:at|in) (?:the )?(?:ballot"
                                                                         r"|polls|next election|election|may)\b|\b(?:re ?elect"
                                                                         r"|elect) (?:independent|\w+ candidates?|me|us"
                                                                         r"|our|a|the " + _PARTY + r"|" + _PARTY + r")\b"),
    cue("political", "candidate candidates standing leaflet leaflets canvassing doorknocking knocking campaign campaigning join support",
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
    cue("political", "let", r"\bdont let (?:them|the \w+|this lot|that lot) (?:back )?in\b", needs=r"\b" + _PARTY + r"\b"),
)

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
        r"\bearn(?:ing)? (?:£|\$|up to |over )?\d[\d,k]*|\bearn (?:money|cash|extra)\b|\bmake (?:money|£\d+|\$\d+|cash)"
        r" (?:from home|online|fast|daily|weekly)\b|\b(?:work(?:ing)?|earn) from home\b(?=.*(?:£|\$|\bdm\b|\bearn\b|\bmessage"
        r" me\b|\bdetails\b))|\bpassive income\b|\bfinancial freedom\b|\bdouble your (?:money|investment)\b"
        r"|\b(?:bitcoin|crypto|forex|btc|nft|binary) (?:trading|investment|expert|mining|profit|account manager|trader)"
        r"|\binvest(?:ing|ment)? (?:in|with) (?:bitcoin|crypto|forex|me|us)\b|\btrading expert\b|\b\d+% (?:returns?"
        r"|profit)"),
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
                      "sale off hiring sponsors sponsor promote promotion",
        r"\b(?:earn|earning|money|income|cash|profit|invest|investment|voucher|prize|discount|offer|deal|sale|off"
        r"|hiring|sponsors?|promote|promotion)\b",
        needs=r"\b(?:dm|inbox|pm|message me|whatsapp|link in (?:my |the )?bio|click|apply via|apply now|join my|join our"
              r"|sign up|claim now|order now|book now|follow us|follow our|from your phone|from home|no experience"
              r"|message for|dm for|call for a free|your business|on our page)\b"),
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
    cue("commercial", "click here", r"\bclick (?:here|below|the link)\b",
        needs=r"\b(?:win|won|free|prize|claim|singles|offer|deal|verify|account|earn|money|cash|gift)\b"),
    cue("commercial", "seo marketing design services offer", r"\b(?:seo|marketing|web design|website design|social media"
                                                             r" marketing|digital marketing) (?:services|agency|expert)\b"
                                                             r"|\bwe offer\b|\bwe provide (?:\w+ ){0,3}services\b"),
    cue("commercial", "loans loan credit payday approved", r"\bloans? (?:approved|available|in minutes|today)\b|\bno credit"
                                                           r" checks?\b|\bpayday loans?\b|\bapproved in minutes\b"),
    cue("commercial", "available hire services taking slots", r"\b(?:cleaner|cleaners|gardener|handyman|plumber|electrician|roofer|roofing"
                                                 r"|driveways?|skip hire|removals|man with (?:a )?van|dog walker|tutor|builder"
                                                 r"|painter|decorator|nails|lashes|tree surgeon|gutter cleaning|window"
                                                 r" cleaner) (?:available|services|for hire|now taking|taking bookings"
                                                 r"|slots)\b"),
)

CUES: tuple[Cue, ...] = (*_POLITICAL, *_COMMERCIAL)
"""The political and commercial cues."""
