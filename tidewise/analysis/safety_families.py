# ruff: noqa: E501  (a table of regular expressions: one rule per entry reads better than wrapped)
"""The safety screen's rules for the families a fresh writer showed it missing (issue 12,
round 2): harm to others with a target, a plan or a weapon; the means looked at, bought
or moved without a word of intent; reckless risk with drink, cars or children; the
quiet arrangements of someone getting ready to go; a death meant for the partner to
find. Written from the categories a clinician screens for, not from single sentences.

Same shape as safety_implied: (name, pattern, negatable, level), on normalised text.
Most are "possible": a gentle "are you safe right now?" costs little when the words
are innocent, and these words often are.
"""

from __future__ import annotations

from tidewise.analysis.safety_implied import CLEAR, POSSIBLE

_TARGET = r"(?:her|him|them|the (?:ow|om|ap|other woman|other man|affair partner)|his (?:mistress|girlfriend|ap)|her (?:boyfriend|lover|ap))"
# Ways to hurt or kill someone (the writer as the one acting).
_HARM = r"(?:kill|hurt|stab|strangle|choke|shoot|poison|beat|batter|punch|run (?:her|him|them) (?:over|off the road)|push (?:her|him|them) (?:down|off|under|in front)|set fire to|burn (?:her|his|their) (?:house|flat|car)|throw acid|acid in (?:her|his|their) face|go for (?:her|his|their) (?:eyes|throat|face)|smash (?:her|his|their) (?:face|head)|beat the (?:living )?\w+ out of)"
_WEAPON = r"(?:knife|knives|lock knife|blade|bat|baseball bat|hammer|crowbar|acid|petrol|gun|balaclava|insulin|antifreeze|rat poison)"
_ACT = r"(?:held|hold\w*|press\w*|put|putting|wrap\w*|pinch\w*|slam\w*|punch\w*|bang\w*|head-?butt\w*|scald\w*|scratch\w*|burn\w*|dug|dig\w*|jam\w*|stub\w*|bit|bite|biting|pull\w*|tied|tying)"
_BODY = r"(?:hands?|wrists?|arms?|palms?|thighs?|fingers?|skin|legs?|head|fists?|forearms?|stomach|feet|foot|nails|hair|knuckles|lip|cheek)"
_SELF_MEANS = r"(?:co-?codamol|paracetamol|codeine|tramadol|sleeping (?:pills|tablets)|painkillers|pills|tablets|antifreeze|bleach|charcoal|a hose ?(?:pipe)?|hosepipe|the belt|a belt|rope|razor blades|blades|the banister|the loft hatch|the beam)"

HARM_TO_OTHERS_MORE: tuple[tuple[str, str, bool, str], ...] = (
    (
        "want to harm them, and a plan",
        rf"\bi(?: really| just)?(?: |(?='d))(?:want|wanna|'d like|would like|am going|'m going|will|'ll|could)(?: to)? (?:[\w']+ ){{0,2}}?{_HARM}\b[^.!?]*?\b(?:planned|plan|worked out|know (?:where|when|how)|followed|no cameras|nobody(?:'s| is) there|the nerve|tonight|friday|thursday|this week)\b",
        True,
        CLEAR,
    ),
    (
        "want to harm them",
        r"\bi(?: really| just)?(?: |(?='d))(?:want|wanna|'d like|would like|keep wanting|can't stop wanting)(?: to)? (?:really |properly |badly )?(?:hurt|stab|poison|beat|batter|run (?:her|him|them) (?:over|off the road)|push (?:her|him|them) (?:down|off|under|in front)|set fire to|throw acid|go for (?:her|his|their))\b(?! (?:with (?:the truth|words|kindness|my words|my success|silence)|emotionally|(?:her|him|them) (?:emotionally|back emotionally|the way|like|as much)))",
        True,
        POSSIBLE,
    ),
    (
        "armed, on the way to them",
        rf"\b(?:i(?:'m| am) (?:bringing|taking)|i(?:'ve| have)? (?:bought|packed|brought|took|taken|sharpened)|with)\b[^.!?]{{0,25}}\b(?:the |a |my )?{_WEAPON}\b[^.!?]{{0,40}}\b(?:her|his|their|him|them|the om|the ow)\b|\b(?:bought|got|ordered)\b[^.!?]{{0,15}}\b(?:a |an )?(?:lock knife|balaclava|crowbar|acid)\b|\bi(?:'m| am) (?:bringing|taking) (?:the knife|a knife|something)\b",
        True,
        CLEAR,
    ),
    (
        "a target watched",
        r"\b(?:i (?:know|found out|worked out|have) (?:where|when|what time|which)|i(?:'ve| have) (?:got|found) (?:her|his|their) (?:address|shift|car reg|route|routine))\b[^.!?]{0,60}\b(?:she|he|they|her|his|their)\b[^.!?]{0,40}\b(?:lives|parks|works|finishes|goes running|runs|walks|alone|on (?:her|his|their) own|no cameras|nobody|shift|car park|staying)\b",
        False,
        POSSIBLE,
    ),
    (
        "followed them",
        r"\bi (?:followed|have followed|'ve followed)\b[^.!?]{0,20}\b(?:her|him|them)\b[^.!?]{0,30}\b(?:home|to (?:her|his|their|work|the gym)|twice|again|three times)\b|\b(?:waited|sat|stood|parked) outside (?:her|his|their) (?:house|flat|place|work)\b[^.!?]{0,30}\b(?:until|till|for hours|in the dark|at night|lights went off)\b|\b(?:driven|drove) past\b[^.!?]{0,40}\b(?:at night|in the dark)\b",
        False,
        POSSIBLE,
    ),
    (
        "poison in their food",
        r"\b(?:pills|insulin|antifreeze|bleach|rat poison|poison)\b[^.!?]{0,40}\b(?:his|her|their) (?:tea|coffee|food|drink|dinner|wine)\b|\bhow much \w+ (?:kills|would kill) (?:someone|a person|a man|a woman)\b",
        False,
        CLEAR,
    ),
)

SELF_HARM_MORE: tuple[tuple[str, str, bool, str], ...] = (
    # --- means looked at, bought, moved or read about, with no word of intent ---
    (
        "a means gathered",
        rf"\b(?:bought|buying|got|collected|collecting|saved|saving|hid|hidden|hiding|moved|laid out|lined up|counted|counting|sorted|stashed|kept back|kept)\b[^.!?]{{0,30}}\b{_SELF_MEANS}\b(?![^.!?]*\b(?:for (?:my |the |our )?(?:mum|mom|dad|nan|gran|garden|car|headache|back|period|cold|flu|dog|cat|horse|week|washing line|camping|climbing)|mum's|mom's|dad's|weekly|as prescribed|organi[sz]er|dosette|pill ?box)\b)",
        True,
        POSSIBLE,
    ),
    (
        "a means measured or read about",
        r"\b(?:measured|googled|looked up|reading about|read up on|researched|checked) (?:how (?:high|tall|strong|deep|far down)|how long it takes to (?:die|drown|bleed|work|lose consciousness)|the height of|the weight|what (?:it|\w+) does to|the dose|how much it takes|how many it takes|the (?:bridge|drop|banister|beam|fast trains?|train times))\b",
        False,
        POSSIBLE,
    ),
    (
        "the means, and why",
        rf"\b{_SELF_MEANS}\b[^.!?]{{0,60}}\b(?:i don't (?:really )?know why|not sure why|i keep checking|just looked at|didn't do anything|don't know what that says)\b",
        False,
        CLEAR,
    ),
    (
        "waiting for the fast train",
        r"\b(?:platform|tracks|railway|level crossing)\b[^.!?]{0,60}\b(?:fast trains?|trains? (?:go|went|come|came) (?:through|past)|didn't get on|for ages|an hour)\b|\bfast (?:one|train) that doesn't stop\b",
        False,
        POSSIBLE,
    ),
    (
        "at the edge, staying",
        r"\b(?:stood|sat|stayed|waited|parked)\b[^.!?]{0,30}\b(?:edge of the|top of the|over the|at the) (?:quarry|cliffs?|bridge|multi-?storey|car park|harbour wall|pier|reservoir|drop|river|railing)\b(?![^.!?]*\b(?:view|picnic|photos?|selfie|our walk|a walk|on holiday|with (?:the kids|friends|my (?:sister|brother|mum|dad|friend)))\b)",
        False,
        POSSIBLE,
    ),
    # --- self-injury told by the act on one's own body and how long or why ---
    (
        "self-injury by act and duration",
        rf"(?:^|\bi |\bkeep |\bkept |\bbeen |\bstarted )(?:\w+ )?{_ACT}\s+(?:[\w']+ ){{0,5}}?(?:my (?:own )?{_BODY}|myself)\b[^.!?]{{0,70}}\b(?:until|till|as long as i could|for as long as|so (?:tight|hard)|purple|meant to|on purpose|wanted it to hurt|to feel (?:something|it)|couldn't (?:stand|bear|take) it|again and again|over and over|every night|at night|so i can sleep|in chunks|for ages)\b",
        False,
        CLEAR,
    ),
    (
        "slashed or carved my skin",
        rf"(?:^|\bi (?:\w+ )?)(?:slash\w*|carv\w*|gouged|sliced (?:open|into))\s+(?:[\w']+ ){{0,3}}?(?:my (?:own )?{_BODY}|myself)\b",
        False,
        CLEAR,
    ),
    (
        "wanting the pain",
        r"\bhurt on the outside\b|\bthe pain (?:knocks me out|is the only thing that)\b|\b(?:wanted|needed) it to hurt\b(?=[^.!?]*\b(?:my (?:skin|body|arms?|hands?|legs?)|myself|on the outside)\b)",
        True,
        CLEAR,
    ),
    (
        "a tool on the skin",
        r"\b(?:craft knife|stanley knife|pencil sharpener blades?|sharpener blades?|broken (?:wine )?glass|hot end of|cigarette|lighter|radiator pipe|gas ring|hair straighteners)\b[^.!?]{0,40}\b(?:my (?:skin|wrists?|arms?|palms?|thighs?|legs?|stomach|hand)|myself|last night|on me)\b|\bi(?:'m| am) cutting\b|\bcutting like a teenager\b",
        True,
        POSSIBLE,
    ),
    (
        "starving or purging",
        r"\b(?:making|made|make) myself (?:sick|throw up|vomit)\b|\b(?:pulled|pulling|pull) my hair out\b|\bnot eating is (?:the only|how)\b|\b(?:haven't|have not|not) (?:eaten|kept food down) (?:in|for) (?:\w+ )?days\b",
        True,
        POSSIBLE,
    ),
    # --- reckless: drink, the car, the children ---
    (
        "wanting the worst to happen",
        r"\b(?:wanted|want|hoping|hoped|wished)\b[^.!?]{0,20}\b(?:the worst (?:thing )?to happen|something (?:bad )?to happen to me|(?:a|the) (?:crash|accident) to happen|it to (?:end|happen) on the road)\b|\bdidn't (?:even )?(?:flinch|brake|care)\b[^.!?]{0,30}\b(?:crash|lorry|bend|oncoming|speed|mph)\b",
        False,
        CLEAR,
    ),
    (
        "reckless on the road",
        r"\b(?:overtook|overtaking|sped|speeding|drove at|did|doing|ran (?:a|the) red)\b[^.!?]{0,30}\b(?:blind bend|oncoming|red lights?|school zone|crossing|\d{2,3} ?(?:mph|on the motorway)|without (?:my )?(?:seat ?belt|lights))\b",
        False,
        POSSIBLE,
    ),
    (
        "drunk with the children",
        r"\b(?:passed out|blacked out|blackout drunk|woke up on the (?:kitchen |bathroom )?floor|drank (?:the whole|most of (?:a|the)) bottle|(?:most|all) of a bottle|so drunk)\b(?=[^.!?]*(?:\b(?:kids|children|twins|baby|toddler|son|daughter|asleep next to me|school run|playground|car)\b))|\b(?:drank|drunk|over the limit)\b[^.!?]{0,40}\b(?:put the kids in the car|drove the kids|with the kids in the car)\b",
        False,
        POSSIBLE,
    ),
    (
        "alone in the dark, no phone",
        r"\b(?:blackout|black-out) drunk\b|\b(?:walk\w*|wander\w*) (?:home )?(?:alone )?through the (?:park|woods|estate) (?:alone )?(?:in the dark|at night)\b[^.!?]{0,20}\b(?:no phone|drunk)\b",
        False,
        POSSIBLE,
    ),
    # --- the quiet arrangements of someone getting ready to go ---
    (
        "a pet rehomed, a goodbye",
        r"\b(?:rehomed|re-homed|found a (?:new )?home for|gave away|given away|said goodbye to|told)\b[^.!?]{0,20}\b(?:the |my |our )?(?:cat|dog|pet|rabbit|bird|horse)\b(?![^.!?]*\b(?:vet|allerg\w*|moving abroad|landlord)\b)|\b(?:told|tell) (?:him|her) (?:he|she) (?:was|is) the best (?:boy|girl)\b[^.!?]{0,30}\bsorry\b",
        False,
        POSSIBLE,
    ),
    (
        "affairs in order",
        r"\b(?:cancelled|canceled|cancelling) (?:my|all my) (?:gym|phone contract|subscriptions|magazine|direct debits|appointments?|dentist)\b(?=[^.!?]*,)|\b(?:tidying things up|put(?:ting)? my affairs in order|sort(?:ed|ing)? (?:out )?my affairs|where (?:all )?the important (?:papers|documents) are|left the pin|my passwords? (?:down|for)|post-it notes on everything|who should have (?:it|what|them)|labelled (?:it|everything) (?:for|with))\b",
        False,
        POSSIBLE,
    ),
    (
        "a farewell",
        r"\b(?:farewell tour|saying goodbye to (?:people|everyone|everybody)|saying goodbye in little ways|needed (?:her|him|them) to know before|memoris\w+ (?:their|his|her) faces?|good ones to remember|something to remember me by|manage on (?:his|her|their) own|how to (?:do|manage) the bills|keep an eye on the kids for me|long term|said goodnight to (?:each of )?the kids twice)\b",
        False,
        POSSIBLE,
    ),
    # --- a death meant for the partner ---
    (
        "the partner to find me",
        r"\bmake sure (?:he|she|they|my (?:husband|wife|partner)) (?:is the one who )?finds? me\b|\b(?:stand|standing|cry|crying) (?:at|by|over) my (?:grave|coffin|body)\b|\b(?:the|my) note\b[^.!?]{0,30}\b(?:addressed to|for) (?:him|her|them)\b|\bbefore i do it\b",
        False,
        CLEAR,
    ),
    (
        "disappointed to wake",
        r"\b(?:won't|wouldn't|don't|not) wake up\b[^.!?]{0,30}\b(?:angry|annoyed|disappointed|gutted) when i do\b|^(?:woke up|still here|awake)\W+(?:still here|again)?\W*(?:gutted|disappointed|annoyed|great|brilliant)\W*$",
        False,
        CLEAR,
    ),
    (
        "getting out of it",
        r"\b(?:not planning on|no plan to|don't plan on) (?:getting through|surviving|being here)\b|\bplanning on getting out of (?:it|this)\b",
        False,
        CLEAR,
    ),
)
